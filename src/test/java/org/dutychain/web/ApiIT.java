package org.dutychain.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.analysis.AuditCache;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API against the small province of {@code fixtures/api/graph.cypher} (read its
 * header for the picture): every endpoint's JSON shape and the problem details of its
 * errors.
 */
@WebIT
class ApiIT {

	private static final Path FIXTURE = Path.of("src/test/resources/fixtures/api/graph.cypher");

	@Autowired
	TestRestTemplate http;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	AuditCache audits;

	@Autowired
	ObjectProvider<DatasetImporter> importer;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void loadProvince() {
		this.fixtures.load(FIXTURE);
		this.audits.clear();
	}

	private JsonNode get(String path, int status) throws Exception {
		ResponseEntity<String> response = this.http.getForEntity(path, String.class);
		assertThat(response.getStatusCode().value()).as(path + " -> " + response.getBody()).isEqualTo(status);
		return this.json.readTree(response.getBody());
	}

	private JsonNode post(String path, int status) throws Exception {
		ResponseEntity<String> response = this.http.postForEntity(path, null, String.class);
		assertThat(response.getStatusCode().value()).as(path + " -> " + response.getBody()).isEqualTo(status);
		return this.json.readTree(response.getBody());
	}

	private static List<String> texts(JsonNode array, String field) {
		List<String> values = new ArrayList<>();
		array.forEach((n) -> values.add(n.path(field).asText(null)));
		return values;
	}

	@Test
	void datasetNamesItsDateAndCountsNodesPerLabel() throws Exception {
		JsonNode dataset = get("/api/dataset", 200);
		assertThat(dataset.path("name").asText()).isEqualTo("fixture");
		assertThat(dataset.path("asOf").asText()).isEqualTo("2025-06-30");
		assertThat(dataset.path("generation").asLong()).isEqualTo(GraphFixtures.GENERATION);
		assertThat(dataset.path("counts").path("Unit").asLong()).isEqualTo(7);
		assertThat(dataset.path("counts").path("Post").asLong()).isEqualTo(4);
		assertThat(dataset.path("counts").path("Person").asLong()).isEqualTo(4);
		assertThat(dataset.path("counts").has("Dataset")).isFalse();
	}

	@Test
	void searchMatchesIdOrNameCaseInsensitivelyWithinTheLimit() throws Exception {
		JsonNode hits = get("/api/units?query=财政厅", 200);
		assertThat(texts(hits, "id")).containsExactly("A", "B", "C");
		assertThat(hits.get(0).path("kindZh").asText()).isEqualTo("部门党组");
		assertThat(hits.get(0).path("level").asInt()).isEqualTo(2);
		assertThat(texts(get("/api/units?query=w", 200), "id")).containsExactly("W");
		assertThat(get("/api/units?query=&limit=2", 200).size()).isEqualTo(2);
		assertThat(get("/api/units", 200).size()).isEqualTo(7);
	}

	@Test
	void unitPanelShowsHoldersVacanciesListsAndRecords() throws Exception {
		JsonNode w = get("/api/units/W", 200);
		assertThat(w.path("asOf").asText()).isEqualTo("2025-06-30");
		assertThat(w.path("unit").path("name").asText()).isEqualTo("省直机关工委");
		assertThat(w.path("unit").path("kindZh").asText()).isEqualTo("机关工委");
		assertThat(w.path("unit").path("members").asLong()).isEqualTo(500);
		assertThat(w.path("parents").size()).isZero();
		JsonNode posts = w.path("posts");
		assertThat(texts(posts, "postId")).containsExactly("W.sj", "W.zz");
		assertThat(posts.get(0).path("holder").path("personId").asText()).isEqualTo("PER-1");
		assertThat(posts.get(0).path("responsibility").asText()).isEqualTo("PRINCIPAL");
		assertThat(posts.get(1).path("domains").toString()).isEqualTo("[\"ORGANIZATION\",\"MEMBER_EDUCATION\"]");
		JsonNode team = w.path("teamList");
		assertThat(team.path("byDomain").size()).isEqualTo(8);
		assertThat(texts(team.path("byDomain").path("POLITICAL"), "id")).containsExactly("d1");
		assertThat(team.path("byDomain").path("THEORY").size()).isZero();
		assertThat(team.path("blank").size()).isEqualTo(7);
		JsonNode zz = w.path("personalLists").get(1);
		assertThat(zz.path("postId").asText()).isEqualTo("W.zz");
		assertThat(texts(zz.path("list").path("byDomain").path("ORGANIZATION"), "id")).containsExactly("d2");
		assertThat(zz.path("list").path("blank").toString()).isEqualTo("[\"MEMBER_EDUCATION\"]");

		JsonNode a = get("/api/units/A", 200);
		assertThat(texts(a.path("parents"), "id")).containsExactly("W");
		assertThat(texts(a.path("leaders").path("PRIMARY"), "id")).containsExactly("W");
		assertThat(texts(a.path("leaders").path("DISCIPLINE_SUPERVISION"), "id")).containsExactly("D");
		JsonNode vacant = a.path("posts").get(0);
		assertThat(vacant.path("postId").asText()).isEqualTo("A.sj");
		assertThat(vacant.path("holder").isNull()).isTrue();
		assertThat(vacant.path("vacant").asBoolean()).isTrue();
		assertThat(texts(a.path("findings"), "key")).contains("post-vacancy/POST_VACANT/A/A.sj");
		assertThat(a.path("findingCounts").path("HIGH").asInt()).isPositive();
		assertThat(a.path("findings").get(0).path("messageZh").asText()).isNotBlank();

		JsonNode c = get("/api/units/C", 200);
		assertThat(texts(c.path("parents"), "id")).containsExactly("W", "A", "B");
		assertThat(texts(c.path("firstSecretaries"), "personId")).containsExactly("PER-4");
		assertThat(c.path("firstSecretaries").get(0).path("current").asBoolean()).isTrue();
		assertThat(texts(c.path("assistance"), "assistantId")).containsExactly("PER-1", "A");
		assertThat(c.path("assistance").get(0).path("assistantType").asText()).isEqualTo("PERSON");
		assertThat(c.path("assistance").get(1).path("current").asBoolean()).isFalse();
		assertThat(c.path("gradings").path("2024").size()).isEqualTo(2);
		assertThat(c.path("gradings").path("2023").get(0).path("grade").asText()).isEqualTo("C");
		assertThat(texts(c.path("openIssues"), "id")).containsExactly("I-1");
		assertThat(c.path("openIssues").get(0).path("dutyIds").toString()).isEqualTo("[\"d3\"]");

		JsonNode before = get("/api/units/C?asOf=2023-04-30", 200);
		assertThat(before.path("posts").get(0).path("holder").isNull()).isTrue();
		assertThat(before.path("firstSecretaries").get(0).path("current").asBoolean()).isFalse();
	}

	@Test
	void unknownUnitIsA404ProblemNamingTheId() throws Exception {
		ResponseEntity<String> response = this.http.getForEntity("/api/units/NOPE", String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		JsonNode problem = this.json.readTree(response.getBody());
		assertThat(problem.path("type").asText()).isEqualTo("/problems/unknown-unit");
		assertThat(problem.path("title").asText()).isEqualTo("Unknown unit");
		assertThat(problem.path("detail").asText()).contains("NOPE").contains("单位");
		assertThat(problem.path("unitId").asText()).isEqualTo("NOPE");
		assertThat(get("/api/units/NOPE/tree", 404).path("unitId").asText()).isEqualTo("NOPE");
		assertThat(post("/api/audit?scope=NOPE", 404).path("type").asText()).isEqualTo("/problems/unknown-unit");
	}

	@Test
	void unparseableAsOfIsA400Problem() throws Exception {
		JsonNode problem = get("/api/units/W?asOf=30.06.2025", 400);
		assertThat(problem.path("type").asText()).isEqualTo("/problems/bad-request");
		assertThat(problem.path("title").asText()).isEqualTo("Bad request");
		assertThat(problem.path("parameter").asText()).isEqualTo("asOf");
		assertThat(problem.path("detail").asText()).contains("asOf").contains("日期");
		assertThat(get("/api/units/W/tree?depth=9", 400).path("parameter").asText()).isEqualTo("depth");
	}

	@Test
	void treeLoadsChildrenLazilyWithCountsPressureAndExtraEdges() throws Exception {
		JsonNode tree = get("/api/units/W/tree", 200);
		JsonNode root = tree.path("root");
		assertThat(root.path("id").asText()).isEqualTo("W");
		assertThat(root.path("childCount").asInt()).isEqualTo(3);
		assertThat(root.path("pressure").asDouble()).isEqualTo(0.25);
		// the hover card: members and the current secretary; A's secretary post is vacant
		assertThat(root.path("secretary").asText()).isEqualTo("张三");
		assertThat(root.path("members").isNumber()).isTrue();
		JsonNode children = root.path("children");
		assertThat(children.get(0).has("secretary")).isFalse();
		assertThat(texts(children, "id")).containsExactly("A", "D", "B");
		assertThat(texts(children, "edgeKind")).containsExactly("PRIMARY", "PRIMARY", "DUAL");
		assertThat(children.get(0).path("childCount").asInt()).isEqualTo(1);
		assertThat(children.get(0).has("children")).as("A is below the requested depth").isFalse();
		assertThat(children.get(0).path("findings").path("HIGH").asInt()).isPositive();
		assertThat(children.get(0).path("worst").asText()).isEqualTo("HIGH");
		assertThat(children.get(0).path("pressure").asDouble()).isEqualTo(6.0 / 36.0);
		assertThat(children.get(1).path("childCount").asInt()).isZero();
		assertThat(children.get(1).path("pressure").asDouble()).isZero();
		List<String> edges = new ArrayList<>();
		tree.path("extraEdges")
			.forEach((e) -> edges
				.add(e.path("fromId").asText() + ">" + e.path("toId").asText() + ":" + e.path("kind").asText()));
		assertThat(edges).containsExactly("D>A:DISCIPLINE_SUPERVISION", "W>X:GUIDANCE");

		JsonNode deep = get("/api/units/W/tree?depth=3", 200).path("root");
		JsonNode a = deep.path("children").get(0);
		assertThat(texts(a.path("children"), "id")).containsExactly("B");
		assertThat(texts(a.path("children").get(0).path("children"), "id")).containsExactly("C");
		assertThat(a.path("children").get(0).path("children").get(0).path("children").size()).isZero();

		assertThat(get("/api/units/C/tree?depth=0", 200).path("root").has("children")).isFalse();
	}

	@Test
	void rootsAreTheUnitsWithoutAPrimaryLeader() throws Exception {
		JsonNode roots = get("/api/roots", 200);
		// X is led by GUIDANCE only (a party group recorded as a root of its own): a top
		// of the tree too
		assertThat(texts(roots, "id")).containsExactly("O", "W", "X");
		assertThat(roots.get(1).path("childCount").asInt()).isEqualTo(3);
	}

	@Test
	void analysesListShowsEachFileWithItsCypher() throws Exception {
		JsonNode analyses = get("/api/analyses", 200);
		JsonNode vacancy = null;
		for (JsonNode a : analyses) {
			if (a.path("id").asText().equals("post-vacancy")) {
				vacancy = a;
			}
		}
		assertThat(vacancy).as("post-vacancy in " + texts(analyses, "id")).isNotNull();
		assertThat(vacancy.path("titleZh").asText()).isEqualTo("岗位空缺");
		assertThat(vacancy.path("titleEn").asText()).isEqualTo("Post vacancy");
		assertThat(vacancy.path("severity").asText()).isEqualTo("HIGH");
		assertThat(vacancy.path("engine").asText()).isEqualTo("cypher");
		assertThat(texts(vacancy.path("codes"), "code")).contains("POST_VACANT");
		assertThat(vacancy.path("sensitive").asBoolean(true)).isFalse();
		for (JsonNode code : vacancy.path("codes")) {
			if (code.path("code").asText().equals("POST_VACANT")) {
				List<String> subject = new ArrayList<>();
				code.path("subject").forEach((n) -> subject.add(n.asText()));
				assertThat(subject).containsExactly("unitId", "postId");
			}
		}
		for (JsonNode a : analyses) {
			if (a.path("id").asText().equals("review-followup")) {
				assertThat(a.path("sensitive").asBoolean(false)).as("review-followup reads gradings").isTrue();
			}
		}
		assertThat(vacancy.path("cypher").asText()).contains("// statement: POST_VACANT").contains("{{scope-units}}");
		assertThat(get("/api/analyses/nope", 404).path("type").asText()).isEqualTo("/problems/unknown-analysis");
	}

	@Test
	void runningOneAnalysisGivesItsFindings() throws Exception {
		JsonNode result = post("/api/analyses/post-vacancy/run?scope=A", 200);
		assertThat(result.path("analysis").asText()).isEqualTo("post-vacancy");
		assertThat(result.path("scope").path("unitId").asText()).isEqualTo("A");
		List<String> keys = texts(result.path("findings"), "key");
		assertThat(keys).contains("post-vacancy/POST_VACANT/A/A.sj").doesNotContain("post-vacancy/POST_VACANT/W/W.sj");
		assertThat(post("/api/analyses/nope/run", 404).path("analysisId").asText()).isEqualTo("nope");
	}

	@Test
	void auditDocumentHasTheSharedShape() throws Exception {
		JsonNode audit = post("/api/audit?asOf=2025-06-30", 200);
		assertThat(audit.path("dataset").asText()).isEqualTo("fixture");
		assertThat(audit.path("asOf").asText()).isEqualTo("2025-06-30");
		assertThat(audit.path("scope").isNull()).isTrue();
		assertThat(texts(audit.path("analyses"), "id")).contains("post-vacancy");
		JsonNode summary = audit.path("analyses").get(0);
		assertThat(
				summary.has("title") && summary.has("examined") && summary.has("durationMs") && summary.has("metrics"))
			.isTrue();
		assertThat(texts(audit.path("levels"), "level")).containsExactly("1", "2", "3", "4");
		JsonNode level1 = audit.path("levels").get(0);
		assertThat(level1.path("units").asInt()).isEqualTo(3);
		assertThat(level1.has("coverage") && level1.has("pressureMean") && level1.has("pressureMedian")
				&& level1.has("coldShare"))
			.isTrue();
		JsonNode finding = null;
		for (JsonNode f : audit.path("findings")) {
			if (f.path("key").asText().equals("post-vacancy/POST_VACANT/A/A.sj")) {
				finding = f;
			}
		}
		assertThat(finding).isNotNull();
		assertThat(finding.path("analysis").asText()).isEqualTo("post-vacancy");
		assertThat(finding.path("code").asText()).isEqualTo("POST_VACANT");
		assertThat(finding.path("severity").asText()).isEqualTo("HIGH");
		assertThat(finding.path("unitId").asText()).isEqualTo("A");
		assertThat(finding.path("postId").asText()).isEqualTo("A.sj");
		assertThat(finding.path("messageZh").asText()).isEqualTo("省财政厅党组的党组书记岗位在2025-06-30无人任职");
		assertThat(finding.path("messageEn").asText()).contains("Nobody holds");
		assertThat(finding.path("evidence").path("nodeIds").toString()).isEqualTo("[\"A\",\"A.sj\"]");
		assertThat(finding.has("message")).isFalse();

		JsonNode scoped = post("/api/audit?scope=B", 200);
		assertThat(scoped.path("scope").asText()).isEqualTo("B");
		assertThat(texts(scoped.path("findings"), "unitId")).doesNotContain("A", "W");
	}

	@Test
	void coverageAndPressureAreProfilesByLevel() throws Exception {
		JsonNode coverage = get("/api/coverage", 200);
		assertThat(coverage.path("asOf").asText()).isEqualTo("2025-06-30");
		assertThat(texts(coverage.path("levels"), "level")).containsExactly("1", "2", "3", "4");
		assertThat(coverage.path("levels").get(0).has("coverage")).isTrue();
		JsonNode pressure = get("/api/pressure?scope=A", 200);
		assertThat(pressure.path("scope").asText()).isEqualTo("A");
		assertThat(texts(pressure.path("levels"), "level")).containsExactly("2", "3", "4");
		assertThat(pressure.path("levels").get(0).has("mean")).isTrue();
		assertThat(get("/api/pressure?asOf=never", 400).path("type").asText()).isEqualTo("/problems/bad-request");
	}

	@Test
	void theViewsAuditSaysWhereItStandsWithoutWaitingForIt() throws Exception {
		JsonNode status = get("/api/audit/status?asOf=2019-01-01", 200);
		assertThat(status.path("state").asText()).isIn("computing", "ready");
		assertThat(status.path("messageZh").asText()).containsAnyOf("审计计算中（进度 ", "审计已完成");
		post("/api/audit?asOf=2019-01-01", 200); // waits for that audit
		JsonNode ready = get("/api/audit/status?asOf=2019-01-01", 200);
		assertThat(ready.path("state").asText()).isEqualTo("ready");
		assertThat(ready.path("percent").asInt()).isEqualTo(100);
		assertThat(get("/api/audit/status?asOf=never", 400).path("type").asText()).isEqualTo("/problems/bad-request");
	}

	@Test
	void accountabilityRejectsAnUnknownDomainBeforeAnythingElse() throws Exception {
		JsonNode problem = get("/api/accountability?unit=C&domain=GARDENING", 400);
		assertThat(problem.path("type").asText()).isEqualTo("/problems/bad-request");
		assertThat(problem.path("parameter").asText()).isEqualTo("domain");
		assertThat(problem.path("detail").asText()).contains("GARDENING");
		assertThat(get("/api/accountability?unit=NOPE&domain=ORGANIZATION", 404).path("unitId").asText())
			.isEqualTo("NOPE");
		assertThat(get("/api/accountability?domain=ORGANIZATION", 400).path("parameter").asText()).isEqualTo("unit");
	}

	@Test
	void accountabilityChainForAUnitAndAnIssue() throws Exception {
		JsonNode chain = get("/api/accountability?unit=C&domain=组织建设", 200);
		assertThat(chain.path("unitId").asText()).isEqualTo("C");
		assertThat(chain.path("domain").asText()).isEqualTo("ORGANIZATION");
		List<String> ranks = texts(chain.path("entries"), "rank");
		assertThat(ranks).isNotEmpty();
		for (int i = 0; i < ranks.size(); i++) {
			assertThat(ranks.get(i)).isEqualTo(String.valueOf(i + 1));
		}
		assertThat(texts(chain.path("entries"), "unitId")).contains("C", "W");
		assertThat(texts(chain.path("entries"), "personId")).contains("PER-2", "PER-3");
		JsonNode issue = get("/api/issues/I-1/accountability", 200);
		assertThat(issue.path("issueId").asText()).isEqualTo("I-1");
		assertThat(get("/api/issues/NOPE/accountability", 404).path("type").asText())
			.isEqualTo("/problems/unknown-issue");
	}

	@Test
	void importWithoutAFileIsA400() throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("other", "x");
		ResponseEntity<String> response = this.http.exchange("/api/imports", HttpMethod.POST,
				new HttpEntity<>(body, headers), String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(this.json.readTree(response.getBody()).path("type").asText()).isEqualTo("/problems/bad-request");
	}

	@Test
	void invalidImportIsA422ListingEveryProblem() throws Exception {
		Assumptions.assumeTrue(this.importer.getIfAvailable() != null,
				"no DatasetImporter bean in this build yet (implemented in parallel)");
		java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
			out.putNextEntry(new java.util.zip.ZipEntry("units.csv"));
			out.write("id,name,kind,parent_id\nU1,工委,ORGAN_WORK_COMMITTEE,\nU2,支部,NOT_A_KIND,U1\nU3,支部,BRANCH,GHOST\n"
				.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			out.closeEntry();
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(zip.toByteArray()) {
			@Override
			public String getFilename() {
				return "bad.zip";
			}
		});
		ResponseEntity<String> response = this.http.exchange("/api/imports", HttpMethod.POST,
				new HttpEntity<>(body, headers), String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(422);
		JsonNode problem = this.json.readTree(response.getBody());
		assertThat(problem.path("type").asText()).isEqualTo("/problems/invalid-dataset");
		JsonNode errors = problem.path("errors");
		assertThat(errors.size()).isGreaterThanOrEqualTo(2);
		List<String> located = new ArrayList<>();
		errors.forEach((e) -> located
			.add(e.path("file").asText() + ":" + e.path("row").asInt() + ":" + e.path("column").asText()));
		assertThat(located).anyMatch((l) -> l.endsWith("units.csv:3:kind"))
			.anyMatch((l) -> l.endsWith("units.csv:4:parent_id"));
		assertThat(errors.get(0).path("messageZh").asText()).isNotBlank();
		assertThat(get("/api/dataset", 200).path("name").asText()).as("nothing was imported").isEqualTo("fixture");
	}

	@Test
	void aValidUploadIsAcceptedAsAJobThatReportsItsResult() throws Exception {
		java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip);
				var files = java.nio.file.Files.list(org.dutychain.support.TestDatasets.small())) {
			for (Path file : files.sorted().toList()) {
				out.putNextEntry(new java.util.zip.ZipEntry(file.getFileName().toString()));
				out.write(java.nio.file.Files.readAllBytes(file));
				out.closeEntry();
			}
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("file", new ByteArrayResource(zip.toByteArray()) {
			@Override
			public String getFilename() {
				return "small.zip";
			}
		});
		ResponseEntity<String> response = this.http.exchange("/api/imports", HttpMethod.POST,
				new HttpEntity<>(body, headers), String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(202);
		JsonNode job = this.json.readTree(response.getBody());
		String location = response.getHeaders().getLocation().toString();
		assertThat(location).isEqualTo("/api/jobs/" + job.path("id").asText());
		assertThat(job.path("kind").asText()).isEqualTo("import");
		assertThat(job.path("totalRows").asLong()).isPositive();
		for (int i = 0; i < 3000 && job.path("state").asText().equals("running"); i++) {
			Thread.sleep(100);
			job = get(location, 200);
		}
		assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
		assertThat(job.path("percent").asInt()).isEqualTo(100);
		assertThat(job.path("result").path("counts").path("units").asInt()).isPositive();
		assertThat(get("/api/dataset", 200).path("name").asText())
			.isEqualTo(job.path("result").path("dataset").asText());
		assertThat(get("/api/jobs/no-such-job", 404).path("type").asText()).isEqualTo("/problems/unknown-job");
	}

	@Test
	void openApiAndSwaggerUiAreServed() throws Exception {
		JsonNode api = get("/v3/api-docs", 200);
		assertThat(api.path("paths").has("/api/units/{id}/tree")).isTrue();
		assertThat(api.path("paths").has("/api/audit")).isTrue();
		ResponseEntity<String> ui = this.http.getForEntity("/swagger-ui/index.html", String.class);
		assertThat(ui.getStatusCode().value()).isEqualTo(200);
		ResponseEntity<String> redirect = this.http.getForEntity("/swagger-ui.html", String.class);
		assertThat(redirect.getStatusCode().is2xxSuccessful() || redirect.getStatusCode().is3xxRedirection()).isTrue();
	}

}
