package org.dutychain.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.dutychain.accountability.AccountabilityChain;
import org.dutychain.accountability.AccountabilityEntry;
import org.dutychain.accountability.AccountabilityService;
import org.dutychain.accountability.UnknownIssueException;
import org.dutychain.config.Labeled;
import org.dutychain.duty.DutyDomain;
import org.dutychain.config.Progress;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.InitialDataset;
import org.dutychain.organization.UnknownUnitException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code accountable <dataset> --unit U --domain D | --issue I}: who answers for a
 * problem (问责链).
 */
@Command(name = "accountable", mixinStandardHelpOptions = true,
		description = "Print the accountability chain of a unit and domain, or of an issue.")
final class AccountableCommand implements Callable<Integer> {

	@ParentCommand
	DutychainCli.Root root;

	@Parameters(index = "0", paramLabel = "<dataset>", description = "CSV folder, .zip of it, or .xlsx workbook")
	Path dataset;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Target target;

	static final class Target {

		@ArgGroup(exclusive = false)
		UnitDomain unitDomain;

		@Option(names = "--issue", paramLabel = "I", required = true, description = "issue id")
		String issue;

	}

	static final class UnitDomain {

		@Option(names = "--unit", paramLabel = "U", required = true, description = "unit id")
		String unit;

		@Option(names = "--domain", paramLabel = "D", required = true, description = "duty domain code or 中文 name")
		String domain;

	}

	@Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
			description = "appointments at this date (default: dataset's)")
	LocalDate asOf;

	@Option(names = "--format", defaultValue = "table", description = "table (default) or json")
	String format;

	@Mixin
	RunOptions options = new RunOptions();

	@Override
	public Integer call() throws Exception {
		PrintStream out = DutychainCli.stdout();
		PrintStream err = DutychainCli.stderr();
		String domain = null;
		if (this.target.unitDomain != null) {
			DutyDomain d = Labeled.parse(DutyDomain.class, this.target.unitDomain.domain).orElse(null);
			if (d == null) {
				err.println("accountable: unknown domain " + this.target.unitDomain.domain + "; one of "
						+ java.util.Arrays.toString(DutyDomain.values()));
				return DutychainCli.INVALID;
			}
			domain = d.name();
		}
		Timings timings = this.options.timings(err);
		CheckedDataset checked = ImportCommand.DatasetLoading.checkForEmptyStore(this.dataset, err,
				SpringRunner.THROWAWAY_BULK_THRESHOLD);
		timings.lap("validate");
		if (checked == null) {
			return DutychainCli.INVALID;
		}
		Progress progress = ProgressBar.on(err, this.options.progress);
		InitialDataset initial = new InitialDataset(checked, progress);
		try (ConfigurableApplicationContext context = SpringRunner.ephemeral(this.root.application, initial)) {
			timings.lap("db-start");
			DatasetImporter importer = context.getBeanProvider(DatasetImporter.class).getIfAvailable();
			AccountabilityService service = context.getBeanProvider(AccountabilityService.class).getIfAvailable();
			if (importer == null || service == null) {
				err.println("accountable: " + ((importer == null) ? "the importer" : "accountability")
						+ " is not available in this build");
				return DutychainCli.NOT_AVAILABLE;
			}
			if (ImportCommand.DatasetLoading.load(initial, importer, timings, err) == null) {
				return DutychainCli.INVALID;
			}
			timings.lap("load");
			LocalDate date = context.getBean(org.dutychain.organization.Datasets.class).asOf(this.asOf);
			AccountabilityChain chain;
			try {
				chain = (this.target.issue != null) ? service.forIssue(this.target.issue, date)
						: service.forUnit(this.target.unitDomain.unit, domain, date);
			}
			catch (UnknownUnitException ex) {
				err.println("accountable: unknown unit " + ex.unitId());
				return DutychainCli.INVALID;
			}
			catch (UnknownIssueException ex) {
				err.println("accountable: unknown issue " + ex.issueId());
				return DutychainCli.INVALID;
			}
			if ("json".equalsIgnoreCase(this.format)) {
				out.println(SpringRunner.json(context).writeValueAsString(chain));
			}
			else {
				table(chain, out);
			}
			timings.lap("lookup");
			return DutychainCli.OK;
		}
		finally {
			if (timings.phases().containsKey("db-start")) {
				timings.lap("close"); // the database's shutdown and the store's removal
			}
			if (this.options.timings) {
				timings.print(err);
			}
		}
	}

	/**
	 * The chain as a table in Chinese labels: units and people by name with the id in
	 * brackets, responsibility kinds and rules by their labels, vacancies as （无人任职）.
	 */
	static void table(AccountabilityChain chain, PrintStream out) {
		String domain = Labeled.parse(DutyDomain.class, chain.domain()).map(DutyDomain::zh).orElse(chain.domain());
		String unitName = chain.entries()
			.stream()
			.filter((e) -> e.unitId().equals(chain.unitId()))
			.map(AccountabilityEntry::unitName)
			.filter((n) -> n != null)
			.findFirst()
			.orElse(null);
		out.println(((chain.issueId() != null) ? "问题 " + chain.issueId() + " · " : "") + "单位 "
				+ named(unitName, chain.unitId()) + " · 领域 " + domain + " · 评估日期 " + chain.asOf());
		out.println("序号\t责任类型\t单位\t岗位\t责任人\t依据");
		for (AccountabilityEntry e : chain.entries()) {
			out.println(e.rank() + "\t" + e.responsibility().zh() + "\t" + named(e.unitName(), e.unitId()) + "\t"
					+ ((e.postTitle() != null) ? e.postTitle() : "（班子整体）") + "\t"
					+ ((e.personId() != null) ? named(e.personName(), e.personId())
							: (e.postId() != null || e.gap()) ? "（无人任职）" : "—")
					+ "\t" + ((e.ruleZh() != null) ? e.ruleZh() : e.rule()));
		}
		out.println("共 " + chain.entries().size() + " 个责任环节，其中 " + chain.gaps().size() + " 处无人任职");
	}

	/** "name（id）", or the id alone when there is no name. */
	static String named(String name, String id) {
		return (name != null && !name.isBlank()) ? name + "（" + id + "）" : id;
	}

	private static String nz(String s) {
		return (s != null) ? s : "";
	}

}
