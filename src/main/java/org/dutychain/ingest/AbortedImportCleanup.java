package org.dutychain.ingest;

import java.util.List;
import java.util.Map;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, before anything imports: deletes, in batches, the nodes of every generation
 * that is not the active one: what an import killed while writing left behind (its
 * partial generation), and an older generation whose deletion failed. Readers only ever
 * see the active generation, so this changes nothing they see; it gives back the space.
 * Not for the CLI's throw-away embedded store, which is new at every start (its two
 * look-ups were two more cold Cypher compilations for nothing).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AbortedImportCleanup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AbortedImportCleanup.class);

	private static final String FILE = "ingest/cleanup.cypher";

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final boolean newStore;

	AbortedImportCleanup(Neo4jGraph graph, CypherFiles cypher, @Value("${dutychain.ephemeral:false}") boolean ephemeral,
			@Value("${spring.neo4j.uri:}") String uri) {
		this.graph = graph;
		this.cypher = cypher;
		this.newStore = ephemeral && uri.isEmpty();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.newStore) {
			clean();
		}
	}

	/** Deletes the inactive generations; returns how many nodes they had. */
	long clean() {
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(FILE, "active-generation"), Map.of());
		long active = (rows.isEmpty() || !(rows.get(0).get("generation") instanceof Number n)) ? -1 : n.longValue();
		Map<String, Object> params = Map.of("active", active);
		List<Map<String, Object>> count = this.graph.read(this.cypher.statement(FILE, "count-inactive"), params);
		long nodes = (count.isEmpty() || !(count.get(0).get("nodes") instanceof Number c)) ? 0 : c.longValue();
		if (nodes == 0) {
			return 0;
		}
		log.info("Removing {} node(s) of an aborted import or an old generation (active generation {})", nodes,
				(active < 0) ? "none" : active);
		this.graph.autoCommit(this.cypher.statement(FILE, "delete-inactive"), params);
		return nodes;
	}

}
