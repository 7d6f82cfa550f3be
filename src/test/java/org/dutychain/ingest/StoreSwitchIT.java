package org.dutychain.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.dutychain.DutychainApplication;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.Progress;
import org.dutychain.organization.Datasets;
import org.dutychain.report.Snapshots;
import org.dutychain.security.AuditLog;
import org.dutychain.security.Users;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replacing the dataset of a running embedded server by a store switch (issue 10):
 * datasets of at least {@code dutychain.import.bulk-threshold} rows are bulk-loaded into
 * a new store beside the serving one, the system data is copied, and the driver switches
 * in one step. The threshold here lies between the small dataset (generation writer) and
 * the demo province / a generated province (store switch).
 */
class StoreSwitchIT {

	private static final String ACTIVE = "MATCH (d:Dataset {active: true}) "
			+ "CALL (d) { MATCH (u:Unit {generation: d.generation}) RETURN count(u) AS units } "
			+ "RETURN d.generation AS generation, units";

	private static final String SYSTEM = "MATCH (n:User|AuditEntry|Secret|ChangeRecord|Snapshot) "
			+ "RETURN labels(n) AS labels, properties(n) AS properties";

	@TempDir
	static Path temp;

	private static Path generated;

	private static long threshold;

	@BeforeAll
	static void datasets() {
		generated = temp.resolve("generated");
		DatasetGenerator.standalone().generate(200, 11, 0.05, generated);
		long small = CheckedDataset.check(TestDatasets.small()).rows();
		long demo = CheckedDataset.check(TestDatasets.folder("demo-province")).rows();
		long gen = CheckedDataset.check(generated).rows();
		assertThat(Math.min(demo, gen)).isGreaterThan(small);
		threshold = small + 1;
	}

	@Test
	void aReaderThroughTheSwitchNeverFailsAndSeesOnlyTheOldThenTheNewDataset() throws Exception {
		Path dataDir = temp.resolve("reader");
		try (ConfigurableApplicationContext context = start(dataDir, Map.of())) {
			DatasetImporter importer = context.getBean(DatasetImporter.class);
			Neo4jGraph graph = context.getBean(Neo4jGraph.class);
			ImportResult first = importer.importChecked(CheckedDataset.check(TestDatasets.folder("demo-province")),
					Progress.NONE);
			// the first start's store (the layout of earlier releases) was replaced
			assertThat(dataDir.resolve("current-store")).exists();
			assertThat(dataDir.resolve("data")).doesNotExist();
			int oldUnits = first.counts().get("units");

			List<long[]> seen = new CopyOnWriteArrayList<>();
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			AtomicBoolean stop = new AtomicBoolean();
			Thread reader = new Thread(() -> {
				long reads = 0;
				while (!stop.get()) {
					try {
						// through the driver and, as the lookups read, in this process
						boolean local = reads++ % 2 == 1;
						Map<String, Object> row = (local ? graph.readLocal(ACTIVE, Map.of())
								: graph.read(ACTIVE, Map.of()))
							.get(0);
						seen.add(new long[] { ((Number) row.get("generation")).longValue(),
								((Number) row.get("units")).longValue(), local ? 1 : 0 });
					}
					catch (Throwable ex) {
						failures.add(ex);
					}
				}
			});
			reader.start();
			ImportResult second = importer.importChecked(CheckedDataset.check(generated), Progress.NONE);
			long afterSwitch = seen.size();
			while (seen.size() < afterSwitch + 20 && failures.isEmpty()) {
				Thread.sleep(10);
			}
			stop.set(true);
			reader.join();

			assertThat(failures).isEmpty();
			assertThat(second.generation()).isGreaterThan(first.generation());
			int newUnits = second.counts().get("units");
			assertThat(oldUnits).isNotEqualTo(newUnits);
			// old, old, …, new, new: never a mix, never an empty or partial dataset
			int firstNew = -1;
			for (int i = 0; i < seen.size(); i++) {
				long[] s = seen.get(i);
				if (s[0] == second.generation()) {
					assertThat(s[1]).isEqualTo(newUnits);
					if (firstNew < 0) {
						firstNew = i;
					}
				}
				else {
					assertThat(firstNew).as("an old read after the first new one").isNegative();
					assertThat(s[0]).isEqualTo(first.generation());
					assertThat(s[1]).isEqualTo(oldUnits);
				}
			}
			assertThat(firstNew).isPositive();
			assertThat(seen.subList(firstNew, seen.size())).as("new reads in this process and through the driver")
				.extracting((read) -> read[2])
				.contains(0L, 1L);
			assertThat(seen.get(seen.size() - 1)[0]).isEqualTo(second.generation());
			// one store left: the current one
			assertThat(storeHomes(dataDir)).hasSize(1);
			assertThat(dataDir.resolve(Files.readString(dataDir.resolve("current-store")).strip()))
				.isEqualTo(storeHomes(dataDir).get(0));
		}
	}

	@Test
	void systemDataSurvivesTheSwitchAndARestartOpensTheNewStore() throws Exception {
		Path dataDir = temp.resolve("system");
		long generation;
		Set<Map<String, Object>> before;
		try (ConfigurableApplicationContext context = start(dataDir, Map.of())) {
			DatasetImporter importer = context.getBean(DatasetImporter.class);
			Neo4jGraph graph = context.getBean(Neo4jGraph.class);
			importer.importChecked(CheckedDataset.check(TestDatasets.folder("demo-province")), Progress.NONE);
			context.getBean(Users.class)
				.create(new Users.UserRequest("switch.admin", "a-long-test-password-42", "ADMIN", List.of(), null));
			context.getBean(AuditLog.class).record("switch.admin", AuditLog.IMPORT, "demo-province", "before", null);
			context.getBean(Snapshots.class).create(null, LocalDate.of(2025, 6, 30), "before the switch");
			graph.write("CREATE (:ChangeRecord {at: datetime(), actor: 'switch.admin', entity: 'issue', "
					+ "entityId: 'I-1', action: 'UPDATE', before: '{}', after: '{}'})", Map.of());
			before = systemNodes(graph);
			assertThat(before).extracting((m) -> m.get("labels").toString())
				.contains("[User]", "[AuditEntry]", "[Snapshot]", "[ChangeRecord]");

			ImportResult replaced = importer.importChecked(CheckedDataset.check(generated), Progress.NONE);
			generation = replaced.generation();
			assertThat(systemNodes(graph)).isEqualTo(before);
			assertThat(context.getBean(Users.class).find("switch.admin")).isPresent();
			assertThat(counter(graph)).isEqualTo(generation);
			assertThat(context.getBean(Datasets.class).active().generation()).isEqualTo(generation);
		}
		try (ConfigurableApplicationContext context = start(dataDir, Map.of())) {
			Neo4jGraph graph = context.getBean(Neo4jGraph.class);
			assertThat(context.getBean(Datasets.class).active().generation()).isEqualTo(generation);
			assertThat(systemNodes(graph)).containsAll(before);
			assertThat(storeHomes(dataDir)).hasSize(1);
			// the next import carries on above it
			ImportResult next = context.getBean(DatasetImporter.class)
				.importChecked(CheckedDataset.check(TestDatasets.small()), Progress.NONE);
			assertThat(next.generation()).isGreaterThan(generation);
		}
	}

	@Test
	void aSmallDatasetKeepsTheGenerationWriterAndAFailingSwitchLeavesTheOldDataServing() throws Exception {
		Path dataDir = temp.resolve("failing");
		try (ConfigurableApplicationContext context = start(dataDir, Map.of())) {
			DatasetImporter importer = context.getBean(DatasetImporter.class);
			Neo4jGraph graph = context.getBean(Neo4jGraph.class);
			ImportResult small = importer.importChecked(CheckedDataset.check(TestDatasets.small()), Progress.NONE);
			// below the threshold: the generation writer, in the store of the first start
			assertThat(dataDir.resolve("current-store")).doesNotExist();
			assertThat(dataDir.resolve("stores")).doesNotExist();
			assertThat(dataDir.resolve("data/databases/neo4j")).isDirectory();
			Map<String, Object> active = graph.read(ACTIVE, Map.of()).get(0);
			// system data the switch cannot carry: it fails once the new store is loaded
			// and started, before switching
			graph.write("CREATE (:Unforeseen {note: 'no generation'})", Map.of());

			assertThatThrownBy(() -> importer.importChecked(CheckedDataset.check(generated), Progress.NONE))
				.hasMessageContaining("Unforeseen");
			assertThat(graph.read(ACTIVE, Map.of()).get(0)).isEqualTo(active);
			assertThat(((Number) active.get("generation")).longValue()).isEqualTo(small.generation());
			assertThat(storeHomes(dataDir)).isEmpty();
			assertThat(dataDir.resolve("current-store")).doesNotExist();
			// and the server keeps writing
			context.getBean(AuditLog.class).record("someone", AuditLog.IMPORT, "x", "after the failure", null);
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, Map<String, String> more) {
		Map<String, String> properties = new java.util.TreeMap<>(Map.of("dutychain.ephemeral", "false",
				"dutychain.data-dir", dataDir.toString(), "dutychain.bolt-port", "0", "dutychain.demo-on-empty",
				"false", "dutychain.page-cache", "64m", "dutychain.import.bulk-memory", "256m",
				"dutychain.import.bulk-threshold", Long.toString(threshold)));
		properties.putAll(more);
		// arguments: above application.properties (which names the data directory)
		return new SpringApplicationBuilder(DutychainApplication.class).web(WebApplicationType.NONE)
			.run(properties.entrySet()
				.stream()
				.map((e) -> "--" + e.getKey() + "=" + e.getValue())
				.toArray(String[]::new));
	}

	private static Set<Map<String, Object>> systemNodes(Neo4jGraph graph) {
		return new HashSet<>(graph.read(SYSTEM, Map.of()));
	}

	private static long counter(Neo4jGraph graph) {
		return ((Number) graph.read("MATCH (c:Counter {name: 'generation'}) RETURN c.value AS value", Map.of())
			.get(0)
			.get("value")).longValue();
	}

	private static List<Path> storeHomes(Path dataDir) throws Exception {
		Path stores = dataDir.resolve("stores");
		if (!Files.isDirectory(stores)) {
			return List.of();
		}
		try (Stream<Path> homes = Files.list(stores)) {
			return new ArrayList<>(homes.toList());
		}
	}

}
