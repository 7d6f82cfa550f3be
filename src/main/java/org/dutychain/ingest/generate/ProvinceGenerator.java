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
 * (at least one per code when there is a place for it) and lists every finding they must
 * produce in {@code truth.csv}. Deterministic: the same arguments give byte-identical
 * files. Only the model of units, posts and people is kept in memory; duties and
 * activities are streamed.
 */
@Component
public class ProvinceGenerator implements DatasetGenerator {

	@Override
	public Map<String, Integer> generate(int units, long seed, double plantRate, Path out) {
		if (units < 1) {
			throw new IllegalArgumentException("units must be positive: " + units);
		}
		if (plantRate < 0 || plantRate > 1) {
			throw new IllegalArgumentException("plantRate must be between 0 and 1: " + plantRate);
		}
		Province province = new Province(seed);
		new BaseBuilder(province, units).build();
		Truth truth = new Truth();
		new GapPlanter(province, plantRate, truth).plant();
		Map<String, Integer> counts = new LinkedHashMap<>(
				new DatasetWriter(province, seed, out).write("合成省直机关与县域党建数据（种子 " + seed + "）"));
		truth.write(out);
		counts.put("planted", truth.size());
		return counts;
	}

}
