package org.dutychain.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dutychain.DutychainApplication;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.ledger.Edits;
import org.dutychain.ledger.Ledger;
import org.dutychain.organization.Datasets;
import org.dutychain.report.SnapshotDiff;
import org.dutychain.report.SnapshotInfo;
import org.dutychain.report.Snapshots;
import org.dutychain.security.AuditLog;
import org.dutychain.support.GraphDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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

	/**
	 * The store of the release at 6b5f51e with system data: the small dataset, users
	 * {@code admin} (ADMIN) and {@code shenji} (AUDITOR, scope fgw), a snapshot by the
	 * command line and a scoped one by shenji, a new issue with a measure started, a new
	 * and an edited duty (five edits: revision 5), an audit log.
	 */
	private static final Path DUMP_WITH_SYSTEM_DATA = Path.of("src/test/resources/stores/release-6b5f51e-small.dump");

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

	@Test
	void usersEditsLedgerAndSnapshotsOfThePreviousReleaseSurviveTheUpgradeAndTheNextImport() throws Exception {
		Path old = this.dir.resolve("with-system-data");
		InProcessCli.Run restored = InProcessCli.run("restore", "--from", DUMP_WITH_SYSTEM_DATA.toString(),
				"--data-dir", old.toString());
		assertThat(restored.code()).as(restored.err()).isZero();
		try (ConfigurableApplicationContext context = SpringRunner.persistent(DutychainApplication.class, old)) {
			// passwords hashed by the previous release still sign in, with their roles
			AuthenticationProvider authentication = context.getBean(AuthenticationProvider.class);
			assertThat(authentication.authenticate(new UsernamePasswordAuthenticationToken("shenji", "auditor-pass-1"))
				.getAuthorities()).extracting(Object::toString).contains("ROLE_AUDITOR");
			assertThat(authentication.authenticate(new UsernamePasswordAuthenticationToken("admin", "admin-pass-123"))
				.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMIN");

			Datasets datasets = context.getBean(Datasets.class);
			assertThat(datasets.active().revision()).as("the edits counted").isEqualTo(5);
			Edits edits = context.getBean(Edits.class);
			assertThat(edits.changes("Duty", "d04", 10)).hasSize(1);
			assertThat(edits.changes(null, null, 50)).hasSizeGreaterThanOrEqualTo(4);
			Ledger ledger = context.getBean(Ledger.class);
			assertThat(ledger.issue("i-up")).containsEntry("title", "上一版本台账问题");
			assertThat(ledger.measure("m-up")).containsEntry("status", "IN_PROGRESS")
				.containsEntry("ownerPostId", "fgw.sj");
			assertThat(context.getBean(AuditLog.class).page(0, 100).total()).isPositive();

			Snapshots snapshots = context.getBean(Snapshots.class);
			assertThat(snapshots.list()).extracting(SnapshotInfo::label).contains("上一版本快照", "审计员快照");
			// the edited dataset audits, and the new issue is in it
			AuditDocument audit = context.getBean(AnalysisService.class).audit(null, LocalDate.of(2024, 12, 31));
			assertThat(audit.findings()).isNotEmpty();
			assertThat(snapshots.diff(snapshots.list().get(0).id(), audit).unchanged()).isNotEmpty();

			// the next import replaces the dataset and keeps the system data
			long before = datasets.active().generation();
			ImportResult again = context.getBean(DatasetImporter.class).importPath(SMALL);
			assertThat(again.generation()).isGreaterThan(before);
			assertThat(datasets.active().revision()).isZero();
			assertThat(edits.changes(null, null, 50)).hasSizeGreaterThanOrEqualTo(4);
			assertThat(snapshots.list()).hasSize(2);
			assertThat(authentication.authenticate(new UsernamePasswordAuthenticationToken("shenji", "auditor-pass-1"))
				.isAuthenticated()).isTrue();
		}
		InProcessCli.Run users = InProcessCli.run("user", "list", "--data-dir", old.toString());
		assertThat(users.code()).as(users.err()).isZero();
		assertThat(users.out()).contains("shenji", "AUDITOR", "fgw", "admin", "ADMIN");
	}

}
