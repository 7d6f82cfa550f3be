package org.dutychain.config;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dutychain.analysis.AnalysisSettings;
import org.dutychain.support.GraphIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ResultSummary;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code EXPLAIN} on every statement of every file under {@code cypher/} against
 * Neo4j with typed placeholder parameters: a syntax error anywhere fails, even in a
 * statement no fixture exercises.
 */
@GraphIT
class CypherFilesIT {

	private static final Pattern PARAM = Pattern.compile("\\$([A-Za-z][A-Za-z0-9_]*)");

	@Autowired
	CypherFiles files;

	@Autowired
	Driver driver;

	@Test
	void everyStatementPlans() {
		List<String> failures = new ArrayList<>();
		int planned = 0;
		try (Session session = this.driver.session()) {
			for (CypherFile file : this.files.all()) {
				if (file.path().startsWith("schema/")) {
					continue;
				}
				for (CypherFile.Statement s : file.statements()) {
					try {
						ResultSummary summary = session.run("EXPLAIN " + s.cypher(), placeholders(s.cypher()))
							.consume();
						assertThat(summary.plan()).isNotNull();
						planned++;
					}
					catch (RuntimeException ex) {
						failures
							.add("cypher/" + file.path() + ":" + s.line() + " (" + s.name() + "): " + ex.getMessage());
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(planned).isPositive();
	}

	static Map<String, Object> placeholders(String cypher) {
		Map<String, Object> p = new HashMap<>(AnalysisSettings.defaults().toParameters());
		p.put("generation", 1L);
		p.put("unitIds", List.of("U-1"));
		p.put("asOf", LocalDate.of(2025, 6, 30));
		p.put("rows", List.of()); // batches of the import: UNWIND $rows AS row
		p.put("set", Map.of()); // ledger edits: SET n += $set
		p.put("limit", 1L);
		p.put("days", 30L);
		Matcher m = PARAM.matcher(cypher);
		while (m.find()) {
			p.putIfAbsent(m.group(1), "x");
		}
		return p;
	}

}
