package org.dutychain.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.Finding;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.JsonCalls;
import org.dutychain.support.TestDatasets;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rectification ledger (整改台账) and the unit panel's edits through the page, on the
 * small dataset evaluated at its own date (2024-06-30): the issue list and its filters,
 * the whole measure workflow (create → start → submit with evidence → verify → the issue
 * is 已销号) and a return, a version conflict, an issue registered in the page, an
 * appointment that makes a POST_VACANT finding disappear from the panel, and the 认领 of a
 * draft duty from 一键分解.
 */
@WebIT
class LedgerPageIT {

	static final String AS_OF = "2024-06-30";

	@Autowired
	DatasetImporter importer;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	AuditCache audits;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	private final ObjectMapper json = new ObjectMapper();

	JsonNode call(HttpMethod method, String path, Object body, int status) throws IOException {
		return JsonCalls.call(this.http, this.json, method, path, body, status);
	}

	void importSmall(Path folder) {
		this.fixtures.wipe();
		this.importer.importPath(folder);
		this.audits.clear();
	}

	/** Opens the page at the dataset's own date (edits move the default to today). */
	PageBrowser open() throws IOException {
		PageBrowser page = PageBrowser.start(1440, 900);
		page.viewport(1440, 900);
		page.driver.get("http://localhost:" + this.port + "/");
		page.js("localStorage.setItem('dutychain.lang', 'zh');");
		page.open(this.port);
		page.js("const i = document.querySelector('[data-testid=asof]'); i.value = arguments[0];"
				+ " i.dispatchEvent(new Event('change'));", AS_OF);
		page.waitForStableTree();
		return page;
	}

	static List<String> issueRows(PageBrowser page) {
		@SuppressWarnings("unchecked")
		List<String> ids = (List<String>) page
			.js("return [...document.querySelectorAll('[data-testid=issue-row]')].map((r) => r.dataset.issue);");
		return ids;
	}

	/** Clicks a filter and waits until the list shows exactly the expected issues. */
	static void filter(PageBrowser page, String filter, String... expected) {
		page.click("[data-testid=ledger-filter-" + filter + "]");
		page.waitFor(() -> page.attr("[data-testid=ledger-filter-" + filter + "]", "class", "").contains("active")
				&& page.all("[data-testid=ledger-table][data-loading]").isEmpty()
				&& issueRows(page).equals(List.of(expected)));
	}

	static void openIssue(PageBrowser page, String id) {
		page.click("[data-testid=issue-row][data-issue='" + id + "']");
		page.waitFor(() -> page.all("[data-testid=issue-panel][data-loading]").isEmpty()
				&& page.text("[data-testid=issue-title]").contains(id)
				&& !page.all("[data-testid=issue-history]").isEmpty());
	}

	/**
	 * Console errors but the refusals the test provokes (the browser logs every 4xx
	 * answer).
	 */
	static List<String> unexpectedConsoleErrors(PageBrowser page) {
		return page.consoleErrors()
			.stream()
			.filter((m) -> !m.contains("status of 409") && !m.contains("status of 422"))
			.toList();
	}

	static String measureStatus(PageBrowser page, String measureId) {
		return page.attr("[data-testid=measure-row][data-measure='" + measureId + "']", "data-status", "");
	}

	static void waitMeasure(PageBrowser page, String measureId, String status) {
		page.waitFor(() -> measureStatus(page, measureId).equals(status));
	}

	/** Clicks the button of a measure's row. */
	static void measureAction(PageBrowser page, String measureId, String action) {
		page.click("[data-testid=measure-row][data-measure='" + measureId + "'] [data-testid=measure-" + action + "]");
	}

	/** Fills the open form's fields (test id → value) and submits it. */
	static void submitForm(PageBrowser page, String form, Map<String, String> values) {
		page.waitFor(() -> !page.all("[data-testid=" + form + "]").isEmpty());
		values.forEach((testid, value) -> page.js("const f = document.querySelector('[data-testid=" + form
				+ "] [data-testid=" + testid + "]');"
				+ " f.value = arguments[0]; f.dispatchEvent(new Event('input')); f.dispatchEvent(new Event('change'));",
				value));
		page.click("[data-testid=" + form + "] [data-testid=form-submit]");
	}

	static String issueStatus(PageBrowser page) {
		return page.attr("[data-testid=issue-panel-status]", "data-status", "");
	}

	@Test
	void theIssueListFiltersAndAMeasureGoesFromPlannedToVerifiedThroughThePage() throws IOException {
		importSmall(TestDatasets.small());
		call(HttpMethod.POST, "/api/issues", Map.of("id", "i-late", "unitId", "xz-v01", "domain", "ORGANIZATION",
				"title", "三会一课记录不全", "foundOn", "2024-02-01", "severity", "HIGH", "due", "2024-06-01"), 201);
		try (PageBrowser page = open()) {
			page.tab("ledger");
			page.waitFor(() -> issueRows(page).size() == 5);
			assertThat(issueRows(page)).containsExactlyInAnyOrder("i01", "i02", "i03", "i04", "i-late");
			// labels, not codes: status 已销号, severity 严重, unit by name
			assertThat(page.text("[data-testid=ledger-table]")).contains("已销号", "严重", "东坡村党支部")
				.doesNotContain("CLOSED", "HIGH");
			filter(page, "overdue", "i-late");
			assertThat(page.all("[data-testid=flag-overdue]")).hasSize(1);
			filter(page, "dueSoon");
			filter(page, "toVerify");
			filter(page, "all", "i02", "i-late", "i04", "i01", "i03");
			page.js("const s = document.querySelector('[data-testid=ledger-status]'); s.value = 'CLOSED';"
					+ " s.dispatchEvent(new Event('change'));");
			page.waitFor(() -> issueRows(page).equals(List.of("i02", "i04")));
			page.js("const s = document.querySelector('[data-testid=ledger-status]'); s.value = '';"
					+ " s.dispatchEvent(new Event('change'));");
			page.js("const i = document.querySelector('[data-testid=ledger-unit]'); i.value = '青山镇党委（xz）';"
					+ " i.dispatchEvent(new Event('change'));");
			page.waitFor(() -> issueRows(page).equals(List.of("i-late", "i01")));
			page.js("const i = document.querySelector('[data-testid=ledger-unit]'); i.value = '';"
					+ " i.dispatchEvent(new Event('change'));");
			page.waitFor(() -> issueRows(page).size() == 5);

			// i03 (OPEN, no measure): a measure with the default owner, then every
			// transition
			openIssue(page, "i03");
			assertThat(issueStatus(page)).isEqualTo("OPEN");
			assertThat(page.all("[data-testid=chain-row]")).isNotEmpty();
			assertThat(page.all("[data-testid=verify-issue]")).hasSize(1);
			page.click("[data-testid=new-measure]");
			submitForm(page, "measure-form", Map.of("form-text", "补建流动党员管理台账", "form-due", "2024-09-30"));
			waitMeasure(page, "i03-m1", "PLANNED");
			String owner = page.text("[data-testid=measure-row][data-measure='i03-m1'] td:nth-child(2)");
			assertThat(owner).as("owner post and holder (default: rank 1 of the chain)").contains(" · ");
			assertThat(page.all("[data-testid=verify-issue]")).isEmpty();
			measureAction(page, "i03-m1", "start");
			waitMeasure(page, "i03-m1", "IN_PROGRESS");
			assertThat(issueStatus(page)).isEqualTo("RECTIFYING");
			// 申请销号 without evidence: the server's 422 in Chinese, nothing changed
			measureAction(page, "i03-m1", "submit");
			submitForm(page, "submit-form", Map.of("form-evidence", ""));
			page.waitFor(() -> page.text("[data-testid=ledger-error]").contains("佐证材料"));
			assertThat(measureStatus(page, "i03-m1")).isEqualTo("IN_PROGRESS");
			submitForm(page, "submit-form", Map.of("form-evidence", "台账已建立，见附件1"));
			waitMeasure(page, "i03-m1", "SUBMITTED");
			filter(page, "toVerify", "i03");
			openIssue(page, "i03");
			measureAction(page, "i03-m1", "verify");
			submitForm(page, "verify-form", Map.of("form-verifier", "任晨（p01）"));
			waitMeasure(page, "i03-m1", "VERIFIED");
			assertThat(issueStatus(page)).isEqualTo("CLOSED");
			assertThat(page.text("[data-testid=measure-table]")).contains("任晨", "台账已建立");
			@SuppressWarnings("unchecked")
			List<String> history = (List<String>) page
				.js("return [...document.querySelectorAll('[data-testid=history-row]')].map((r) => r.dataset.action);");
			assertThat(history).containsExactly("VERIFY", "SUBMIT", "START", "CREATE");
			assertThat(page.text("[data-testid=issue-history]")).contains("申请销号 → 验收通过");
			assertThat(page.all("[data-testid=look-back]")).hasSize(1);
			filter(page, "toVerify");
			assertThat(call(HttpMethod.GET, "/api/issues/i03", null, 200).path("status").asText()).isEqualTo("CLOSED");
			assertThat(unexpectedConsoleErrors(page)).isEmpty();
		}
	}

	@Test
	void aReturnedMeasureShowsItsReasonAndAConflictShowsTheCurrentState() throws IOException {
		importSmall(TestDatasets.small());
		try (PageBrowser page = open()) {
			page.tab("ledger");
			page.waitFor(() -> issueRows(page).size() == 4);
			// an issue registered in the page, due within 30 days of 2024-06-30
			page.click("[data-testid=ledger-new-issue]");
			submitForm(page, "issue-form", Map.of("form-unit", "省发展和改革委员会党组（fgw）", "form-title", "党组理论学习中心组学习不规范",
					"form-domain", "THEORY", "form-due", "2024-07-15"));
			page.waitFor(() -> page.text("[data-testid=issue-title]").contains("党组理论学习中心组学习不规范"));
			String id = page.find("[data-testid=issue-title] small.id").getText().trim();
			filter(page, "dueSoon", id);
			filter(page, "all", "i02", "i04", id, "i01", "i03");

			openIssue(page, "i01");
			page.click("[data-testid=new-measure]");
			submitForm(page, "measure-form", Map.of("form-text", "完成支部换届选举"));
			waitMeasure(page, "i01-m1", "PLANNED");
			measureAction(page, "i01-m1", "start");
			waitMeasure(page, "i01-m1", "IN_PROGRESS");
			measureAction(page, "i01-m1", "submit");
			submitForm(page, "submit-form", Map.of("form-evidence", "换届选举结果请示"));
			waitMeasure(page, "i01-m1", "SUBMITTED");
			measureAction(page, "i01-m1", "return");
			submitForm(page, "return-form", Map.of("form-reason", "缺少上级党组织批复"));
			waitMeasure(page, "i01-m1", "RETURNED");
			assertThat(page.text("[data-testid=measure-table]")).contains("退回理由：缺少上级党组织批复");
			assertThat(page.text("[data-testid=issue-history]")).contains("理由：缺少上级党组织批复");
			measureAction(page, "i01-m1", "start");
			waitMeasure(page, "i01-m1", "IN_PROGRESS");

			// someone else submits meanwhile: the page's submit is a conflict and shows
			// the current state
			JsonNode m = call(HttpMethod.GET, "/api/measures/i01-m1", null, 200);
			measureAction(page, "i01-m1", "submit");
			call(HttpMethod.POST, "/api/measures/i01-m1/submit",
					Map.of("evidence", "他人提交", "version", m.path("version").asLong()), 200);
			submitForm(page, "submit-form", Map.of("form-evidence", "我的提交"));
			page.waitFor(() -> page.text("[data-testid=ledger-error]").contains("已被他人修改"));
			waitMeasure(page, "i01-m1", "SUBMITTED");
			assertThat(page.text("[data-testid=measure-table]")).contains("他人提交").doesNotContain("我的提交");
			assertThat(unexpectedConsoleErrors(page)).isEmpty();
		}
	}

	@Test
	void anAppointmentInTheUnitPanelMakesPostVacantDisappear(@TempDir Path temp) throws IOException {
		Path dataset = TestDatasets.copy("small", temp.resolve("small"));
		TestDatasets.append(dataset, "posts.csv", "xz.zz,xz,DEPUTY_SECRETARY,专职副书记,");
		importSmall(dataset);
		List<Finding> vacant = this.audits.whole(LocalDate.parse(AS_OF))
			.findings()
			.stream()
			.filter((f) -> f.code().equals("POST_VACANT") && "xz.zz".equals(f.postId()))
			.toList();
		assertThat(vacant).hasSize(1);
		try (PageBrowser page = open()) {
			page.js("const i = document.querySelector('[data-testid=unit-search]'); i.value = '青山镇党委';"
					+ " i.dispatchEvent(new Event('change'));");
			page.waitFor(() -> page.text("[data-testid=panel-name]").equals("青山镇党委"));
			page.waitFor(
					() -> !page.all("[data-testid=panel-finding][data-code=POST_VACANT][data-post='xz.zz']").isEmpty());
			page.waitFor(
					() -> !page.all("[data-testid=post-row][data-post='xz.zz'] [data-testid=post-appoint]").isEmpty());
			page.click("[data-testid=post-row][data-post='xz.zz'] [data-testid=post-appoint]");
			submitForm(page, "appoint-form", Map.of("appoint-person", "秦颖艳（p04）", "appoint-since", "2024-01-01"));
			page.waitFor(() -> page.text("[data-testid=post-row][data-post='xz.zz'] [data-testid=post-holder]")
				.equals("秦颖艳"));
			page.waitFor(
					() -> page.all("[data-testid=panel-finding][data-code=POST_VACANT][data-post='xz.zz']").isEmpty());
			assertThat(this.audits.whole(LocalDate.parse(AS_OF)).findings()).extracting(Finding::key)
				.doesNotContain(vacant.get(0).key());
			// 免职 in the same panel brings the vacancy back as an expired appointment
			page.click("[data-testid=post-row][data-post='xz.zz'] [data-testid=holder-end]");
			submitForm(page, "end-form", Map.of("end-until", "2024-03-31"));
			page.waitFor(() -> page.text("[data-testid=post-row][data-post='xz.zz'] [data-testid=post-holder]")
				.equals("空缺"));
			assertThat(unexpectedConsoleErrors(page)).isEmpty();
		}
	}

	/**
	 * What the page asks before it shows a button: an EDITOR of 发改委党组 may edit there and
	 * below, may accept only below its scope unit (no self-acceptance), nothing
	 * elsewhere; the user's person is the default verifier; persons are found by name;
	 * measure statuses have labels; a unit's drafts name where they come from.
	 */
	@Test
	void thePageAsksWhatTheUserMayDoFindsPersonsAndListsDrafts() throws IOException {
		importSmall(TestDatasets.small());
		call(HttpMethod.POST, "/api/users", Map.of("username", "editor1", "password", "secret-password-1", "role",
				"EDITOR", "scopes", List.of("fgw"), "personId", "p04"), 201);
		TestRestTemplate editor = this.http.withBasicAuth("editor1", "secret-password-1");
		assertThat(rights(editor, "fgw")).containsExactly(true, false);
		assertThat(rights(editor, "fgw-jgdw")).containsExactly(true, true);
		assertThat(rights(editor, "xz")).containsExactly(false, false);
		assertThat(rights(this.http, "fgw")).containsExactly(true, true);
		assertThat(read(editor, "/api/me").path("personId").asText()).isEqualTo("p04");
		JsonNode people = call(HttpMethod.GET, "/api/people?query=" + "任晨", null, 200);
		assertThat(people).extracting((n) -> n.path("id").asText()).containsExactly("p01");
		assertThat(call(HttpMethod.GET, "/api/people?query=", null, 200)).isEmpty();
		assertThat(call(HttpMethod.GET, "/api/labels", null, 200).path("groups")
			.path("measureStatus")
			.path("SUBMITTED")
			.path("zh")
			.asText()).isEqualTo("申请销号");
		call(HttpMethod.POST, "/api/duties",
				Map.of("id", "dn1", "unitId", "fgw-jgdw", "domain", "ORGANIZATION", "text", "落实党员发展计划"), 201);
		call(HttpMethod.POST, "/api/duties/dn1/decompose", null, 200);
		JsonNode drafts = call(HttpMethod.GET, "/api/units/fgw-z01/drafts", null, 200);
		assertThat(drafts).hasSize(1);
		assertThat(drafts.get(0).path("id").asText()).isEqualTo("dn1@fgw-z01");
		assertThat(drafts.get(0).path("fromUnitName").asText()).isEqualTo("省发展和改革委员会机关党委");
		assertThat(call(HttpMethod.GET, "/api/units/fgw-jgdw/drafts", null, 200)).isEmpty();
		call(HttpMethod.GET, "/api/units/nope/drafts", null, 404);
	}

	List<Boolean> rights(TestRestTemplate client, String unit) throws IOException {
		JsonNode r = read(client, "/api/rights?unit=" + unit);
		return List.of(r.path("edit").asBoolean(), r.path("verify").asBoolean());
	}

	JsonNode read(TestRestTemplate client, String path) throws IOException {
		ResponseEntity<String> response = client.getForEntity(path, String.class);
		assertThat(response.getStatusCode().value()).as(path + " -> " + response.getBody()).isEqualTo(200);
		return this.json.readTree(response.getBody());
	}

	@Test
	void aDraftDutyIsClaimedInTheUnitPanel() throws IOException {
		importSmall(TestDatasets.small());
		call(HttpMethod.POST, "/api/duties", Map.of("id", "dn1", "unitId", "fgw-jgdw", "domain", "ORGANIZATION", "text",
				"落实党员发展计划", "cadence", "YEARLY"), 201);
		JsonNode created = call(HttpMethod.POST, "/api/duties/dn1/decompose", null, 200).path("created");
		assertThat(created.get(0).asText()).isEqualTo("dn1@fgw-jgjw");
		try (PageBrowser page = open()) {
			page.js("const i = document.querySelector('[data-testid=unit-search]'); i.value = '省发展和改革委员会机关纪委';"
					+ " i.dispatchEvent(new Event('change'));");
			page.waitFor(() -> page.text("[data-testid=panel-name]").equals("省发展和改革委员会机关纪委"));
			page.waitFor(() -> !page.all("[data-testid=draft-row][data-duty='dn1@fgw-jgjw'] [data-testid=draft-claim]")
				.isEmpty());
			assertThat(page.text("[data-testid=panel-drafts]")).contains("落实党员发展计划", "来自 省发展和改革委员会机关党委");
			assertThat(page.text("[data-testid=panel-team-list]")).doesNotContain("落实党员发展计划");
			page.click("[data-testid=draft-row][data-duty='dn1@fgw-jgjw'] [data-testid=draft-claim]");
			page.waitFor(() -> page.all("[data-testid=draft-row]").isEmpty()
					&& page.text("[data-testid=panel-team-list]").contains("落实党员发展计划"));
			assertThat(this.graph.read("MATCH (d:Duty {id: 'dn1@fgw-jgjw'}) RETURN d.status AS s", Map.of()))
				.extracting((r) -> r.get("s"))
				.containsExactly("CONFIRMED");
			assertThat(unexpectedConsoleErrors(page)).isEmpty();
		}
	}

}
