package org.dutychain.cli;

import org.springframework.boot.SpringApplication;

/**
 * Entry point of the jar: {@code serve} (the default) starts the web application; every other command runs without a
 * web server and returns its exit code.
 */
public final class DutychainCli {

	/** Returned by {@link #run} when the application keeps running (the web server). */
	public static final int KEEP_RUNNING = -1;

	private DutychainCli() {
	}

	/**
	 * Runs a command; returns its exit code, or {@link #KEEP_RUNNING} for {@code serve}.
	 * @param application the Spring Boot application class (passed in, so this module does not depend on it)
	 */
	public static int run(Class<?> application, String[] args) {
		if (args.length == 0 || "serve".equals(args[0])) {
			String[] rest = (args.length == 0) ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
			SpringApplication.run(application, rest);
			return KEEP_RUNNING;
		}
		System.err.println("Unknown command: " + args[0]);
		return 2;
	}

}
