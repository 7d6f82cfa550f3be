package org.dutychain.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Severity;
import org.dutychain.config.Progress;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.organization.UnknownUnitException;
import org.dutychain.report.AuditReports;
import org.dutychain.report.ReportFormat;
import org.dutychain.report.ReportOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code audit <dataset>}: imports into a throw-away embedded database, runs every
 * analysis and writes the audit. The dataset is validated before the database starts.
 * Exit codes: see {@link ExitCodes} (2 = invalid dataset, one
 * {@code file:row:column: CODE message} line per problem on stderr).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
		description = "Audit a dataset in a throw-away database and print every finding.")
final class AuditCommand implements Callable<Integer> {

	enum Format {

		json, text, xlsx, html, pdf

	}

	@ParentCommand
	DutychainCli.Root root;

	@Parameters(index = "0", paramLabel = "<dataset>", description = "CSV folder, .zip of it, or .xlsx workbook")
	Path dataset;

	@Option(names = "--as-of", paramLabel = "yyyy-MM-dd",
			description = "evaluation date (default: the dataset's as_of)")
	LocalDate asOf;

	@Option(names = "--scope", paramLabel = "UNIT", description = "unit id: audit only what it leads (PRIMARY, DUAL)")
	String scope;

	@Option(names = "--format", defaultValue = "json", description = "json (default), text, xlsx, html or pdf")
	Format format;

	@Option(names = "--out", paramLabel = "F", description = "write to this file instead of stdout")
	Path out;

	@Mixin
	RunOptions options = new RunOptions();

	@Option(names = "--appendix", description = "xlsx, html, pdf: add the rule source (Cypher) as an appendix")
	boolean appendix;

	@Override
	public Integer call() throws IOException {
		PrintStream err = DutychainCli.stderr();
		Timings timings = new Timings();
		try {
			return audit(err, timings);
		}
		finally {
			if (this.options.timings) {
				timings.print(err);
			}
		}
	}

	private int audit(PrintStream err, Timings timings) throws IOException {
		// validated before the database starts: a broken dataset is rejected in a moment
		CheckedDataset checked = ImportCommand.DatasetLoading.check(this.dataset, err);
		timings.lap("validate");
		if (checked == null) {
			return DutychainCli.INVALID;
		}
		Progress progress = ProgressBar.on(err, this.options.progress);
		try (ConfigurableApplicationContext context = SpringRunner.ephemeral(this.root.application)) {
			timings.lap("db-start");
			DatasetImporter importer = context.getBeanProvider(DatasetImporter.class).getIfAvailable();
			if (importer == null) {
				err.println("audit: the importer is not available in this build");
				return DutychainCli.NOT_AVAILABLE;
			}
			if (ImportCommand.DatasetLoading.load(importer, checked, progress, err) == null) {
				return DutychainCli.INVALID;
			}
			timings.lap("load");
			AuditDocument audit;
			try {
				audit = context.getBean(AnalysisService.class).audit(this.scope, this.asOf, progress);
			}
			catch (UnknownUnitException ex) {
				err.println("audit: unknown scope unit " + ex.unitId());
				return DutychainCli.INVALID;
			}
			finally {
				ProgressBar.close(progress);
			}
			timings.lap("audit");
			int code = audit.findings().stream().anyMatch((f) -> f.severity() == Severity.HIGH)
					? DutychainCli.HIGH_FINDINGS : DutychainCli.OK;
			err.println("Audit: " + audit.findings().size() + " finding(s), "
					+ audit.findings().stream().filter((f) -> f.severity() == Severity.HIGH).count() + " HIGH");
			switch (this.format) {
				case json -> write((o) -> json(context, audit, o));
				case text -> write((o) -> text(audit, o));
				default -> {
					AuditReports reports = context.getBeanProvider(AuditReports.class).getIfAvailable();
					if (reports == null) {
						err.println("audit: --format " + this.format
								+ " needs the report module, not available in this build");
						return DutychainCli.NOT_AVAILABLE;
					}
					ReportFormat reportFormat = ReportFormat
						.valueOf(this.format.name().toUpperCase(java.util.Locale.ROOT));
					// the report of this audit: not computed a second time
					write((o) -> reports.write(audit, reportFormat, null,
							new ReportOptions(System.getProperty("user.name"), this.appendix), o));
				}
			}
			timings.lap("output");
			return code;
		}
	}

	private interface Writer {

		void write(OutputStream out) throws IOException;

	}

	private void write(Writer writer) throws IOException {
		if (this.out != null) {
			Path parent = this.out.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try (OutputStream o = Files.newOutputStream(this.out)) {
				writer.write(o);
			}
		}
		else {
			writer.write(System.out);
			System.out.flush();
		}
	}

	private static void json(ConfigurableApplicationContext context, AuditDocument audit, OutputStream out)
			throws IOException {
		byte[] bytes = SpringRunner.json(context).writeValueAsBytes(audit);
		out.write(bytes);
		out.write('\n');
	}

	private static void text(AuditDocument audit, OutputStream out) {
		PrintStream p = new PrintStream(out, false, StandardCharsets.UTF_8);
		p.println("Audit of " + audit.dataset() + " as of " + audit.asOf()
				+ ((audit.scope() != null) ? " (scope " + audit.scope() + ")" : ""));
		for (AuditDocument.LevelSummary level : audit.levels()) {
			p.printf(java.util.Locale.ROOT, "level %d: %d units, pressure mean %.2f, cold %.0f%%%n", level.level(),
					level.units(), level.pressureMean(), level.coldShare() * 100);
		}
		for (Finding f : audit.findings()) {
			p.println(f.severity() + "\t" + f.key() + "\t" + f.messageZh());
		}
		p.println(audit.findings().size() + " finding(s)");
		p.flush();
		if (p.checkError()) {
			throw new UncheckedIOException(new IOException("could not write the audit"));
		}
	}

}
