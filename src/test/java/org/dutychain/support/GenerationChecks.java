package org.dutychain.support;

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
import org.dutychain.ingest.DatasetImporter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generation contract, checked on the embedded database ({@code GenerationsIT}) and
 * on an external server ({@code ExternalServerIT}) alike: numbers from the counter node
 * are never handed out twice, and a leased generation outlives its replacement until the
 * lease ends.
 */
public final class GenerationChecks {

	private GenerationChecks() {
	}

	/** 30 numbers taken by six threads at once are 30 distinct numbers. */
	public static void concurrentCallersNeverGetTheSameGenerationNumber(Neo4jGraph graph, CypherFiles cypher)
			throws Exception {
		String next = cypher.statement("ingest/dataset.cypher", "next-generation");
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Long>> numbers = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				numbers.add(
						pool.submit(() -> ((Number) graph.write(next, Map.of()).get(0).get("generation")).longValue()));
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

	/**
	 * A generation leased (as an audit does) stays readable through two imports after it,
	 * while the unleased one between is deleted; it goes once its lease ends.
	 */
	public static void aLeasedGenerationOutlivesItsReplacementUntilTheLeaseEnds(DatasetImporter importer,
			Neo4jGraph graph, GenerationLeases leases) throws InterruptedException {
		long first = importer.importPath(TestDatasets.small()).generation();
		long units = units(graph, first);
		assertThat(units).isPositive();
		GenerationLeases.Lease lease = leases.acquire(first);
		long second = importer.importPath(TestDatasets.small()).generation();
		assertThat(second).isGreaterThan(first);
		assertThat(units(graph, first)).as("the leased generation is still readable").isEqualTo(units);
		long third = importer.importPath(TestDatasets.small()).generation();
		assertThat(units(graph, second)).as("an unleased older generation is deleted").isZero();
		assertThat(units(graph, first)).isEqualTo(units);
		lease.close();
		for (int i = 0; i < 300 && units(graph, first) > 0; i++) {
			Thread.sleep(100);
		}
		assertThat(units(graph, first)).as("deleted once its last lease ended").isZero();
		assertThat(units(graph, third)).isEqualTo(units);
		assertThat(leases.leased()).isEmpty();
	}

	private static long units(Neo4jGraph graph, long generation) {
		return ((Number) graph
			.read("MATCH (u:Unit {generation: $generation}) RETURN count(u) AS n", Map.of("generation", generation))
			.get(0)
			.get("n")).longValue();
	}

}
