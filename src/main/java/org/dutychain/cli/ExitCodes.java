package org.dutychain.cli;

import java.io.PrintStream;
import java.net.BindException;

import org.dutychain.ingest.ImportAgainException;

/**
 * The exit codes of every command, and the one place that turns a failure into a code and
 * one clear line on stderr (no stack trace for ordinary conflicts).
 *
 * <table>
 * <tr>
 * <td>0</td>
 * <td>success ({@code audit}: no HIGH finding)</td>
 * </tr>
 * <tr>
 * <td>1</td>
 * <td>{@code audit} found HIGH findings</td>
 * </tr>
 * <tr>
 * <td>2</td>
 * <td>invalid dataset or bad usage; a dataset that changed while the command read it</td>
 * </tr>
 * <tr>
 * <td>3</td>
 * <td>internal failure, out of memory included</td>
 * </tr>
 * <tr>
 * <td>4</td>
 * <td>the database is busy: its folder is locked by another process (a running server),
 * or a port is taken, or an edit or audits of another user of the database held the
 * import up ({@link ImportAgainException#conflict()})</td>
 * </tr>
 * </table>
 */
final class ExitCodes {

	static final int OK = 0;

	static final int HIGH_FINDINGS = 1;

	static final int INVALID = 2;

	static final int FAILED = 3;

	static final int BUSY = 4;

	/** The same as {@link #FAILED}. */
	static final int FAILURE = FAILED;

	private ExitCodes() {
	}

	/** The exit code for a command that ended with this exception or error. */
	static int of(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof OutOfMemoryError) {
				return FAILURE;
			}
			String name = t.getClass().getName();
			if (name.endsWith("FileLockException") || name.endsWith("StoreLockException")
					|| name.endsWith("OverlappingFileLockException")) {
				return BUSY;
			}
			if (name.equals("org.dutychain.ingest.InvalidDatasetException")) {
				return INVALID;
			}
			if (t instanceof ImportAgainException again) {
				return again.conflict() ? BUSY : INVALID;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return FAILURE;
	}

	/** Prints one line for {@code failure} and returns its exit code. */
	static int report(String command, Throwable failure, PrintStream err) {
		String busy = busy(failure);
		if (busy != null) {
			err.println(command + ": " + busy);
			return BUSY;
		}
		if (root(failure) instanceof OutOfMemoryError) {
			err.println(command + ": out of memory (give the JVM more, e.g. java -Xmx4g -jar …)");
			return FAILED;
		}
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof ImportAgainException again) {
				// the user's to act on, not an internal failure: an edit or audits of a
				// running server meanwhile (busy), or the dataset changed under the
				// command
				err.println(command + ": " + again.reasonEn() + " / " + again.reasonZh());
				return of(again);
			}
		}
		Throwable root = root(failure);
		err.println(command + ": internal failure: " + root.getClass().getSimpleName()
				+ ((root.getMessage() != null) ? ": " + firstLine(root.getMessage()) : ""));
		return FAILED;
	}

	/**
	 * A one-line explanation when {@code failure} is an ordinary conflict over the
	 * database, else null.
	 */
	static String busy(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			String name = t.getClass().getSimpleName();
			String message = (t.getMessage() != null) ? t.getMessage() : "";
			if (name.equals("FileLockException") || message.contains("locked by another process")
					|| message.contains("Lock file has been locked") || message.contains("Unable to obtain lock on")) {
				return "the database folder is in use by another process (is the server running? stop it, or use"
						+ " --data-dir with another folder) / 数据库目录正被其他进程使用（服务是否在运行？）";
			}
			if (t instanceof BindException || name.equals("PortBindException")) {
				return "a port is already in use: " + firstLine(message) + " / 端口已被占用";
			}
		}
		return null;
	}

	private static Throwable root(Throwable failure) {
		Throwable t = failure;
		while (t.getCause() != null && t.getCause() != t) {
			if (t instanceof OutOfMemoryError) {
				return t;
			}
			t = t.getCause();
		}
		return t;
	}

	private static String firstLine(String message) {
		int nl = message.indexOf('\n');
		return (nl < 0) ? message : message.substring(0, nl);
	}

}
