package org.dutychain.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/labels}: every code the page shows with its Chinese and English label,
 * from the Java enumerations, the grade table and the rule headers (issue 13 §2).
 */
@WebIT
class LabelsIT {

	@LocalServerPort
	int port;

	@Test
	void everyEnumerationGradeAndFindingCodeHasBothLabels() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/labels"))
				.header("Authorization", "Basic " + java.util.Base64.getEncoder()
					.encodeToString(
							(org.dutychain.support.TestAdmin.USERNAME + ":" + org.dutychain.support.TestAdmin.PASSWORD)
								.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode labels = new ObjectMapper().readTree(response.body());
		JsonNode groups = labels.path("groups");
		assertThat(groups.path("unitKind").path("PARTY_CELL").path("zh").asText()).isEqualTo("党小组");
		assertThat(groups.path("severity").path("HIGH").path("zh").asText()).isEqualTo("高");
		assertThat(groups.path("firstSecretaryKind").path("VILLAGE_STATIONED").path("zh").asText()).isEqualTo("驻村第一书记");
		assertThat(groups.path("domain").path("DISCIPLINE").path("en").asText()).isNotBlank();
		for (String group : new String[] { "sector", "leadKind", "responsibility", "activityKind", "assistanceLevel",
				"gradingScheme", "issueStatus", "issueSeverity", "issueSource", "supervisionStage",
				"supervisionOutcome", "personnelEventKind", "postKind" }) {
			assertThat(groups.path(group).size()).as(group).isPositive();
			groups.path(group).forEach((l) -> assertThat(l.path("zh").asText() + l.path("en").asText()).isNotBlank());
		}
		assertThat(labels.path("grades").path("SECRETARY_REVIEW").path("FAIRLY_GOOD").path("zh").asText())
			.isEqualTo("较好");
		assertThat(labels.path("grades").path("ANNUAL").path("PASS").path("en").asText()).isEqualTo("Pass");
		assertThat(labels.path("findings").path("NO_TEAM_LIST").path("zh").asText()).isEqualTo("无班子责任清单");
		assertThat(labels.path("findings").path("ORPHAN_UNIT").path("en").asText()).isNotBlank();
		assertThat(labels.path("analyses").path("list-coverage").path("zh").asText()).isEqualTo("清单覆盖");
	}

}
