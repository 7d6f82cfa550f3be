package org.dutychain.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.GenerationLeases;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.Progress;
import org.dutychain.organization.Datasets;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shared duty lists against the graph: duties are linked by key without their ids,
 * drafts are left out, the ids of named duties are read back, and a duty deleted or moved
 * to another unit's list since the load is not named by its old key, and an audit that
 * meets such a change reads everything again.
 */
@GraphIT
class ScopedDutiesIT {

	private static final String GRAPH = """
			CREATE (u1:Unit {id: 'U-1', name: '省直机关工委', kind: 'ORGAN_WORK_COMMITTEE'})
			CREATE (u2:Unit {id: 'U-2', name: '省财政厅党组', kind: 'LEADING_PARTY_GROUP'})
			CREATE (u1)-[:LEADS {kind: 'PRIMARY'}]->(u2)
			CREATE (u1)-[:HAS_DUTY]->(d1:Duty {id: 'D-1', domain: 'POLITICAL', text: 't', unitId: 'U-1'})
			CREATE (u2)-[:HAS_DUTY]->(d2:Duty {id: 'D-2', domain: 'POLITICAL', text: 't', unitId: 'U-2'})
			CREATE (d2)-[:DERIVED_FROM]->(d1)
			CREATE (u2)-[:HAS_POST]->(p2:Post {id: 'P-2', kind: 'SECRETARY'})
			CREATE (p2)-[:HAS_DUTY]->(d3:Duty {id: 'D-3', domain: 'THEORY', text: 't', unitId: 'U-2', postId: 'P-2'})
			CREATE (d3)-[:DERIVED_FROM]->(d1)
			CREATE (d3)-[:DERIVED_FROM]->(d2)
			CREATE (u2)-[:HAS_DUTY]->(:Duty {id: 'D-9', domain: 'THEORY', text: 't', unitId: 'U-2', status: 'DRAFT'});
			""";

	@Autowired
	AnalysisService analyses;

	@Autowired
	CypherFiles files;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	List<AnalysisExtension> extensions;

	@Autowired
	Datasets datasets;

	@Autowired
	AnalysisSettings settings;

	@Autowired
	GenerationLeases leases;

	@BeforeEach
	void load() {
		this.fixtures.load(CypherFiles.parse("duties.cypher", GRAPH), LocalDate.of(2025, 6, 30));
	}

	@Test
	void linksDutiesByKeyAndReadsTheIdsOfTheNamedOnes() {
		AnalysisContext context = this.analyses.context(null, null);
		ScopedDuties lists = ScopedDuties.of(context, this.files);
		List<ScopedDuties.Duty> duties = lists.takeDuties();

		Map<Long, String> ids = ScopedDuties.dutyIds(context, this.files, duties);
		assertThat(ids.values()).containsExactlyInAnyOrder("D-1", "D-2", "D-3");
		ScopedDuties.Duty d3 = duties.stream().filter((d) -> ids.get(d.key()).equals("D-3")).findFirst().orElseThrow();
		assertThat(d3.unitId()).isEqualTo("U-2");
		assertThat(d3.postId()).isEqualTo("P-2");
		assertThat(d3.derivedFrom()).hasSize(2);
		assertThat(java.util.Arrays.stream(d3.derivedFrom()).mapToObj(ids::get)).containsExactlyInAnyOrder("D-1",
				"D-2");
		assertThat(lists.personalDomains("P-2")).containsExactly("THEORY");
	}

	@Test
	void aDutyDeletedOrMovedSinceTheLoadIsNotNamedByItsOldKey() {
		AnalysisContext context = this.analyses.context(null, null);
		List<ScopedDuties.Duty> duties = ScopedDuties.of(context, this.files).takeDuties();
		Map<Long, String> ids = ScopedDuties.dutyIds(context, this.files, duties);
		ScopedDuties.Duty d2 = duties.stream().filter((d) -> ids.get(d.key()).equals("D-2")).findFirst().orElseThrow();
		ScopedDuties.Duty d3 = duties.stream().filter((d) -> ids.get(d.key()).equals("D-3")).findFirst().orElseThrow();

		// D-3 moves from U-2's lists to U-1's team list
		this.graph.write("""
				MATCH (:Post {id: 'P-2'})-[h:HAS_DUTY]->(d:Duty {id: 'D-3'}), (u:Unit {id: 'U-1'})
				DELETE h
				CREATE (u)-[:HAS_DUTY]->(d)
				""", Map.of());
		assertThatExceptionOfType(ScopedDuties.ListsChangedException.class)
			.isThrownBy(() -> ScopedDuties.dutyIds(context, this.files, List.of(d3)))
			.withMessageContaining("U-2");
		this.graph.write("MATCH (d:Duty {id: 'D-2'}) DETACH DELETE d", Map.of());
		assertThatExceptionOfType(ScopedDuties.ListsChangedException.class)
			.isThrownBy(() -> ScopedDuties.dutyIds(context, this.files, List.of(d2)));
	}

	@Test
	void anAuditOrAnalysisThatMeetsAChangedListRunsAgainAndAnAuditGivesUpAfterThreeAttempts() {
		AuditDocument expected = this.analyses.audit(null, null);
		AtomicInteger calls = new AtomicInteger();
		AnalysisService once = auditWith(DutyCascadeAnalysis.failing(this.extensions, calls, 1));
		try {
			AuditDocument again = once.timedAudit(null, null, Progress.NONE).document();
			assertThat(calls).hasValue(2);
			assertThat(again.findings()).isEqualTo(expected.findings());
			calls.set(0);
			AnalysisResult alone = once.run("duty-cascade", null, null);
			assertThat(calls).hasValue(2);
			assertThat(alone.findings()).isEqualTo(this.analyses.run("duty-cascade", null, null).findings());
		}
		finally {
			once.destroy();
		}

		calls.set(0);
		AnalysisService never = auditWith(DutyCascadeAnalysis.failing(this.extensions, calls, Integer.MAX_VALUE));
		try {
			assertThatExceptionOfType(ScopedDuties.ListsChangedException.class)
				.isThrownBy(() -> never.timedAudit(null, null, Progress.NONE));
			assertThat(calls).hasValue(3);
		}
		finally {
			never.destroy();
		}
	}

	private AnalysisService auditWith(AnalysisExtension dutyCascade) {
		List<AnalysisExtension> extensions = new ArrayList<>(this.extensions);
		extensions.removeIf((e) -> e.getClass().getSimpleName().startsWith("DutyCascadeAnalysis"));
		extensions.add(dutyCascade);
		return new AnalysisService(new AnalysisCatalog(this.files, extensions), this.datasets, this.settings,
				this.graph, this.leases, this.files, 2);
	}

	/**
	 * Stands in for the bean of the same simple name (the catalogue finds a header's
	 * class by it): fails its first {@code failures} runs the way a duty list edited
	 * during the audit does, then runs the real analysis.
	 */
	static final class DutyCascadeAnalysis implements AnalysisExtension {

		private final AnalysisExtension real;

		private final AtomicInteger calls;

		private final int failures;

		private DutyCascadeAnalysis(AnalysisExtension real, AtomicInteger calls, int failures) {
			this.real = real;
			this.calls = calls;
			this.failures = failures;
		}

		static DutyCascadeAnalysis failing(List<AnalysisExtension> extensions, AtomicInteger calls, int failures) {
			AnalysisExtension real = extensions.stream()
				.filter((e) -> e.getClass().getSimpleName().startsWith("DutyCascadeAnalysis"))
				.findFirst()
				.orElseThrow();
			return new DutyCascadeAnalysis(real, calls, failures);
		}

		@Override
		public void contribute(AnalysisDefinition definition, AnalysisContext context, Consumer<Finding> findings,
				Map<String, Object> metrics) {
			if (this.calls.incrementAndGet() <= this.failures) {
				throw new ScopedDuties.ListsChangedException("a duty list of U-2 changed");
			}
			this.real.contribute(definition, context, findings, metrics);
		}

	}

}
