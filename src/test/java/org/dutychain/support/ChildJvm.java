package org.dutychain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a main class of the test class path in a second JVM with the Neo4j module flags
 * of this one: for tests that need a separate process (an external Neo4j server, a
 * process killed mid-import).
 */
public final class ChildJvm {

	private ChildJvm() {
	}

	/** The command line that runs {@code main} with {@code args} and heap {@code xmx}. */
	public static List<String> command(Class<?> main, String xmx, String... args) {
		return command(main, xmx, List.of(), args);
	}

	/** The same with further JVM options (a collector, say). */
	public static List<String> command(Class<?> main, String xmx, List<String> jvmOptions, String... args) {
		List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
			if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports") || arg.startsWith("-Dio.netty")) {
				cmd.add(arg);
			}
		}
		cmd.add("-Xmx" + xmx);
		cmd.addAll(jvmOptions);
		cmd.add("-cp");
		cmd.add(System.getProperty("java.class.path"));
		cmd.add(main.getName());
		cmd.addAll(List.of(args));
		return cmd;
	}

	/** Starts it with standard error merged into standard output. */
	public static Process start(Class<?> main, String xmx, String... args) {
		try {
			return new ProcessBuilder(command(main, xmx, args)).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
