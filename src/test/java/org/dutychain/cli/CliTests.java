package org.dutychain.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.dutychain.accountability.AccountabilityChain;
import org.dutychain.accountability.AccountabilityEntry;
import org.dutychain.people.ResponsibilityKind;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** Command-line parsing and output formatting, without starting the application. */
class CliTests {

	private static CommandLine.ParseResult parse(String... args) {
		return new CommandLine(new DutychainCli.Root(Object.class)).parseArgs(args);
	}

	@Test
	void auditOptionsAreTypedAndDefaultToJson() {
		AuditCommand audit = (AuditCommand) parse("audit", "data/x", "--as-of", "2025-06-30", "--scope", "wc")
			.subcommand()
			.commandSpec()
			.userObject();
		assertThat(audit.dataset).isEqualTo(Path.of("data/x"));
		assertThat(audit.asOf).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(audit.scope).isEqualTo("wc");
		assertThat(audit.format).isEqualTo(AuditCommand.Format.json);
		assertThat(audit.out).isNull();
		AuditCommand pdf = (AuditCommand) parse("audit", "d", "--format", "pdf", "--out", "r.pdf").subcommand()
			.commandSpec()
			.userObject();
		assertThat(pdf.format).isEqualTo(AuditCommand.Format.pdf);
		assertThat(pdf.out).isEqualTo(Path.of("r.pdf"));
	}

	@Test
	void accountableTakesEitherUnitAndDomainOrAnIssue() {
		AccountableCommand byUnit = (AccountableCommand) parse("accountable", "d", "--unit", "cz", "--domain", "党员教育")
			.subcommand()
			.commandSpec()
			.userObject();
		assertThat(byUnit.target.unitDomain.unit).isEqualTo("cz");
		assertThat(byUnit.target.issue).isNull();
		AccountableCommand byIssue = (AccountableCommand) parse("accountable", "d", "--issue", "i001").subcommand()
			.commandSpec()
			.userObject();
		assertThat(byIssue.target.issue).isEqualTo("i001");
		assertThat(new CommandLine(new DutychainCli.Root(Object.class))
			.setErr(new java.io.PrintWriter(new java.io.StringWriter()))
			.execute("accountable", "d", "--issue", "i001", "--unit", "cz", "--domain", "THEORY")).isEqualTo(2);
	}

	@Test
	void generateNeedsUnitsAndOutAndHasDefaults() {
		GenerateCommand generate = (GenerateCommand) parse("generate", "--units", "600", "--out", "o").subcommand()
			.commandSpec()
			.userObject();
		assertThat(generate.units).isEqualTo(600);
		assertThat(generate.seed).isEqualTo(1);
		assertThat(generate.plantRate).isEqualTo(0.05);
	}

	@Test
	void chainTableShowsOneLinePerEntryAndMarksVacancies() {
		AccountabilityChain chain = new AccountabilityChain(null, "C", "ORGANIZATION", LocalDate.of(2025, 6, 30),
				List.of(new AccountabilityEntry(1, ResponsibilityKind.PRINCIPAL, "C", "预算处党支部", 0, null, "C.sj", "支部书记",
						"p2", "李四", "UNIT_PRINCIPAL", "本单位主体责任", "Principal", false),
						new AccountabilityEntry(2, ResponsibilityKind.DIRECT, "A", "财政厅党组", 1, "PRIMARY", "A.zz",
								"分管组织", null, null, "LEADER_DOMAIN_IN_CHARGE", "上级分管", "In charge above", true)));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		AccountableCommand.table(chain, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
		assertThat(lines).hasSize(5);
		assertThat(lines.get(0)).contains("预算处党支部（C）").contains("基层组织建设").doesNotContain("ORGANIZATION");
		assertThat(lines.get(2)).isEqualTo("1\t主体责任\t预算处党支部（C）\t支部书记\t李四（p2）\t本单位主体责任");
		assertThat(lines.get(3)).contains("（无人任职）").doesNotContain("LEADER_DOMAIN_IN_CHARGE");
		assertThat(lines.get(4)).isEqualTo("共 2 个责任环节，其中 1 处无人任职");
	}

	@Test
	void auditTextUsesChineseLabelsAndNames() {
		org.dutychain.analysis.Finding finding = new org.dutychain.analysis.Finding("list-coverage", "NO_TEAM_LIST",
				org.dutychain.analysis.Severity.HIGH, "C", 3, null, null, null, null, null,
				new org.dutychain.analysis.Message("预算处党支部设有2个岗位，但没有领导班子责任清单", "en"),
				new org.dutychain.analysis.Evidence(List.of("C"), List.of()), java.util.Map.of());
		org.dutychain.analysis.AuditDocument audit = new org.dutychain.analysis.AuditDocument("示范",
				LocalDate.of(2025, 6, 30), null, List.of(),
				List.of(new org.dutychain.analysis.AuditDocument.LevelSummary(3, 10, java.util.Map.of("POLITICAL", 0.9),
						0.8, 0.7, 0.1)),
				List.of(finding));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		AuditCommand.text(audit, java.util.Map.of("NO_TEAM_LIST", "无班子责任清单"), java.util.Map.of("C", "预算处党支部"), bytes);
		String text = bytes.toString(StandardCharsets.UTF_8);
		assertThat(text).contains("第3级：10 个单位")
			.contains("清单覆盖最低 90%")
			.contains("高\t无班子责任清单\t第3级\t预算处党支部（C）\t")
			.contains("共 1 项发现（高 1，中 0，低 0）");
		assertThat(java.util.regex.Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b").matcher(text).find()).isFalse();
	}

	@Test
	void serveIsTheDefaultAndTakesSpringArguments() {
		assertThat(DutychainCli.isServe(new String[0])).isTrue();
		assertThat(DutychainCli.isServe(new String[] { "serve", "--server.port=9090" })).isTrue();
		assertThat(DutychainCli.isServe(new String[] { "--spring.neo4j.uri=neo4j://db:7687" })).isTrue();
		assertThat(DutychainCli.isServe(new String[] { "--help" })).isFalse();
		assertThat(DutychainCli.isServe(new String[] { "audit", "x" })).isFalse();
	}

	@Test
	void ordinaryConflictsMapToBusyAndEverythingElseToAnInternalFailure() {
		PrintStream none = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		RuntimeException locked = new IllegalStateException("Failed to start Neo4j",
				new RuntimeException("Lock file has been locked by another process: /d/store_lock"));
		assertThat(ExitCodes.report("snapshot", locked, none)).isEqualTo(ExitCodes.BUSY);
		assertThat(ExitCodes.report("serve", new RuntimeException(new java.net.BindException("Address in use")), none))
			.isEqualTo(ExitCodes.BUSY);
		assertThat(ExitCodes.report("audit", new IllegalStateException("x", new OutOfMemoryError("Java heap")), none))
			.isEqualTo(ExitCodes.FAILED);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		ExitCodes.report("audit", new IllegalArgumentException("broken\nsecond line"),
				new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertThat(bytes.toString(StandardCharsets.UTF_8))
			.isEqualTo("audit: internal failure: IllegalArgumentException: broken" + System.lineSeparator());
	}

	@Test
	void theProgressLineShowsPhasePercentAndRows() {
		assertThat(ProgressBar.line("write", 50, 200)).startsWith("write    [#######").contains(" 25% 50/200");
		assertThat(ProgressBar.line("audit", 11, 11)).contains("100% 11/11");
		assertThat(ProgressBar.line("validate", 1234, 0)).isEqualTo("validate 1,234");
	}

	@Test
	void theBarFollowsStderrNotStdout(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		// what /proc/self/fd/2 points at: a terminal, a redirected file, a pipe
		Path terminal = java.nio.file.Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"));
		Path console = java.nio.file.Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"));
		Path file = java.nio.file.Files.createSymbolicLink(dir.resolve("file"), dir.resolve("findings.json"));
		Path pipe = java.nio.file.Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[4711]"));
		Path devNull = java.nio.file.Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"));
		assertThat(ProgressBar.isTerminal(terminal)).isTrue();
		assertThat(ProgressBar.isTerminal(console)).isTrue();
		assertThat(ProgressBar.isTerminal(file)).isFalse();
		assertThat(ProgressBar.isTerminal(pipe)).isFalse();
		assertThat(ProgressBar.isTerminal(devNull)).isFalse();
		// forced (--progress): a bar whatever stderr is
		assertThat(ProgressBar.on(System.err, true)).isInstanceOf(ProgressBar.class);
	}

}
