package org.dutychain.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.dutychain.config.Progress;

/**
 * A one-line progress bar on stderr ({@code \r}-redrawn, at most ten times a second),
 * shown only when stderr is a terminal or with {@code --progress}; stdout stays the
 * command's result only.
 */
final class ProgressBar implements Progress, AutoCloseable {

	private static final int WIDTH = 30;

	private final PrintStream err;

	private long lastDraw;

	private String lastPhase;

	private boolean drawn;

	private ProgressBar(PrintStream err) {
		this.err = err;
	}

	/** Where this process's stderr points on Linux. */
	private static final Path STDERR = Path.of("/proc/self/fd/2");

	/**
	 * A bar when wanted (stderr a terminal, or {@code forced}), else
	 * {@link Progress#NONE}.
	 */
	static Progress on(PrintStream err, boolean forced) {
		return (forced || isTerminal(STDERR)) ? new ProgressBar(err) : Progress.NONE;
	}

	/**
	 * Whether the file descriptor behind {@code fd} (a {@code /proc/self/fd} link) is a
	 * terminal. {@link System#console()} cannot tell: it asks about stdin and stdout, so
	 * {@code audit … > findings.json} typed at a terminal drew no bar, and on newer JDKs
	 * it may answer for a redirected stream too. Where there is no such link (not Linux),
	 * {@link System#console()} stays the answer.
	 */
	static boolean isTerminal(Path fd) {
		String target;
		try {
			target = Files.readSymbolicLink(fd).toString();
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			return System.console() != null;
		}
		return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
	}

	@Override
	public synchronized void report(String phase, long done, long total) {
		long now = System.nanoTime();
		boolean last = total > 0 && done >= total;
		if (phase.equals(this.lastPhase) && !last && now - this.lastDraw < 100_000_000L) {
			return;
		}
		if (this.lastPhase != null && !phase.equals(this.lastPhase) && this.drawn) {
			this.err.println();
		}
		this.lastPhase = phase;
		this.lastDraw = now;
		this.drawn = true;
		this.err.print("\r" + line(phase, done, total));
		this.err.flush();
	}

	static String line(String phase, long done, long total) {
		if (total <= 0) {
			return String.format(Locale.ROOT, "%-8s %,d", phase, done);
		}
		int percent = (int) Math.min(100, done * 100 / total);
		int filled = percent * WIDTH / 100;
		return String.format(Locale.ROOT, "%-8s [%s%s] %3d%% %,d/%,d", phase, "#".repeat(filled),
				" ".repeat(WIDTH - filled), percent, done, total);
	}

	@Override
	public synchronized void close() {
		if (this.drawn) {
			this.err.println();
			this.drawn = false;
		}
	}

	static void close(Progress progress) {
		if (progress instanceof ProgressBar bar) {
			bar.close();
		}
	}

}
