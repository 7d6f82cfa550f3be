package org.dutychain.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dutychain.config.EmbeddedStart;
import org.dutychain.config.ImportLimits;
import org.dutychain.config.Progress;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.ingest.InitialDataset;
import org.dutychain.ingest.InvalidDatasetException;
import org.dutychain.security.AuditLog;
import org.dutychain.security.ScopeChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import <dataset> [--data-dir DIR] [--confirm-scopes]}: replaces the dataset of
 * the persistent embedded database. The dataset is validated before the database starts;
 * when users' scope units vanish or are renamed in it, nothing is imported without
 * {@code --confirm-scopes} (exit 2). The import is in the audit log (user {@code cli}).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Import a dataset (CSV folder, .zip or .xlsx) into the embedded database.")
final class ImportCommand implements Callable<Integer> {

	@ParentCommand
	DutychainCli.Root root;

	@Parameters(index = "0", paramLabel = "<dataset>", description = "CSV folder, .zip of it, or .xlsx workbook")
	Path dataset;

	@Option(names = "--data-dir", paramLabel = "DIR", description = "embedded database folder (default ./data/neo4j)")
	Path dataDir;

	@Option(names = "--confirm-scopes",
			description = "import even though users' scope units vanish or are renamed in the new dataset")
	boolean confirmScopes;

	@Mixin
	RunOptions options = new RunOptions();

	@Override
	public Integer call() {
		PrintStream out = DutychainCli.stdout();
		PrintStream err = DutychainCli.stderr();
		Timings timings = this.options.timings(err);
		CheckedDataset checked = isNew(this.dataDir)
				? DatasetLoading.checkForEmptyStore(this.dataset, err, EmbeddedStart.configuredBulkThreshold())
				: DatasetLoading.check(this.dataset, err);
		timings.lap("validate");
		if (checked == null) {
			return DutychainCli.INVALID;
		}
		err.println("Importing " + this.dataset + " …");
		Progress progress = ProgressBar.on(err, this.options.progress);
		InitialDataset initial = new InitialDataset(checked, progress);
		try (ConfigurableApplicationContext context = SpringRunner.persistent(this.root.application, this.dataDir,
				initial)) {
			timings.lap("db-start");
			DatasetImporter importer = context.getBeanProvider(DatasetImporter.class).getIfAvailable();
			if (importer == null) {
				err.println("import: the importer is not available in this build");
				return DutychainCli.NOT_AVAILABLE;
			}
			List<ScopeChanges.Change> scopes = context.getBean(ScopeChanges.class).of(checked.unitNames());
			if (!scopes.isEmpty() && !this.confirmScopes) {
				ProgressBar.close(progress);
				err.println("SCOPES_WOULD_CHANGE 导入将改变 " + scopes.size() + " 处用户范围 / the import changes "
						+ scopes.size() + " user scope(s):");
				scopes.forEach((c) -> err.println("  " + c.zh() + " / " + c.en()));
				err.println("Nothing was imported; change these users' scopes first or pass --confirm-scopes");
				return DutychainCli.INVALID;
			}
			ImportResult result = DatasetLoading.load(initial, importer, timings, err);
			timings.lap("load");
			if (result == null) {
				return DutychainCli.INVALID;
			}
			context.getBean(AuditLog.class)
				.record(AuditLog.IMPORT, checked.displayName(), "imported as generation " + result.generation()
						+ (scopes.isEmpty() ? "" : "; confirmed scope changes: " + ScopeChanges.en(scopes)));
			out.println("Imported " + result.dataset() + " (generation " + result.generation() + ", as of "
					+ result.asOf() + ") in " + result.durationMs() + " ms");
			result.counts().forEach((file, rows) -> out.println("  " + file + ": " + rows));
			return DutychainCli.OK;
		}
		finally {
			if (this.options.timings) {
				timings.print(err);
			}
		}
	}

	/**
	 * Whether {@code --data-dir} names a folder that does not exist yet or is empty: its
	 * store starts empty, so a large dataset goes through the bulk importer.
	 */
	static boolean isNew(Path dataDir) {
		if (dataDir == null) {
			return false;
		}
		if (!Files.exists(dataDir)) {
			return true;
		}
		try (java.util.stream.Stream<Path> entries = Files.list(dataDir)) {
			return entries.findAny().isEmpty();
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	/** Shared by the commands that import a dataset first. */
	static final class DatasetLoading {

		private DatasetLoading() {
		}

		static boolean exists(Path dataset, PrintStream err) {
			if (!Files.exists(dataset)) {
				err.println(dataset + ":0:: MISSING_FILE dataset not found");
				return false;
			}
			return true;
		}

		/**
		 * Reads and validates the dataset before any database starts; on problems prints
		 * each as {@code file:row:column: CODE message} and returns null.
		 */
		static CheckedDataset check(Path dataset, PrintStream err) {
			return check(dataset, err, (limits) -> CheckedDataset.check(dataset, limits));
		}

		/**
		 * {@link #check(Path, PrintStream)} for a dataset that goes into an empty store:
		 * from {@code bulkThreshold} rows on, the bulk importer's files are written while
		 * it is validated — a new data folder at {@code dutychain.import.bulk-threshold}
		 * ({@link EmbeddedStart#configuredBulkThreshold()}), the throw-away database of
		 * {@code audit} and {@code accountable} whatever its size
		 * ({@link SpringRunner#THROWAWAY_BULK_THRESHOLD}).
		 */
		static CheckedDataset checkForEmptyStore(Path dataset, PrintStream err, long bulkThreshold) {
			return check(dataset, err, (limits) -> CheckedDataset.checkForEmptyStore(dataset, limits, bulkThreshold));
		}

		private static CheckedDataset check(Path dataset, PrintStream err,
				Function<ImportLimits, CheckedDataset> validation) {
			if (!exists(dataset, err)) {
				return null;
			}
			// the configured limits: no Spring context reads them this early
			ImportLimits limits = ImportLimits.fromEnvironment();
			CheckedDataset checked = validation.apply(limits);
			if (!checked.valid()) {
				checked.problems().forEach((p) -> err.println(p.toString()));
				err.println(checked.problems().size() + " problem(s); nothing was imported");
				return null;
			}
			checked.warnings().forEach((w) -> err.println("warning: " + w));
			ShortRunCompiler.forDataset(checked.rows());
			return checked;
		}

		/**
		 * The result of the bulk load at the database's start (its time moved from
		 * {@code db-start} to {@code load}), else the import of the dataset now.
		 */
		static ImportResult load(InitialDataset initial, DatasetImporter importer, Timings timings, PrintStream err) {
			java.util.Optional<ImportResult> bulk = initial.loaded();
			// files written for the bulk importer that did not run (the store held data)
			initial.dataset().discardBulkFiles();
			if (bulk.isPresent()) {
				ProgressBar.close(initial.progress());
				timings.split("db-start", "load", bulk.get().durationMs());
				// the bulk load's parts: the importer's files, the importer, the schema
				Map<String, Long> parts = initial.phases();
				timings.detail("load (ms): " + Stream.of("write", "import", "schema")
					.filter(parts::containsKey)
					.map((part) -> part + "=" + parts.get(part))
					.collect(Collectors.joining(" ")));
				initial.importer().ifPresent((report) -> timings.detail(report.summary()));
				return bulk.get();
			}
			return load(importer, initial.dataset(), initial.progress(), err);
		}

		/** Imports a checked dataset; null (problems printed) when it is refused. */
		static ImportResult load(DatasetImporter importer, CheckedDataset checked, Progress progress, PrintStream err) {
			try {
				return importer.importChecked(checked, progress);
			}
			catch (InvalidDatasetException ex) {
				ex.problems().forEach((p) -> err.println(p.toString()));
				err.println(ex.problems().size() + " problem(s); nothing was imported");
				return null;
			}
			finally {
				ProgressBar.close(progress);
			}
		}

	}

}
