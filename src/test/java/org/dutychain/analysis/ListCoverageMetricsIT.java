package org.dutychain.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dutychain.config.CypherFiles;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * list-coverage's coverage matrix against the graph: the cells follow the findings, units
 * without posts are left out, a unit scope counts only its units, and the audit's level
 * summary picks the shares up.
 */
@GraphIT
class ListCoverageMetricsIT {

	private static final String GRAPH = """
			CREATE (u1:Unit {id: 'U-1', name: '省直机关工委', kind: 'ORGAN_WORK_COMMITTEE'})
			CREATE (u2:Unit {id: 'U-2', name: '省财政厅党组', kind: 'LEADING_PARTY_GROUP'})
			CREATE (u3:Unit {id: 'U-3', name: '省审计厅党组', kind: 'LEADING_PARTY_GROUP'})
			CREATE (u4:Unit {id: 'U-4', name: '省财政厅机关党委', kind: 'ORGAN_PARTY_COMMITTEE'})
			CREATE (u1)-[:LEADS {kind: 'PRIMARY'}]->(u2)
			CREATE (u1)-[:LEADS {kind: 'PRIMARY'}]->(u3)
			CREATE (u2)-[:LEADS {kind: 'PRIMARY'}]->(u4)
			CREATE (u1)-[:LEADS {kind: 'DUAL'}]->(u4)
			CREATE (u1)-[:HAS_DUTY]->(:Duty {id: 'D-1', domain: 'POLITICAL', text: 't', unitId: 'U-1'})
			CREATE (u2)-[:HAS_DUTY]->(:Duty {id: 'D-2', domain: 'POLITICAL', text: 't', unitId: 'U-2'})
			CREATE (u2)-[:HAS_POST]->(p2:Post {id: 'P-2', kind: 'SECRETARY', domains: ['POLITICAL', 'THEORY']})
			CREATE (p2)-[:HAS_DUTY]->(:Duty {id: 'D-3', domain: 'THEORY', text: 't', unitId: 'U-2', postId: 'P-2'})
			CREATE (u3)-[:HAS_POST]->(p3:Post {id: 'P-3', kind: 'SECRETARY', domains: ['THEORY']})
			CREATE (p3)-[:HAS_DUTY]->(:Duty {id: 'D-4', domain: 'THEORY', text: 't', unitId: 'U-3', postId: 'P-3'})
			CREATE (u4)-[:HAS_DUTY]->(:Duty {id: 'D-5', domain: 'DISCIPLINE', text: 't', unitId: 'U-4'})
			CREATE (u4)-[:HAS_POST]->(p4:Post {id: 'P-4', kind: 'DISCIPLINE_MEMBER', domains: ['DISCIPLINE']})
			CREATE (:Person {id: 'X-1', name: '张三'})-[:HOLDS {since: date('2020-01-01')}]->(p4);
			""";

	@Autowired
	AnalysisService analyses;

	@Autowired
	GraphFixtures fixtures;

	@Test
	void cellsFollowTheFindingsLeaveOutUnitsWithoutPostsAndFeedTheAuditLevels() {
		this.fixtures.load(CypherFiles.parse("coverage.cypher", GRAPH), LocalDate.of(2025, 6, 30));

		AnalysisResult all = this.analyses.run("list-coverage", null, null);

		assertThat(all.findings()).extracting((f) -> f.code() + " " + f.unitId())
			.containsExactlyInAnyOrder("NO_TEAM_LIST U-3", "NO_PERSONAL_LIST U-4", "DOMAIN_BLANK U-2");
		List<Map<String, Object>> coverage = rows(all.metrics().get("coverage"));
		assertThat(coverage).extracting((r) -> r.get("level")).containsExactly(2, 3);
		assertThat(coverage).extracting((r) -> r.get("units")).containsExactly(2, 1);
		Map<String, Object> level2 = map(coverage.get(0).get("domains"));
		assertThat(level2).hasSize(8)
			.containsEntry("POLITICAL", 0.0)
			.containsEntry("THEORY", 0.5)
			.containsEntry("SUPPORT", 0.5);
		assertThat(map(coverage.get(1).get("domains"))).containsEntry("DISCIPLINE", 0.0)
			.containsEntry("POLITICAL", 1.0);
		Map<String, Object> blank = rows(all.metrics().get("blanks")).stream()
			.filter((c) -> c.get("level").equals(2) && c.get("domain").equals("POLITICAL"))
			.findFirst()
			.orElseThrow();
		assertThat(blank.get("unitIds")).isEqualTo(List.of("U-2", "U-3"));

		AnalysisResult scoped = this.analyses.run("list-coverage", "U-2", null);
		List<Map<String, Object>> scopedCoverage = rows(scoped.metrics().get("coverage"));
		assertThat(scopedCoverage).extracting((r) -> r.get("units")).containsExactly(1, 1);
		assertThat(map(scopedCoverage.get(0).get("domains"))).containsEntry("POLITICAL", 0.0)
			.containsEntry("THEORY", 1.0);

		AuditDocument audit = this.analyses.audit(null, null);
		assertThat(audit.levels()).filteredOn((l) -> l.level() == 2)
			.singleElement()
			.satisfies((l) -> assertThat(l.coverage()).containsEntry("POLITICAL", 0.0).containsEntry("THEORY", 0.5));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object metric) {
		return (Map<String, Object>) metric;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Object metric) {
		return (List<Map<String, Object>>) metric;
	}

}
