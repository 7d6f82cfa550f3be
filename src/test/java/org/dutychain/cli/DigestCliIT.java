package org.dutychain.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.Test;
import org.dutychain.support.InProcessCli;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code digest <dataset>}: 到期提醒 on the command line (issue 12). */
class DigestCliIT {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void theDigestListsDueSoonAndOverdueIssuesByUnitAndExitsOneWhenSomethingIsOverdue() throws Exception {
		String small = TestDatasets.small().toString();
		InProcessCli.Run soon = InProcessCli.run("digest", small, "--days", "200", "--format", "json");
		assertThat(soon.code()).as(soon.err()).isZero();
		JsonNode digest = this.json.readTree(soon.out());
		assertThat(digest.path("asOf").asText()).isEqualTo("2024-06-30");
		JsonNode unit = digest.path("units").get(0);
		assertThat(unit.path("unitId").asText()).isEqualTo("xz-v02");
		assertThat(unit.path("dueSoon").get(0).path("id").asText()).isEqualTo("i01");
		assertThat(unit.path("overdue")).isEmpty();

		InProcessCli.Run late = InProcessCli.run("digest", small, "--as-of", "2025-01-31");
		assertThat(late.code()).as(late.err()).isEqualTo(1);
		assertThat(late.out()).contains("到期提醒").contains("xz-v02").contains("逾期\t问题\ti01");
		assertThat(InProcessCli.run("digest").code()).isEqualTo(DutychainCli.INVALID);
	}

}
