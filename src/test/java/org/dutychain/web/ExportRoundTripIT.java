package org.dutychain.web;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.organization.Datasets;
import org.dutychain.support.GraphDigest;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.TestDatasets;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
 * Export → import gives the same graph (issue 12): the small dataset edited in the tool
 * (measures through their workflow, a new issue, an appointment, a decomposed and a
 * confirmed duty, a first secretary), exported as a CSV zip and as XLSX, re-imported; the
 * graph digests are equal, the import first warns how many edits would be lost, and the
 * change records survive.
 */
@WebIT
class ExportRoundTripIT {

	@Autowired
	TestRestTemplate http;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	DatasetImporter importer;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	Datasets datasets;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void importAndEdit() throws Exception {
		this.fixtures.wipe();
		this.importer.importPath(TestDatasets.small());
		post("/api/issues/i03/measures", Map.of("text", "补建台账, 含\"流动党员\"名单", "due", "2024-09-30"));
		post("/api/issues/i03/measures", Map.of("id", "m-x", "text", "谈话提醒\n第二行", "ownerPostId", "jyt-z01.sj"));
		post("/api/measures/i03-m1/start", null);
		post("/api/measures/i03-m1/submit", Map.of("evidence", "台账照片"));
		post("/api/measures/i03-m1/return", Map.of("reason", "不完整"));
		post("/api/measures/m-x/start", null);
		post("/api/measures/m-x/submit", Map.of("evidence", "谈话记录"));
		post("/api/measures/m-x/verify", Map.of("verifierId", "p11"));
		post("/api/issues", Map.of("id", "i77", "unitId", "xz-v01", "domain", "ORGANIZATION", "title", "村务公开不及时",
				"foundOn", "2024-04-01"));
		post("/api/issues/i77/verify", Map.of("verifierId", "p15"));
		post("/api/issues/i77/look-back", Map.of());
		post("/api/posts/jyt-z01.sj/appointments/end", Map.of("personId", "p14", "until", "2024-05-31"));
		post("/api/posts/jyt-z01.sj/appointments", Map.of("personId", "p19", "since", "2024-06-01"));
		post("/api/duties", Map.of("id", "dn1", "unitId", "xz", "domain", "ORGANIZATION", "text", "推进村级组织建设"));
		JsonNode decomposed = post("/api/duties/dn1/decompose", null);
		post("/api/duties/" + decomposed.path("created").get(0).asText() + "/confirm", null);
		post("/api/units/xz-v01/first-secretaries",
				Map.of("personId", "p18", "kind", "VILLAGE_STATIONED", "since", "2025-03-01"));
	}

	JsonNode post(String path, Object body) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> r = this.http.exchange(path, HttpMethod.POST,
				new HttpEntity<>((body != null) ? this.json.writeValueAsString(body) : null, headers), String.class);
		assertThat(r.getStatusCode().is2xxSuccessful()).as(path + " -> " + r.getBody()).isTrue();
		return this.json.readTree(r.getBody());
	}

	ResponseEntity<String> upload(byte[] bytes, String name, boolean overwrite) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return name;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.http.postForEntity("/api/imports" + (overwrite ? "?overwriteEdits=true" : ""),
				new HttpEntity<>(form, headers), String.class);
	}

	/** Polls the import job of a 202 answer until it has succeeded. */
	void awaitJob(ResponseEntity<String> accepted) throws Exception {
		String location = accepted.getHeaders().getLocation().toString();
		com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
		String state = "running";
		String body = null;
		while ("running".equals(state) && System.nanoTime() < deadline) {
			Thread.sleep(200);
			body = this.http.getForObject(location, String.class);
			state = json.readTree(body).path("state").asText();
		}
		assertThat(state).as(body).isEqualTo("succeeded");
	}

	long changeRecords() {
		return (Long) this.graph.read("MATCH (c:ChangeRecord) RETURN count(c) AS n", Map.of()).get(0).get("n");
	}

	void roundTrip(String format) throws Exception {
		long edits = this.datasets.active().revision();
		assertThat(edits).isEqualTo(17);
		GraphDigest before = GraphDigest.of(this.graph);
		assertThat(before.nodes()).containsKey("Measure");
		long records = changeRecords();
		ResponseEntity<byte[]> export = this.http.getForEntity("/api/export?format=" + format, byte[].class);
		assertThat(export.getStatusCode().value()).isEqualTo(200);
		assertThat(export.getHeaders().getContentDisposition().getFilename()).endsWith("." + format);

		ResponseEntity<String> warned = upload(export.getBody(), "export." + format, false);
		assertThat(warned.getStatusCode().value()).as(warned.getBody()).isEqualTo(409);
		JsonNode problem = this.json.readTree(warned.getBody());
		assertThat(problem.path("code").asText()).isEqualTo("EDITS_WOULD_BE_LOST");
		assertThat(problem.path("edits").asLong()).isEqualTo(edits);
		assertThat(problem.path("detail").asText()).contains(String.valueOf(edits));
		assertThat(GraphDigest.of(this.graph)).isEqualTo(before);

		ResponseEntity<String> imported = upload(export.getBody(), "export." + format, true);
		assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(202);
		awaitJob(imported);
		// the edits above started background audits of the old generation: it is deleted
		// when the last of them ends (its lease), which may be after the job
		GraphDigest after = GraphDigest.of(this.graph);
		for (int i = 0; i < 600 && !after.nodes().equals(before.nodes()); i++) {
			Thread.sleep(100);
			after = GraphDigest.of(this.graph);
		}
		assertThat(after.nodes()).isEqualTo(before.nodes());
		assertThat(after.relationships()).isEqualTo(before.relationships());
		assertThat(after).isEqualTo(before);
		assertThat(this.datasets.active().revision()).isZero();
		assertThat(changeRecords()).isEqualTo(records);
	}

	@Test
	void aCsvZipExportReimportsToTheSameGraph() throws Exception {
		roundTrip("zip");
	}

	@Test
	void anXlsxExportReimportsToTheSameGraph() throws Exception {
		roundTrip("xlsx");
	}

}
