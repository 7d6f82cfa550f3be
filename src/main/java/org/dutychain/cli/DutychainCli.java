package org.dutychain.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import org.springframework.boot.SpringApplication;

/**
 * Entry point of the jar: {@code serve} (the default) starts the web application; every
 * other command runs without a web server and returns its exit code.
 *
 * <p>
 * Exit codes ({@link ExitCodes}): 0 success (for {@code audit}: no HIGH finding), 1
 * {@code audit} found HIGH findings, 2 invalid dataset or bad usage (problems on stderr,
 * one per line), 3 internal failure (out of memory included), 4 database busy. Only the
 * command's result goes to stdout (the audit JSON, a table); logs and progress go to
 * stderr. {@code --help}, {@code help}, {@code template}, {@code generate} and a dataset
 * that fails validation never start the database.
 */
public final class DutychainCli {

	/** Returned by {@link #run} when the application keeps running (the web server). */
	public static final int KEEP_RUNNING = -1;

	/** audit: no HIGH finding; every other command: success. */
	public static final int OK = ExitCodes.OK;

	/** audit: at least one HIGH finding. */
	public static final int HIGH_FINDINGS = ExitCodes.HIGH_FINDINGS;

	/** Invalid dataset or bad usage. */
	public static final int INVALID = ExitCodes.INVALID;

	/** Internal failure, out of memory included (the message is on stderr). */
	public static final int FAILED = ExitCodes.FAILED;

	/** The feature's implementation is not part of this build: an internal failure. */
	public static final int NOT_AVAILABLE = ExitCodes.FAILED;

	/** The database folder is used by another process, or a port is taken. */
	public static final int BUSY = ExitCodes.BUSY;

	private DutychainCli() {
	}

	/**
	 * {@code serve} is the default: no arguments, {@code serve …}, or only Spring
	 * arguments such as {@code --server.port=9090} (what {@code spring-boot:run} passes);
	 * help and version go to picocli.
	 */
	static boolean isServe(String[] args) {
		if (args.length == 0) {
			return true;
		}
		if ("serve".equals(args[0])) {
			return !List.of(args).contains("--help") && !List.of(args).contains("-h");
		}
		return args[0].startsWith("--") && !List.of("--help", "--version").contains(args[0]);
	}

	/**
	 * {@link #run} from the jar's {@code main}: the JVM ends with the command (not
	 * {@code serve}), so a command on a small dataset may leave out the JIT's C2
	 * ({@link ShortRunCompiler}).
	 */
	public static int runInOwnJvm(Class<?> application, String[] args) {
		if (!isServe(args)) {
			ShortRunCompiler.ownJvm();
		}
		return run(application, args);
	}

	/**
	 * Runs a command; returns its exit code, or {@link #KEEP_RUNNING} for {@code serve}.
	 * @param application the Spring Boot application class (passed in, so this module
	 * does not depend on it)
	 */
	public static int run(Class<?> application, String[] args) {
		if (isServe(args)) {
			String[] rest = (args.length > 0 && "serve".equals(args[0])) ? Arrays.copyOfRange(args, 1, args.length)
					: args;
			SpringApplication.run(application, rest);
			return KEEP_RUNNING;
		}
		PrintStream err = stderr();
		CommandLine cli = new CommandLine(new Root(application));
		cli.setOut(new java.io.PrintWriter(stdout(), true));
		cli.setErr(new java.io.PrintWriter(err, true));
		cli.setExecutionExceptionHandler((ex, line, parsed) -> ExitCodes.report(line.getCommandName(), ex, err));
		try {
			return cli.execute(args);
		}
		catch (Throwable ex) { // OutOfMemoryError and other errors picocli lets through
			return ExitCodes.report((args.length > 0) ? args[0] : "dutychain", ex, err);
		}
	}

	/**
	 * The current System.out, written in UTF-8 whatever the platform encoding (Chinese
	 * names in the JSON).
	 */
	static PrintStream stdout() {
		return new PrintStream(System.out, true, StandardCharsets.UTF_8);
	}

	static PrintStream stderr() {
		return new PrintStream(System.err, true, StandardCharsets.UTF_8);
	}

	@Command(name = "dutychain", mixinStandardHelpOptions = true, version = "dutychain 0.1",
			description = "Party responsibility chains as a Neo4j graph (党建责任链分析).",
			subcommands = { ServeCommand.class, ImportCommand.class, AuditCommand.class, AccountableCommand.class,
					GenerateCommand.class, TemplateCommand.class, SnapshotCommand.class, UserCommand.class,
					BackupCommand.class, RestoreCommand.class, DigestCommand.class, CommandLine.HelpCommand.class },
			exitCodeListHeading = "%nExit codes:%n",
			exitCodeList = { "0:success (audit: no HIGH finding)", "1:audit found HIGH findings",
					"2:invalid dataset or bad usage", "3:internal failure (including out of memory)",
					"4:database busy (its folder is used by another process, e.g. the running server)" })
	static final class Root implements Runnable {

		final Class<?> application;

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		Root(Class<?> application) {
			this.application = application;
		}

		@Override
		public void run() {
			this.spec.commandLine().usage(this.spec.commandLine().getOut());
		}

	}

	/**
	 * Listed for help only: {@link DutychainCli#run} starts the server before picocli
	 * sees the arguments.
	 */
	@Command(name = "serve", mixinStandardHelpOptions = true,
			description = "Start the web application (the default command); Spring arguments follow.")
	static final class ServeCommand implements Runnable {

		@CommandLine.Parameters(arity = "0..*", description = "Spring Boot arguments, e.g. --server.port=9090")
		String[] springArgs = new String[0];

		@Override
		public void run() {
			throw new IllegalStateException("serve is handled before command parsing");
		}

	}

}
