package org.dutychain.config;

import java.util.concurrent.ThreadFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Threads of the application's own pools (audits, jobs, imports, schema, deletions):
 * daemons, so that none keeps a JVM alive after the command or the context that owns it
 * ended, named {@code <name>-1}, {@code <name>-2} … for thread dumps and logs.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/** A factory of daemon threads named {@code name-n}. */
	public static ThreadFactory named(String name) {
		CustomizableThreadFactory factory = new CustomizableThreadFactory(name + "-");
		factory.setDaemon(true);
		return factory;
	}

}
