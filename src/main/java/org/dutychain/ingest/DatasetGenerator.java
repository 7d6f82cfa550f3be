package org.dutychain.ingest;

import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a synthetic, deterministic dataset in the import format, with a
 * {@code truth.csv} of planted gaps.
 */
public interface DatasetGenerator {

	/**
	 * @param units approximate number of units
	 * @param seed the same seed and options give byte-identical files
	 * @param plantRate share of eligible places where a gap is planted (0 = none)
	 * @param out folder to write (created)
	 * @return row counts per file, and "planted" → number of truth rows
	 */
	Map<String, Integer> generate(int units, long seed, double plantRate, Path out);

	/**
	 * The generator without an application context (the CLI needs no database for it).
	 */
	static DatasetGenerator standalone() {
		return new org.dutychain.ingest.generate.ProvinceGenerator();
	}

}
