package org.dutychain.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.analysis.AuditCache;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.TestAdmin;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scoped user sees of findings, evidence and level views (issue 9): no id, name or
 * key part of a post, person, duty or record that belongs only to units outside its
 * subtrees, outside units named 范围外单位 and outside people 范围外人员 in messages rendered from
 * the findings' values; a user with several scopes sees the levels of all its subtrees,
 * the same in the audit, the coverage and pressure views and the report. Fixtures: rule
 * fixtures of the analyses (each names its units and people).
 */
@WebIT
class ScopedViewIT {

	static final String PASSWORD = "secret-password-2";

	static final Path FIXTURES = Path.of("src/test/resources/fixtures/analysis");

	@LocalServerPort
	int port;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	AuditCache audits;

	@Autowired
	org.dutychain.config.Neo4jGraph graph;

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json = new ObjectMapper();

	static int users;

	record Answer(int status, String body, String location) {
	}

	Answer send(String user, String password, String method, String path, String body) throws Exception {
		return send(user, password, method, path, body, null);
	}

	/** With a {@code Prefer} header (null: none); the answer's Location header. */
	Answer send(String user, String password, String method, String path, String body, String prefer) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		if (prefer != null) {
			b.header("Prefer", prefer);
		}
		if (body != null) {
			b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			b.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> r = this.http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
	}

	/**
	 * Starts the request as a job ({@code Prefer: respond-async}), checks the 202 and its
	 * Location, and returns the finished job as its creator reads it.
	 */
	JsonNode job(String user, String method, String path) throws Exception {
		Answer started = send(user, PASSWORD, method, path, null, "respond-async");
		assertThat(started.status()).as(path + " " + started.body()).isEqualTo(202);
		JsonNode job = this.json.readTree(started.body());
		assertThat(started.location()).isEqualTo("/api/jobs/" + job.path("id").asText());
		assertThat(job.path("owner").asText()).isEqualTo(user);
		for (int i = 0; i < 600 && job.path("state").asText().equals("running"); i++) {
			Thread.sleep(100);
			job = as(user, "GET", started.location());
		}
		assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
		assertThat(job.path("percent").asInt()).isEqualTo(100);
		return job;
	}

	JsonNode as(String user, String method, String path) throws Exception {
		Answer a = send(user, PASSWORD, method, path, null);
		assertThat(a.status()).as(path + " " + a.body()).isEqualTo(200);
		return this.json.readTree(a.body());
	}

	JsonNode admin(String method, String path) throws Exception {
		Answer a = send(TestAdmin.USERNAME, TestAdmin.PASSWORD, method, path, null);
		assertThat(a.status()).as(path + " " + a.body()).isEqualTo(200);
		return this.json.readTree(a.body());
	}

	String user(String role, String... scopes) throws Exception {
		String name = "scoped-view-" + (++users);
		String list = String.join(",", Stream.of(scopes).map((s) -> "\"" + s + "\"").toList());
		Answer a = send(TestAdmin.USERNAME, TestAdmin.PASSWORD, "POST", "/api/users", "{\"username\":\"" + name
				+ "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\",\"scopes\":[" + list + "]}");
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return name;
	}

	String storedSecretDigest(String id) throws Exception {
		List<java.util.Map<String, Object>> rows = this.graph
			.read("MATCH (s:Secret {name: 'scope-mask'}) RETURN s.value AS value", java.util.Map.of());
		assertThat(rows).as("the scope-mask secret is stored").hasSize(1);
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode((String) rows.get(0).get("value")),
				"HmacSHA256"));
		return "outside-" + java.util.HexFormat.of().formatHex(mac.doFinal(id.getBytes(StandardCharsets.UTF_8)), 0, 6);
	}

	void load(String analysis, String code) {
		this.fixtures.load(FIXTURES.resolve(analysis).resolve(code).resolve("positive.cypher"));
		this.audits.clear();
	}

	/** Every string of a JSON document, and every part of a key or subject. */
	static List<String> strings(JsonNode node) {
		List<String> out = new ArrayList<>();
		collect(node, out);
		return out;
	}

	private static void collect(JsonNode node, List<String> out) {
		if (node.isTextual()) {
			out.add(node.asText());
			for (String part : node.asText().split("[/,]")) {
				out.add(part);
			}
		}
		node.forEach((child) -> collect(child, out));
		node.fields().forEachRemaining((e) -> out.add(e.getKey()));
	}

	/** The findings of one code in a scoped user's whole audit. */
	static List<JsonNode> findings(JsonNode audit, String code) {
		List<JsonNode> out = new ArrayList<>();
		audit.path("findings").forEach((f) -> {
			if (code.equals(f.path("code").asText())) {
				out.add(f);
			}
		});
		return out;
	}

	static void assertHides(JsonNode document, Set<String> ids, Set<String> names) {
		List<String> strings = strings(document);
		assertThat(strings).as("ids outside the scope").doesNotContainAnyElementsOf(ids);
		for (String s : strings) {
			for (String name : names) {
				assertThat(s).as("names outside the scope").doesNotContain(name);
			}
		}
	}

	@Test
	void aParentSecretaryOutsideTheScopeIsNamedAsSuch() throws Exception {
		load("weak-org-rectification", "PARENT_SECRETARY_LIABLE");
		JsonNode all = admin("POST", "/api/audit");
		assertThat(findings(all, "PARENT_SECRETARY_LIABLE").toString()).contains("周书记", "北极镇党委", "PER-2");
		String auditor = user("AUDITOR", "U-3");
		JsonNode audit = as(auditor, "POST", "/api/audit");
		List<JsonNode> liable = findings(audit, "PARENT_SECRETARY_LIABLE");
		assertThat(liable).hasSize(1);
		JsonNode f = liable.get(0);
		assertThat(f.path("unitId").asText()).isEqualTo("U-3");
		assertThat(f.path("personId").isMissingNode()).as("the outside secretary's id").isTrue();
		assertThat(f.path("messageZh").asText()).contains("北红村党支部", "范围外单位", "范围外人员");
		assertThat(f.path("messageEn").asText()).contains("a person outside your scope", "a unit outside your scope");
		assertThat(f.path("key").asText()).startsWith("weak-org-rectification/PARENT_SECRETARY_LIABLE/U-3/outside-");
		// the digest's key is the installation's stored secret (system data), so the key
		// is
		// the same after a restart and snapshot diffs of scoped users stay stable
		assertThat(f.path("key").asText())
			.isEqualTo("weak-org-rectification/PARENT_SECRETARY_LIABLE/U-3/" + storedSecretDigest("PER-2"));
		// the branch's own evidence stays
		assertThat(f.path("evidence").path("nodeIds").toString()).contains("U-3");
		assertHides(audit, Set.of("PER-2", "P-2", "U-2", "U-1", "PER-4", "P-4", "U-4", "U-5"),
				Set.of("周书记", "北极镇党委", "漠河市委", "吴书记", "前哨林场党总支"));
		assertHides(as(auditor, "GET", "/api/reports/audit?format=json"), Set.of("PER-2", "P-2", "U-2"),
				Set.of("周书记", "北极镇党委"));
	}

	@Test
	void aJobAnswersWhatItsRequestWouldAndOnlyToItsCreator() throws Exception {
		load("weak-org-rectification", "PARENT_SECRETARY_LIABLE");
		String auditor = user("AUDITOR", "U-3");
		String other = user("AUDITOR", "U-3");
		// the audit: the scoped user's view, not the whole one (the job runs as its
		// creator)
		JsonNode audit = as(auditor, "POST", "/api/audit");
		JsonNode auditJob = job(auditor, "POST", "/api/audit");
		assertThat(auditJob.path("kind").asText()).isEqualTo("audit");
		assertThat(auditJob.path("kindZh").asText()).isEqualTo("审计");
		assertThat(auditJob.path("result").path("findings")).isEqualTo(audit.path("findings"));
		assertHides(auditJob, Set.of("PER-2", "P-2", "U-2", "U-1"), Set.of("周书记", "北极镇党委"));
		String id = auditJob.path("id").asText();
		assertThat(send(other, PASSWORD, "GET", "/api/jobs/" + id, null).status())
			.as("another user's job does not exist for it")
			.isEqualTo(404);
		assertThat(admin("GET", "/api/jobs/" + id).path("owner").asText()).isEqualTo(auditor);
		// a snapshot, then its trend against the current data
		JsonNode snapshotJob = job(auditor, "POST",
				"/api/snapshots?label=" + java.net.URLEncoder.encode("作业快照", StandardCharsets.UTF_8));
		String snapshot = snapshotJob.path("result").path("id").asText();
		assertThat(as(auditor, "GET", "/api/snapshots/" + snapshot).path("label").asText()).isEqualTo("作业快照");
		JsonNode trend = as(auditor, "GET", "/api/snapshots/" + snapshot + "/trend");
		JsonNode trendJob = job(auditor, "GET", "/api/snapshots/" + snapshot + "/trend");
		assertThat(trendJob.path("kind").asText()).isEqualTo("trend");
		assertThat(trendJob.path("result")).isEqualTo(trend);
		// a report: the job writes the file the request would have answered, and links it
		JsonNode report = as(auditor, "GET", "/api/reports/audit?format=json");
		JsonNode reportJob = job(auditor, "GET", "/api/reports/audit?format=json");
		String href = reportJob.path("result").path("href").asText();
		assertThat(href).isEqualTo("/api/jobs/" + reportJob.path("id").asText() + "/file");
		assertThat(reportJob.path("result").path("fileName").asText()).endsWith(".json");
		assertThat(as(auditor, "GET", href)).isEqualTo(report);
		assertThat(send(other, PASSWORD, "GET", href, null).status()).isEqualTo(404);
		JsonNode pdfJob = job(auditor, "GET", "/api/reports/audit?format=pdf");
		Answer pdf = send(auditor, PASSWORD, "GET", pdfJob.path("result").path("href").asText(), null);
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF-");
		assertThat(pdfJob.path("result").path("size").asLong()).isPositive();
		// a unit outside the scope is the request's 404, never a job
		assertThat(send(auditor, PASSWORD, "POST", "/api/audit?scope=U-1", null, "respond-async").status())
			.isEqualTo(404);
		// each sees its own jobs, newest first; ADMIN sees them all
		JsonNode mine = as(auditor, "GET", "/api/jobs");
		assertThat(mine.size()).isEqualTo(5);
		assertThat(mine.get(0).path("id").asText()).isEqualTo(pdfJob.path("id").asText());
		assertThat(as(other, "GET", "/api/jobs").size()).isZero();
		assertThat(admin("GET", "/api/jobs").size()).isGreaterThanOrEqualTo(5);
		// a result computed for the old scope is not shown once the scope changed
		Answer narrowed = send(TestAdmin.USERNAME, TestAdmin.PASSWORD, "PATCH", "/api/users/" + auditor,
				"{\"scopes\":[\"U-4\"]}");
		assertThat(narrowed.status()).as(narrowed.body()).isEqualTo(200);
		assertThat(send(auditor, PASSWORD, "GET", "/api/jobs/" + id, null).status()).isEqualTo(404);
		assertThat(send(auditor, PASSWORD, "GET", href, null).status()).isEqualTo(404);
	}

	@Test
	void dutiesOfAParentOutsideTheScopeAreNeitherNamedNorKeyed() throws Exception {
		load("duty-cascade", "CASCADE_BREAK");
		String auditor = user("AUDITOR", "U-4");
		JsonNode audit = as(auditor, "POST", "/api/audit");
		List<JsonNode> breaks = findings(audit, "CASCADE_BREAK");
		assertThat(breaks).as("D-1 and D-2 of the party group reach no list of U-4").hasSize(2);
		assertThat(breaks.stream().map((f) -> f.path("key").asText()).distinct()).hasSize(2);
		for (JsonNode f : breaks) {
			assertThat(f.path("dutyId").isMissingNode()).isTrue();
			assertThat(f.path("messageZh").asText()).contains("范围外单位", "范围外事项", "预算处党支部");
			assertThat(f.path("messageEn").asText()).contains("an item outside your scope");
		}
		assertHides(audit, Set.of("D-1", "D-2", "D-0", "P-2", "P-3", "U-2", "U-1", "U-3"),
				Set.of("省财政厅党组", "省直机关工委", "落实全面从严治党主体责任"));
	}

	@Test
	void theSecretaryOfADirectlyAffiliatedOrganizationKeepsItsNameAndTheParentDoesNot() throws Exception {
		load("leadership-structure", "DIRECT_ORG_SECRETARY_INELIGIBLE");
		String auditor = user("AUDITOR", "U-3");
		JsonNode audit = as(auditor, "POST", "/api/audit");
		List<JsonNode> ineligible = findings(audit, "DIRECT_ORG_SECRETARY_INELIGIBLE");
		assertThat(ineligible).hasSize(1);
		JsonNode f = ineligible.get(0);
		assertThat(f.path("personId").asText()).isEqualTo("PER-1");
		assertThat(f.path("messageZh").asText()).contains("张三", "省财政厅机关党委", "范围外单位");
		assertHides(audit, Set.of("U-2", "P-2S", "PER-2", "U-1", "U-4", "U-5", "P-5S", "PER-3"),
				Set.of("省财政厅党组", "李四", "省审计厅", "王五"));
	}

	@Test
	void aUserWithTwoScopesSeesTheLevelsOfBothAndEveryViewAgrees() throws Exception {
		this.fixtures.load(SecurityIT.FIXTURE);
		this.audits.clear();
		String auditor = user("AUDITOR", "A", "X");
		// A (level 2) leads B leads C; X is led by GUIDANCE only
		JsonNode audit = as(auditor, "POST", "/api/audit");
		assertThat(audit.path("scope").asText()).isEqualTo("A,X");
		int units = 0;
		for (JsonNode l : audit.path("levels")) {
			units += l.path("units").asInt();
		}
		assertThat(units).as("A, B, C and X: " + audit.path("levels")).isEqualTo(4);
		JsonNode a = as(auditor, "GET", "/api/coverage?scope=A");
		JsonNode x = as(auditor, "GET", "/api/coverage?scope=X");
		JsonNode coverage = as(auditor, "GET", "/api/coverage");
		JsonNode pressure = as(auditor, "GET", "/api/pressure");
		JsonNode report = as(auditor, "GET", "/api/reports/audit?format=json");
		assertThat(coverage.path("scope").asText()).isEqualTo("A,X");
		Set<Integer> levels = new TreeSet<>();
		a.path("levels").forEach((l) -> levels.add(l.path("level").asInt()));
		x.path("levels").forEach((l) -> levels.add(l.path("level").asInt()));
		assertThat(coverage.path("levels")).hasSize(levels.size());
		assertThat(pressure.path("levels")).hasSize(levels.size());
		for (int i = 0; i < audit.path("levels").size(); i++) {
			JsonNode l = audit.path("levels").get(i);
			int level = l.path("level").asInt();
			int sum = count(a, level) + count(x, level);
			assertThat(l.path("units").asInt()).as("level " + level).isEqualTo(sum);
			assertThat(coverage.path("levels").get(i).path("units").asInt()).isEqualTo(sum);
			assertThat(pressure.path("levels").get(i).path("units").asInt()).isEqualTo(sum);
			assertThat(coverage.path("levels").get(i).path("coverage")).isEqualTo(l.path("coverage"));
			assertThat(pressure.path("levels").get(i).path("mean").asDouble())
				.isEqualTo(l.path("pressureMean").asDouble());
			assertThat(report.path("levels").get(i)).isEqualTo(l);
		}
		// the heatmap's rows (list-coverage metrics) are the levels' coverage
		for (JsonNode row : coverage.path("metrics").path("coverage")) {
			for (JsonNode l : audit.path("levels")) {
				if (l.path("level").asInt() == row.path("level").asInt()) {
					assertThat(row.path("domains")).isEqualTo(l.path("coverage"));
				}
			}
		}
		// a level whose lists miss a domain never shows it as fully covered
		for (JsonNode f : audit.path("findings")) {
			if (Set.of("NO_PERSONAL_LIST", "DOMAIN_BLANK", "NO_TEAM_LIST").contains(f.path("code").asText())) {
				for (JsonNode l : audit.path("levels")) {
					if (l.path("level").asInt() == f.path("level").asInt() && l.path("coverage").size() > 0) {
						List<Double> shares = new ArrayList<>();
						l.path("coverage").forEach((s) -> shares.add(s.asDouble()));
						assertThat(shares).as(f.path("key").asText()).anyMatch((s) -> s < 1.0);
					}
				}
			}
		}
	}

	/**
	 * Every other view without a scope covers all the subtrees of a user with several
	 * scopes, whichever is named first: one analysis, the reminders (到期提醒), the trend and
	 * a snapshot.
	 */
	@Test
	void aUserWithTwoScopesGetsBothSubtreesInEveryOtherView() throws Exception {
		this.fixtures.load(SecurityIT.FIXTURE);
		this.audits.clear();
		// X first: its subtree has no issue and few findings; A's has issue I-1 at C
		String auditor = user("AUDITOR", "X", "A");
		JsonNode run = as(auditor, "POST", "/api/analyses/post-vacancy/run");
		Set<String> union = new TreeSet<>();
		for (String scope : List.of("A", "X")) {
			as(auditor, "POST", "/api/analyses/post-vacancy/run?scope=" + scope).path("findings")
				.forEach((f) -> union.add(f.path("key").asText()));
		}
		Set<String> keys = new TreeSet<>();
		Set<String> units = new TreeSet<>();
		run.path("findings").forEach((f) -> {
			keys.add(f.path("key").asText());
			units.add(f.path("unitId").asText());
		});
		assertThat(keys).isEqualTo(union);
		assertThat(units).as("findings of both subtrees").contains("A", "X");

		JsonNode digest = as(auditor, "GET", "/api/digest?days=120");
		assertThat(digest.toString()).as("the issue due at C, under the second scope").contains("I-1");

		JsonNode audit = as(auditor, "POST", "/api/audit");
		JsonNode trend = as(auditor, "GET", "/api/trend?from=2025-06-30&to=2025-06-30");
		assertThat(trend.path("totals").path("unchanged").asInt()).isEqualTo(audit.path("findings").size());
		Set<String> departments = new TreeSet<>();
		trend.path("byDepartment").forEach((d) -> departments.add(d.path("key").asText()));
		assertThat(departments).as("no department outside the scopes").isSubsetOf("A", "B", "C", "X", "");

		Answer created = send(auditor, PASSWORD, "POST", "/api/snapshots?label=two-scopes", null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode info = this.json.readTree(created.body());
		assertThat(info.path("scope").asText()).isEqualTo("X,A");
		JsonNode compared = as(auditor, "GET", "/api/snapshots/" + info.path("id").asText() + "/trend");
		assertThat(compared.path("totals").path("unchanged").asInt()).isEqualTo(audit.path("findings").size());
		assertThat(compared.path("totals").path("added").asInt()).isZero();
	}

	/**
	 * A snapshot an ADMIN saved of a unit holds the names above it; a scoped user never
	 * reads it, only snapshots saved as a scoped user saw them.
	 */
	@Test
	void aScopedUserReadsOnlySnapshotsSavedAsAScopedUserSawThem() throws Exception {
		load("weak-org-rectification", "PARENT_SECRETARY_LIABLE");
		String auditor = user("AUDITOR", "U-3");
		Answer saved = send(TestAdmin.USERNAME, TestAdmin.PASSWORD, "POST", "/api/snapshots?scope=U-3", null);
		assertThat(saved.status()).as(saved.body()).isEqualTo(201);
		JsonNode byAdmin = this.json.readTree(saved.body());
		assertThat(send(auditor, PASSWORD, "GET", "/api/snapshots/" + byAdmin.path("id").asText(), null).status())
			.isEqualTo(404);
		Answer own = send(auditor, PASSWORD, "POST", "/api/snapshots?scope=U-3", null);
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		String id = this.json.readTree(own.body()).path("id").asText();
		List<String> listed = new ArrayList<>();
		as(auditor, "GET", "/api/snapshots").forEach((i) -> listed.add(i.path("id").asText()));
		assertThat(listed).containsExactly(id);
		JsonNode trend = as(auditor, "GET", "/api/snapshots/" + id + "/trend");
		assertHides(trend, Set.of("PER-2", "P-2", "U-2"), Set.of("周书记", "北极镇党委"));
		// ADMIN reads both
		assertThat(admin("GET", "/api/snapshots").size()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void theDatasetExportAndImportJobsAreForAdminsOnly() throws Exception {
		this.fixtures.load(SecurityIT.FIXTURE);
		String auditor = user("AUDITOR", "A");
		String viewer = user("VIEWER", "A");
		for (String user : List.of(auditor, viewer)) {
			assertThat(send(user, PASSWORD, "GET", "/api/export?format=zip", null).status())
				.as("the export holds every unit and person")
				.isEqualTo(403);
			assertThat(send(user, PASSWORD, "GET", "/api/jobs/any", null).status()).isEqualTo(404);
			assertThat(send(user, PASSWORD, "POST", "/api/imports", null).status()).isEqualTo(403);
		}
		assertThat(send(TestAdmin.USERNAME, TestAdmin.PASSWORD, "GET", "/api/export?format=zip", null).status())
			.isEqualTo(200);
		assertThat(send(TestAdmin.USERNAME, TestAdmin.PASSWORD, "GET", "/api/jobs/any", null).status()).isEqualTo(404);
	}

	static int count(JsonNode coverage, int level) {
		for (JsonNode l : coverage.path("levels")) {
			if (l.path("level").asInt() == level) {
				return l.path("units").asInt();
			}
		}
		return 0;
	}

}
