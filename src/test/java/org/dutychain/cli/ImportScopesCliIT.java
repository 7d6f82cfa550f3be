package org.dutychain.cli;

import java.nio.file.Path;

import org.dutychain.DutychainApplication;
import org.dutychain.security.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.dutychain.support.InProcessCli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import} into a store with users (issue 9): when a user's scope unit is not in
 * the new dataset, nothing is imported (exit 2, the list on stderr) unless
 * {@code --confirm-scopes}, and the confirmed import is in the audit log with the list.
 */
class ImportScopesCliIT {

	private static final Path SMALL = Path.of("src/test/resources/datasets/small");

	private static final Path TINY = Path.of("src/test/resources/datasets/cli-tiny");

	@TempDir
	Path dir;

	@Test
	void anImportThatDropsAScopeUnitNeedsConfirmScopes() {
		String store = this.dir.resolve("store").toString();
		assertThat(InProcessCli.run("import", SMALL.toString(), "--data-dir", store).code()).isZero();
		InProcessCli.Run user = InProcessCli.run("user", "add", "shenji", "--role", "AUDITOR", "--scope", "jyt,xz",
				"--data-dir", store);
		assertThat(user.code()).as(user.err()).isZero();

		InProcessCli.Run refused = InProcessCli.run("import", TINY.toString(), "--data-dir", store);
		assertThat(refused.code()).as(refused.err()).isEqualTo(ExitCodes.INVALID);
		assertThat(refused.err()).contains("SCOPES_WOULD_CHANGE", "shenji：jyt（省教育厅党组）在新数据中不存在",
				"shenji: xz (青山镇党委) is not in the new dataset", "--confirm-scopes");
		assertThat(refused.out()).doesNotContain("Imported");

		InProcessCli.Run confirmed = InProcessCli.run("import", TINY.toString(), "--data-dir", store,
				"--confirm-scopes");
		assertThat(confirmed.code()).as(confirmed.err()).isZero();
		assertThat(confirmed.out()).contains("Imported");
		try (ConfigurableApplicationContext context = SpringRunner.persistent(DutychainApplication.class,
				Path.of(store))) {
			AuditLog.Entry last = context.getBean(AuditLog.class).page(0, 1).entries().get(0);
			assertThat(last.action()).isEqualTo(AuditLog.IMPORT);
			assertThat(last.username()).isEqualTo("cli");
			assertThat(last.target()).isEqualTo("cli-tiny");
			assertThat(last.detail()).contains(
					"confirmed scope changes: shenji: jyt (省教育厅党组) is not in the new dataset", "shenji: xz (青山镇党委)");
		}
	}

}
