package org.dutychain.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backup --data-dir D --to FILE}: an offline, consistent dump of the embedded
 * store (the server must be stopped).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
		description = "Dump the embedded database to a file (offline: stop the server first).")
final class BackupCommand implements Callable<Integer> {

	@Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "./data/neo4j",
			description = "embedded database folder (default ./data/neo4j)")
	Path dataDir;

	@Option(names = "--to", paramLabel = "FILE", required = true, description = "the dump file to write")
	Path to;

	@Override
	public Integer call() throws Exception {
		int code = StoreArchive.dump(this.dataDir.toAbsolutePath().normalize(), this.to, DutychainCli.stderr());
		if (code == ExitCodes.OK) {
			DutychainCli.stderr().println("Backed up " + this.dataDir + " to " + this.to);
		}
		return code;
	}

}
