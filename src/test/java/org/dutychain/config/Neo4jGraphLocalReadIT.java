package org.dutychain.config;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.security.AuthorizationViolationException;
import org.neo4j.io.ByteUnit;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Neo4jGraph#readLocal} on the embedded store (issue 10): the statement runs in
 * this process, not through Bolt, in a read-only transaction, and its rows are the Java
 * values {@link Neo4jGraph#read} gives for the same statement.
 */
@GraphIT
class Neo4jGraphLocalReadIT {

	/** Every kind of value the lookups return, from stored properties and from Cypher. */
	static final String VALUES = """
			MATCH (p:Probe {id: $id})
			RETURN p.id AS id, p.count AS count, p.share AS share, p.open AS open, p.day AS day, p.at AS at,
			       p.names AS names, p.counts AS counts, p.shares AS shares, p.missing AS missing,
			       $day AS dayParam, $codes AS mapParam, $ids AS listParam, 1 + 1 AS sum, 1.0 / 4 AS quarter,
			       toInteger('7') AS parsed, [p.count, p.day, null, [p.names]] AS list,
			       {day: p.day, nested: {counts: p.counts, none: null}, at: p.at} AS map,
			       collect({id: p.id, shares: p.shares}) AS rows,
			       date('2025-06-30') - duration('P1D') AS dayBefore, localdatetime('2025-06-30T08:00') AS local
			ORDER BY id
			""";

	@Autowired
	Neo4jGraph graph;

	@Autowired
	Driver driver;

	@Autowired
	EmbeddedNeo4jConfiguration.EmbeddedDatabase embedded;

	@Autowired
	GraphFixtures fixtures;

	@BeforeEach
	void probe() {
		this.fixtures.wipe();
		this.graph.write("""
				CREATE (:Probe {id: 'P-1', count: 42, share: 0.5, open: true, day: date('2025-06-30'),
				                at: datetime('2025-06-30T08:00:00+08:00[Asia/Shanghai]'), names: ['甲', 'b'],
				                counts: [1, 2, 3], shares: [0.25, 1.5]})
				""", Map.of());
	}

	@Test
	void readsTheSameJavaValuesAsTheDriver() {
		Map<String, Object> params = new HashMap<>();
		params.put("id", "P-1");
		params.put("day", LocalDate.of(2025, 6, 30));
		params.put("codes", Map.of("基层组织建设", "ORGANIZATION", "X", "Y"));
		params.put("ids", List.of("U-1", "U-2"));

		List<Map<String, Object>> local = this.graph.readLocal(VALUES, params);

		assertThat(local).isEqualTo(this.graph.read(VALUES, params)).hasSize(1);
		Map<String, Object> row = local.get(0);
		assertThat(row.get("count")).isEqualTo(42L);
		assertThat(row.get("share")).isEqualTo(0.5);
		assertThat(row.get("names")).isEqualTo(List.of("甲", "b"));
		assertThat(row.get("counts")).isEqualTo(List.of(1L, 2L, 3L));
		assertThat(row.get("day")).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(row).containsEntry("missing", null);
	}

	@Test
	void readsInThisProcessWithoutBolt() {
		Driver noBolt = (Driver) Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] { Driver.class },
				(proxy, method, args) -> {
					throw new UnsupportedOperationException("no Bolt here");
				});
		Neo4jGraph inProcess = new Neo4jGraph(new SwitchableDriver(noBolt, this.embedded.database(null)), null);

		assertThat(inProcess.readLocal("MATCH (p:Probe) RETURN p.id AS id", Map.of()))
			.containsExactly(Map.of("id", "P-1"));
		assertThatThrownBy(() -> inProcess.read("MATCH (p:Probe) RETURN p.id AS id", Map.of()))
			.hasMessage("no Bolt here");
	}

	@Test
	void aWriteFailsAndLeavesTheStoreAsItWas() {
		assertThatThrownBy(() -> this.graph.readLocal("CREATE (:Probe {id: 'P-2'}) RETURN 1 AS one", Map.of()))
			.isInstanceOf(AuthorizationViolationException.class)
			.hasMessageContaining("is not allowed")
			.hasMessageContaining("READ");
		assertThat(this.graph.read("MATCH (p:Probe) RETURN p.id AS id", Map.of())).containsExactly(Map.of("id", "P-1"));
	}

	@Test
	void aNodeHasNoDriverValueAndFails() {
		assertThatThrownBy(() -> this.graph.readLocal("MATCH (p:Probe) RETURN p", Map.of()))
			.hasMessageContaining("Unable to convert");
	}

	@Test
	void theDriverIsTheEmbeddedStoresSwitchableOne() {
		// else every lookup would silently go through Bolt again
		assertThat(this.driver).isInstanceOf(SwitchableDriver.class);
	}

	@Test
	void aReadOnAStoreShutDownUnderItIsRetriedOnTheStoreServingThen(@TempDir Path dir) throws Exception {
		DatabaseManagementService old = store(dir.resolve("old"));
		DatabaseManagementService next = store(dir.resolve("next"));
		try {
			GraphDatabaseService oldDatabase = old.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			GraphDatabaseService nextDatabase = next.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			oldDatabase.executeTransactionally("CREATE (:Probe {id: 'old'})");
			nextDatabase.executeTransactionally("CREATE (:Probe {id: 'next'}), (:Probe {id: 'next-2'})");
			SwitchableDriver switchable = new SwitchableDriver(this.driver, oldDatabase);
			Neo4jGraph graph = new Neo4jGraph(switchable, null);
			String ids = "MATCH (p:Probe) RETURN p.id AS id ORDER BY id";
			assertThat(graph.readLocal(ids, Map.of())).containsExactly(Map.of("id", "old"));

			// the store goes away under the reads; the next one serves half a second
			// later,
			// while the first attempt's back-off (1 s) runs
			old.shutdown();
			Thread switcher = new Thread(() -> {
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				switchable.switchTo(this.driver, nextDatabase);
			});
			switcher.start();

			assertThat(graph.readLocal(ids, Map.of())).as("only the successful attempt's rows")
				.containsExactly(Map.of("id", "next"), Map.of("id", "next-2"));
			switcher.join();
		}
		finally {
			next.shutdown();
			old.shutdown();
		}
	}

	private static DatabaseManagementService store(Path home) {
		return new DatabaseManagementServiceBuilder(home).setConfig(BoltConnector.enabled, false)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(8))
			.build();
	}

}
