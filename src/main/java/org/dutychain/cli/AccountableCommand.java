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
		Timings timings = new Timings();
		CheckedDataset checked = ImportCommand.DatasetLoading.check(this.dataset, err);
		timings.lap("validate");
		if (checked == null) {
			return DutychainCli.INVALID;
		}
		Progress progress = ProgressBar.on(err, this.options.progress);
		try (ConfigurableApplicationContext context = SpringRunner.ephemeral(this.root.application)) {
			timings.lap("db-start");
			DatasetImporter importer = context.getBeanProvider(DatasetImporter.class).getIfAvailable();
			AccountabilityService service = context.getBeanProvider(AccountabilityService.class).getIfAvailable();
			if (importer == null || service == null) {
				err.println("accountable: " + ((importer == null) ? "the importer" : "accountability")
						+ " is not available in this build");
				return DutychainCli.NOT_AVAILABLE;
			}
			if (ImportCommand.DatasetLoading.load(importer, checked, progress, err) == null) {
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
			if (this.options.timings) {
				timings.print(err);
			}
		}
	}

	static void table(AccountabilityChain chain, PrintStream out) {
		out.println(((chain.issueId() != null) ? "问题 " + chain.issueId() + " · " : "") + "单位 " + chain.unitId()
				+ " · 领域 " + chain.domain() + " · " + chain.asOf());
		out.println("#\t责任\t单位\t岗位\t人员\t规则");
		for (AccountabilityEntry e : chain.entries()) {
			out.println(e.rank() + "\t" + e.responsibility().zh() + "\t" + e.unitId() + " " + nz(e.unitName()) + "\t"
					+ nz(e.postTitle()) + "\t"
					+ ((e.personId() != null) ? e.personId() + " " + nz(e.personName()) : "（空缺）") + "\t" + e.rule()
					+ " " + nz(e.ruleZh()));
		}
		out.println(chain.gaps().size() + " gap(s)");
	}

	private static String nz(String s) {
		return (s != null) ? s : "";
	}

}
