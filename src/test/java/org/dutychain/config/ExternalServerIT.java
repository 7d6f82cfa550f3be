package org.dutychain.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.dutychain.accountability.AccountabilityChain;
import org.dutychain.accountability.AccountabilityService;
import org.dutychain.analysis.AnalysisResult;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.security.Users;
import org.dutychain.support.ChildJvm;
import org.dutychain.support.FixtureFile;
import org.dutychain.support.GenerationChecks;
import org.dutychain.support.GraphDigest;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external-server path ({@code spring.neo4j.uri}) against a Neo4j 5 server that runs
 * as a separate process with authentication (the embedded server in a second JVM, started
 * by {@link ExternalNeo4jServerMain}), so CI exercises it on machines without Docker: no
 * embedded database starts; the schema, the batch import over the driver (generation
 * switch, old generation removed), system data across imports, analyses and the
 * accountability lookup all run through the driver; so do the generation contract
 * ({@link GenerationChecks}: distinct numbers under concurrency, leases) and the retried
 * reads of {@link Neo4jGraphRetryIT}. {@code ExternalNeo4jIT} runs the same against a
 * Neo4j container where Docker exists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dutychain.demo-on-empty=false", "dutychain.audit.view-wait=300s" })
@Import(GraphFixtures.class)
class ExternalServerIT {

	private static final String PASSWORD = "external-test-password";

	private static Path store;

	private static Process server;

	@DynamicPropertySource
	static void neo4j(DynamicPropertyRegistry registry) throws IOException, InterruptedException {
		store = Files.createTempDirectory("dutychain-external");
		server = ChildJvm.start(ExternalNeo4jServerMain.class, "512m", store.toString(), PASSWORD);
		BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder log = new StringBuilder();
		String port = null;
		for (String line = out.readLine(); line != null; line = out.readLine()) {
			log.append(line).append('\n');
			if (line.startsWith("BOLT ")) {
				port = line.substring(5).strip();
				break;
			}
		}
		assertThat(port).as("the external server did not start:%n%s", log).isNotNull();
		// keep draining its output so the child never blocks on a full pipe
		Thread drain = new Thread(() -> out.lines().forEach((line) -> {
		}), "external-neo4j-output");
		drain.setDaemon(true);
		drain.start();
		String uri = "bolt://127.0.0.1:" + port;
		registry.add("spring.neo4j.uri", () -> uri);
		registry.add("spring.neo4j.authentication.username", () -> "neo4j");
		registry.add("spring.neo4j.authentication.password", () -> PASSWORD);
	}

	@AfterAll
	static void stopServer() throws IOException, InterruptedException {
		if (server != null) {
			server.getOutputStream().close();
			if (!server.waitFor(60, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
		if (store != null) {
			try (Stream<Path> files = Files.walk(store)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	DatasetImporter importer;

	@Autowired
	AnalysisService analyses;

	@Autowired
	AccountabilityService accountability;

	@Autowired
	Users users;

	@Test
	void noEmbeddedDatabaseStarts() {
		assertThat(this.context.getBeanNamesForType(EmbeddedNeo4jConfiguration.EmbeddedDatabase.class)).isEmpty();
		assertThat(this.graph.read("CALL dbms.components() YIELD name RETURN name", Map.of())).isNotEmpty();
	}

	@Test
	void importsThroughTheDriverAndSwitchesGenerationsWithSystemDataKept() {
		this.fixtures.wipe();
		String username = "external-auditor";
		if (this.users.find(username).isEmpty()) {
			this.users.create(new Users.UserRequest(username, "external-auditor-pw", "ADMIN", List.of(), null));
		}
		ImportResult first = this.importer.importPath(TestDatasets.small());
		GraphDigest digest = GraphDigest.of(this.graph);
		assertThat(digest.nodes()).containsKey("Unit");
		ImportResult second = this.importer.importPath(TestDatasets.small());
		assertThat(second.generation()).isGreaterThan(first.generation());
		assertThat(GraphDigest.of(this.graph)).isEqualTo(digest);
		assertThat(this.graph.read("MATCH (n) WHERE n.generation = $old RETURN count(n) AS n",
				Map.of("old", first.generation())))
			.containsExactly(Map.of("n", 0L));
		assertThat(this.users.find(username)).as("system data survives an import").isPresent();

		AuditDocument audit = this.analyses.audit(null, LocalDate.of(2024, 6, 30));
		assertThat(audit.findings()).isNotEmpty();
		assertThat(audit.analyses()).hasSize(this.analyses.definitions().size());
		AccountabilityChain chain = this.accountability.forIssue("i01", LocalDate.of(2024, 6, 30));
		assertThat(chain.entries()).isNotEmpty();
		assertThat(chain.unitId()).isEqualTo("xz-v02");
	}

	@Test
	void runsAFixtureAnalysisLikeTheEmbeddedDatabase() {
		FixtureFile fixture = this.fixtures
			.load(Path.of("src/test/resources/fixtures/analysis/post-vacancy/POST_VACANT/positive.cypher"));
		AnalysisResult result = this.analyses.run("post-vacancy", fixture.scope(), fixture.asOf());
		assertThat(result.findings().stream().filter((f) -> f.code().equals("POST_VACANT")).map(Finding::key))
			.containsExactlyInAnyOrderElementsOf(fixture.expect());
	}

	@Autowired
	CypherFiles cypher;

	@Autowired
	GenerationLeases leases;

	@Autowired
	org.neo4j.driver.Driver driver;

	// the generation contract and retry-safe reads, on the external path

	@Test
	void concurrentCallersNeverGetTheSameGenerationNumber() throws Exception {
		GenerationChecks.concurrentCallersNeverGetTheSameGenerationNumber(this.graph, this.cypher);
	}

	@Test
	void aLeasedGenerationOutlivesItsReplacementUntilTheLeaseEnds() throws InterruptedException {
		this.fixtures.wipe();
		GenerationChecks.aLeasedGenerationOutlivesItsReplacementUntilTheLeaseEnds(this.importer, this.graph,
				this.leases);
	}

	@Test
	void retriedReadsAndStreamsDeliverEachRowOnce() {
		Neo4jGraphRetryIT.probes(this.driver);
		Neo4jGraphRetryIT.aRetriedReadReturnsOnlyTheRowsOfTheAttemptThatSucceeded(this.driver);
		Neo4jGraphRetryIT.aStreamRetriedBeforeItsFirstRowDeliversEveryRowOnce(this.driver);
		Neo4jGraphRetryIT.aStreamThatFailsAfterDeliveringRowsIsNotRetried(this.driver);
	}

}
