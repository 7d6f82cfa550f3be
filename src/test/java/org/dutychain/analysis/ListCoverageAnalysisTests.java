package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dutychain.analysis.ListCoverageAnalysis.UnitDomains;
import org.dutychain.duty.DutyDomain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The level × domain coverage matrix and its blank cells, from unit rows alone (no
 * database).
 */
class ListCoverageAnalysisTests {

	@Test
	void sharesCountUnitsWithAtLeastOneDutyOfTheDomainPerLevel() {
		List<UnitDomains> units = List.of(new UnitDomains("U-1", 1, Set.of("POLITICAL", "THEORY")),
				new UnitDomains("U-2", 2, Set.of("POLITICAL")), new UnitDomains("U-3", 2, Set.of()),
				new UnitDomains("U-4", 2, Set.of("POLITICAL", "SUPPORT")), new UnitDomains("U-5", 2, Set.of("THEORY")));

		Map<String, Object> metrics = ListCoverageAnalysis.matrix(units);

		List<Map<String, Object>> coverage = rows(metrics.get("coverage"));
		assertThat(coverage).extracting((r) -> r.get("level")).containsExactly(1, 2);
		assertThat(coverage).extracting((r) -> r.get("units")).containsExactly(1, 4);
		Map<String, Object> level1 = map(coverage.get(0).get("domains"));
		Map<String, Object> level2 = map(coverage.get(1).get("domains"));
		assertThat(level1.keySet()).containsExactly(names());
		assertThat(level2.keySet()).containsExactly(names());
		assertThat(level1.get("POLITICAL")).isEqualTo(1.0);
		assertThat(level1.get("ORGANIZATION")).isEqualTo(0.0);
		assertThat(level2.get("POLITICAL")).isEqualTo(0.5);
		assertThat(level2.get("THEORY")).isEqualTo(0.25);
		assertThat(level2.get("SUPPORT")).isEqualTo(0.25);
		assertThat(level2.get("DISCIPLINE")).isEqualTo(0.0);

		List<Map<String, Object>> blanks = rows(metrics.get("blanks"));
		assertThat(blanks).hasSize(2 * DutyDomain.values().length);
		assertThat(cell(blanks, 2, "POLITICAL").get("unitIds")).isEqualTo(List.of("U-3", "U-5"));
		assertThat(cell(blanks, 2, "DISCIPLINE").get("unitIds")).isEqualTo(List.of("U-2", "U-3", "U-4", "U-5"));
		assertThat(cell(blanks, 1, "THEORY").get("unitIds")).isEqualTo(List.of());
		assertThat(cell(blanks, 1, "THEORY").get("missing")).isEqualTo(0);
	}

	@Test
	void blankCellsListAtMostTwoHundredUnitsButCountThemAll() {
		List<UnitDomains> units = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			units.add(new UnitDomains(String.format("U-%03d", i), 3, Set.of("POLITICAL")));
		}
		Map<String, Object> cell = cell(rows(ListCoverageAnalysis.matrix(units).get("blanks")), 3, "THEORY");
		assertThat(cell.get("missing")).isEqualTo(250);
		@SuppressWarnings("unchecked")
		List<String> ids = (List<String>) cell.get("unitIds");
		assertThat(ids).hasSize(200).startsWith("U-000", "U-001").endsWith("U-199");
	}

	@Test
	void noUnitsGiveAnEmptyMatrix() {
		Map<String, Object> metrics = ListCoverageAnalysis.matrix(List.of());
		assertThat(rows(metrics.get("coverage"))).isEmpty();
		assertThat(rows(metrics.get("blanks"))).isEmpty();
	}

	private static String[] names() {
		return java.util.Arrays.stream(DutyDomain.values()).map(Enum::name).toArray(String[]::new);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object metric) {
		return (Map<String, Object>) metric;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Object metric) {
		return (List<Map<String, Object>>) metric;
	}

	private static Map<String, Object> cell(List<Map<String, Object>> blanks, int level, String domain) {
		return blanks.stream()
			.filter((c) -> c.get("level").equals(level) && c.get("domain").equals(domain))
			.findFirst()
			.orElseThrow();
	}

}
