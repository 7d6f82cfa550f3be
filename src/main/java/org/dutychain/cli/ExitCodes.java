package org.dutychain.cli;

/**
 * The exit codes of every command, in one place (issue 9 and 13): a script can tell "HIGH
 * findings" from a failure and a busy database from a broken one.
 *
 * <ul>
 * <li>0 success ({@code audit}: no HIGH finding)</li>
 * <li>1 {@code audit} found HIGH findings</li>
 * <li>2 invalid dataset or bad usage (problems on stderr, one per line)</li>
 * <li>3 internal failure, including running out of memory</li>
 * <li>4 the database is busy (another process holds the store)</li>
 * </ul>
 */
public final class ExitCodes {

	public static final int OK = 0;

	public static final int HIGH_FINDINGS = 1;

	public static final int INVALID = 2;

	public static final int FAILURE = 3;

	public static final int BUSY = 4;

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
			if (t.getCause() == t) {
				break;
			}
		}
		return FAILURE;
	}

}
