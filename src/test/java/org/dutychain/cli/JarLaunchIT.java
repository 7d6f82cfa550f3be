package org.dutychain.cli;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, launched bare ({@code java -jar}, no -D or --add-opens flags): the
 * manifest's Add-Opens and the Netty property set in main() must be enough for embedded
 * Neo4j and the driver. Serves the page with the demo province loaded, and runs the CLI,
 * also relaunched on the CDS layout {@code ./mvnw package} trains beside the jar
 * ({@link CdsArchive}) and with a stale or broken layout.
 */
class JarLaunchIT {

	@TempDir
	Path dir;

	static Path jar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((p) -> p.getFileName().toString().matches("dutychain-.*\\.jar"))
				.findFirst()
				.orElse(null);
		}
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	@Test
	void bareJarServesThePageWithTheDemoProvince() throws Exception {
		Path jar = jar();
		assertThat(jar).as("the jar is built by `./mvnw verify` (package runs before integration tests)").isNotNull();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		File log = this.dir.resolve("app.log").toFile();
		Process app = new ProcessBuilder(java(), "-jar", jar.toString(), "--server.port=" + port,
				"--dutychain.ephemeral=true", "--dutychain.demo-units=150", "--dutychain.page-cache=64m")
			.redirectErrorStream(true)
			.redirectOutput(log)
			.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			String admin = adminPassword(log.toPath(), app);
			String authorization = "Basic "
					+ java.util.Base64.getEncoder().encodeToString(("admin:" + admin).getBytes(StandardCharsets.UTF_8));
			String dataset = null;
			for (int i = 0; i < 240 && app.isAlive() && dataset == null; i++) {
				try {
					HttpResponse<String> r = http
						.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dataset"))
							.header("Authorization", authorization)
							.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
					if (r.statusCode() == 200 && r.body().contains("\"name\"") && !r.body().contains("\"name\":null")) {
						dataset = r.body();
					}
				}
				catch (IOException notYet) {
					// still starting
				}
				if (dataset == null) {
					TimeUnit.MILLISECONDS.sleep(500);
				}
			}
			assertThat(dataset).as("demo dataset served; log:%n%s", Files.readString(log.toPath())).isNotNull();
			HttpResponse<String> anonymous = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dataset")).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(anonymous.statusCode()).as("no credentials, no data").isEqualTo(401);
			HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
				.header("Authorization", authorization)
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("党建责任链分析");
			assertThat(Files.readString(log.toPath())).doesNotContain("InaccessibleObjectException");
		}
		finally {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	/**
	 * The first start without DUTYCHAIN_ADMIN_PASSWORD logs a generated admin password
	 * once; waits for that line.
	 */
	static String adminPassword(Path log, Process app) throws Exception {
		java.util.regex.Pattern line = java.util.regex.Pattern
			.compile("created user 'admin' with the generated password (\\S+)");
		for (int i = 0; i < 1200 && app.isAlive(); i++) {
			java.util.regex.Matcher m = line.matcher(Files.readString(log));
			if (m.find()) {
				return m.group(1);
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		throw new AssertionError("no generated admin password in the log:\n" + Files.readString(log));
	}

	@Test
	void bareJarRunsTheCliAndReportsAnInvalidDatasetWithExitCodeTwo() throws Exception {
		Path jar = jar();
		assertThat(jar).as("the jar is built by `./mvnw verify`").isNotNull();
		Path bad = Files.createDirectories(this.dir.resolve("bad"));
		Files.writeString(bad.resolve("units.csv"),
				"id,name,kind,parent_id\nU-1,省直机关工委,ORGAN_WORK_COMMITTEE,\nU-2,某支部,NOT_A_KIND,U-404\n",
				StandardCharsets.UTF_8);
		List<String> command = new ArrayList<>(
				List.of(java(), "-jar", jar.toString(), "audit", bad.toString(), "--format", "json"));
		Process cli = new ProcessBuilder(command).start();
		String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(cli.waitFor(180, TimeUnit.SECONDS)).isTrue();
		assertThat(cli.exitValue()).as("stderr:%n%s", err).isEqualTo(2);
		assertThat(err).contains("units.csv:3:kind: UNKNOWN_ENUM")
			.contains("units.csv:3:parent_id: DANGLING_REFERENCE")
			.doesNotContain(DATABASE_STARTED);
		assertThat(out).isBlank();
	}

	/** What the embedded database logs when it has started (stderr of a command). */
	static final String DATABASE_STARTED = "Embedded Neo4j started";

	/**
	 * {@code template}, {@code --help} and a command's help never start the database
	 * (issue 10): each answers without the line the database logs when it starts, which
	 * the audit below does log.
	 */
	@Test
	void templateAndHelpNeverStartTheDatabase() throws Exception {
		Path jar = jar();
		assertThat(jar).as("the jar is built by `./mvnw verify`").isNotNull();
		Path workbook = this.dir.resolve("template.xlsx");
		for (List<String> args : List.of(List.of("template", "--out", workbook.toString()), List.of("--help"),
				List.of("audit", "--help"), List.of("import", "--help"))) {
			List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
			command.addAll(args);
			Process cli = new ProcessBuilder(command).redirectError(this.dir.resolve("help-err.txt").toFile()).start();
			String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
			String err = Files.readString(this.dir.resolve("help-err.txt"));
			assertThat(cli.exitValue()).as("%s: stderr:%n%s", args, err).isZero();
			assertThat(err).as(args.toString()).doesNotContain(DATABASE_STARTED);
			if (args.contains("--help")) {
				assertThat(out).as(args.toString()).contains("Usage:");
			}
		}
		assertThat(workbook).isNotEmptyFile();
	}

	/**
	 * The README's command: the bare jar audits a small dataset in a throw-away database
	 * that Neo4j's bulk importer fills, however small the dataset
	 * ({@link SpringRunner#THROWAWAY_BULK_THRESHOLD}), prints only the JSON on stdout
	 * and, for a dataset this small, runs without the JIT's C2
	 * ({@link ShortRunCompiler}), which {@code --timings} reports.
	 */
	@Test
	void bareJarAuditsASmallDatasetWithC1OnlyAndPrintsTheJson() throws Exception {
		Path jar = jar();
		assertThat(jar).as("the jar is built by `./mvnw verify`").isNotNull();
		Path tiny = Path.of("src/test/resources/datasets/cli-tiny").toAbsolutePath();
		Process cli = new ProcessBuilder(java(), "-jar", jar.toString(), "audit", tiny.toString(), "--timings")
			.redirectError(this.dir.resolve("err.txt").toFile())
			.start();
		String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(cli.waitFor(300, TimeUnit.SECONDS)).isTrue();
		String err = Files.readString(this.dir.resolve("err.txt"));
		assertThat(cli.exitValue()).as("stderr:%n%s", err).isEqualTo(1); // cli-tiny has
																			// HIGH
																			// findings
		assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(out).path("dataset").asText())
			.isEqualTo("CLI tiny");
		assertThat(err)
			.containsPattern(
					"timings \\(ms\\): (relaunch=\\d+ )?jvm=\\d+ validate=\\d+ db-start=\\d+ load=\\d+ audit=\\d+")
			.contains("(JIT: C1 only, small dataset)")
			// each phase as it ends, and the analyses' times below the phases
			.containsPattern("phase validate: \\d+ ms")
			// the bulk importer loaded the store before the database started
			.containsPattern("phase load: \\d+ ms \\(of db-start\\)")
			.containsPattern("importer \\(ms\\): node-import=\\d+")
			.containsPattern("audit \\(ms\\): shared .*; [a-z-]+=\\d+");
		// `./mvnw package` trained the CDS layout beside the jar: the command ran on it
		boolean trained = CdsArchive.of(jar)
			.matches(System.getProperty("java.home"), System.getProperty("java.vm.version"));
		assertThat(err.contains("timings (ms): relaunch=")).as("relaunched on the CDS layout; stderr:%n%s", err)
			.isEqualTo(trained);
		// the throw-away store is gone
		assertThat(err).doesNotContain("Could not delete");
		// the line the help and template commands must never log
		assertThat(err).contains(DATABASE_STARTED);
	}

	/**
	 * A launcher killed with SIGKILL cannot stop the command it relaunched; the command
	 * stops itself ({@link CliRelaunch#stopWithParent}) instead of running on unseen. The
	 * command here waits for a password on stdin that never comes.
	 */
	@Test
	void aKilledLauncherTakesItsRelaunchedCommandWithIt() throws Exception {
		Path jar = jar();
		assertThat(jar).as("the jar is built by `./mvnw verify`").isNotNull();
		assertThat(CdsArchive.of(jar).matches(System.getProperty("java.home"), System.getProperty("java.vm.version")))
			.as("`./mvnw package` trains the CDS layout beside the jar")
			.isTrue();
		Process launcher = new ProcessBuilder(java(), "-jar", jar.toString(), "user", "add", "probe", "--role",
				"VIEWER", "--password-stdin", "--data-dir", this.dir.resolve("data").toString())
			.redirectError(this.dir.resolve("err.txt").toFile())
			.redirectOutput(this.dir.resolve("out.txt").toFile())
			.start();
		ProcessHandle command = null;
		try {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (command == null && System.nanoTime() < deadline && launcher.isAlive()) {
				command = launcher.toHandle().children().findFirst().orElse(null);
				Thread.sleep(100);
			}
			assertThat(command).as("the relaunched command; stderr:%n%s", Files.readString(this.dir.resolve("err.txt")))
				.isNotNull();
			Thread.sleep(2000); // well into its start: waiting on stdin
			assertThat(command.isAlive()).isTrue();

			launcher.destroyForcibly().waitFor();

			command.onExit().get(60, TimeUnit.SECONDS);
			assertThat(command.isAlive()).isFalse();
			assertThat(Files.readString(this.dir.resolve("err.txt"))).contains("the launching process ended");
		}
		finally {
			launcher.destroyForcibly();
			if (command != null) {
				command.destroyForcibly();
			}
		}
	}

	/**
	 * A layout that does not match the jar (its stamp names another jar) is never used:
	 * the command runs in the jar's own JVM. A layout whose archive the JVM rejects (here
	 * garbage) is used, and the JVM runs without the archive: same audit, a warning at
	 * most on stderr, nothing on stdout but the JSON.
	 */
	@Test
	void aStaleOrBrokenCdsLayoutNeverChangesTheAudit() throws Exception {
		Path built = jar();
		assertThat(built).as("the jar is built by `./mvnw verify`").isNotNull();
		CdsArchive trained = CdsArchive.of(built);
		assertThat(trained.extractedJar()).as("`./mvnw package` extracts the jar beside it").isRegularFile();
		// the jar and its extracted form, linked rather than copied (200 MB)
		Path jar = this.dir.resolve(built.getFileName());
		try {
			Files.createLink(jar, built.toAbsolutePath());
		}
		catch (IOException | UnsupportedOperationException ex) {
			Files.copy(built, jar, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
		}
		CdsArchive layout = CdsArchive.of(jar);
		Files.createDirectories(layout.directory());
		Files.createSymbolicLink(layout.extractedJar(), trained.extractedJar().toAbsolutePath());
		Files.createSymbolicLink(layout.directory().resolve("lib"),
				trained.directory().resolve("lib").toAbsolutePath());
		byte[] garbage = new byte[8192];
		new java.util.Random(1).nextBytes(garbage);
		Files.write(layout.archive(), garbage);
		java.util.Properties stamp = layout.expected(System.getProperty("java.home"),
				System.getProperty("java.vm.version"));
		stamp.setProperty("jar.size", "1"); // made from another jar
		try (var out = Files.newOutputStream(layout.stamp())) {
			stamp.store(out, null);
		}
		String[] stale = auditTiny(jar, "stale");
		assertThat(stale[1]).as("not relaunched").doesNotContain("relaunch=").contains("timings (ms): jvm=");
		layout.writeStamp(); // matches the jar and this JVM: relaunched, the JVM drops
								// the archive
		String[] broken = auditTiny(jar, "broken");
		assertThat(broken[1]).as("relaunched").contains("timings (ms): relaunch=");
		assertThat(withoutDurations(broken[0])).isEqualTo(withoutDurations(stale[0]));
	}

	/** {@code audit cli-tiny --timings} with the jar: stdout and stderr. */
	private String[] auditTiny(Path jar, String name) throws Exception {
		Path tiny = Path.of("src/test/resources/datasets/cli-tiny").toAbsolutePath();
		Path errFile = this.dir.resolve(name + "-err.txt");
		Process cli = new ProcessBuilder(java(), "-jar", jar.toString(), "audit", tiny.toString(), "--timings")
			.redirectError(errFile.toFile())
			.start();
		String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(cli.waitFor(300, TimeUnit.SECONDS)).isTrue();
		String err = Files.readString(errFile);
		assertThat(cli.exitValue()).as("stderr:%n%s", err).isEqualTo(1); // HIGH findings
		return new String[] { out, err };
	}

	/** The audit JSON without its run times. */
	private static com.fasterxml.jackson.databind.JsonNode withoutDurations(String json) throws IOException {
		com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
		List<com.fasterxml.jackson.databind.JsonNode> nodes = new ArrayList<>(List.of(tree));
		while (!nodes.isEmpty()) {
			com.fasterxml.jackson.databind.JsonNode node = nodes.remove(nodes.size() - 1);
			if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
				object.remove("durationMs");
			}
			node.forEach(nodes::add);
		}
		return tree;
	}

}
