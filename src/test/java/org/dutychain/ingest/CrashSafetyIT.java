package org.dutychain.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.support.ChildJvm;
import org.dutychain.support.GraphDigest;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports survive {@code kill -9} (issue 9, reliability). A separate JVM imports the
 * small dataset into a persistent store; a second one imports a generated province into
 * the same store and gets SIGKILL as soon as it reports a third of the rows written (its
 * progress lines, not a timer); a third JVM starts the server on the store: it starts
 * cleanly, serves its login page, has removed the partial generation at start, and holds
 * exactly the old dataset (or, had the import finished, exactly the new one) by graph
 * digest.
 */
@GraphIT
class CrashSafetyIT {

	/** Units of the generated province: enough rows that writing takes seconds. */
	private static final int UNITS = 3000;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	CypherFiles cypher;

	@Autowired
	GraphFixtures fixtures;

	@TempDir
	Path dir;

	@Test
	void aKilledImportLeavesTheOldOrTheNewDatasetAndIsCleanedUpAtStart() throws Exception {
		Path store = this.dir.resolve("store");
		Path province = Files.createDirectories(this.dir.resolve("province"));
		DatasetGenerator.standalone().generate(UNITS, 7L, 0.05, province);
		Path old = TestDatasets.small();

		Run first = run("import", store, old, false);
		assertThat(first.exit()).as(first.log()).isZero();
		assertThat(first.log()).contains("IMPORTED ");

		Run killed = run("import", store, province, true);
		assertThat(killed.killed()).as("killed while writing; log:%n%s", killed.log()).isTrue();
		assertThat(killed.log()).as("killed before the import finished").doesNotContain("IMPORTED ");

		Run after = run("serve", store, null, false);
		assertThat(after.exit()).as("starts cleanly after the kill:%n%s", after.log()).isZero();
		assertThat(after.log()).contains("HTTP 200")
			.contains("INACTIVE 0")
			.contains("Removing ")
			.doesNotContain(" ERROR ")
			.doesNotContain("Exception");
		String digest = after.log().lines().filter((l) -> l.startsWith("DIGEST ")).findFirst().orElseThrow();

		this.fixtures.wipe();
		new GraphDatasetImporter(this.graph, this.cypher).importPath(old);
		String expectedOld = line(GraphDigest.of(this.graph));
		if (!digest.equals(expectedOld)) {
			this.fixtures.wipe();
			new GraphDatasetImporter(this.graph, this.cypher).importPath(province);
			assertThat(digest).as("the old or the new dataset exactly").isEqualTo(line(GraphDigest.of(this.graph)));
		}
	}

	private static String line(GraphDigest digest) {
		return "DIGEST " + digest.sha256() + " " + digest.lines();
	}

	record Run(int exit, boolean killed, String log) {
	}

	/**
	 * Runs {@link CrashSafetyMain} in a new JVM; with {@code kill}, sends SIGKILL as soon
	 * as it reports a third of the rows written.
	 */
	private Run run(String command, Path store, Path dataset, boolean kill) throws Exception {
		Process p = (dataset != null)
				? ChildJvm.start(CrashSafetyMain.class, "768m", command, store.toString(), dataset.toString())
				: ChildJvm.start(CrashSafetyMain.class, "768m", command, store.toString());
		StringBuilder all = new StringBuilder();
		boolean killed = false;
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = in.readLine()) != null) {
				all.append(line).append('\n');
				if (kill && !killed && line.startsWith("WRITING ")) {
					String[] parts = line.split(" ");
					long done = Long.parseLong(parts[1]);
					long total = Long.parseLong(parts[2]);
					if (done * 3 >= total) {
						// SIGKILL on Unix: no shutdown hook, no finally block runs
						p.destroyForcibly();
						killed = true;
					}
				}
			}
		}
		catch (IOException closed) {
			// the process was killed: its output stream is closed
		}
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly().waitFor();
		}
		String log = all.toString();
		Files.writeString(Files.createTempFile(this.dir, command, ".log"), log);
		return new Run(p.exitValue(), killed, log);
	}

}
