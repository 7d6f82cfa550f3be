package org.dutychain.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dutychain.support.GraphIT;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every look-up of the batch writer is an index seek whatever the statistics say (issue
 * 10): planned on an empty store (the worst case, where a plain {@code USING INDEX} hint
 * allowed a scan of the whole index per row) and forced by the hint itself (every look-up
 * by id carries {@code USING INDEX SEEK}), no per-row statement of {@code ingest/} (one
 * that unwinds {@code $rows}, whichever file it is in) contains a scan operator.
 */
@GraphIT
class IngestPlansIT {

	/** A look-up by id: {@code MATCH (x:Label {generation: $generation, id: …})}. */
	private static final Pattern LOOK_UP = Pattern
		.compile("MATCH \\([a-z]+:[A-Za-z]+ \\{generation: \\$generation, id: ");

	@Autowired
	CypherFiles files;

	@Autowired
	Driver driver;

	@Test
	void everyIngestLookUpIsASeek() {
		List<String> scans = new ArrayList<>();
		List<String> perRow = new ArrayList<>();
		List<String> unforced = new ArrayList<>();
		int seeks = 0;
		try (Session session = this.driver.session()) {
			for (CypherFile file : this.files.folder("ingest")) {
				String path = file.path();
				for (CypherFile.Statement s : file.statements()) {
					if (!s.cypher().contains("UNWIND $rows")) {
						continue;
					}
					perRow.add(path + " " + s.name());
					// a plain hint may seek on an empty test store, not on a
					// real one: the hint itself must say SEEK
					long lookUps = LOOK_UP.matcher(s.cypher()).results().count();
					long seekHints = s.cypher().split("USING INDEX SEEK ", -1).length - 1;
					if (lookUps != seekHints || s.cypher().split("USING INDEX ", -1).length - 1 != seekHints) {
						unforced.add(path + " " + s.name() + ": " + lookUps + " look-up(s) by id, " + seekHints
								+ " USING INDEX SEEK hint(s)");
					}
					Map<String, Object> params = CypherFilesIT.placeholders(s.cypher());
					Plan plan = session.run("EXPLAIN " + s.cypher(), params).consume().plan();
					List<String> operators = new ArrayList<>();
					collect(plan, operators);
					operators.stream()
						.filter((op) -> op.contains("Scan"))
						.forEach((op) -> scans.add(path + " " + s.name() + ": " + op));
					seeks += (int) operators.stream().filter((op) -> op.contains("Seek")).count();
				}
			}
		}
		assertThat(perRow).contains("ingest/units.cypher leads", "ingest/measures.cypher measures");
		assertThat(scans).isEmpty();
		assertThat(unforced).isEmpty();
		assertThat(seeks).isGreaterThan(20);
	}

	private static void collect(Plan plan, List<String> operators) {
		operators.add(plan.operatorType());
		plan.children().forEach((c) -> collect(c, operators));
	}

}
