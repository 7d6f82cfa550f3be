package org.dutychain.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.dutychain.report.SnapshotDiff;
import org.dutychain.report.SnapshotInfo;
import org.dutychain.report.Snapshots;
import org.dutychain.report.UnknownSnapshotException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code snapshot create|list|diff A B}: audit snapshots of the persistent database (the
 * one {@code import} fills) and the difference between two of them, as JSON on stdout.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
		description = "Audit snapshots of the persistent database: create, list, diff A B.")
final class SnapshotCommand implements Callable<Integer> {

	@ParentCommand
	DutychainCli.Root root;

	@Parameters(index = "0", paramLabel = "create|list|diff", description = "what to do")
	String action;

	@Parameters(index = "1..*", arity = "0..*", paramLabel = "ID", description = "the two snapshot ids for diff")
	String[] ids = new String[0];

	@Option(names = "--data-dir", paramLabel = "DIR", description = "embedded database folder (default ./data/neo4j)")
	Path dataDir;

	@Option(names = "--scope", paramLabel = "UNIT", description = "create: the scope unit (default: everything)")
	String scope;

	@Option(names = "--as-of", paramLabel = "D", description = "create: evaluation date (default: the dataset's)")
	LocalDate asOf;

	@Option(names = "--label", paramLabel = "TEXT", description = "create: a label, e.g. 2025年巡察前")
	String label;

	@Override
	public Integer call() throws Exception {
		PrintStream err = DutychainCli.stderr();
		if (!"create".equals(this.action) && !"list".equals(this.action) && !"diff".equals(this.action)) {
			err.println("snapshot: unknown action '" + this.action + "' (create, list or diff A B)");
			return DutychainCli.INVALID;
		}
		if ("diff".equals(this.action) && this.ids.length != 2) {
			err.println("snapshot diff: give two snapshot ids");
			return DutychainCli.INVALID;
		}
		try (ConfigurableApplicationContext context = SpringRunner.persistent(this.root.application, this.dataDir)) {
			Snapshots snapshots = context.getBean(Snapshots.class);
			Object result = switch (this.action) {
				case "create" -> {
					SnapshotInfo created = snapshots.create(this.scope, this.asOf, this.label);
					err.println("Created snapshot " + created.id());
					yield created;
				}
				case "list" -> snapshots.list();
				default -> {
					SnapshotDiff diff = snapshots.diff(this.ids[0], this.ids[1]);
					err.printf("%d new, %d resolved, %d unchanged, %d rule changed%n", diff.added().size(),
							diff.resolved().size(), diff.unchanged().size(), diff.ruleChanged().size());
					yield diff;
				}
			};
			DutychainCli.stdout().println(SpringRunner.json(context).writeValueAsString(result));
			return DutychainCli.OK;
		}
		catch (UnknownSnapshotException ex) {
			err.println("snapshot: " + ex.getMessage());
			return DutychainCli.INVALID;
		}
	}

}
