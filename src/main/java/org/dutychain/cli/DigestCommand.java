package org.dutychain.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ledger.Ledger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code digest <dataset> | --data-dir DIR [--days 30] [--as-of D] [--format table|json]}:
 * 到期提醒 — overdue and due-soon issues and measures grouped by accountable unit, from a
 * dataset (imported into a throw-away database) or from the persistent database (with its
 * edits). Exit 0 = nothing overdue, 1 = something overdue.
 */
@Command(name = "digest", description = "Print overdue and due-soon issues and measures by accountable unit (到期提醒).")
final class DigestCommand implements Callable<Integer> {

	@ParentCommand
	DutychainCli.Root root;

	@Parameters(index = "0", arity = "0..1", paramLabel = "<dataset>",
			description = "CSV folder, .zip of it, or .xlsx workbook (or use --data-dir)")
	Path dataset;

	@Option(names = "--data-dir", paramLabel = "DIR", description = "read the persistent database in DIR instead")
	Path dataDir;

	@Option(names = "--days", defaultValue = "30", description = "due-soon window in days (default 30)")
	int days;

	@Option(names = "--as-of", paramLabel = "yyyy-MM-dd", description = "evaluation date (default: the dataset's)")
	LocalDate asOf;

	@Option(names = "--format", defaultValue = "table", description = "table (default) or json")
	String format;

	@Override
	public Integer call() throws Exception {
		PrintStream out = DutychainCli.stdout();
		PrintStream err = DutychainCli.stderr();
		if ((this.dataset == null) == (this.dataDir == null)) {
			err.println("digest: give either <dataset> or --data-dir");
			return DutychainCli.INVALID;
		}
		if (this.dataset != null && !ImportCommand.DatasetLoading.exists(this.dataset, err)) {
			return DutychainCli.INVALID;
		}
		// validated before the database starts
		CheckedDataset checked = (this.dataset != null) ? ImportCommand.DatasetLoading.check(this.dataset, err) : null;
		if (this.dataset != null && checked == null) {
			return DutychainCli.INVALID;
		}
		try (ConfigurableApplicationContext context = (this.dataset != null)
				? SpringRunner.ephemeral(this.root.application)
				: SpringRunner.persistent(this.root.application, this.dataDir)) {
			if (this.dataset != null) {
				DatasetImporter importer = context.getBeanProvider(DatasetImporter.class).getIfAvailable();
				if (importer == null) {
					err.println("digest: the importer is not available in this build");
					return DutychainCli.NOT_AVAILABLE;
				}
				if (ImportCommand.DatasetLoading.load(importer, checked, org.dutychain.config.Progress.NONE,
						err) == null) {
					return DutychainCli.INVALID;
				}
			}
			Map<String, Object> digest = context.getBean(Ledger.class).digest(null, this.asOf, this.days);
			if ("json".equalsIgnoreCase(this.format)) {
				out.println(SpringRunner.json(context).writeValueAsString(digest));
			}
			else {
				table(digest, out);
			}
			boolean overdue = ((List<?>) digest.get("units")).stream()
				.anyMatch((u) -> !((List<?>) ((Map<?, ?>) u).get("overdue")).isEmpty());
			return overdue ? 1 : DutychainCli.OK;
		}
	}

	static void table(Map<String, Object> digest, PrintStream out) {
		out.println(
				"到期提醒 · " + digest.get("dataset") + " · " + digest.get("asOf") + " · " + digest.get("days") + " 天内");
		for (Object u : (List<?>) digest.get("units")) {
			Map<?, ?> unit = (Map<?, ?>) u;
			out.println(unit.get("unitId") + " " + unit.get("unitName"));
			for (String key : List.of("overdue", "dueSoon")) {
				for (Object i : (List<?>) unit.get(key)) {
					Map<?, ?> item = (Map<?, ?>) i;
					out.println("\t" + ("overdue".equals(key) ? "逾期" : "即将到期") + "\t"
							+ ("ISSUE".equals(item.get("kind")) ? "问题" : "措施") + "\t" + item.get("id") + "\t"
							+ item.get("due") + "\t" + item.get("text"));
				}
			}
		}
	}

}
