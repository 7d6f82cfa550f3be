package org.dutychain.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.dutychain.config.ImportLimits;
import org.dutychain.ingest.BulkLoader;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetGenerator;
import org.junit.jupiter.api.Test;

/**
 * Memory and time of validating a generated dataset and of writing the bulk importer's
 * files from it (issue 10: import memory bounded by ids, not rows). Per size: CPU time of
 * the validating thread, its wall time, the peak heap (an upper bound: garbage not yet
 * collected counts) and the heap still in use after a full GC while the checked dataset
 * is held (what the dataset keeps between validation and writing), then the same for the
 * files, then validation with the numbered files of an empty store's initial load
 * written beside it (its wall time and peak heap). Run: {@code ./mvnw -o -Pbench verify -Dtest=ValidationBenchmark
 * -Dbench.sizes=10000,100000} (add {@code -Dneo4j.jvm.flags=-Xmx1g} to bound the heap; the
 * import limits are the command line's, {@code dutychain.import.limits.*}).
 */
class ValidationBenchmark {

	@Test
	void validate() throws IOException {
		List<Integer> sizes = BenchSizes.of("bench.sizes", "10000");
		List<String> table = new ArrayList<>();
		for (int units : sizes) {
			Path work = Files.createTempDirectory("dutychain-validation-bench");
			try {
				Path dataset = work.resolve("dataset");
				DatasetGenerator.standalone().generate(units, 42, 0.02, dataset);
				System.gc();
				long before = used();
				HeapPeaks.reset();
				var threads = ManagementFactory.getThreadMXBean();
				long cpu = threads.getCurrentThreadCpuTime();
				long t = System.nanoTime();
				// the limits as the command line reads them (1 M units pass the default 4 GB
				// only with e.g. DUTYCHAIN_IMPORT_LIMITS_DECOMPRESSED=16GB)
				CheckedDataset checked = CheckedDataset.check(dataset, ImportLimits.fromEnvironment());
				long wallMs = (System.nanoTime() - t) / 1_000_000;
				long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
				long peak = HeapPeaks.peakMb();
				System.gc();
				long held = (used() - before) >> 20;
				if (!checked.valid()) {
					throw new IllegalStateException("generated dataset invalid: " + checked.problems());
				}
				HeapPeaks.reset();
				cpu = threads.getCurrentThreadCpuTime();
				t = System.nanoTime();
				BulkLoader.writeFiles(checked, Files.createDirectories(work.resolve("files")));
				long filesWallMs = (System.nanoTime() - t) / 1_000_000;
				long filesCpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
				long filesPeak = HeapPeaks.peakMb();
				long rows = checked.rows();
				checked = null;
				delete(work.resolve("files"));
				// as the initial load of an empty store runs: validation with the numbered
				// files written beside it on a second thread (wall time, both threads' heap)
				System.gc();
				HeapPeaks.reset();
				t = System.nanoTime();
				BulkLoader.writeNumberedFiles(dataset, work.resolve("numbered"), ImportLimits.fromEnvironment());
				long stagedWallMs = (System.nanoTime() - t) / 1_000_000;
				long stagedPeak = HeapPeaks.peakMb();
				delete(work.resolve("numbered"));
				table.add(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d |", units,
						rows, cpuMs, wallMs, peak, held, filesCpuMs, filesWallMs, filesPeak, stagedWallMs,
						stagedPeak));
				System.out.println("measured " + table.get(table.size() - 1));
			}
			finally {
				delete(work);
			}
		}
		System.out.printf(Locale.ROOT, "%n== validation and bulk files (max heap %d MB) ==%n",
				Runtime.getRuntime().maxMemory() >> 20);
		System.out.println("| units | rows | validate CPU ms | validate wall ms | validate peak heap MB "
				+ "| held after GC MB | files CPU ms | files wall ms | files peak heap MB "
				+ "| validate + numbered files wall ms | their peak heap MB |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
		table.forEach(System.out::println);
	}

	private static void delete(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> all = Files.walk(folder)) {
				all.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	private static long used() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
