package org.dutychain.ingest.generate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dutychain.ingest.DatasetGenerator;

import org.springframework.stereotype.Component;

/**
 * Generates a synthetic province (合成数据): an organ work committee with its departments'
 * party groups, organ party and discipline committees, general branches, branches and
 * party cells; the discipline commission with its work committee and stationed teams;
 * county slices with townships, villages, communities, enterprises and institutions.
 * People, posts with history, duty lists cascading to every child, a year of activities,
 * three years of gradings, issues, listed supervision, assistance of weak units and first
 * secretaries.
 * <p>
 * The clean base ({@code plantRate} 0) produces no finding of any code listed in
 * {@code truth-codes.txt}; a positive rate plants gaps on that share of eligible places
 * (at least one per code when there is a place for it — per segment, see below) and lists
 * every finding they must produce in {@code truth.csv}. Deterministic: the same arguments
 * give byte-identical files.
 * <p>
 * Generated in segments, so that a national dataset of millions of units never is in
 * memory as a whole: county party committees are roots of their own, so the dataset is a
 * forest of the provincial organ system and independent county slices. The organ system
 * (bounded by the departments of {@link Names#DEPARTMENTS}) stays in memory for the whole
 * run; whole counties are added until a segment has at least {@value #SEGMENT_UNITS}
 * units (a county has a few hundred), and each segment is staffed, graded, assisted,
 * supervised, given issues and planted (in the segment's units only: the organ system in
 * the first), appended to the open files and dropped. Limits that span segments — an
 * organ branch co-builds at most three units a year, a pooled assistant assists at most
 * two — are counted over all segments. A dataset of at most {@value #SEGMENT_UNITS} units
 * is one segment: the same draws in the same order as when it was generated at once.
 * Duties and activities are streamed.
 */
@Component
public class ProvinceGenerator implements DatasetGenerator {

	/**
	 * The units of a segment after which no county is started in it (a segment exceeds it
	 * by less than a county; the first also when the organ system alone is bigger).
	 */
	static final int SEGMENT_UNITS = 20_000;

	@Override
	public Map<String, Integer> generate(int units, long seed, double plantRate, Path out) {
		return generate(units, seed, plantRate, out, SEGMENT_UNITS);
	}

	/** Like {@link #generate(int, long, double, Path)} with segments of another size. */
	Map<String, Integer> generate(int units, long seed, double plantRate, Path out, int segmentUnits) {
		if (units < 1) {
			throw new IllegalArgumentException("units must be positive: " + units);
		}
		if (plantRate < 0 || plantRate > 1) {
			throw new IllegalArgumentException("plantRate must be between 0 and 1: " + plantRate);
		}
		Province province = new Province(seed);
		BaseBuilder builder = new BaseBuilder(province, units, segmentUnits);
		Truth truth = new Truth();
		DatasetWriter writer = new DatasetWriter(province, seed, out);
		writer.open("合成省直机关与县域党建数据（种子 " + seed + "）");
		boolean more = builder.nextSegment();
		while (more) {
			new GapPlanter(province, plantRate, truth).plant();
			writer.segment();
			province.endSegment();
			builder.endSegment();
			more = builder.nextSegment();
			if (more) {
				truth.endSegment(out);
			}
		}
		Map<String, Integer> counts = new LinkedHashMap<>(writer.close());
		truth.write(out);
		counts.put("planted", truth.size());
		return counts;
	}

}
