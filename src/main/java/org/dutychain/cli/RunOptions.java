package org.dutychain.cli;

import java.io.PrintStream;

import picocli.CommandLine.Option;

/** {@code --progress} and {@code --timings} of the commands that load a dataset. */
final class RunOptions {

	@Option(names = "--progress",
			description = "draw a progress bar on stderr even when it is not a terminal (it is drawn on a terminal anyway)")
	boolean progress;

	@Option(names = "--timings",
			description = "print the wall time of each phase on stderr (jvm, validate, db-start, load, audit, output)")
	boolean timings;

	/**
	 * The command's timings, printed on {@code err} phase by phase when {@code --timings}
	 * is given.
	 */
	Timings timings(PrintStream err) {
		return this.timings ? new Timings().live(err) : new Timings();
	}

}
