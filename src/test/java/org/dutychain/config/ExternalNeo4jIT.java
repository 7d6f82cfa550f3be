package org.dutychain.config;

import java.nio.file.Path;

import org.dutychain.analysis.AnalysisResult;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.Finding;
import org.dutychain.support.FixtureFile;
import org.dutychain.support.GraphFixtures;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Neo4jContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same jar against a Neo4j 5 server: with {@code spring.neo4j.uri} set, no embedded
 * database starts and the schema, fixtures and analyses run through the driver unchanged.
 * Skipped where Docker is absent.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "dutychain.demo-on-empty=false")
@Import(GraphFixtures.class)
class ExternalNeo4jIT {

	@Container
	static final Neo4jContainer<?> NEO4J = new Neo4jContainer<>("neo4j:5").withAdminPassword("dutychain-test");

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) {
		registry.add("spring.neo4j.uri", NEO4J::getBoltUrl);
		registry.add("spring.neo4j.authentication.username", () -> "neo4j");
		registry.add("spring.neo4j.authentication.password", () -> "dutychain-test");
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	AnalysisService analyses;

	@Test
	void runsAnalysesAgainstTheServerWithoutAnEmbeddedDatabase() {
		assertThat(this.context.getBeanNamesForType(EmbeddedNeo4jConfiguration.EmbeddedDatabase.class)).isEmpty();
		FixtureFile fixture = this.fixtures
			.load(Path.of("src/test/resources/fixtures/analysis/post-vacancy/POST_VACANT/positive.cypher"));
		AnalysisResult result = this.analyses.run("post-vacancy", fixture.scope(), fixture.asOf());
		assertThat(result.findings().stream().filter((f) -> f.code().equals("POST_VACANT")).map(Finding::key))
			.containsExactlyInAnyOrderElementsOf(fixture.expect());
	}

}
