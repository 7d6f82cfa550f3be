package org.dutychain.ingest.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province of 1,500 units generated in many small segments (300 units: the organ system
 * alone is a first segment, then a few counties each) is as sound as one generated at
 * once: unique ids, resolved references, a clean base without controlled findings,
 * planted gaps giving exactly truth.csv, limits that span segments kept, byte-identical
 * again.
 */
class SegmentedGeneratorTests {

	private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	private static final int UNITS = 1500;

	private static final int SEGMENT = 300;

	@TempDir
	static Path temp;

	private static Dataset clean;

	private static Dataset planted;

	private static Map<String, Integer> plantedCounts;

	@BeforeAll
	static void generate() {
		ProvinceGenerator generator = new ProvinceGenerator();
		generator.generate(UNITS, 7, 0, temp.resolve("clean"), SEGMENT);
		plantedCounts = generator.generate(UNITS, 7, 0.05, temp.resolve("planted"), SEGMENT);
		clean = Dataset.read(temp.resolve("clean"));
		planted = Dataset.read(temp.resolve("planted"));
	}

	@Test
	void segmentsAreUsedAndTheSizeIsAsRequested() throws IOException {
		generator().generate(UNITS, 7, 0.05, temp.resolve("whole"), Integer.MAX_VALUE);
		assertThat(Files.readAllBytes(temp.resolve("whole").resolve("units.csv")))
			.as("one segment draws otherwise than many")
			.isNotEqualTo(Files.readAllBytes(temp.resolve("planted").resolve("units.csv")));
		assertThat(planted.rows("units").size()).isBetween(UNITS * 9 / 10, UNITS * 11 / 10);
		assertThat(counties(planted)).hasSizeGreaterThan(2 * UNITS / SEGMENT / 3);
		assertThat(plantedCounts.get("units")).isEqualTo(planted.rows("units").size());
		assertThat(plantedCounts.get("planted")).isEqualTo(planted.rows("truth").size());
		try (Stream<Path> files = Files.list(temp.resolve("planted"))) {
			assertThat(files.map((f) -> f.getFileName().toString())).noneMatch((f) -> f.startsWith("."));
		}
	}

	@Test
	void sameArgumentsGiveByteIdenticalFiles() throws IOException {
		generator().generate(UNITS, 7, 0.05, temp.resolve("again"), SEGMENT);
		for (String file : files(temp.resolve("planted"))) {
			assertThat(Files.readAllBytes(temp.resolve("again").resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(temp.resolve("planted").resolve(file)));
		}
		assertThat(files(temp.resolve("again"))).isEqualTo(files(temp.resolve("planted")));
	}

	@Test
	void idsAreUniqueAcrossSegmentsAndEveryReferenceResolves() {
		GeneratorTests.assertIdsAreUniqueAndEveryReferenceResolves(clean);
		GeneratorTests.assertIdsAreUniqueAndEveryReferenceResolves(planted);
	}

	@Test
	void cleanBaseHasNoFindingOfAnyControlledCode() {
		assertThat(clean.rows("truth")).isEmpty();
		assertThat(new RuleCheck(clean, AS_OF).findings()).isEmpty();
	}

	@Test
	void plantedGapsGiveExactlyTheTruthRows() {
		Set<String> truth = planted.rows("truth")
			.stream()
			.map((r) -> String.join(",", r.values()))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(truth).hasSize(planted.rows("truth").size());
		assertThat(new RuleCheck(planted, AS_OF).findings()).containsExactlyElementsOf(truth);
		// gaps are planted in many segments, not in the first only
		assertThat(planted.rows("truth").stream().map((r) -> county(r.get("unit_id"))).distinct())
			.hasSizeGreaterThan(UNITS / SEGMENT / 2);
	}

	/**
	 * An organ branch co-builds at most three units a year and a pooled assistant assists
	 * at most two, over all segments.
	 */
	@Test
	void yearlyAssistanceLimitsHoldAcrossSegments() {
		Map<String, Integer> perYear = new HashMap<>();
		for (Map<String, String> row : clean.rows("assistance")) {
			String level = row.get("level");
			if (!level.equals("PAIRING")) {
				perYear.merge(row.get("assistant_id") + "|" + row.get("since") + "|" + level, 1, Integer::sum);
			}
		}
		assertThat(perYear).isNotEmpty()
			.allSatisfy((key, count) -> assertThat(count).as(key)
				.isLessThanOrEqualTo(key.endsWith("ORGAN_CO_BUILD") ? 3 : 2));
	}

	private static ProvinceGenerator generator() {
		return new ProvinceGenerator();
	}

	private static Set<String> counties(Dataset d) {
		return d.rows("units")
			.stream()
			.map((r) -> r.get("id"))
			.filter((id) -> id.startsWith("x"))
			.map(SegmentedGeneratorTests::county)
			.collect(Collectors.toSet());
	}

	private static String county(String unitId) {
		int dash = unitId.indexOf('-');
		return (dash < 0) ? unitId : unitId.substring(0, dash);
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

}
