package org.dutychain.config;

/**
 * Progress of long work (an import, an audit): the phase it is in and how far it got.
 * Called from the working thread; implementations must be cheap and thread-safe (a CLI
 * progress bar, a job's status).
 */
@FunctionalInterface
public interface Progress {

	/** Ignores every report. */
	Progress NONE = (phase, done, total) -> {
	};

	/**
	 * @param phase what is being done, e.g. {@code validate}, {@code write},
	 * {@code audit}
	 * @param done units of work done in this phase (rows, analyses)
	 * @param total units of work of the phase, 0 when unknown
	 */
	void report(String phase, long done, long total);

}
