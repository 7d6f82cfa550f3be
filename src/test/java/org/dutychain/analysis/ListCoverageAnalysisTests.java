package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dutychain.analysis.ListCoverageAnalysis.UnitPosts;
import org.dutychain.duty.DutyDomain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The level × domain coverage matrix and its blank cells, from unit rows and the
 * list-coverage findings alone (no database): NO_TEAM_LIST uncovers all eight domains,
 * NO_PERSONAL_LIST its post's domains, DOMAIN_BLANK its domain; units without posts owe
 * nothing and are left out.
 */
class ListCoverageAnalysisTests {

	private static UnitPosts unit(String id, int level, String... postsAndDomains) {
		Map<String, Set<String>> posts = new LinkedHashMap<>();
		for (String p : postsAndDomains) {
			String[] parts = p.split(":");
			posts.put(parts[0], Set.of(parts[1].split(",")));
		}
		return new UnitPosts(id, level, "单位" + id, "BRANCH", posts);
	}

	private static Finding finding(String code, String unitId, String postId, String domain) {
		List<String> subject = (domain != null) ? List.of(unitId, postId, domain) : null;
		return new Finding("list-coverage", code, Severity.MEDIUM, unitId, 0, postId, null, null, null, subject,
				new Message("zh", "en"), new Evidence(List.of(unitId), List.of()), Map.of());
	}

	@Test
	void domainBlankNamesEachDomainOfAPostThatItsNonEmptyPersonalListLeavesOut() {
		List<UnitPosts> units = List.of(unit("U-1", 1, "P-1:POLITICAL,THEORY,SUPPORT", "P-2:POLITICAL", "P-3:THEORY"),
				unit("U-2", 2, "P-4:DISCIPLINE"));
		Map<String, String> titles = Map.of("P-1", "书记", "P-2", "委员", "P-3", "组织委员", "P-4", "纪检委员");
		// P-2's list is empty (NO_PERSONAL_LIST's business, not a blank); P-4 holds only
		// duties without a domain, which cover none
		Map<String, Set<String>> held = Map.of("P-1", Set.of("POLITICAL"), "P-3", Set.of("THEORY"), "P-4", Set.of());

		List<Map<String, Object>> rows = ListCoverageAnalysis.domainBlanks(units, titles, held::get);

		assertThat(rows).extracting((r) -> r.get("postId") + "/" + r.get("domain"))
			.containsExactlyInAnyOrder("P-1/THEORY", "P-1/SUPPORT", "P-4/DISCIPLINE");
		assertThat(rows).allSatisfy((r) -> assertThat(r.get("code")).isEqualTo("DOMAIN_BLANK"));
		Map<String, Object> p4 = rows.stream().filter((r) -> "P-4".equals(r.get("postId"))).findFirst().orElseThrow();
		assertThat(p4).containsEntry("unitId", "U-2")
			.containsEntry("unitName", "单位U-2")
			.containsEntry("postTitle", "纪检委员")
			.containsEntry("evidenceIds", List.of("U-2", "P-4"));
	}

	@Test
	void findingsUncoverTheirDomainsAndUnitsWithoutPostsAreLeftOut() {
		List<UnitPosts> units = List.of(unit("U-1", 1, "P-1:POLITICAL,THEORY"), unit("U-2", 2, "P-2:POLITICAL"),
				unit("U-3", 2, "P-3:POLITICAL,DISCIPLINE"), unit("U-4", 2, "P-4:SUPPORT"), unit("U-5", 2),
				unit("U-6", 2, "P-6:THEORY"));
		List<Finding> findings = List.of(finding("NO_TEAM_LIST", "U-2", null, null),
				finding("NO_PERSONAL_LIST", "U-3", "P-3", null), finding("DOMAIN_BLANK", "U-4", "P-4", "SUPPORT"),
				finding("POST_VACANT", "U-6", "P-6", null));

		Map<String, Object> metrics = ListCoverageAnalysis.matrix(units, findings);

		List<Map<String, Object>> coverage = rows(metrics.get("coverage"));
		assertThat(coverage).extracting((r) -> r.get("level")).containsExactly(1, 2);
		assertThat(coverage).extracting((r) -> r.get("units")).containsExactly(1, 4);
		assertThat(coverage).extracting((r) -> r.get("excluded")).containsExactly(0, 1);
		Map<String, Object> level1 = map(coverage.get(0).get("domains"));
		Map<String, Object> level2 = map(coverage.get(1).get("domains"));
		assertThat(level1.keySet()).containsExactly(names());
		assertThat(level1.values()).containsOnly(1.0);
		assertThat(level2.get("POLITICAL")).isEqualTo(0.5);
		assertThat(level2.get("DISCIPLINE")).isEqualTo(0.5);
		assertThat(level2.get("SUPPORT")).isEqualTo(0.5);
		assertThat(level2.get("THEORY")).isEqualTo(0.75);

		List<Map<String, Object>> blanks = rows(metrics.get("blanks"));
		assertThat(blanks).hasSize(2 * DutyDomain.values().length);
		assertThat(cell(blanks, 2, "POLITICAL").get("unitIds")).isEqualTo(List.of("U-2", "U-3"));
		assertThat(cell(blanks, 2, "SUPPORT").get("unitIds")).isEqualTo(List.of("U-2", "U-4"));
		assertThat(rows(cell(blanks, 2, "SUPPORT").get("units")).get(1)).containsEntry("name", "单位U-4")
			.containsEntry("kind", "BRANCH")
			.containsEntry("codes", List.of("DOMAIN_BLANK"));
		assertThat(cell(blanks, 1, "THEORY").get("missing")).isEqualTo(0);
	}

	@Test
	void blankCellsListAtMostTwoHundredUnitsButCountThemAll() {
		List<UnitPosts> units = new ArrayList<>();
		List<Finding> findings = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			String id = String.format("U-%03d", i);
			units.add(unit(id, 3, "P-" + i + ":ALL"));
			findings.add(finding("NO_TEAM_LIST", id, null, null));
		}
		Map<String, Object> cell = cell(rows(ListCoverageAnalysis.matrix(units, findings).get("blanks")), 3, "THEORY");
		assertThat(cell.get("missing")).isEqualTo(250);
		@SuppressWarnings("unchecked")
		List<String> ids = (List<String>) cell.get("unitIds");
		assertThat(ids).hasSize(200).startsWith("U-000", "U-001").endsWith("U-199");
	}

	@Test
	void noUnitsGiveAnEmptyMatrix() {
		Map<String, Object> metrics = ListCoverageAnalysis.matrix(List.of(), List.of());
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
