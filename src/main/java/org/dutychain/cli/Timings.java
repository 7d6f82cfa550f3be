package org.dutychain.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wall time per phase of one command ({@code --timings}): in a JVM relaunched on the CDS
 * layout ({@link CliRelaunch}) first the parent JVM's start and relaunch up to this JVM's
 * start, then the JVM start up to {@code main}, validation, database start, load, audit,
 * output.
 */
final class Timings {

	private final Map<String, Long> phases = new LinkedHashMap<>();

	private final List<String> details = new ArrayList<>();

	private final long started = System.currentTimeMillis();

	private long mark = System.nanoTime();

	private PrintStream live;

	Timings() {
		long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
		long relaunch = CliRelaunch.relaunchMillis(jvmStart);
		if (relaunch >= 0) {
			this.phases.put("relaunch", relaunch);
		}
		this.phases.put("jvm", Math.max(0, this.started - jvmStart));
	}

	/**
	 * Prints each phase on {@code err} as it ends ({@code phase validate: 1234 ms}), so a
	 * command killed half-way (out of memory, interrupted) still leaves the phases it
	 * finished.
	 */
	Timings live(PrintStream err) {
		this.live = err;
		return this;
	}

	/** Ends the running phase under {@code name}. */
	void lap(String name) {
		long now = System.nanoTime();
		long ms = (now - this.mark) / 1_000_000;
		this.phases.merge(name, ms, Long::sum);
		this.mark = now;
		if (this.live != null) {
			this.live.println("phase " + name + ": " + ms + " ms");
		}
	}

	/**
	 * Moves {@code ms} of the phase {@code from} (already ended) to a phase of its own,
	 * e.g. the bulk load done while the database started.
	 */
	void split(String from, String part, long ms) {
		Long total = this.phases.get(from);
		if (total != null) {
			long moved = Math.min(total, Math.max(0, ms));
			this.phases.put(from, total - moved);
			this.phases.merge(part, moved, Long::sum);
			if (this.live != null) {
				this.live.println("phase " + part + ": " + moved + " ms (of " + from + ")");
			}
		}
	}

	/**
	 * A line printed below the phases, e.g. the parts of the bulk load and the stages of
	 * Neo4j's importer.
	 */
	void detail(String line) {
		this.details.add(line);
		if (this.live != null) {
			this.live.println(line);
		}
	}

	Map<String, Long> phases() {
		return this.phases;
	}

	void print(PrintStream err) {
		StringBuilder b = new StringBuilder("timings (ms):");
		long total = 0;
		for (Map.Entry<String, Long> e : this.phases.entrySet()) {
			b.append(' ').append(e.getKey()).append('=').append(e.getValue());
			total += e.getValue();
		}
		b.append(String.format(Locale.ROOT, " total=%d", total));
		if (ShortRunCompiler.c1Only()) {
			b.append(" (JIT: C1 only, small dataset)");
		}
		err.println(b);
		this.details.forEach(err::println);
	}

}
