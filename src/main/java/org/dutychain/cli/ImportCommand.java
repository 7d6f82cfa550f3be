package org.dutychain.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.ingest.InvalidDatasetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import <dataset> [--data-dir DIR]}: replaces the dataset of the persistent
 * embedded database.
 */
@Command(name = "import", description = "Import a dataset (CSV folder, .zip or .xlsx) into the embedded database.")
final class ImportCommand implements Callable<Integer> {

	@ParentCommand
	DutychainCli.Root root;

	@Parameters(index = "0", paramLabel = "<dataset>", description = "CSV folder, .zip of it, or .xlsx workbook")
	Path dataset;

	@Option(names = "--data-dir", paramLabel = "DIR", description = "embedded database folder (default ./data/neo4j)")
	Path dataDir;

	@Override
	public Integer call() {
		PrintStream out = DutychainCli.stdout();
		PrintStream err = DutychainCli.stderr();
		if (!DatasetLoading.exists(this.dataset, err)) {
			return DutychainCli.INVALID;
		}
		err.println("Importing " + this.dataset + " …");
		try (ConfigurableApplicationContext context = SpringRunner.persistent(this.root.application, this.dataDir)) {
			DatasetImporter importer = context.getBeanProvider(DatasetImporter.class).getIfAvailable();
			if (importer == null) {
				err.println("import: the importer is not available in this build");
				return DutychainCli.NOT_AVAILABLE;
			}
			ImportResult result = DatasetLoading.load(importer, this.dataset, err);
			if (result == null) {
				return DutychainCli.INVALID;
			}
			out.println("Imported " + result.dataset() + " (generation " + result.generation() + ", as of "
					+ result.asOf() + ") in " + result.durationMs() + " ms");
			result.counts().forEach((file, rows) -> out.println("  " + file + ": " + rows));
			return DutychainCli.OK;
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
		 * Imports; on an invalid dataset prints every problem as
		 * {@code file:row:column: CODE message} and returns null.
		 */
		static ImportResult load(DatasetImporter importer, Path dataset, PrintStream err) {
			try {
				ImportResult result = importer.importPath(dataset);
				result.warnings().forEach((w) -> err.println("warning: " + w));
				return result;
			}
			catch (InvalidDatasetException ex) {
				ex.problems().forEach((p) -> err.println(p.toString()));
				err.println(ex.problems().size() + " problem(s); nothing was imported");
				return null;
			}
		}

	}

}
