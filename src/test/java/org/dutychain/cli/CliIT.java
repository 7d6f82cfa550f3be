package org.dutychain.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.DutychainApplication;
import org.dutychain.support.InProcessCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dutychain.support.InProcessCli.run;

/**
 * The command line as a user runs it: {@link DutychainCli#run} with arguments, stdout and
 * stderr captured. Datasets: {@code src/test/resources/datasets/cli-tiny} (valid; the
 * party group's secretary post is vacant, a HIGH finding) and {@code cli-invalid} (a unit
 * kind that does not exist and a parent that does not exist).
 */
class CliIT {

	private static final Path TINY = Path.of("src/test/resources/datasets/cli-tiny");

	private static final Path INVALID = Path.of("src/test/resources/datasets/cli-invalid");

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void auditPrintsOnlyTheAuditDocumentOnStdoutAndExitsOneOnHighFindings() throws Exception {
		Run run = run("audit", TINY.toString(), "--format", "json");
		JsonNode audit = this.json.readTree(run.out());
		assertThat(audit.path("dataset").asText()).as(run.err()).isEqualTo("CLI tiny");
		assertThat(audit.path("asOf").asText()).isEqualTo("2025-06-30");
		assertThat(audit.has("scope")).isTrue();
		assertThat(audit.path("analyses").isArray()).isTrue();
		assertThat(audit.path("levels").isArray()).isTrue();
		List<String> keys = new ArrayList<>();
		audit.path("findings").forEach((f) -> keys.add(f.path("key").asText()));
		assertThat(keys).contains("post-vacancy/POST_VACANT/cz/cz.sj");
		assertThat(run.code()).isEqualTo(DutychainCli.HIGH_FINDINGS);
		// stdout is one JSON document and nothing else: it parses completely and starts
		// with the object itself.
		assertThat(run.out().strip()).startsWith("{").endsWith("}");
		assertThat(this.json.readTree(run.out()).equals(audit)).isTrue();
		try (var parser = this.json.getFactory().createParser(run.out())) {
			this.json.readTree(parser);
			assertThat(parser.nextToken()).as("nothing after the document").isNull();
		}
	}

	@Test
	void auditOfAnInvalidDatasetExitsTwoWithOneLinePerProblemOnStderr() {
		Run run = run("audit", INVALID.toString());
		assertThat(run.code()).as(run.err()).isEqualTo(DutychainCli.INVALID);
		assertThat(run.out()).isEmpty();
		assertThat(run.errLines()).anyMatch((l) -> l.matches(".*units\\.csv:3:kind: [A-Z_]+ .+"))
			.anyMatch((l) -> l.matches(".*units\\.csv:4:parent_id: [A-Z_]+ .+"));
	}

	@Test
	void auditOfAMissingFolderExitsTwoWithoutStartingAnything(@TempDir Path dir) {
		Run run = run("audit", dir.resolve("nowhere").toString());
		assertThat(run.code()).isEqualTo(DutychainCli.INVALID);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("nowhere").contains("MISSING_FILE");
	}

	@Test
	void helpExitsZeroForEveryCommand() {
		for (String command : List.of("serve", "import", "audit", "accountable", "generate", "template", "snapshot")) {
			Run own = run(command, "--help");
			assertThat(own.code()).as(command + " --help: " + own.err()).isZero();
			assertThat(own.out()).as(command).contains("Usage:");
			Run help = run("help", command);
			assertThat(help.code()).as("help " + command).isZero();
			assertThat(help.out()).contains("Usage:");
		}
	}

	@Test
	void anInvalidDatasetIsRejectedBeforeTheDatabaseStarts() {
		Run run = run("audit", INVALID.toString(), "--timings");
		assertThat(run.code()).isEqualTo(DutychainCli.INVALID);
		assertThat(run.err()).contains("timings (ms): jvm=").contains(" validate=").doesNotContain("db-start");
	}

	@Test
	void theConfiguredImportLimitsReachValidation() {
		// before the fix the command line validated within the defaults whatever was set
		System.setProperty("dutychain.import.limits.decompressed", "100B");
		try {
			Run run = run("audit", TINY.toString(), "--timings");
			assertThat(run.code()).as(run.err()).isEqualTo(DutychainCli.INVALID);
			assertThat(run.err()).contains("TOO_LARGE")
				.contains("dutychain.import.limits.decompressed")
				.contains("nothing was imported")
				.doesNotContain("db-start");
		}
		finally {
			System.clearProperty("dutychain.import.limits.decompressed");
		}
	}

	@Test
	void aDatabaseFolderInUseEndsInOneLineAndExitCodeFour(@TempDir Path dir) {
		String dataDir = dir.resolve("db").toString();
		try (var server = SpringRunner.persistent(DutychainApplication.class, dir.resolve("db"))) {
			Run run = run("snapshot", "list", "--data-dir", dataDir);
			assertThat(run.code()).as(run.err()).isEqualTo(DutychainCli.BUSY);
			assertThat(run.out()).isEmpty();
			assertThat(run.errLines()).filteredOn((l) -> l.startsWith("snapshot:")).hasSize(1);
			assertThat(run.err()).contains("in use").doesNotContain("\tat org.");
		}
	}

	@Test
	void helpListsEveryCommand() {
		Run run = run("--help");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("serve", "import", "audit", "accountable", "generate", "template", "snapshot");
	}

	@Test
	void accountableAnswersFromItsThrowAwayDatabase() throws Exception {
		// the throw-away database is filled by the bulk importer, however small the
		// dataset
		Run run = run("accountable", TINY.toString(), "--unit", "cz-z1", "--domain", "ORGANIZATION", "--format", "json",
				"--timings");
		assertThat(run.code()).as(run.err()).isEqualTo(DutychainCli.OK);
		assertThat(run.err()).containsPattern("phase load: \\d+ ms \\(of db-start\\)");
		JsonNode chain = this.json.readTree(run.out());
		assertThat(chain.path("unitId").asText()).isEqualTo("cz-z1");
		assertThat(chain.path("domain").asText()).isEqualTo("ORGANIZATION");
		List<String> posts = new ArrayList<>();
		chain.path("entries").forEach((e) -> posts.add(e.path("postId").asText()));
		assertThat(posts).contains("cz-z1.sj", "cz.sj");
	}

	@Test
	void badUsageExitsTwo() {
		assertThat(run("frobnicate").code()).isEqualTo(DutychainCli.INVALID);
		Run noTarget = run("accountable", TINY.toString());
		assertThat(noTarget.code()).isEqualTo(DutychainCli.INVALID);
		assertThat(noTarget.err()).contains("--unit").contains("--issue");
		Run badDomain = run("accountable", TINY.toString(), "--unit", "cz", "--domain", "GARDENING");
		assertThat(badDomain.code()).isEqualTo(DutychainCli.INVALID);
		assertThat(badDomain.err()).contains("GARDENING");
		assertThat(run("audit", TINY.toString(), "--as-of", "yesterday").code()).isEqualTo(DutychainCli.INVALID);
	}

	@Test
	void snapshotsOfThePersistentDatabaseAreCreatedListedAndDiffed(@TempDir Path dir) throws Exception {
		String dataDir = dir.resolve("db").toString();
		assertThat(run("import", TINY.toString(), "--data-dir", dataDir).code()).isZero();
		Run created = run("snapshot", "create", "--label", "巡察前", "--data-dir", dataDir);
		assertThat(created.code()).as(created.err()).isZero();
		String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.out()).get("id").asText();
		Run listed = run("snapshot", "list", "--data-dir", dataDir);
		assertThat(listed.code()).isZero();
		assertThat(listed.out()).contains(id).contains("巡察前");
		Run diff = run("snapshot", "diff", id, id, "--data-dir", dataDir);
		assertThat(diff.code()).isZero();
		com.fasterxml.jackson.databind.JsonNode d = new com.fasterxml.jackson.databind.ObjectMapper()
			.readTree(diff.out());
		assertThat(d.get("added")).isEmpty();
		assertThat(d.get("resolved")).isEmpty();
		assertThat(run("snapshot", "diff", id, "no-such-snapshot", "--data-dir", dataDir).code())
			.isEqualTo(DutychainCli.INVALID);
	}

	@Test
	void templateWritesTheWorkbook(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("template.xlsx");
		Run run = run("template", "--out", file.toString());
		assertThat(run.out()).isEmpty();
		assertThat(run.code()).as(run.err()).isZero();
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				Files.newInputStream(file))) {
			assertThat(workbook.getSheet("units")).isNotNull();
			assertThat(workbook.getSheet("units").getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
		}
	}

}
