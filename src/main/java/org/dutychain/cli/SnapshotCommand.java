package org.dutychain.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code snapshot create|list|diff}: audit snapshots and their diff; no snapshot store exists in this build yet. */
@Command(name = "snapshot", description = "Audit snapshots: create, list, diff A B (not yet available).")
final class SnapshotCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "create|list|diff", description = "what to do")
	String action;

	@Parameters(index = "1..*", arity = "0..*", paramLabel = "ARG", description = "snapshot ids for diff")
	String[] args = new String[0];

	@Override
	public Integer call() {
		DutychainCli.stderr().println("snapshot " + this.action + ": not yet available in this build");
		return DutychainCli.NOT_AVAILABLE;
	}

}
