package org.dutychain.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshot comparison without a database: the stored JSON read back and matched by key.
 */
class ReportSnapshotDiffTests {

	private static final SnapshotInfo A = new SnapshotInfo("S-A", "前", null, "U-1", LocalDate.of(2025, 1, 1), "d");

	private static final SnapshotInfo B = new SnapshotInfo("S-B", "后", null, "U-1", LocalDate.of(2025, 6, 30), "d");

	private static Snapshots.Stored stored(AuditDocument document) throws Exception {
		String json = ReportJson.MAPPER.writeValueAsString(document);
		return ReportJson.MAPPER.readValue(json, Snapshots.Stored.class);
	}

	@Test
	void matchesFindingsByKeyThroughTheStoredJson() throws Exception {
		AuditDocument before = ReportSamples.document();
		List<Finding> later = new ArrayList<>(before.findings());
		later.removeIf((f) -> f.key().equals("post-vacancy/POST_VACANT/U-2/P-2"));
		later.add(ReportSamples.finding("post-vacancy", "POST_VACANT", Severity.HIGH, "U-1", 1, "P-1", "工委书记无人任职"));
		List<AuditDocument.LevelSummary> levels = List.of(
				new AuditDocument.LevelSummary(1, 1, Map.of("POLITICAL", 1.0, "ORGANIZATION", 1.0), 1.0, 1.0, 0.0),
				new AuditDocument.LevelSummary(2, 2, Map.of("POLITICAL", 1.0, "ORGANIZATION", 1.0), 0.7, 0.7, 0.5));
		AuditDocument after = new AuditDocument("d", LocalDate.of(2025, 6, 30), "U-1", before.analyses(), levels,
				later);

		SnapshotDiff diff = Snapshots.diff(A, stored(before), B, stored(after));

		assertThat(diff.resolved()).extracting(SnapshotDiff.FindingRef::key)
			.containsExactly("post-vacancy/POST_VACANT/U-2/P-2");
		assertThat(diff.added()).extracting(SnapshotDiff.FindingRef::key)
			.containsExactly("post-vacancy/POST_VACANT/U-1/P-1");
		assertThat(diff.added().get(0).messageZh()).isEqualTo("工委书记无人任职");
		assertThat(diff.added().get(0).severity()).isEqualTo(Severity.HIGH);
		assertThat(diff.unchanged()).hasSize(4);
		assertThat(diff.summaryZh()).isEqualTo("自上次检查以来：关闭 1 项，新增 1 项，未变 4 项");

		assertThat(diff.levels()).extracting(SnapshotDiff.LevelDelta::level).containsExactly(1, 2, 3);
		SnapshotDiff.LevelDelta two = diff.levels().get(1);
		assertThat(two.unitsBefore()).isEqualTo(1);
		assertThat(two.unitsAfter()).isEqualTo(2);
		assertThat(two.coverage()).containsEntry("ORGANIZATION", 0.5).containsEntry("POLITICAL", 0.0);
		assertThat(two.coldShareDelta()).isEqualTo(0.5);
		SnapshotDiff.LevelDelta three = diff.levels().get(2);
		assertThat(three.unitsAfter()).as("a level gone counts as zero").isZero();
	}

	@Test
	void aFindingOfARetiredOrRedefinedCodeIsARuleChangeNotAClosure() throws Exception {
		AuditDocument before = ReportSamples.document();
		List<Finding> earlier = new ArrayList<>(before.findings());
		earlier.add(ReportSamples.finding("single-points", "BRIDGE_EDGE", Severity.LOW, "U-2", 2, null, "唯一联系"));
		earlier.add(ReportSamples.finding("single-points", "CUT_UNIT", Severity.HIGH, "U-3", 3, null, "单点"));
		AuditDocument withRetired = new AuditDocument("d", before.asOf(), before.scope(), before.analyses(),
				before.levels(), earlier);
		List<Finding> later = new ArrayList<>(before.findings());
		later.removeIf((f) -> f.key().equals("post-vacancy/POST_VACANT/U-2/P-2"));
		AuditDocument after = new AuditDocument("d", before.asOf(), before.scope(), before.analyses(), before.levels(),
				later);
		Map<String, String> then = Map.of("POST_VACANT", "a1", "BRIDGE_EDGE", "b1", "CUT_UNIT", "c1");
		Map<String, String> now = Map.of("POST_VACANT", "a1", "CUT_UNIT", "c2");

		SnapshotDiff diff = Snapshots.diff(A, stored(withRetired), B, stored(after), java.util.Optional.of(then), now);

		assertThat(diff.resolved()).extracting(SnapshotDiff.FindingRef::key)
			.containsExactly("post-vacancy/POST_VACANT/U-2/P-2");
		assertThat(diff.ruleChanged()).extracting(SnapshotDiff.FindingRef::code)
			.containsExactlyInAnyOrder("BRIDGE_EDGE", "CUT_UNIT");
		assertThat(diff.summaryZh()).endsWith("，规则调整 2 项");

		SnapshotDiff old = Snapshots.diff(A, stored(withRetired), B, stored(after), java.util.Optional.empty(), now);
		assertThat(old.ruleChanged()).as("without the old rule set only a retired code is known to have changed")
			.extracting(SnapshotDiff.FindingRef::code)
			.containsExactly("BRIDGE_EDGE");
		assertThat(old.resolved()).extracting(SnapshotDiff.FindingRef::code)
			.containsExactlyInAnyOrder("POST_VACANT", "CUT_UNIT");
	}

	@Test
	void anAuditComparedWithItselfChangesNothing() throws Exception {
		AuditDocument doc = ReportSamples.document();
		SnapshotDiff diff = Snapshots.diff(A, stored(doc), B, Snapshots.Stored.of(doc));
		assertThat(diff.added()).isEmpty();
		assertThat(diff.resolved()).isEmpty();
		assertThat(diff.unchanged()).hasSize(doc.findings().size());
		assertThat(diff.levels()).allSatisfy((l) -> {
			assertThat(l.pressureMeanDelta()).isZero();
			assertThat(l.coverage().values()).containsOnly(0.0);
		});
	}

}
