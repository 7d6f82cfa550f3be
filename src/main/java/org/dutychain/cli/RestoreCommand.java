package org.dutychain.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code restore --from FILE --data-dir D}: replaces the embedded store with a dump made
 * by {@code backup} (offline: the server must be stopped).
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
		description = "Replace the embedded database with a backup (offline: stop the server first).")
final class RestoreCommand implements Callable<Integer> {

	@Option(names = "--from", paramLabel = "FILE", required = true, description = "a dump written by backup")
	Path from;

	@Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data/neo4j",
			description = "embedded database folder (default ./data/neo4j)")
	Path dataDir;

	@Override
	public Integer call() throws Exception {
		int code = StoreArchive.load(this.from, this.dataDir.toAbsolutePath().normalize(), DutychainCli.stderr());
		if (code == ExitCodes.OK) {
			DutychainCli.stderr().println("Restored " + this.dataDir + " from " + this.from);
		}
		return code;
	}

}
