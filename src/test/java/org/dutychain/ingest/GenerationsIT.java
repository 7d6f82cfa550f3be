package org.dutychain.ingest;

import java.util.Map;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.GenerationLeases;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.support.GenerationChecks;
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
 * when its last lease ends ({@link GenerationChecks}, run on an external server by
 * {@code ExternalServerIT} too).
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
		GenerationChecks.concurrentCallersNeverGetTheSameGenerationNumber(this.graph, this.cypher);
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
		GenerationChecks.aLeasedGenerationOutlivesItsReplacementUntilTheLeaseEnds(this.importer, this.graph,
				this.leases);
	}

	private long count(String query) {
		return ((Number) this.graph.read(query, Map.of()).get(0).values().iterator().next()).longValue();
	}

}
