package org.dutychain.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A command on a small dataset is over before the JIT's optimizing compiler (C2) pays
 * back: a third of the CPU of {@code audit demo-province} went into C2 compiling code
 * that then ran for a few seconds (Neo4j's Cypher compiler, the writes). For a dataset
 * below {@link #ROWS} rows, in the jar's own JVM, the command therefore asks the JVM (its
 * {@code Compiler.directives_add} diagnostic command, what {@code jcmd} would send) to
 * exclude every method from C2 from then on: methods stay with C1, as under
 * {@code -XX:TieredStopAtLevel=1}, without a JVM flag or a second process. Never in a JVM
 * that outlives the command (tests, the server); {@code -Ddutychain.cli.c2=true} keeps
 * C2.
 */
final class ShortRunCompiler {

	/** Below this many rows (the bulk importer's default threshold) C2 is left out. */
	static final long ROWS = 200_000;

	private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

	private static volatile boolean ownJvm;

	private static volatile boolean c1Only;

	private ShortRunCompiler() {
	}

	/** Called by the jar's {@code main}: the JVM ends with the command. */
	static void ownJvm() {
		ownJvm = true;
	}

	/**
	 * Leaves C2 out for the rest of this JVM when it is the command's own and the dataset
	 * is small; false when it did not (also when the JVM refused: this only saves time).
	 */
	static boolean forDataset(long rows) {
		if (!ownJvm || rows >= ROWS || Boolean.getBoolean("dutychain.cli.c2")) {
			return false;
		}
		c1Only = excludeC2();
		return c1Only;
	}

	/** Whether this JVM left C2 out for the command ({@code --timings} says so). */
	static boolean c1Only() {
		return c1Only;
	}

	/** Adds the directive that excludes every method from C2; false when refused. */
	static boolean excludeC2() {
		Path file = null;
		try {
			file = Files.createTempFile("dutychain-c1-", ".json");
			Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
			Object answer = ManagementFactory.getPlatformMBeanServer()
				.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
						new Object[] { new String[] { file.toString() } }, new String[] { String[].class.getName() });
			return String.valueOf(answer).contains("1 compiler directives added");
		}
		catch (IOException | JMException | RuntimeException | LinkageError ex) {
			return false;
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					// a temporary file of 40 bytes
				}
			}
		}
	}

}
