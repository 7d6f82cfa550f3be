package org.dutychain.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.dutychain.ingest.DatasetGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code generate --units N [--seed S] [--plant-rate R] --out DIR}: a synthetic dataset
 * with its truth.csv (no database is started).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = "Write a synthetic dataset in the import format, with truth.csv of planted gaps.")
final class GenerateCommand implements Callable<Integer> {

	@ParentCommand
	DutychainCli.Root root;

	@Option(names = "--units", required = true, paramLabel = "N", description = "approximate number of units")
	int units;

	@Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "random seed (default 1)")
	long seed;

	@Option(names = "--plant-rate", defaultValue = "0.05", paramLabel = "R",
			description = "share of eligible places where a gap is planted (default 0.05)")
	double plantRate;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write")
	Path out;

	@Override
	public Integer call() {
		PrintStream out = DutychainCli.stdout();
		PrintStream err = DutychainCli.stderr();
		if (this.units <= 0 || this.plantRate < 0 || this.plantRate > 1) {
			err.println("generate: --units must be positive and --plant-rate between 0 and 1");
			return DutychainCli.INVALID;
		}
		err.println("Generating about " + this.units + " units (seed " + this.seed + ", plant rate " + this.plantRate
				+ ") into " + this.out + " …");
		Map<String, Integer> counts = DatasetGenerator.standalone()
			.generate(this.units, this.seed, this.plantRate, this.out);
		out.println("Wrote " + this.out);
		counts.forEach((file, rows) -> out.println("  " + file + ": " + rows));
		return DutychainCli.OK;
	}

}
