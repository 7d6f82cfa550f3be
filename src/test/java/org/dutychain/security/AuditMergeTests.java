package org.dutychain.security;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dutychain.analysis.AuditDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The levels and metrics of a user with several scopes: one row per level, sums and
 * weighted means that agree with the rows of each root.
 */
class AuditMergeTests {

	static AuditDocument document(String root, int level, int units, int owing, double political, double mean,
			double median, double cold) {
		Map<String, Object> coverageRow = Map.of("level", level, "units", owing, "excluded", units - owing, "domains",
				Map.of("POLITICAL", political));
		Map<String, Object> pressureRow = new java.util.HashMap<>(
				Map.of("level", level, "units", units, "mean", mean, "median", median, "coldShare", cold));
		return new AuditDocument(
				"d", LocalDate.of(2025, 6, 30), root, List.of(
						new AuditDocument.AnalysisSummary("list-coverage", "清单覆盖", units, 5,
								Map.of("coverage", List.of(coverageRow), "blanks",
										List.of(Map.of("level", level, "domain", "POLITICAL", "missing", 1, "unitIds",
												List.of(root + "-x"), "units", List.of(Map.of("id", root + "-x")))))),
						new AuditDocument.AnalysisSummary("pressure-decay", "压力", units, 7,
								Map.of("levels", List.of(pressureRow), "units", List.of(Map.of("unitId", root))))),
				List.of(new AuditDocument.LevelSummary(level, units, Map.of("POLITICAL", political), mean, median,
						cold)),
				List.of());
	}

	@Test
	void aLevelOfTwoSubtreesIsOneRowOfSumsAndWeightedShares() {
		AuditDocument a = document("A", 2, 3, 2, 1.0, 1.0, 1.0, 0.0);
		AuditDocument x = document("X", 2, 1, 2, 0.5, 3.0, 3.0, 1.0);
		List<AuditDocument.LevelSummary> levels = AuditMerge.levels(List.of(a, x));
		assertThat(levels).hasSize(1);
		AuditDocument.LevelSummary l = levels.get(0);
		assertThat(l.units()).isEqualTo(4);
		// owing units 2 + 2: (1.0·2 + 0.5·2) / 4
		assertThat(l.coverage().get("POLITICAL")).isCloseTo(0.75, within(1e-9));
		assertThat(l.pressureMean()).isCloseTo((3 * 1.0 + 3.0) / 4, within(1e-9));
		assertThat(l.coldShare()).isCloseTo(0.25, within(1e-9));
		List<AuditDocument.AnalysisSummary> analyses = AuditMerge.analyses(List.of("A", "X"), List.of(a, x));
		Map<String, Object> coverage = analyses.get(0).metrics();
		@SuppressWarnings("unchecked")
		Map<String, Object> row = ((List<Map<String, Object>>) coverage.get("coverage")).get(0);
		assertThat(row).containsEntry("units", 4).containsEntry("excluded", 0);
		assertThat(row.get("domains")).isEqualTo(Map.of("POLITICAL", l.coverage().get("POLITICAL")));
		@SuppressWarnings("unchecked")
		Map<String, Object> blank = ((List<Map<String, Object>>) coverage.get("blanks")).get(0);
		assertThat(blank).containsEntry("missing", 2).containsEntry("unitIds", List.of("A-x", "X-x"));
		Map<String, Object> pressure = analyses.get(1).metrics();
		@SuppressWarnings("unchecked")
		Map<String, Object> level = ((List<Map<String, Object>>) pressure.get("levels")).get(0);
		assertThat((double) level.get("mean")).isEqualTo(l.pressureMean());
		assertThat((double) level.get("median")).isEqualTo(l.pressureMedian());
		assertThat(pressure.get("units")).isEqualTo(List.of(Map.of("unitId", "A"), Map.of("unitId", "X")));
		assertThat(pressure.get("roots")).asList().hasSize(2);
		assertThat(analyses.get(0).examined()).isEqualTo(4);
		assertThat(analyses.get(1).durationMs()).isEqualTo(7);
	}

	@Test
	void levelsOfOneRootKeepTheirMedian() {
		AuditDocument a = document("A", 2, 3, 2, 1.0, 1.0, 0.4, 0.0);
		AuditDocument x = document("X", 3, 1, 1, 0.5, 3.0, 3.0, 1.0);
		List<AuditDocument.LevelSummary> levels = AuditMerge.levels(List.of(a, x));
		assertThat(levels).extracting(AuditDocument.LevelSummary::level).containsExactly(2, 3);
		assertThat(levels.get(0).pressureMedian()).isEqualTo(0.4);
		assertThat(levels.get(1).coverage()).isEqualTo(Map.of("POLITICAL", 0.5));
	}

	@Test
	void otherMetricsAreSummedJoinedOrMerged() {
		assertThat(AuditMerge.merge(List.of(2, 3L))).isEqualTo(5L);
		assertThat(AuditMerge.merge(List.of(List.of("a"), List.of("b")))).isEqualTo(List.of("a", "b"));
		assertThat(AuditMerge.merge(List.of(Map.of("n", 1, "s", "x"), Map.of("n", 2, "s", "y"))))
			.isEqualTo(Map.of("n", 3L, "s", "x"));
		assertThat(AuditMerge.merge(List.of(true, false))).isEqualTo(true);
	}

}
