package org.dutychain.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.accountability.AccountabilityEntry;
import org.dutychain.accountability.AccountabilityService;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.Finding;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.organization.Datasets;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.JsonCalls;
import org.dutychain.support.TestDatasets;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rectification ledger over HTTP on the imported small dataset: every measure
 * transition legal and illegal with its change record, issue verification and 回头看,
 * optimistic locking, and every edit type (appointment, duty with 一键分解 and 认领, first
 * secretary, assistance) with its change record and the revision it increments.
 */
@WebIT
class LedgerIT {

	@Autowired
	TestRestTemplate http;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	DatasetImporter importer;

	@Autowired
	AuditCache audits;

	@Autowired
	Datasets datasets;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	AccountabilityService accountability;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void importSmall() {
		this.fixtures.wipe();
		this.importer.importPath(TestDatasets.small());
		this.audits.clear();
	}

	JsonNode call(HttpMethod method, String path, Object body, int status) throws Exception {
		return JsonCalls.call(this.http, this.json, method, path, body, status);
	}

	JsonNode post(String path, Object body, int status) throws Exception {
		return call(HttpMethod.POST, path, body, status);
	}

	JsonNode get(String path) throws Exception {
		return call(HttpMethod.GET, path, null, 200);
	}

	List<String> actions(String entity, String id) throws Exception {
		List<String> actions = new ArrayList<>();
		get("/api/changes?entity=" + entity + "&id=" + id).forEach((c) -> actions.add(c.path("action").asText()));
		return actions;
	}

	long revision() {
		return this.datasets.active().revision();
	}

	@Test
	void aMeasureGoesThroughEveryTransitionAndTheIssueFollows() throws Exception {
		JsonNode m = post("/api/issues/i03/measures", Map.of("text", "补建流动党员管理台账", "due", "2024-09-30"), 201);
		String id = m.path("id").asText();
		assertThat(id).isEqualTo("i03-m1");
		assertThat(m.path("status").asText()).isEqualTo("PLANNED");
		String expectedOwner = this.accountability.forIssue("i03", LocalDate.of(2024, 6, 30))
			.entries()
			.stream()
			.map(AccountabilityEntry::postId)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElseThrow();
		assertThat(m.path("ownerPostId").asText()).isEqualTo(expectedOwner);
		assertThat(revision()).isEqualTo(1);

		// illegal before starting: submit, verify, return
		for (String action : List.of("submit", "verify", "return")) {
			JsonNode problem = post("/api/measures/" + id + "/" + action,
					Map.of("evidence", "x", "verifierId", "p01", "reason", "y"), 409);
			assertThat(problem.path("code").asText()).isEqualTo("ILLEGAL_TRANSITION");
			assertThat(problem.path("detail").asText()).contains("计划");
		}
		assertThat(get("/api/issues/i03").path("status").asText()).isEqualTo("OPEN");
		assertThat(post("/api/measures/" + id + "/start", null, 200).path("issueStatus").asText())
			.isEqualTo("RECTIFYING");
		post("/api/measures/" + id + "/start", null, 409);
		JsonNode missing = post("/api/measures/" + id + "/submit", Map.of(), 422);
		assertThat(missing.path("detail").asText()).contains("佐证");
		assertThat(post("/api/measures/" + id + "/submit", Map.of("evidence", "台账已建立"), 200).path("status").asText())
			.isEqualTo("SUBMITTED");
		assertThat(get("/api/issues?filter=toVerify&asOf=2024-06-30")).extracting((n) -> n.path("id").asText())
			.containsExactly("i03");
		post("/api/measures/" + id + "/verify", Map.of(), 422);
		JsonNode returned = post("/api/measures/" + id + "/return", Map.of("reason", "台账不完整"), 200);
		assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
		assertThat(returned.path("returnReason").asText()).isEqualTo("台账不完整");
		post("/api/measures/" + id + "/submit", Map.of("evidence", "z"), 409);
		post("/api/measures/" + id + "/start", null, 200);
		post("/api/measures/" + id + "/submit", Map.of(), 200);
		JsonNode verified = post("/api/measures/" + id + "/verify", Map.of("verifierId", "p01"), 200);
		assertThat(verified.path("status").asText()).isEqualTo("VERIFIED");
		assertThat(verified.path("verifiedBy").asText()).isEqualTo("p01");
		assertThat(verified.path("verifiedOn").asText()).isEqualTo(this.datasets.today().toString());
		assertThat(verified.path("issueStatus").asText()).isEqualTo("CLOSED");
		for (String action : List.of("start", "submit", "verify", "return")) {
			post("/api/measures/" + id + "/" + action, Map.of("evidence", "x", "verifierId", "p01", "reason", "y"),
					409);
		}
		JsonNode issue = get("/api/issues/i03");
		assertThat(issue.path("closedOn").asText()).isEqualTo(this.datasets.today().toString());
		post("/api/issues/i03/measures", Map.of("text", "再补一条"), 409);
		post("/api/issues/i03/verify", Map.of("verifierId", "p01"), 409);

		assertThat(actions("Measure", id)).containsExactly("VERIFY", "SUBMIT", "START", "RETURN", "SUBMIT", "START",
				"CREATE");
		JsonNode history = get("/api/changes?entity=Measure&id=" + id);
		assertThat(history.get(0).path("before").path("status").asText()).isEqualTo("SUBMITTED");
		assertThat(history.get(0).path("after").path("status").asText()).isEqualTo("VERIFIED");
		// the change record names the signed-in user (the test client is the test admin)
		assertThat(history.get(0).path("actor").asText()).isEqualTo(org.dutychain.support.TestAdmin.USERNAME);
		assertThat(revision()).isEqualTo(7);

		// 回头看 may reopen; then the issue is closed by verifying it itself
		post("/api/issues/i01/look-back", null, 409);
		JsonNode looked = post("/api/issues/i03/look-back", Map.of("reopen", true), 200);
		assertThat(looked.path("status").asText()).isEqualTo("RECTIFYING");
		assertThat(looked.path("lookBackOn").asText()).isEqualTo(this.datasets.today().toString());
		assertThat(looked.has("closedOn")).isFalse();
		post("/api/issues/i03/verify", Map.of(), 422);
		assertThat(post("/api/issues/i03/verify", Map.of("verifierId", "p02"), 200).path("status").asText())
			.isEqualTo("CLOSED");
		assertThat(actions("Issue", "i03")).containsExactly("VERIFY", "LOOK_BACK_REOPEN");
	}

	@Test
	void anIssueWithoutMeasuresIsClosedByVerifyingItAndStaleVersionsAreRefused() throws Exception {
		JsonNode imported = get("/api/dataset");
		assertThat(imported.path("revision").asLong()).isZero();
		assertThat(imported.path("defaultAsOf").asText()).isEqualTo("2024-06-30")
			.isEqualTo(imported.path("asOf").asText());
		JsonNode created = post("/api/issues", Map.of("id", "i90", "unitId", "fgw-z01", "domain", "组织建设", "title",
				"党费收缴不及时", "foundOn", "2024-05-01", "due", "2024-06-10"), 201);
		// once edited, the date every view uses by default is today; the imported one
		// stays
		JsonNode edited = get("/api/dataset");
		assertThat(edited.path("revision").asLong()).isPositive();
		assertThat(edited.path("defaultAsOf").asText()).isEqualTo(this.datasets.today().toString());
		assertThat(edited.path("asOf").asText()).isEqualTo("2024-06-30");
		assertThat(created.path("status").asText()).isEqualTo("OPEN");
		assertThat(created.path("domain").asText()).isEqualTo("ORGANIZATION");
		assertThat(get("/api/issues?scope=fgw-jgdw&filter=overdue&asOf=2024-06-30"))
			.extracting((n) -> n.path("id").asText())
			.contains("i90");
		post("/api/issues", Map.of("unitId", "fgw-z01", "domain", "组织建设"), 422);
		post("/api/issues", Map.of("unitId", "nope", "domain", "ORGANIZATION", "title", "t"), 404);

		JsonNode patched = call(HttpMethod.PATCH, "/api/issues/i90", Map.of("version", 0, "title", "党费收缴不及时、不足额"), 200);
		assertThat(patched.path("version").asLong()).isEqualTo(1);
		JsonNode conflict = call(HttpMethod.PATCH, "/api/issues/i90", Map.of("version", 0, "title", "过时的修改"), 409);
		assertThat(conflict.path("code").asText()).isEqualTo("VERSION_CONFLICT");
		assertThat(conflict.path("current").path("title").asText()).isEqualTo("党费收缴不及时、不足额");
		assertThat(conflict.path("current").path("version").asLong()).isEqualTo(1);

		JsonNode closed = post("/api/issues/i90/verify", Map.of("verifierId", "p04", "version", 1), 200);
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		// closed today: still overdue at the imported asOf, no longer at the default asOf
		// (today, once edited)
		assertThat(get("/api/issues?filter=overdue&asOf=2024-06-30")).extracting((n) -> n.path("id").asText())
			.contains("i90");
		assertThat(get("/api/issues?filter=overdue")).extracting((n) -> n.path("id").asText()).doesNotContain("i90");
		assertThat(actions("Issue", "i90")).containsExactly("VERIFY", "UPDATE", "CREATE");
		post("/api/issues/i90/look-back", null, 200);
		assertThat(get("/api/issues/i90").path("status").asText()).isEqualTo("CLOSED");
		post("/api/measures/nope/start", null, 404);
	}

	@Test
	void anEditStartsTheViewsAuditOfTheNewRevision() throws Exception {
		this.audits.whole(null); // the views' audit of the revision before the edit
		assertThat(this.audits.peek(null, null)).isPresent();
		post("/api/issues", Map.of("id", "i97", "unitId", "fgw-z01", "domain", "组织建设", "title", "会议记录不全", "foundOn",
				"2024-05-01", "due", "2024-06-10"), 201);
		// no view asked yet: the edit itself scheduled the audit of the new revision
		// (on the old code nothing was cached for it until a view asked)
		for (int i = 0; i < 300 && this.audits.peek(null, null).isEmpty(); i++) {
			Thread.sleep(100);
		}
		assertThat(this.audits.peek(null, null)).isPresent();
		assertThat(this.audits.peek(null, LocalDate.of(2001, 1, 1))).isEmpty();
	}

	@Test
	void anAppointmentMakesPostVacantDisappearOnTheNextAudit() throws Exception {
		LocalDate asOf = LocalDate.of(2024, 6, 30);
		List<String> vacancy = List.of("POST_VACANT", "APPOINTMENT_EXPIRED");
		Finding vacant = this.audits.whole(asOf)
			.findings()
			.stream()
			.filter((f) -> vacancy.contains(f.code()) && f.postId() != null)
			.findFirst()
			.orElseThrow();
		String postId = vacant.postId();
		JsonNode appointed = post("/api/posts/" + postId + "/appointments",
				Map.of("personId", "p02", "since", "2024-01-01"), 201);
		assertThat(appointed.path("postId").asText()).isEqualTo(postId);
		assertThat(this.audits.whole(asOf).findings()).extracting(Finding::key).doesNotContain(vacant.key());
		post("/api/posts/" + postId + "/appointments", Map.of("personId", "p02", "since", "2024-01-01"), 409);
		JsonNode ended = post("/api/posts/" + postId + "/appointments/end",
				Map.of("personId", "p02", "until", "2024-03-31"), 200);
		assertThat(ended.path("until").asText()).isEqualTo("2024-03-31");
		assertThat(this.audits.whole(asOf).findings()).extracting(Finding::key).contains(vacant.key());
		post("/api/posts/" + postId + "/appointments/end", Map.of("personId", "p02", "until", "2023-01-01"), 422);
		assertThat(actions("Appointment", "p02/" + postId + "/2024-01-01")).containsExactly("END", "APPOINT");
		JsonNode end = get("/api/changes?entity=Appointment&id=p02/" + postId + "/2024-01-01").get(0);
		assertThat(end.path("before").has("until")).isFalse();
		assertThat(end.path("after").path("until").asText()).isEqualTo("2024-03-31");
	}

	@Test
	void dutiesAreCreatedDecomposedIntoDraftsAndConfirmed() throws Exception {
		JsonNode duty = post("/api/duties", Map.of("id", "dn1", "unitId", "fgw-jgdw", "domain", "ORGANIZATION", "text",
				"落实党员发展计划", "cadence", "YEARLY"), 201);
		assertThat(duty.path("status").isMissingNode()).isTrue();
		JsonNode result = post("/api/duties/dn1/decompose", null, 200);
		List<String> created = new ArrayList<>();
		result.path("created").forEach((n) -> created.add(n.asText()));
		List<Map<String, Object>> children = this.graph.read(
				"MATCH (:Unit {id: 'fgw-jgdw'})-[l:LEADS]->(c:Unit) WHERE l.kind IN ['PRIMARY', 'DUAL'] AND EXISTS { (c)-[:HAS_POST]->() } RETURN DISTINCT c.id AS id ORDER BY id",
				Map.of());
		assertThat(created).isNotEmpty()
			.containsExactlyElementsOf(children.stream().map((c) -> "dn1@" + c.get("id")).toList());
		assertThat(this.graph.read("MATCH (d:Duty {id: $id})-[:DERIVED_FROM]->(:Duty {id: 'dn1'}) RETURN d.status AS s",
				Map.of("id", created.get(0))))
			.extracting((r) -> r.get("s"))
			.containsExactly("DRAFT");
		assertThat(post("/api/duties/dn1/decompose", null, 200).path("created")).isEmpty();
		JsonNode confirmed = post("/api/duties/" + created.get(0) + "/confirm", null, 200);
		assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
		post("/api/duties/" + created.get(0) + "/confirm", null, 409);
		JsonNode edited = call(HttpMethod.PATCH, "/api/duties/dn1", Map.of("text", "落实年度党员发展计划", "version", 0), 200);
		assertThat(edited.path("text").asText()).isEqualTo("落实年度党员发展计划");
		call(HttpMethod.PATCH, "/api/duties/dn1", Map.of("text", "x", "version", 0), 409);
		assertThat(actions("Duty", "dn1")).containsExactly("UPDATE", "DECOMPOSE", "DECOMPOSE", "CREATE");
		assertThat(actions("Duty", created.get(0))).containsExactly("CONFIRM");
		post("/api/duties", Map.of("unitId", "fgw-jgdw", "postId", "wc.sj", "domain", "ORGANIZATION", "text", "t"),
				422);
	}

	@Test
	void firstSecretariesAndAssistanceAreAddedAndEnded() throws Exception {
		post("/api/units/xz-v01/first-secretaries",
				Map.of("personId", "p19", "kind", "VILLAGE_STATIONED", "dispatchedBy", "jyt", "since", "2024-01-01"),
				201);
		post("/api/units/xz-v01/first-secretaries/end", Map.of("personId", "p19", "until", "2024-12-31"), 200);
		assertThat(actions("FirstSecretary", "p19/xz-v01/2024-01-01")).containsExactly("END", "CREATE");
		assertThat(this.graph.read(
				"MATCH (:Person {id: 'p19'})-[f:FIRST_SECRETARY_OF]->(:Unit {id: 'xz-v01'}) RETURN f.until AS until, f.kind AS kind",
				Map.of()))
			.containsExactly(Map.of("until", LocalDate.of(2024, 12, 31), "kind", "VILLAGE_STATIONED"));
		post("/api/units/xz-v01/assistance", Map.of("assistantId", "fgw", "level", "机关单位共建帮扶", "since", "2024-02-01"),
				201);
		post("/api/units/xz-v01/assistance/end",
				Map.of("assistantId", "fgw", "level", "ORGAN_CO_BUILD", "until", "2024-05-31"), 200);
		assertThat(actions("Assistance", "fgw/xz-v01/ORGAN_CO_BUILD/2024-02-01")).containsExactly("END", "CREATE");
		post("/api/units/xz-v01/assistance", Map.of("assistantId", "nobody", "level", "PAIRING"), 404);
		post("/api/units/xz-v01/assistance", Map.of("assistantId", "fgw", "level", "NOT_A_LEVEL"), 422);
		assertThat(revision()).isEqualTo(4);
	}

}
