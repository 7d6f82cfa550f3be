package org.dutychain.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.dutychain.DutychainApplication;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.Progress;
import org.dutychain.organization.Datasets;
import org.dutychain.security.Users;
import org.dutychain.support.GraphDigest;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk importer path of an empty store (issue 10) against the transactional import of
 * the same dataset: the graphs are equal (canonical digest), the audit finds the same
 * things, the generation counter carries on, and system data (users) is created and kept
 * as usual afterwards. {@code dutychain.import.bulk-threshold=0} forces the bulk path on
 * small datasets.
 */
class BulkLoadIT {

	private static final Map<String, Object> COMMON = Map.of("dutychain.ephemeral", "true", "dutychain.bolt-port", "0",
			"dutychain.demo-on-empty", "false", "dutychain.page-cache", "64m", "dutychain.import.bulk-memory", "256m");

	@TempDir
	static Path temp;

	private static Path generated;

	/** Transactional digest and audit finding keys per dataset, from one database. */
	private static Map<String, GraphDigest> transactionalDigests;

	private static Map<String, Set<String>> transactionalFindings;

	@BeforeAll
	static void transactionalLoads() {
		generated = temp.resolve("generated");
		DatasetGenerator.standalone().generate(300, 7, 0.05, generated);
		// measures reference issues, posts and people: numbered in the bulk files
		TestDatasets.appendMeasures(generated);
		transactionalDigests = new java.util.HashMap<>();
		transactionalFindings = new java.util.HashMap<>();
		try (ConfigurableApplicationContext context = start(Long.MAX_VALUE, null)) {
			DatasetImporter importer = context.getBean(DatasetImporter.class);
			for (Map.Entry<String, Path> dataset : datasets().entrySet()) {
				importer.importChecked(CheckedDataset.check(dataset.getValue()), Progress.NONE);
				transactionalDigests.put(dataset.getKey(), GraphDigest.of(context.getBean(Neo4jGraph.class)));
				transactionalFindings.put(dataset.getKey(), findingKeys(context));
			}
		}
	}

	private static Map<String, Path> datasets() {
		return Map.of("demo-province", TestDatasets.folder("demo-province"), "generated", generated);
	}

	@Test
	void bulkLoadOfTheDemoProvinceEqualsTheTransactionalLoadAndTheAppWorksOnIt() {
		InitialDataset initial = new InitialDataset(CheckedDataset.check(TestDatasets.folder("demo-province")),
				Progress.NONE);
		try (ConfigurableApplicationContext context = start(0, initial)) {
			ImportResult result = initial.loaded().orElseThrow();
			assertThat(result.generation()).isEqualTo(1);
			assertThat(result.counts()).containsEntry("units", 425);
			assertThat(initial.phases()).containsOnlyKeys("write", "import", "schema");
			// what Neo4j's importer printed, read back: its estimate and its four stages
			ImporterReport report = initial.importer().orElseThrow();
			assertThat(report.budget()).isEqualTo("256m");
			assertThat(report.estimatedBytes()).isPositive();
			assertThat(report.peakBytes()).isPositive();
			assertThat(report.stagesMs()).containsOnlyKeys("Node import", "Relationship import", "Relationship linking",
					"Post processing");
			assertThat(report.totalMs()).isGreaterThanOrEqualTo(report.stagesMs().get("Node import"));
			Neo4jGraph graph = context.getBean(Neo4jGraph.class);
			assertThat(GraphDigest.of(graph)).isEqualTo(transactionalDigests.get("demo-province"));
			assertThat(findingKeys(context)).isEqualTo(transactionalFindings.get("demo-province"));
			assertThat(context.getBean(Datasets.class).active().generation()).isEqualTo(1);

			// system data is created as usual, and survives the next (transactional)
			// import
			Users users = context.getBean(Users.class);
			users.create(new Users.UserRequest("bulk.admin", "a-long-test-password-42", "ADMIN", List.of(), null));
			ImportResult next = context.getBean(DatasetImporter.class)
				.importChecked(CheckedDataset.check(TestDatasets.folder("demo-province")), Progress.NONE);
			assertThat(next.generation()).isEqualTo(2);
			assertThat(users.find("bulk.admin")).isPresent();
			assertThat(GraphDigest.of(graph)).isEqualTo(transactionalDigests.get("demo-province"));
		}
	}

	/**
	 * As the CLI loads an empty store: the importer's files written while the dataset was
	 * validated.
	 */
	@Test
	void bulkLoadOfAGeneratedProvinceEqualsTheTransactionalLoad() {
		CheckedDataset checked = CheckedDataset.checkForEmptyStore(generated, 0);
		InitialDataset initial = new InitialDataset(checked, Progress.NONE);
		try (ConfigurableApplicationContext context = start(0, initial)) {
			assertThat(initial.loaded()).isPresent();
			assertThat(checked.takeBulkFiles()).as("the files written while validating were used").isEmpty();
			assertThat(GraphDigest.of(context.getBean(Neo4jGraph.class)))
				.isEqualTo(transactionalDigests.get("generated"));
			assertThat(findingKeys(context)).isEqualTo(transactionalFindings.get("generated"));
		}
	}

	@Test
	void belowTheThresholdTheStoreStaysEmptyForTheTransactionalImport() {
		CheckedDataset checked = CheckedDataset.checkForEmptyStore(TestDatasets.small(), 0);
		InitialDataset initial = new InitialDataset(checked, Progress.NONE);
		try (ConfigurableApplicationContext context = start(1_000_000, initial)) {
			assertThat(initial.loaded()).isEmpty();
			assertThat(checked.takeBulkFiles()).as("the files written while validating were discarded").isEmpty();
			assertThat(context.getBean(Datasets.class).active().present()).isFalse();
		}
	}

	/**
	 * The CLI's throw-away store (SchemaStatements.SKIP_KEYS): bulk-loaded, it goes
	 * without the Activity, Duty and Grading keys and audits the same; filled by the
	 * transactional loader instead (below the threshold), it gets every key, which that
	 * loader seeks through.
	 */
	@Test
	void aBulkLoadedThrowAwayStoreLeavesOutTheKeysItNeverSeeks() {
		Map<String, Object> skip = Map.of(org.dutychain.config.SchemaStatements.SKIP_KEYS, "Activity,Duty,Grading");
		InitialDataset initial = new InitialDataset(CheckedDataset.check(TestDatasets.folder("demo-province")),
				Progress.NONE);
		try (ConfigurableApplicationContext context = start(0, initial, skip)) {
			assertThat(initial.loaded()).isPresent();
			assertThat(constraints(context)).contains("unit_key", "person_key", "post_key", "issue_key")
				.doesNotContain("activity_key", "duty_key", "grading_key");
			assertThat(findingKeys(context)).isEqualTo(transactionalFindings.get("demo-province"));
		}
		CheckedDataset small = CheckedDataset.checkForEmptyStore(TestDatasets.small(), 0);
		try (ConfigurableApplicationContext context = start(1_000_000, new InitialDataset(small, Progress.NONE),
				skip)) {
			assertThat(constraints(context)).contains("unit_key", "activity_key", "duty_key", "grading_key");
			// the transactional loader seeks duties through their key
			context.getBean(DatasetImporter.class)
				.importChecked(CheckedDataset.check(TestDatasets.small()), Progress.NONE);
			assertThat(context.getBean(Datasets.class).active().present()).isTrue();
		}
	}

	private static Set<String> constraints(ConfigurableApplicationContext context) {
		return context.getBean(Neo4jGraph.class)
			.read("SHOW CONSTRAINTS YIELD name RETURN name", Map.of())
			.stream()
			.map((row) -> (String) row.get("name"))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	@Test
	void aFirstStartBulkLoadsALargeEnoughDemoProvince() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DutychainApplication.class)
			.web(WebApplicationType.NONE)
			.properties(COMMON)
			.properties(Map.of("dutychain.demo-on-empty", "true", "dutychain.demo-units", "60",
					"dutychain.import.bulk-threshold", "0"))
			.run()) {
			ImportResult demo = context.getBean(BulkLoader.class).loadedAtStart().orElseThrow();
			assertThat(demo.counts().get("units")).isPositive();
			Datasets datasets = context.getBean(Datasets.class);
			assertThat(datasets.active().present()).isTrue();
			assertThat(datasets.active().generation()).isEqualTo(1);
		}
	}

	private static ConfigurableApplicationContext start(long threshold, InitialDataset initial) {
		return start(threshold, initial, Map.of());
	}

	private static ConfigurableApplicationContext start(long threshold, InitialDataset initial,
			Map<String, Object> extra) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(DutychainApplication.class)
			.web(WebApplicationType.NONE)
			.properties(COMMON)
			.properties(extra)
			.properties(Map.of("dutychain.import.bulk-threshold", Long.toString(threshold)));
		if (initial != null) {
			builder.initializers(initial.initializer());
		}
		return builder.run();
	}

	private static Set<String> findingKeys(ConfigurableApplicationContext context) {
		AuditDocument audit = context.getBean(AnalysisService.class).audit(null, null);
		return audit.findings().stream().map(Finding::key).collect(Collectors.toCollection(TreeSet::new));
	}

}
