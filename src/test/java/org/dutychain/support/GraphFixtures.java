package org.dutychain.support;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.security.FirstStart;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.test.context.TestComponent;

/**
 * Wipes the graph and loads a fixture as generation 1, the way an import would leave it.
 */
@TestComponent
public class GraphFixtures {

	public static final long GENERATION = 1;

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final ObjectProvider<FirstStart> firstStart;

	public GraphFixtures(Neo4jGraph graph, CypherFiles cypher, ObjectProvider<FirstStart> firstStart) {
		this.graph = graph;
		this.cypher = cypher;
		this.firstStart = firstStart;
	}

	/**
	 * Deletes every node in batches, users included; the test admin of a web test is
	 * created again.
	 */
	public void wipe() {
		wipeAll();
		this.firstStart.ifAvailable(FirstStart::ensureAdmin);
	}

	private void wipeAll() {
		// the installation's secrets stay, as they do in a real store (the running server
		// keeps them in memory)
		this.graph.autoCommit("MATCH (n) WHERE NOT n:Secret CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
				Map.of());
	}

	public FixtureFile load(Path path) {
		FixtureFile fixture = FixtureFile.read(path);
		load(fixture.cypher(), fixture.asOf());
		return fixture;
	}

	/**
	 * Wipes the graph, runs the statements, stamps the generation, adds the Dataset node,
	 * computes levels.
	 */
	public void load(CypherFile file, LocalDate asOf) {
		wipeAll();
		this.graph.inWriteTransaction((tx) -> {
			for (CypherFile.Statement s : file.statements()) {
				tx.run(s.cypher(), Map.of()).consume();
			}
			tx.run("MATCH (n) WHERE n.generation IS NULL AND NOT n:Secret SET n.generation = $g",
					Map.of("g", GENERATION))
				.consume();
			tx.run("CREATE (:Dataset {name: 'fixture', asOf: $asOf, generation: $g, active: true, importedAt: datetime()})",
					Map.of("asOf", asOf, "g", GENERATION))
				.consume();
			return null;
		});
		boolean ownLevels = !this.graph.read("MATCH (u:Unit) WHERE u.level IS NOT NULL RETURN u LIMIT 1", Map.of())
			.isEmpty();
		if (!ownLevels) {
			CypherFile levels = this.cypher.file("ingest/levels.cypher");
			for (CypherFile.Statement s : levels.statements()) {
				this.graph.write(s.cypher(), Map.of("generation", GENERATION));
			}
		}
		this.firstStart.ifAvailable(FirstStart::ensureAdmin);
	}

}
