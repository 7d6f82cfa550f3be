package org.dutychain.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.TestAdmin;
import org.dutychain.support.TestDatasets;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trend view's API (issue 12 趋势对比) on the small dataset: two evaluation dates
 * compared per code, level and department agree with the two audits themselves; two
 * snapshots of those dates give the same comparison, and a snapshot against the current
 * data; the grade history of a unit and its children; the first records; and the scope
 * rules (a scoped auditor compares its own subtree, other units and snapshots are 404, a
 * viewer sees no gradings).
 */
@WebIT
class TrendIT {

	static final String PASSWORD = "trend-test-password";

	static final LocalDate EARLY = LocalDate.of(2022, 6, 30);

	static final LocalDate LATE = LocalDate.of(2024, 6, 30);

	/** The units directly under the work committee of the small dataset, and itself. */
	static final Set<String> DEPARTMENTS = Set.of("wc", "dwc", "fgw", "jyt", "xz");

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	DatasetImporter importer;

	@Autowired
	AuditCache audits;

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	private static int users;

	@BeforeEach
	void importSmall() {
		this.fixtures.wipe();
		this.importer.importPath(TestDatasets.small());
		this.audits.clear();
	}

	record Answer(int status, JsonNode json) {
	}

	Answer call(String user, String password, String method, String path) throws Exception {
		String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Basic " + basic)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> r = this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(r.statusCode(), r.body().isEmpty() ? null : this.json.readTree(r.body()));
	}

	JsonNode admin(String method, String path) throws Exception {
		Answer a = call(TestAdmin.USERNAME, TestAdmin.PASSWORD, method, path);
		assertThat(a.status()).as(method + " " + path + " -> " + a.json()).isBetween(200, 201);
		return a.json();
	}

	String user(String role, String scope) throws Exception {
		String name = "trend" + role.toLowerCase() + (++users);
		String body = "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role
				+ "\",\"scopes\":[\"" + scope + "\"]}";
		String basic = Base64.getEncoder()
			.encodeToString((TestAdmin.USERNAME + ":" + TestAdmin.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> r = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/users"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return name;
	}

	static Set<String> keys(JsonNode items) {
		Set<String> keys = new TreeSet<>();
		items.forEach((i) -> keys.add(i.path("key").asText()));
		return keys;
	}

	static Set<String> keys(AuditDocument audit) {
		Set<String> keys = new TreeSet<>();
		audit.findings().forEach((f) -> keys.add(f.key()));
		return keys;
	}

	static Set<String> minus(Set<String> a, Set<String> b) {
		Set<String> d = new TreeSet<>(a);
		d.removeAll(b);
		return d;
	}

	static int sum(JsonNode groups, String field) {
		int n = 0;
		for (JsonNode g : groups) {
			n += g.path("counts").path(field).asInt();
		}
		return n;
	}

	@Test
	void twoDatesComparedAgreeWithTheirAuditsPerCodeLevelAndDepartment() throws Exception {
		JsonNode trend = admin("GET", "/api/trend?from=" + EARLY + "&to=" + LATE);
		AuditDocument early = this.audits.whole(EARLY);
		AuditDocument late = this.audits.whole(LATE);
		Set<String> added = minus(keys(late), keys(early));
		Set<String> resolved = minus(keys(early), keys(late));
		assertThat(added).isNotEmpty();
		assertThat(resolved).isNotEmpty();
		assertThat(keys(trend.path("added"))).isEqualTo(added);
		assertThat(keys(trend.path("resolved"))).isEqualTo(resolved);
		assertThat(trend.path("ruleChanged")).isEmpty();
		assertThat(trend.path("totals").path("added").asInt()).isEqualTo(added.size());
		assertThat(trend.path("totals").path("resolved").asInt()).isEqualTo(resolved.size());
		Set<String> both = new TreeSet<>(keys(late));
		both.retainAll(keys(early));
		assertThat(trend.path("totals").path("unchanged").asInt()).isEqualTo(both.size());
		assertThat(trend.path("from").path("asOf").asText()).isEqualTo(EARLY.toString());
		assertThat(trend.path("to").path("asOf").asText()).isEqualTo(LATE.toString());

		for (String grouping : List.of("byCode", "byLevel", "byDepartment")) {
			assertThat(sum(trend.path(grouping), "added")).as(grouping).isEqualTo(added.size());
			assertThat(sum(trend.path(grouping), "resolved")).as(grouping).isEqualTo(resolved.size());
		}
		// per code: the new findings of each code, counted from the later audit
		Map<String, Integer> newPerCode = new TreeMap<>();
		late.findings()
			.stream()
			.filter((f) -> added.contains(f.key()))
			.forEach((f) -> newPerCode.merge(f.code(), 1, Integer::sum));
		Map<String, Integer> shown = new TreeMap<>();
		trend.path("byCode").forEach((g) -> {
			if (g.path("counts").path("added").asInt() > 0) {
				shown.put(g.path("key").asText(), g.path("counts").path("added").asInt());
			}
		});
		assertThat(shown).isEqualTo(newPerCode);
		// per level: as the findings' levels say
		Map<String, Integer> newPerLevel = new TreeMap<>();
		late.findings()
			.stream()
			.filter((f) -> added.contains(f.key()))
			.forEach((f) -> newPerLevel.merge(String.valueOf(f.level()), 1, Integer::sum));
		Map<String, Integer> shownLevels = new TreeMap<>();
		trend.path("byLevel").forEach((g) -> {
			if (g.path("counts").path("added").asInt() > 0) {
				shownLevels.put(g.path("key").asText(), g.path("counts").path("added").asInt());
			}
		});
		assertThat(shownLevels).isEqualTo(newPerLevel);
		// per department: the unit under the work committee, named
		Set<String> departments = new HashSet<>();
		trend.path("byDepartment").forEach((g) -> departments.add(g.path("key").asText()));
		departments.remove("");
		assertThat(departments).isNotEmpty().isSubsetOf(DEPARTMENTS);
		for (String kind : List.of("added", "resolved")) {
			for (JsonNode i : trend.path(kind)) {
				if (i.path("unitId").isNull()) {
					continue;
				}
				String unit = i.path("unitId").asText();
				String department = i.path("departmentId").asText();
				String expected = unit.equals("wc") || unit.equals("dwc") || !unit.contains("-") ? unit
						: unit.startsWith("lh-") ? "fgw" : unit.substring(0, unit.indexOf('-'));
				assertThat(department).as(i.toString()).isEqualTo(expected);
				assertThat(i.path("departmentName").asText()).isNotBlank();
				assertThat(i.path("unitName").asText()).isNotBlank();
			}
		}
		// per level: coverage and pressure changes for every level
		assertThat(trend.path("levels")).hasSize(late.levels().size());
	}

	@Test
	void twoSnapshotsCompareAsTheirDatesAndASnapshotAgainstTheCurrentData() throws Exception {
		JsonNode a = admin("POST", "/api/snapshots?label=%E5%B7%A1%E5%AF%9F%E5%89%8D&asOf=" + EARLY);
		JsonNode b = admin("POST", "/api/snapshots?asOf=" + LATE);
		JsonNode byDates = admin("GET", "/api/trend?from=" + EARLY + "&to=" + LATE);
		JsonNode bySnapshots = admin("GET",
				"/api/snapshots/" + a.path("id").asText() + "/trend?to=" + b.path("id").asText());
		assertThat(bySnapshots.path("from").path("label").asText()).isEqualTo("巡察前");
		for (String kind : List.of("added", "resolved", "ruleChanged")) {
			assertThat(keys(bySnapshots.path(kind))).as(kind).isEqualTo(keys(byDates.path(kind)));
		}
		assertThat(bySnapshots.path("byDepartment").toString()).isEqualTo(byDates.path("byDepartment").toString());
		// the English message travels with the stored findings
		assertThat(bySnapshots.path("added").get(0).path("messageEn").asText()).isNotBlank();
		// against the current data at the dataset's date (2024-06-30): what the later
		// snapshot holds
		JsonNode current = admin("GET", "/api/snapshots/" + a.path("id").asText() + "/trend");
		assertThat(current.path("to").path("id").isNull()).isTrue();
		assertThat(current.path("to").path("asOf").asText()).isEqualTo(LATE.toString());
		assertThat(keys(current.path("added"))).isEqualTo(keys(byDates.path("added")));
		Answer unknown = call(TestAdmin.USERNAME, TestAdmin.PASSWORD, "GET", "/api/snapshots/S-404/trend");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("type").asText()).isEqualTo("/problems/unknown-snapshot");
	}

	@Test
	void gradeHistoryOfAUnitAndItsChildrenByYear() throws Exception {
		JsonNode history = admin("GET", "/api/units/xz/grades");
		List<String> ids = new ArrayList<>();
		history.path("units").forEach((u) -> ids.add(u.path("id").asText()));
		assertThat(ids.get(0)).isEqualTo("xz");
		assertThat(ids).containsExactlyInAnyOrder("xz", "xz-v01", "xz-v02", "xz-c01");
		assertThat(history.path("years").toString()).isEqualTo("[2023,2024]");
		JsonNode weak = null;
		for (JsonNode u : history.path("units")) {
			if (u.path("id").asText().equals("xz-v02")) {
				weak = u;
			}
		}
		assertThat(weak).isNotNull();
		List<String> abcd = new ArrayList<>();
		weak.path("grades").forEach((g) -> {
			if (g.path("scheme").asText().equals("ABCD")) {
				abcd.add(g.path("year").asInt() + ":" + g.path("grade").asText());
			}
		});
		assertThat(abcd).containsExactly("2023:D", "2024:D");
		assertThat(call(TestAdmin.USERNAME, TestAdmin.PASSWORD, "GET", "/api/units/NOPE/grades").status())
			.isEqualTo(404);
	}

	@Test
	void firstRecordsOfTheDataset() throws Exception {
		Map<String, String> first = new TreeMap<>();
		admin("GET", "/api/dataset/first-records")
			.forEach((r) -> first.put(r.path("kind").asText(), r.path("date").asText()));
		assertThat(first).containsEntry("APPOINTMENT", "2018-01-01").containsEntry("GRADING", "2023-01-01");
		assertThat(first.get("ACTIVITY")).matches("\\d{4}-\\d{2}-\\d{2}");
	}

	@Test
	void aScopedAuditorComparesItsSubtreeAndAViewerSeesNoGradings() throws Exception {
		String auditor = user("AUDITOR", "fgw");
		Answer trend = call(auditor, PASSWORD, "GET", "/api/trend?from=" + EARLY + "&to=" + LATE);
		assertThat(trend.status()).isEqualTo(200);
		assertThat(trend.json().path("scope").asText()).isEqualTo("fgw");
		for (String kind : List.of("added", "resolved")) {
			trend.json().path(kind).forEach((i) -> assertThat(i.path("unitId").asText()).matches("(fgw|lh-).*"));
		}
		// departments under the scope unit: its organ party committee (or itself)
		Set<String> departments = new HashSet<>();
		trend.json().path("byDepartment").forEach((g) -> departments.add(g.path("key").asText()));
		assertThat(departments).isNotEmpty().isSubsetOf(Set.of("fgw", "fgw-jgdw"));
		assertThat(call(auditor, PASSWORD, "GET", "/api/trend?from=" + EARLY + "&to=" + LATE + "&scope=jyt").status())
			.isEqualTo(404);
		assertThat(call(auditor, PASSWORD, "GET", "/api/units/jyt/grades").status()).isEqualTo(404);
		JsonNode whole = admin("POST", "/api/snapshots?asOf=" + EARLY);
		assertThat(call(auditor, PASSWORD, "GET", "/api/snapshots/" + whole.path("id").asText() + "/trend").status())
			.isEqualTo(404);
		Answer own = call(auditor, PASSWORD, "POST", "/api/snapshots?asOf=" + EARLY);
		assertThat(own.status()).isEqualTo(201);
		assertThat(
				call(auditor, PASSWORD, "GET", "/api/snapshots/" + own.json().path("id").asText() + "/trend").status())
			.isEqualTo(200);

		String viewer = user("VIEWER", "xz");
		Answer grades = call(viewer, PASSWORD, "GET", "/api/units/xz/grades");
		assertThat(grades.status()).isEqualTo(200);
		assertThat(grades.json().path("hidden").asBoolean()).isTrue();
		grades.json().path("units").forEach((u) -> assertThat(u.path("grades")).isEmpty());
		assertThat(
				call(viewer, PASSWORD, "GET", "/api/snapshots/" + own.json().path("id").asText() + "/trend").status())
			.isEqualTo(403);
		Answer viewerTrend = call(viewer, PASSWORD, "GET", "/api/trend?from=" + EARLY + "&to=" + LATE);
		assertThat(viewerTrend.status()).isEqualTo(200);
		Set<String> sensitive = Set.of("review-followup", "weak-org-rectification");
		for (String kind : List.of("added", "resolved")) {
			viewerTrend.json()
				.path(kind)
				.forEach((i) -> assertThat(sensitive).doesNotContain(i.path("analysis").asText()));
		}
	}

}
