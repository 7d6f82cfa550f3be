package org.dutychain.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.dutychain.DutychainApplication;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.support.GraphDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.dutychain.support.InProcessCli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup} and {@code restore} as a user runs them (issue 9): back up a store,
 * change it, restore the backup, and the graph is the backed-up one by digest; a store in
 * use is reported as busy (exit 4), not as a failure.
 */
class BackupRestoreIT {

	private static final Path SMALL = Path.of("src/test/resources/datasets/small");

	private static final Path TINY = Path.of("src/test/resources/datasets/cli-tiny");

	@TempDir
	Path dir;

	private static GraphDigest digest(Path store) {
		try (ConfigurableApplicationContext context = SpringRunner.persistent(DutychainApplication.class, store)) {
			return GraphDigest.of(context.getBean(Neo4jGraph.class));
		}
	}

	@Test
	void backupChangeRestoreGivesTheBackedUpGraph() throws Exception {
		Path store = this.dir.resolve("store");
		Path dump = this.dir.resolve("backups/dutychain.dump");
		InProcessCli.Run imported = InProcessCli.run("import", SMALL.toString(), "--data-dir", store.toString());
		assertThat(imported.code()).as(imported.err()).isZero();
		GraphDigest before = digest(store);

		InProcessCli.Run backup = InProcessCli.run("backup", "--data-dir", store.toString(), "--to", dump.toString());
		assertThat(backup.code()).as(backup.err()).isZero();
		assertThat(dump).isRegularFile();
		assertThat(Files.size(dump)).isPositive();

		InProcessCli.Run changed = InProcessCli.run("import", TINY.toString(), "--data-dir", store.toString());
		assertThat(changed.code()).as(changed.err()).isZero();
		assertThat(digest(store)).isNotEqualTo(before);

		InProcessCli.Run restore = InProcessCli.run("restore", "--from", dump.toString(), "--data-dir",
				store.toString());
		assertThat(restore.code()).as(restore.err()).isZero();
		assertThat(digest(store)).isEqualTo(before);

		Path fresh = this.dir.resolve("fresh");
		InProcessCli.Run elsewhere = InProcessCli.run("restore", "--from", dump.toString(), "--data-dir",
				fresh.toString());
		assertThat(elsewhere.code()).as(elsewhere.err()).isZero();
		assertThat(digest(fresh)).isEqualTo(before);
	}

	@Test
	void aStoreInUseIsBusy() throws Exception {
		Path store = this.dir.resolve("busy");
		assertThat(InProcessCli.run("import", TINY.toString(), "--data-dir", store.toString()).code()).isZero();
		try (ConfigurableApplicationContext running = SpringRunner.persistent(DutychainApplication.class, store)) {
			InProcessCli.Run backup = InProcessCli.run("backup", "--data-dir", store.toString(), "--to",
					this.dir.resolve("x.dump").toString());
			assertThat(backup.code()).as(backup.err()).isEqualTo(ExitCodes.BUSY);
			InProcessCli.Run other = InProcessCli.run("import", TINY.toString(), "--data-dir", store.toString());
			assertThat(other.code()).as(other.err()).isEqualTo(ExitCodes.BUSY);
		}
		assertThat(InProcessCli
			.run("backup", "--data-dir", store.toString(), "--to", this.dir.resolve("y.dump").toString())
			.code()).isZero();
	}

	@Test
	void helpExitsZeroAndListsTheExitCodes() {
		InProcessCli.Run help = InProcessCli.run("--help");
		assertThat(help.code()).isZero();
		assertThat(help.out()).contains("backup", "restore", "4", "database busy");
		assertThat(InProcessCli.run("backup", "--help").code()).isZero();
	}

}
