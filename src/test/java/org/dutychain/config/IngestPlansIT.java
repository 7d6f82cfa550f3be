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
 * by id carries {@code USING INDEX SEEK}, in every statement of {@code ingest/}), no
 * per-row statement (one that unwinds {@code $rows}, whichever file it is in) contains a
 * scan operator. The whole-generation passes (levels, the bulk load's post-load steps,
 * the store switch) scan by design, so only their look-ups are checked.
 */
@GraphIT
class IngestPlansIT {

	/**
	 * A look-up by id: {@code MATCH (x:Label {generation: $generation, id: …})}, or with
	 * the two properties the other way round.
	 */
	private static final Pattern LOOK_UP = Pattern.compile(
			"MATCH \\([a-z]+:[A-Za-z]+ \\{(generation: \\$generation, id: |id: [^,}]+, generation: \\$generation)");

	@Autowired
	CypherFiles files;

	@Autowired
	Driver driver;

	@Test
	void everyIngestLookUpIsASeek() {
		List<String> scans = new ArrayList<>();
		List<String> perRow = new ArrayList<>();
		List<String> all = new ArrayList<>();
		List<String> unforced = new ArrayList<>();
		int seeks = 0;
		try (Session session = this.driver.session()) {
			for (CypherFile file : this.files.folder("ingest")) {
				String path = file.path();
				for (CypherFile.Statement s : file.statements()) {
					// a plain hint may seek on an empty test store, not on a real
					// one: the hint itself must say SEEK — in every statement of
					// ingest/, the whole-generation passes too (levels, bulk,
					// store switch), so that a look-up added to one is guarded
					long lookUps = LOOK_UP.matcher(s.cypher()).results().count();
					long seekHints = s.cypher().split("USING INDEX SEEK ", -1).length - 1;
					if (lookUps != seekHints || s.cypher().split("USING INDEX ", -1).length - 1 != seekHints) {
						unforced.add(path + " " + s.name() + ": " + lookUps + " look-up(s) by id, " + seekHints
								+ " USING INDEX SEEK hint(s)");
					}
					all.add(path + " " + s.name());
					if (!s.cypher().contains("UNWIND $rows")) {
						continue;
					}
					perRow.add(path + " " + s.name());
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
		assertThat(all).as("the whole-generation passes are read for look-ups too")
			.contains("ingest/levels.cypher assign")
			.anyMatch((name) -> name.startsWith("ingest/bulk.cypher "))
			.anyMatch((name) -> name.startsWith("ingest/store-switch.cypher "));
		assertThat(scans).isEmpty();
		assertThat(unforced).isEmpty();
		assertThat(seeks).isGreaterThan(20);
	}

	private static void collect(Plan plan, List<String> operators) {
		operators.add(plan.operatorType());
		plan.children().forEach((c) -> collect(c, operators));
	}

}
