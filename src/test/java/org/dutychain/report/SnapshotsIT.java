package org.dutychain.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@GraphIT
class SnapshotsIT {

	private static final String FILLED = "post-vacancy/POST_VACANT/U-2/P-2";

	private static final String STILL_VACANT = "post-vacancy/POST_VACANT/U-3/P-3";

	@Autowired
	private GraphFixtures fixtures;

	@Autowired
	private Snapshots snapshots;

	@Autowired
	private AuditReports reports;

	@Autowired
	private AnalysisService analysis;

	@Autowired
	private Neo4jGraph graph;

	@Autowired
	private AuditCache audits;

	@BeforeEach
	void load() throws URISyntaxException {
		this.fixtures
			.load(Path.of(Objects.requireNonNull(getClass().getResource("/fixtures/report/snapshots.cypher")).toURI()));
	}

	private void fillVacancy() {
		this.graph.write("""
				MATCH (p:Post {generation: 1, id: 'P-2'})
				CREATE (:Person {generation: 1, id: 'PE-9', name: '王五'})-[:HOLDS {since: date('2025-03-01')}]->(p)
				""", Map.of());
		// a write past the ledger's edits does not raise the dataset revision the
		// cached audits are keyed by: forget them, as an edit would
		this.audits.clear();
	}

	@Test
	void diffShowsTheFilledVacancyAsResolved() {
		SnapshotInfo before = this.snapshots.create("U-1", null, "整改前");
		fillVacancy();
		SnapshotInfo after = this.snapshots.create("U-1", null, "整改后");

		assertThat(before.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(before.dataset()).isEqualTo("fixture");
		assertThat(this.snapshots.list()).extracting(SnapshotInfo::id)
			.containsExactlyInAnyOrder(before.id(), after.id());
		assertThat(this.snapshots.list().get(0).createdAt()).isAfterOrEqualTo(this.snapshots.list().get(1).createdAt());
		assertThat(this.snapshots.require(after.id()).label()).isEqualTo("整改后");

		SnapshotDiff diff = this.snapshots.diff(before.id(), after.id());
		assertThat(diff.resolved()).extracting(SnapshotDiff.FindingRef::key).containsExactly(FILLED);
		assertThat(diff.added()).filteredOn((f) -> f.analysis().equals("post-vacancy")).isEmpty();
		assertThat(diff.unchanged()).extracting(SnapshotDiff.FindingRef::key).contains(STILL_VACANT);
		assertThat(diff.resolved().get(0).messageZh()).contains("第一党支部");
		assertThat(diff.levels()).extracting(SnapshotDiff.LevelDelta::level).containsExactly(1, 2);
		assertThat(diff.levels()).allSatisfy((l) -> assertThat(l.unitsAfter()).isEqualTo(l.unitsBefore()));
		assertThat(this.snapshots.diff(after.id(), before.id()).added()).extracting(SnapshotDiff.FindingRef::key)
			.containsExactly(FILLED);
	}

	@Test
	void aVanishedFindingOfARedefinedCodeIsARuleChangeNotAClosure() {
		SnapshotInfo before = this.snapshots.create("U-1", null, "规则调整前");
		assertThat(this.graph.read("MATCH (s:Snapshot {id: $id}) RETURN s.rules AS rules", Map.of("id", before.id())))
			.singleElement()
			.satisfies((row) -> assertThat((String) row.get("rules")).contains("\"POST_VACANT\":", "\"CUT_UNIT\":"));
		// the snapshot was taken under another definition of POST_VACANT
		this.graph.write(
				"MATCH (s:Snapshot {id: $id}) "
						+ "SET s.rules = replace(s.rules, '\"POST_VACANT\":\"', '\"POST_VACANT\":\"old-')",
				Map.of("id", before.id()));
		fillVacancy();
		SnapshotInfo after = this.snapshots.create("U-1", null, "规则调整后");

		SnapshotDiff diff = this.snapshots.diff(before.id(), after.id());
		assertThat(diff.resolved()).extracting(SnapshotDiff.FindingRef::key).doesNotContain(FILLED);
		assertThat(diff.ruleChanged()).extracting(SnapshotDiff.FindingRef::key).containsExactly(FILLED);
		assertThat(diff.summaryZh()).contains("规则调整 1 项");
	}

	@Test
	void snapshotsHaveNoGenerationAndOutliveTheDatasetNodes() {
		SnapshotInfo first = this.snapshots.create(null, null, "");
		assertThat(first.label()).startsWith("快照 ");
		assertThat(this.graph.read("MATCH (s:Snapshot) RETURN s.generation AS g, s.json AS json", Map.of()))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("g")).isNull();
				assertThat((String) row.get("json")).contains("\"asOf\":\"2025-06-30\"", FILLED);
			});
		this.graph.write("MATCH (n) WHERE n.generation = 1 DETACH DELETE n", Map.of());
		assertThat(this.snapshots.find(first.id())).isPresent();
		assertThat(this.snapshots.diff(first.id(), first.id()).unchanged()).extracting(SnapshotDiff.FindingRef::key)
			.contains(FILLED, STILL_VACANT);
	}

	@Test
	void unknownSnapshotIsReported() {
		assertThatThrownBy(() -> this.snapshots.diff("S-none", "S-none")).isInstanceOf(UnknownSnapshotException.class)
			.hasMessageContaining("S-none");
	}

	@Test
	void reportShowsTheChangesSinceASnapshotAndTheListedFacts() {
		SnapshotInfo before = this.snapshots.create("U-1", null, "整改前");
		fillVacancy();
		AuditDocument now = this.analysis.audit("U-1", null);
		ByteArrayOutputStream html = new ByteArrayOutputStream();
		// with the rule appendix (off by default)
		this.reports.write("U-1", null, ReportFormat.HTML, before.id(), new ReportOptions(null, true), html);
		Document page = Jsoup.parse(html.toString(StandardCharsets.UTF_8));
		assertThat(page.select("#changes .diff-summary").text()).startsWith("自上次检查以来：关闭 1 项");
		assertThat(page.select("#changes table.resolved tr.change").text()).contains("第一党支部");
		assertThat(page.select("tr.finding")).hasSize(now.findings().size());
		assertThat(page.select("tr.finding[data-key=" + STILL_VACANT + "]").text()).contains("支部书记 —（空缺，主体责任）");
		assertThat(page.select("#cover").text()).contains("省直机关工委（U-1）", "fixture");
		assertThat(page.select("#staffing tr.staffing").eachText())
			.anySatisfy((t) -> assertThat(t).contains("空缺", "东村党支部"))
			.anySatisfy((t) -> assertThat(t).contains("即将到期", "张三", "2025-08-31", "62"));
		assertThat(page.select("#weak tr.weak-unit").text()).contains("东村党支部", "整顿名单 2025", "处级领导联系", "第一书记驻村");
		assertThat(page.select("#supervisions tr.supervision").text()).contains("SV-1", "2025-04-01（逾期）", "整改");
		assertThat(page.select("#rules h3.rule").eachAttr("data-analysis")).contains("post-vacancy");
	}

	@Test
	void reportInEveryOtherFormat() throws IOException {
		AuditDocument now = this.analysis.audit("U-1", null);
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		this.reports.write("U-1", null, ReportFormat.XLSX, null, xlsx);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
			assertThat(workbook.getSheet(XlsxAuditReport.FINDINGS).getLastRowNum()).isEqualTo(now.findings().size());
			assertThat(workbook.getSheet(XlsxAuditReport.SUPERVISIONS).getLastRowNum()).isEqualTo(1);
		}
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		this.reports.write("U-1", null, ReportFormat.JSON, null, json);
		assertThat(json.toString(StandardCharsets.UTF_8)).contains("\"scope\":\"U-1\"", "\"key\":\"" + FILLED + "\"");
		List<String> keys = now.findings().stream().map((f) -> f.key()).toList();
		assertThat(keys).contains(FILLED, STILL_VACANT);
	}

}
