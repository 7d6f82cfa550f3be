package org.dutychain.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code java -jar target/dutychain-*.jar audit …} on the jar's trained CDS layout
 * ({@link CdsArchive}): when the layout beside the jar matches it and this JVM, the jar's
 * {@code main} starts the command in a second JVM on the extracted jar with
 * {@code -XX:SharedArchiveFile} (classes of Spring, Neo4j and the Cypher compiler mapped
 * from the archive instead of loaded, verified and linked) and ends with its exit code.
 * The parent stays small: no Spring, no picocli; the child shares its stdin, stdout and
 * stderr, gets this JVM's options and is stopped when this JVM is (SIGTERM; Ctrl-C
 * reaches both). Only the commands that start a database ({@link #COMMANDS}), never
 * {@code serve}, help or version, never a JVM started with CDS, agent, debugger or JFR
 * options of its own, never with {@code -Ddutychain.cli.cds=false}. JVM warnings go to
 * stderr (a CDS archive the JVM rejects is a warning and the command runs without it):
 * stdout stays the command's.
 */
public final class CliRelaunch {

	/** Returned by {@link #run} when the command runs in this JVM. */
	public static final int NOT_RELAUNCHED = Integer.MIN_VALUE;

	/**
	 * Set in the child: the parent's JVM start (epoch ms), for the {@code relaunch} phase
	 * of {@code --timings}.
	 */
	static final String RELAUNCHED = "dutychain.cli.relaunched";

	/**
	 * The launching JVM's process id, in the relaunched one ({@link #stopWithParent}).
	 */
	static final String PARENT = "dutychain.cli.parent";

	/** Commands that start a database: the ones CDS shortens. */
	static final Set<String> COMMANDS = Set.of("audit", "accountable", "import", "digest", "snapshot", "user", "backup",
			"restore");

	/** JVM warnings (a rejected archive among them) on stderr, not on stdout. */
	static final List<String> LOGGING = List.of("-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr");

	/**
	 * A CSV dataset below this size has fewer than {@link ShortRunCompiler#ROWS} rows (40
	 * bytes a row or more); a .zip or .xlsx below a quarter of it.
	 */
	static final long SMALL_DATASET_BYTES = 8L << 20;

	/**
	 * For a small dataset the child leaves C2 out from its start, and C1 compiles without
	 * profiling (tier 1): {@link ShortRunCompiler} can only do the first, after
	 * validation, and leaves methods at the profiling tier 3.
	 */
	static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

	/**
	 * For a small dataset the child collects with the serial collector: no concurrent GC
	 * threads competing for two cores, no G1 barriers (unless the user chose a
	 * collector).
	 */
	static final String SERIAL_GC = "-XX:+UseSerialGC";

	/**
	 * Otherwise (a larger dataset, or none) the child collects with the throughput
	 * collector: a command is a batch run, so pauses cost nothing but their sum, and both
	 * cores collect. Against G1 (the JVM's default, which {@code serve} keeps for its
	 * pauses) the 100k-unit audit phase took 60 and 55 s instead of 82 and 72 s,
	 * alternating, with 5.4 instead of 8.1–9.0 GB resident (docs/benchmarks.md, "CLI").
	 * Public: the national benchmark starts the command without this launcher and gives
	 * it the same.
	 */
	public static final String THROUGHPUT_GC = "-XX:+UseParallelGC";

	/** JVM options with which the command stays in this JVM. */
	private static final List<String> OWN_OPTIONS = List.of("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
			"-XX:+AutoCreateSharedArchive", "-Xshare:off", "-Xshare:dump", "-XX:-UseSharedSpaces", "-agentlib",
			"-agentpath", "-javaagent", "-Xdebug", "-Xrunjdwp", "-XX:StartFlightRecording",
			"-Ddutychain.cli.cds=false");

	private CliRelaunch() {
	}

	/**
	 * Runs the command in a JVM on the trained layout and returns its exit code, or
	 * {@link #NOT_RELAUNCHED}: run it here.
	 */
	public static int run(String[] args) {
		if (!relaunchable(args, System.getProperties())) {
			return NOT_RELAUNCHED;
		}
		CdsArchive layout = CdsArchive.of(Path.of(System.getProperty("java.class.path")));
		if (!layout.matches(System.getProperty("java.home"), System.getProperty("java.vm.version"))) {
			return NOT_RELAUNCHED;
		}
		// this process's command line, not the JVM's input arguments (no JMX in
		// the parent); what JDK_JAVA_OPTIONS and JAVA_TOOL_OPTIONS add reaches the
		// child through its environment
		ProcessHandle.Info self = ProcessHandle.current().info();
		List<String> jvmOptions = self.arguments().map((a) -> optionsBeforeJar(List.of(a))).orElse(null);
		if (jvmOptions == null || !ownsOptions(jvmOptions)) {
			return NOT_RELAUNCHED;
		}
		// the JVM's start, as the child's jvm phase measures its own (the process start
		// time the OS gives ProcessHandle is rounded to the boot time's second)
		long started = ManagementFactory.getRuntimeMXBean().getStartTime();
		List<String> command = command(layout, System.getProperty("java.home"), jvmOptions, started, args);
		Process child;
		try {
			child = new ProcessBuilder(command).inheritIO().start();
		}
		catch (IOException | RuntimeException ex) {
			return NOT_RELAUNCHED; // e.g. no bin/java: the command runs here
		}
		Thread stop = new Thread(() -> {
			if (child.isAlive()) {
				child.destroy();
				try {
					child.waitFor(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}, "dutychain-relaunch-stop");
		Runtime.getRuntime().addShutdownHook(stop);
		while (true) {
			try {
				return child.waitFor();
			}
			catch (InterruptedException ex) {
				// only this JVM's end stops the child (the hook above)
			}
		}
	}

	/**
	 * Whether the arguments and system properties allow a relaunch: a database command
	 * (not its help), in a JVM started with {@code -jar} on a jar, not itself a child.
	 */
	static boolean relaunchable(String[] args, Properties system) {
		if (args.length == 0 || !COMMANDS.contains(args[0])) {
			return false;
		}
		for (String arg : args) {
			if (List.of("-h", "--help", "-V", "--version").contains(arg)) {
				return false;
			}
		}
		if (system.getProperty(RELAUNCHED) != null || "false".equals(system.getProperty("dutychain.cli.cds"))) {
			return false;
		}
		String classPath = system.getProperty("java.class.path", "");
		String command = system.getProperty("sun.java.command", "");
		return classPath.endsWith(".jar") && !classPath.contains(system.getProperty("path.separator", ":"))
				&& command.startsWith(classPath) && Files.isRegularFile(Path.of(classPath));
	}

	/**
	 * In a relaunched JVM: ends it, as Ctrl-C would, when the launching JVM ends first —
	 * killed (SIGKILL) without a chance to stop its child, or gone before this JVM
	 * looked. The launcher only ever ends after its child otherwise, so a command never
	 * runs on without the process its caller waits for. Nothing in a JVM started
	 * directly.
	 */
	public static void stopWithParent() {
		String pid = System.getProperty(PARENT);
		if (pid == null) {
			return;
		}
		Optional<ProcessHandle> parent;
		try {
			parent = ProcessHandle.of(Long.parseLong(pid));
		}
		catch (NumberFormatException ex) {
			return;
		}
		parent.map(ProcessHandle::onExit).orElseGet(() -> CompletableFuture.completedFuture(null)).thenRun(() -> {
			System.err.println("dutychain: the launching process ended; stopping");
			System.exit(ExitCodes.FAILED);
		});
	}

	/**
	 * The JVM options of {@code java <options> -jar <jar> <args>} (the arguments after
	 * the executable); null when there is no {@code -jar}.
	 */
	static List<String> optionsBeforeJar(List<String> arguments) {
		int jar = arguments.indexOf("-jar");
		return (jar < 0) ? null : List.copyOf(arguments.subList(0, jar));
	}

	/** Whether none of this JVM's options needs the command in this JVM. */
	static boolean ownsOptions(List<String> jvmOptions) {
		return jvmOptions.stream().noneMatch((o) -> OWN_OPTIONS.stream().anyMatch(o::startsWith));
	}

	/** The child's command line. */
	static List<String> command(CdsArchive layout, String javaHome, List<String> jvmOptions, long parentStart,
			String[] args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(javaHome, "bin", "java").toString());
		command.add("-XX:SharedArchiveFile=" + layout.archive());
		command.addAll(LOGGING);
		boolean small = smallDataset(args);
		if (small && !jvmOptions.contains("-Ddutychain.cli.c2=true")) {
			command.add(C1_ONLY);
		}
		// two collectors would stop the JVM from starting
		if (jvmOptions.stream().noneMatch((o) -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
			command.add(small ? SERIAL_GC : THROUGHPUT_GC);
		}
		command.addAll(jvmOptions); // after these: a user's -Xlog or
									// -XX:TieredStopAtLevel wins
		command.add("-D" + RELAUNCHED + "=" + parentStart);
		command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
		command.add("-jar");
		command.add(layout.extractedJar().toString());
		command.addAll(List.of(args));
		return command;
	}

	/**
	 * Whether the command's dataset (a CSV folder, .zip or .xlsx among the arguments) is
	 * small enough for {@link ShortRunCompiler}; false without one.
	 */
	static boolean smallDataset(String[] args) {
		for (int i = 1; i < args.length; i++) {
			try {
				Path path = Path.of(args[i]);
				if (Files.isRegularFile(path.resolve("units.csv"))) {
					try (Stream<Path> files = Files.list(path)) {
						return files.filter(Files::isRegularFile)
							.mapToLong(CliRelaunch::size)
							.sum() < SMALL_DATASET_BYTES;
					}
				}
				String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
				if ((name.endsWith(".zip") || name.endsWith(".xlsx")) && Files.isRegularFile(path)) {
					return Files.size(path) < SMALL_DATASET_BYTES / 4;
				}
			}
			catch (IOException | RuntimeException ex) {
				// not a dataset: the next argument
			}
		}
		return false;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return SMALL_DATASET_BYTES;
		}
	}

	/**
	 * In a relaunched JVM: from the parent JVM's start to this JVM's, in ms; -1 in a JVM
	 * started directly.
	 */
	static long relaunchMillis(long ownStart) {
		try {
			long parentStart = Long.parseLong(System.getProperty(RELAUNCHED, ""));
			return (parentStart > 0) ? Math.max(0, ownStart - parentStart) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
