package org.dutychain.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.GenerationLeases;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generation numbers come from a counter node (safe with several app instances), and a
 * generation an audit still reads is not deleted by the import that replaces it, only
 * when its last lease ends.
 */
@GraphIT
class GenerationsIT {

	@Autowired
	DatasetImporter importer;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	CypherFiles cypher;

	@Autowired
	GenerationLeases leases;

	@Autowired
	GraphFixtures fixtures;

	@BeforeEach
	void empty() {
		this.fixtures.wipe();
	}

	@Test
	void concurrentCallersNeverGetTheSameGenerationNumber() throws Exception {
		String next = this.cypher.statement("ingest/dataset.cypher", "next-generation");
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Long>> numbers = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				numbers.add(pool
					.submit(() -> ((Number) this.graph.write(next, Map.of()).get(0).get("generation")).longValue()));
			}
			Set<Long> distinct = new TreeSet<>();
			for (Future<Long> n : numbers) {
				distinct.add(n.get());
			}
			assertThat(distinct).hasSize(30);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theCounterStartsAboveGenerationsOfAStoreWithoutIt() {
		this.graph.write("CREATE (:Unit {generation: 41, id: 'old'}), (:Dataset {generation: 40, active: true})",
				Map.of());
		assertThat(this.importer.importPath(TestDatasets.small()).generation()).isEqualTo(42L);
		assertThat(this.importer.importPath(TestDatasets.small()).generation()).isEqualTo(43L);
		assertThat(count("MATCH (c:Counter {name: 'generation'}) RETURN count(c)")).isEqualTo(1L);
	}

	@Test
	void aLeasedGenerationOutlivesItsReplacementUntilTheLeaseEnds() throws InterruptedException {
		long first = this.importer.importPath(TestDatasets.small()).generation();
		long units = units(first);
		assertThat(units).isPositive();
		GenerationLeases.Lease lease = this.leases.acquire(first);
		long second = this.importer.importPath(TestDatasets.small()).generation();
		assertThat(second).isGreaterThan(first);
		assertThat(units(first)).as("the leased generation is still readable").isEqualTo(units);
		long third = this.importer.importPath(TestDatasets.small()).generation();
		assertThat(units(second)).as("an unleased older generation is deleted").isZero();
		assertThat(units(first)).isEqualTo(units);
		lease.close();
		for (int i = 0; i < 300 && units(first) > 0; i++) {
			Thread.sleep(100);
		}
		assertThat(units(first)).as("deleted once its last lease ended").isZero();
		assertThat(units(third)).isEqualTo(units);
		assertThat(this.leases.leased()).isEmpty();
	}

	private long units(long generation) {
		return count("MATCH (u:Unit {generation: " + generation + "}) RETURN count(u)");
	}

	private long count(String query) {
		return ((Number) this.graph.read(query, Map.of()).get(0).values().iterator().next()).longValue();
	}

}
