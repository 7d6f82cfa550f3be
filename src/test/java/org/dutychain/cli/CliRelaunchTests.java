package org.dutychain.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the jar's {@code main} relaunches a command on the trained CDS layout
 * ({@link CliRelaunch}, {@link CdsArchive}): only a database command started with
 * {@code -jar}, only on a complete layout made from this very jar by this JVM, never with
 * JVM options that need the command in the first JVM. The packaged jar itself is covered
 * by {@code JarLaunchIT}.
 */
class CliRelaunchTests {

	private static final String HOME = "/usr/lib/jvm/java-17";

	private static final String VM = "17.0.15+6";

	@TempDir
	Path dir;

	private Path jar() throws IOException {
		Path jar = this.dir.resolve("dutychain-1.0.jar");
		if (!Files.exists(jar)) {
			Files.write(jar, new byte[] { 'P', 'K', 3, 4 });
		}
		return jar;
	}

	private Properties launchedWithJar() throws IOException {
		Properties p = new Properties();
		p.setProperty("java.class.path", jar().toString());
		p.setProperty("sun.java.command", jar() + " audit demo");
		p.setProperty("path.separator", ":");
		return p;
	}

	/** A complete layout beside the jar, stamped as made by {@code HOME}'s JVM. */
	private CdsArchive trained() throws IOException {
		CdsArchive layout = CdsArchive.of(jar());
		Files.createDirectories(layout.directory());
		Files.write(layout.extractedJar(), new byte[] { 'P', 'K', 3, 4 });
		Files.write(layout.archive(), new byte[] { 1, 2, 3 });
		try (var out = Files.newOutputStream(layout.stamp())) {
			layout.expected(HOME, VM).store(out, null);
		}
		return layout;
	}

	@Test
	void onlyDatabaseCommandsRelaunch() throws IOException {
		Properties system = launchedWithJar();
		assertThat(CliRelaunch.relaunchable(new String[] { "audit", "demo" }, system)).isTrue();
		assertThat(CliRelaunch.relaunchable(new String[] { "import", "demo", "--data", "d" }, system)).isTrue();
		for (String[] args : List.of(new String[0], new String[] { "serve" }, new String[] { "--server.port=9" },
				new String[] { "template", "out" }, new String[] { "generate", "--units", "9", "--out", "o" },
				new String[] { "help", "audit" }, new String[] { "--help" }, new String[] { "audit", "--help" },
				new String[] { "audit", "demo", "-h" }, new String[] { "--version" })) {
			assertThat(CliRelaunch.relaunchable(args, system)).as(String.join(" ", args)).isFalse();
		}
	}

	@Test
	void neverFromTheRelaunchedJvmNorWhenTurnedOffNorOutsideAJar() throws IOException {
		String[] audit = { "audit", "demo" };
		Properties child = launchedWithJar();
		child.setProperty(CliRelaunch.RELAUNCHED, "1");
		assertThat(CliRelaunch.relaunchable(audit, child)).isFalse();
		Properties off = launchedWithJar();
		off.setProperty("dutychain.cli.cds", "false");
		assertThat(CliRelaunch.relaunchable(audit, off)).isFalse();
		Properties classes = launchedWithJar(); // spring-boot:run, tests
		classes.setProperty("java.class.path", this.dir.toString());
		classes.setProperty("sun.java.command", "org.dutychain.DutychainApplication audit demo");
		assertThat(CliRelaunch.relaunchable(audit, classes)).isFalse();
		Properties two = launchedWithJar();
		two.setProperty("java.class.path", jar() + ":" + jar());
		assertThat(CliRelaunch.relaunchable(audit, two)).isFalse();
	}

	@Test
	void jvmOptionsThatKeepTheCommandInTheFirstJvm() {
		assertThat(CliRelaunch.ownsOptions(List.of())).isTrue();
		assertThat(CliRelaunch.ownsOptions(List.of("-Xmx2g", "-Dfoo=bar", "-XX:+UseSerialGC"))).isTrue();
		for (String option : List.of("-XX:SharedArchiveFile=a.jsa", "-XX:ArchiveClassesAtExit=a.jsa", "-Xshare:off",
				"-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:a.jar",
				"-XX:StartFlightRecording=filename=a.jfr", "-Ddutychain.cli.cds=false")) {
			assertThat(CliRelaunch.ownsOptions(List.of("-Xmx2g", option))).as(option).isFalse();
		}
		assertThat(CliRelaunch.optionsBeforeJar(List.of("-Xmx2g", "-jar", "x.jar", "audit", "-Xfoo")))
			.containsExactly("-Xmx2g");
		assertThat(CliRelaunch.optionsBeforeJar(List.of("-cp", "x", "Main"))).isNull();
	}

	@Test
	void aLayoutMatchesOnlyTheJarAndJvmItWasMadeFrom() throws IOException {
		CdsArchive layout = trained();
		assertThat(layout.directory()).isEqualTo(this.dir.resolve("dutychain-1.0-cds"));
		assertThat(layout.matches(HOME, VM)).isTrue();
		assertThat(layout.matches("/opt/other-jdk", VM)).as("another JDK").isFalse();
		assertThat(layout.matches(HOME, "17.0.16+8")).as("another JVM version").isFalse();
		Files.setLastModifiedTime(jar(), FileTime.fromMillis(Files.getLastModifiedTime(jar()).toMillis() + 2000));
		assertThat(layout.matches(HOME, VM)).as("the jar rebuilt or touched").isFalse();
	}

	@Test
	void aRebuiltJarOrAnIncompleteLayoutDoesNotMatch() throws IOException {
		CdsArchive layout = trained();
		FileTime modified = Files.getLastModifiedTime(jar());
		Files.write(jar(), new byte[] { 'P', 'K', 3, 4, 0 });
		Files.setLastModifiedTime(jar(), modified);
		assertThat(layout.matches(HOME, VM)).as("another size").isFalse();
		layout = trained();
		try (var out = Files.newOutputStream(layout.stamp())) {
			layout.expected(HOME, VM).store(out, null);
		}
		assertThat(layout.matches(HOME, VM)).isTrue();
		Files.delete(layout.archive());
		assertThat(layout.matches(HOME, VM)).as("no archive").isFalse();
		layout = trained();
		Files.delete(layout.stamp());
		assertThat(layout.matches(HOME, VM)).as("no stamp: training did not finish").isFalse();
		layout = trained();
		Files.writeString(layout.stamp(), "garbage \u0000");
		assertThat(layout.matches(HOME, VM)).isFalse();
		assertThat(CdsArchive.of(this.dir.resolve("other.jar")).matches(HOME, VM)).as("no jar").isFalse();
	}

	@Test
	void theChildRunsTheExtractedJarWithTheArchiveAndTheUsersOptions() throws IOException {
		CdsArchive layout = trained();
		List<String> command = CliRelaunch.command(layout, HOME, List.of("-Xmx2g", "-Xlog:gc"), 1234,
				new String[] { "audit", "demo", "--timings" });
		assertThat(command.get(0)).isEqualTo(Path.of(HOME, "bin", "java").toString());
		assertThat(command).contains("-XX:SharedArchiveFile=" + layout.archive(), "-Xshare:auto", "-Xmx2g",
				"-D" + CliRelaunch.RELAUNCHED + "=1234");
		// JVM warnings on stderr, the user's -Xlog after them (it wins)
		assertThat(command.indexOf("-Xlog:disable")).isLessThan(command.indexOf("-Xlog:gc"));
		assertThat(command.subList(command.size() - 5, command.size())).containsExactly("-jar",
				layout.extractedJar().toString(), "audit", "demo", "--timings");
	}

	@Test
	void aSmallDatasetRunsWithC1OnlyAndTheSerialCollectorFromTheStartALargerOneWithTheThroughputCollector()
			throws IOException {
		CdsArchive layout = trained();
		Path small = Files.createDirectories(this.dir.resolve("small"));
		Files.writeString(small.resolve("units.csv"), "id,name,kind,parent_id\n");
		Path large = Files.createDirectories(this.dir.resolve("large"));
		Files.writeString(large.resolve("units.csv"), "id,name,kind,parent_id\n");
		try (var out = Files.newOutputStream(large.resolve("duties.csv"))) {
			out.write(new byte[(int) CliRelaunch.SMALL_DATASET_BYTES]);
		}
		assertThat(CliRelaunch.smallDataset(new String[] { "audit", small.toString() })).isTrue();
		assertThat(CliRelaunch.smallDataset(new String[] { "audit", "--timings", small.toString() })).isTrue();
		assertThat(CliRelaunch.smallDataset(new String[] { "audit", large.toString() })).isFalse();
		assertThat(CliRelaunch.smallDataset(new String[] { "audit", "missing" })).isFalse();
		assertThat(CliRelaunch.smallDataset(new String[] { "digest", "--data-dir", this.dir.toString() })).isFalse();
		Path zip = Files.write(this.dir.resolve("small.zip"), new byte[] { 'P', 'K', 3, 4 });
		assertThat(CliRelaunch.smallDataset(new String[] { "audit", zip.toString() })).isTrue();
		assertThat(CliRelaunch.command(layout, HOME, List.of(), 1, new String[] { "audit", small.toString() }))
			.contains(CliRelaunch.C1_ONLY, CliRelaunch.SERIAL_GC);
		assertThat(CliRelaunch.command(layout, HOME, List.of(), 1, new String[] { "audit", large.toString() }))
			.as("a larger dataset: C2 and the throughput collector")
			.doesNotContain(CliRelaunch.C1_ONLY, CliRelaunch.SERIAL_GC)
			.contains(CliRelaunch.THROUGHPUT_GC);
		assertThat(CliRelaunch.command(layout, HOME, List.of("-XX:+UseG1GC"), 1,
				new String[] { "audit", large.toString() }))
			.as("the user's collector only")
			.doesNotContain(CliRelaunch.THROUGHPUT_GC);
		assertThat(CliRelaunch.command(layout, HOME, List.of("-Ddutychain.cli.c2=true"), 1,
				new String[] { "audit", small.toString() }))
			.doesNotContain(CliRelaunch.C1_ONLY)
			.contains(CliRelaunch.SERIAL_GC);
		assertThat(CliRelaunch.command(layout, HOME, List.of("-XX:+UseG1GC"), 1,
				new String[] { "audit", small.toString() }))
			.as("the user's collector only")
			.doesNotContain(CliRelaunch.SERIAL_GC);
	}

	@Test
	void aJvmStartedDirectlyHasNoRelaunchPhase() {
		assertThat(System.getProperty(CliRelaunch.RELAUNCHED)).isNull();
		assertThat(CliRelaunch.relaunchMillis(System.currentTimeMillis())).isEqualTo(-1);
	}

}
