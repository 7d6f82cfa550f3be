package org.dutychain.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dutychain.DutychainApplication;
import org.dutychain.cli.DutychainCli;

/**
 * The command line as a user runs it, in this JVM: {@link DutychainCli#run} with
 * arguments, stdout and stderr captured. The one capture every CLI test uses.
 */
public final class InProcessCli {

	private InProcessCli() {
	}

	/** One command's exit code and what it wrote. */
	public record Run(int code, String out, String err) {

		public List<String> errLines() {
			return List.of(this.err.split("\r?\n"));
		}

	}

	/** Runs the CLI with {@code args}, capturing stdout and stderr. */
	public static Run run(String... args) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
			int code = DutychainCli.run(DutychainApplication.class, args);
			return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

}
