package org.dutychain.analysis;

import java.time.Duration;
import java.util.List;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.GenerationLeases;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.organization.Datasets;
import org.dutychain.support.GraphIT;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared parallel audit and the views' background audit (issue 10): the parallel
 * audit gives the same document as a sequential run, and a view asking for one unit gets
 * a "computing" status with a percentage until the whole-dataset audit computed in the
 * background is ready, then that audit's findings of the unit.
 */
@GraphIT
class AuditCacheIT {

	@Autowired
	DatasetImporter importer;

	@Autowired
	AnalysisService analyses;

	@Autowired
	AnalysisCatalog catalog;

	@Autowired
	AnalysisSettings settings;

	@Autowired
	Datasets datasets;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	GenerationLeases leases;

	@Autowired
	CypherFiles files;

	@BeforeEach
	void small() {
		this.importer.importPath(TestDatasets.small());
	}

	@Test
	void theParallelAuditEqualsASequentialOne() {
		AnalysisService sequential = new AnalysisService(this.catalog, this.datasets, this.settings, this.graph,
				this.leases, this.files, 1);
		try {
			AuditDocument one = sequential.audit(null, null);
			AuditDocument parallel = this.analyses.audit(null, null);
			assertThat(parallel.findings()).isNotEmpty().isEqualTo(one.findings());
			assertThat(parallel.levels()).isEqualTo(one.levels());
			assertThat(parallel.analyses()).extracting(AuditDocument.AnalysisSummary::id)
				.containsExactlyElementsOf(this.catalog.definitions().stream().map(AnalysisDefinition::id).toList());
		}
		finally {
			sequential.destroy();
		}
	}

	/**
	 * An audit runs the statements that use a fact of the run (weak-now, weak-years) in
	 * their shared form; each analysis run alone runs them as written: same findings.
	 */
	@Test
	void theAuditWithSharedFactsEqualsEachAnalysisRunAlone() {
		assertThat(this.files.facts()).isNotEmpty();
		List<Finding> alone = new java.util.ArrayList<>();
		for (AnalysisDefinition definition : this.catalog.definitions()) {
			alone.addAll(this.analyses.run(definition.id(), null, null).findings());
		}
		alone.sort(Findings.ORDER);
		List<Finding> audit = this.analyses.audit(null, null).findings();
		assertThat(audit).extracting(Finding::code).contains("WEAK_UNASSISTED", "WEAK_TWO_YEARS", "QUOTA_SHORTFALL");
		assertThat(audit).isEqualTo(alone);
	}

	@Test
	void aViewGetsTheProgressUntilTheBackgroundAuditIsReady() throws InterruptedException {
		AuditDocument whole = this.analyses.audit(null, null);
		Finding first = whole.findings().stream().filter((f) -> f.unitId() != null).findFirst().orElseThrow();
		List<Finding> expected = whole.findings().stream().filter((f) -> first.unitId().equals(f.unitId())).toList();
		AuditCache cache = new AuditCache(this.analyses, this.datasets, Duration.ZERO);
		try {
			AuditCache.UnitFindings early = cache.unitFindings(first.unitId(), null);
			assertThat(early.audit().state()).isEqualTo(AuditStatus.COMPUTING);
			assertThat(early.audit().messageZh()).matches("审计计算中（进度 \\d+%）");
			assertThat(early.findings()).isEmpty();
			for (int i = 0; i < 3000 && !cache.status(null).isReady(); i++) {
				Thread.sleep(100);
			}
			AuditCache.UnitFindings ready = cache.unitFindings(first.unitId(), null);
			assertThat(ready.audit().isReady()).isTrue();
			assertThat(ready.findings()).isEqualTo(expected);
			assertThat(ready.counts().get(first.severity())).isPositive();
		}
		finally {
			cache.destroy();
		}
	}

	@Test
	void aScopedViewIsComputedInTheBackgroundWithItsProgressToo() throws InterruptedException {
		String scope = this.analyses.audit(null, null)
			.findings()
			.stream()
			.map(Finding::unitId)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElseThrow();
		AuditDocument expected = this.analyses.audit(scope, null);
		AuditCache cache = new AuditCache(this.analyses, this.datasets, Duration.ZERO);
		try {
			// the old cache computed a scope in the caller's thread: the view waited for
			// it whatever the view wait, without progress
			AuditCache.ViewAudit early = cache.view(scope, null);
			assertThat(early.document()).isNull();
			assertThat(early.audit().state()).isEqualTo(AuditStatus.COMPUTING);
			for (int i = 0; i < 3000 && !cache.peek(scope, null).orElseThrow().isReady(); i++) {
				Thread.sleep(100);
			}
			AuditCache.ViewAudit ready = cache.view(scope, null);
			assertThat(ready.audit().isReady()).isTrue();
			assertThat(ready.document().scope()).isEqualTo(scope);
			assertThat(ready.document().findings()).isEqualTo(expected.findings());
			// callers that need the document still wait for it, and an unknown scope
			// still fails as such
			assertThat(cache.audit(scope, null).findings()).isEqualTo(expected.findings());
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.audit("no-such-unit", null))
				.isInstanceOf(org.dutychain.organization.UnknownUnitException.class);
		}
		finally {
			cache.destroy();
		}
	}

}
