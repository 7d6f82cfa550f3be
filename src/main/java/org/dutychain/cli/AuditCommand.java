package org.dutychain.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Severity;
import org.dutychain.config.Progress;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.InitialDataset;
import org.dutychain.organization.Datasets;
import org.dutychain.organization.UnitDirectory;
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
		Timings timings = this.options.timings(err);
		try {
			return audit(err, timings);
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

	private int audit(PrintStream err, Timings timings) throws IOException {
		// validated before the database starts: a broken dataset is rejected in a moment
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
			if (importer == null) {
				err.println("audit: the importer is not available in this build");
				return DutychainCli.NOT_AVAILABLE;
			}
			if (ImportCommand.DatasetLoading.load(initial, importer, timings, err) == null) {
				return DutychainCli.INVALID;
			}
			timings.lap("load");
			AuditDocument audit;
			try {
				AnalysisService.TimedAudit timed = context.getBean(AnalysisService.class)
					.timedAudit(this.scope, this.asOf, progress);
				audit = timed.document();
				timings.detail(auditDetail(timed));
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
				case text -> write((o) -> text(audit, titles(context), names(context), o));
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

	/**
	 * {@code audit (ms): shared ScopedGraph=… $weakNow=…; duty-cascade=… …}: the shared
	 * loads, then each analysis (counting its wait for a shared load), longest first.
	 */
	static String auditDetail(AnalysisService.TimedAudit timed) {
		StringBuilder b = new StringBuilder("audit (ms): shared");
		timed.sharedMillis().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
		b.append(';');
		timed.document()
			.analyses()
			.stream()
			.sorted(Comparator.comparingLong(AuditDocument.AnalysisSummary::durationMs).reversed())
			.forEach((a) -> b.append(' ').append(a.id()).append('=').append(a.durationMs()));
		return b.toString();
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

	/** Unit id → name in the active dataset. */
	static Map<String, String> names(ConfigurableApplicationContext context) {
		Map<String, String> names = new HashMap<>();
		UnitDirectory units = context.getBeanProvider(UnitDirectory.class).getIfAvailable();
		Datasets datasets = context.getBeanProvider(Datasets.class).getIfAvailable();
		if (units != null && datasets != null) {
			units.search(datasets.active().generation(), "", Integer.MAX_VALUE)
				.forEach((u) -> names.put(u.id(), u.name()));
		}
		return names;
	}

	/** Finding code → Chinese title, from the analysis headers. */
	static Map<String, String> titles(ConfigurableApplicationContext context) {
		Map<String, String> titles = new HashMap<>();
		AnalysisService analyses = context.getBeanProvider(AnalysisService.class).getIfAvailable();
		if (analyses != null) {
			for (AnalysisDefinition d : analyses.definitions()) {
				titles.put(d.id(), d.titleZh());
				d.codes().values().forEach((c) -> titles.put(c.code(), c.titleZh()));
			}
		}
		return titles;
	}

	/**
	 * The audit as text in Chinese labels: per level the units, pressure and coverage,
	 * then one line per finding (severity 高/中/低, the finding's title, level, unit,
	 * message) and a count per severity.
	 */
	static void text(AuditDocument audit, Map<String, String> titles, Map<String, String> names, OutputStream out) {
		PrintStream p = new PrintStream(out, false, StandardCharsets.UTF_8);
		p.println("审计：" + audit.dataset() + " · 评估日期 " + audit.asOf()
				+ ((audit.scope() != null) ? " · 范围 " + audit.scope() : ""));
		for (AuditDocument.LevelSummary level : audit.levels()) {
			double covered = level.coverage().values().stream().mapToDouble(Double::doubleValue).min().orElse(1.0);
			p.printf(java.util.Locale.ROOT, "第%d级：%d 个单位，平均压力 %.2f，冷单位 %.0f%%%s%n", level.level(), level.units(),
					level.pressureMean(), level.coldShare() * 100, level.coverage().isEmpty() ? ""
							: String.format(java.util.Locale.ROOT, "，清单覆盖最低 %.0f%%", Math.floor(covered * 100)));
		}
		p.println("严重程度\t发现\t层级\t单位\t说明");
		Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
		for (Finding f : audit.findings()) {
			counts.merge(f.severity(), 1, Integer::sum);
			p.println(f.severity().zh() + "\t" + titles.getOrDefault(f.code(), f.code()) + "\t"
					+ ((f.level() > 0) ? "第" + f.level() + "级" : "—") + "\t"
					+ ((f.unitId() != null) ? AccountableCommand.named(names.get(f.unitId()), f.unitId()) : "—") + "\t"
					+ f.messageZh());
		}
		p.println("共 " + audit.findings().size() + " 项发现（高 " + counts.getOrDefault(Severity.HIGH, 0) + "，中 "
				+ counts.getOrDefault(Severity.MEDIUM, 0) + "，低 " + counts.getOrDefault(Severity.LOW, 0) + "）");
		p.flush();
		if (p.checkError()) {
			throw new UncheckedIOException(new IOException("could not write the audit"));
		}
	}

}
