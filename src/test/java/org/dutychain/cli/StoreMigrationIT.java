package org.dutychain.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dutychain.DutychainApplication;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.report.SnapshotDiff;
import org.dutychain.report.SnapshotInfo;
import org.dutychain.report.Snapshots;
import org.dutychain.support.GraphDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.dutychain.support.InProcessCli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written by the previous release opens in this one (issue 10, "Upgrading"):
 * {@code src/test/resources/stores/release-d9b72d5-small.dump} (the small dataset
 * imported and one snapshot taken by the release at d9b72d5, see the README beside it) is
 * restored and started with the current code. Its dataset must read exactly like the same
 * dataset imported by this release, its snapshot must stay comparable, and the next
 * import must continue above its generation.
 */
class StoreMigrationIT {

	private static final Path DUMP = Path.of("src/test/resources/stores/release-d9b72d5-small.dump");

	private static final Path SMALL = Path.of("src/test/resources/datasets/small");

	@TempDir
	Path dir;

	@Test
	void aStoreOfThePreviousReleaseOpensAndReadsLikeAFreshImport() throws Exception {
		Path fresh = this.dir.resolve("fresh");
		InProcessCli.Run imported = InProcessCli.run("import", SMALL.toString(), "--data-dir", fresh.toString());
		assertThat(imported.code()).as(imported.err()).isZero();
		GraphDigest expected;
		try (ConfigurableApplicationContext context = SpringRunner.persistent(DutychainApplication.class, fresh)) {
			expected = GraphDigest.of(context.getBean(Neo4jGraph.class));
		}

		Path old = this.dir.resolve("old");
		InProcessCli.Run restored = InProcessCli.run("restore", "--from", DUMP.toString(), "--data-dir",
				old.toString());
		assertThat(restored.code()).as(restored.err()).isZero();
		try (ConfigurableApplicationContext context = SpringRunner.persistent(DutychainApplication.class, old)) {
			Neo4jGraph graph = context.getBean(Neo4jGraph.class);
			assertThat(GraphDigest.of(graph)).isEqualTo(expected);

			Snapshots snapshots = context.getBean(Snapshots.class);
			List<SnapshotInfo> stored = snapshots.list();
			assertThat(stored).extracting(SnapshotInfo::label).contains("上一版本快照");
			SnapshotDiff diff = snapshots.diff(stored.get(0).id(),
					context.getBean(AnalysisService.class).audit(null, LocalDate.of(2024, 6, 30)));
			assertThat(diff.unchanged()).isNotEmpty();

			long before = ((Number) graph.read("MATCH (d:Dataset {active: true}) RETURN d.generation AS g", Map.of())
				.get(0)
				.get("g")).longValue();
			ImportResult again = context.getBean(DatasetImporter.class).importPath(SMALL);
			assertThat(again.generation()).isGreaterThan(before);
			assertThat(GraphDigest.of(graph)).isEqualTo(expected);
		}
	}

}
