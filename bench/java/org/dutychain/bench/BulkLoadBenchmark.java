package org.dutychain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.dutychain.DutychainApplication;
import org.dutychain.config.Progress;
import org.dutychain.ingest.BulkFiles;
import org.dutychain.ingest.BulkLoader;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetGenerator;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.ingest.ImporterReport;
import org.dutychain.ingest.InitialDataset;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Initial load of an empty store (issue 10), not part of the test suite. For each size
 * (generated units) in one run: Neo4j's bulk importer alone on the files our path writes
 * (the baseline, timed after a first run of it that warms up the JVM), our bulk path
 * (validation, CSV files, importer, schema and post-load steps, each timed) and the
 * previous transactional path (validation and batched writes) into a fresh database; the
 * rate in nodes + relationships per second, the ratio of each path's rate to the
 * baseline's, and the peak heap of each path. Run with
 * {@code ./mvnw -o -Pbench verify -Dtest=BulkLoadBenchmark -Dbench.sizes=10000,100000}
 * ({@code -Dbench.memory=1g} sets the importer's off-heap budget, default {@code auto};
 * {@code -Dbench.importer-memories=1g,3g,6g} times the importer alone once per budget on
 * the same files, each row with the importer's own stage times, estimate and peak;
 * {@code -Dbench.ours=false} stops after those;
 * {@code -Dbench.text-ids=false} leaves out the importer on the same content with the
 * ids as text (the store switch's files);
 * {@code -Dbench.transactional=false} skips the transactional path,
 * {@code -Dbench.replace=false} the two ways of replacing the dataset of a running server:
 * the previous generation writer and the store switch, each into a server that holds
 * another dataset of the same size). Nothing here asserts a time.
 */
class BulkLoadBenchmark {

	private static final Map<String, Object> COMMON = Map.of("dutychain.ephemeral", "true", "dutychain.bolt-port",
			"0", "dutychain.demo-on-empty", "false", "dutychain.page-cache", "1g", "logging.level.org.dutychain",
			"WARN");

	private boolean ours;

	private boolean textIds;

	/**
	 * The importer's budgets to time it alone with: {@code bench.importer-memories}
	 * (comma-separated), else {@code memory} alone.
	 */
	private static List<String> importerMemories(String memory) {
		String list = System.getProperty("bench.importer-memories", "").strip();
		return list.isEmpty() ? List.of(memory) : List.of(list.split("\\s*,\\s*"));
	}

	@Test
	void initialLoad() throws IOException {
		List<Integer> sizes = BenchSizes.of("bench.sizes", "10000");
		String memory = System.getProperty("bench.memory", "auto");
		boolean transactional = Boolean.parseBoolean(System.getProperty("bench.transactional", "true"));
		boolean replace = Boolean.parseBoolean(System.getProperty("bench.replace", "true"));
		this.ours = Boolean.parseBoolean(System.getProperty("bench.ours", "true"));
		this.textIds = Boolean.parseBoolean(System.getProperty("bench.text-ids", "true"));
		List<String> table = new ArrayList<>();
		for (int units : sizes) {
			table.addAll(measure(units, memory, transactional, replace));
		}
		System.out.printf(Locale.ROOT, "%n== dutychain initial load: bulk importer baseline vs our bulk path vs "
				+ "transactional (importer memory %s, %d cores) ==%n", memory, Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", "units", "path", "entities", "ms",
				"entities/s", "vs baseline", "peak heap MB");
		System.out.println("|---|---|---|---|---|---|---|");
		table.forEach(System.out::println);
	}

	private List<String> measure(int units, String memory, boolean withTransactional, boolean withReplace)
			throws IOException {
		Path work = Files.createTempDirectory("dutychain-bulk-bench");
		List<String> rows = new ArrayList<>();
		try {
			Path dataset = work.resolve("dataset");
			DatasetGenerator.standalone().generate(units, 42, 0.02, dataset);

			// the baseline: the importer alone, on the files our path writes (numbered
			// nodes, --id-type=actual)
			BulkFiles files = BulkLoader.writeNumberedFiles(dataset, work.resolve("files"));
			long entities = files.entities();
			// the importer's first run in this JVM compiles its code as it goes (at 100k
			// it took 32–40 s where a second run on the same files took 21–34 s): a run
			// to warm up, printed, not the baseline — our path runs warm after it
			System.gc();
			long warmT = System.nanoTime();
			ImporterReport warmUp = BulkLoader.runImporter(Files.createDirectories(work.resolve("baseline")), files,
					importerMemories(memory).get(0));
			rows.add(String.format(Locale.ROOT,
					"| %d | (the importer's first run in this JVM, to warm it up: %d ms; %s) | | | | | |", units,
					ms(warmT), warmUp.summary()));
			delete(work.resolve("baseline"));
			long baselineMs = -1;
			long baselineHeap = -1;
			// the importer alone once per budget of bench.importer-memories (A/B on the same
			// files), the first one the baseline
			for (String budget : importerMemories(memory)) {
				System.gc();
				HeapPeaks.reset();
				long t = System.nanoTime();
				ImporterReport report = BulkLoader.runImporter(Files.createDirectories(work.resolve("baseline")),
						files, budget);
				long ms = ms(t);
				if (baselineMs < 0) {
					baselineMs = ms;
					baselineHeap = HeapPeaks.peakMb();
				}
				rows.add(row(units, "bulk importer alone, " + report.summary(), entities, ms, baselineMs,
						HeapPeaks.peakMb()));
				if (!report.warnings().isEmpty()) {
					rows.add(String.format(Locale.ROOT, "| %d | (importer warnings: %s) | | | | | |", units,
							report.warnings().replace('\n', ' ')));
				}
				delete(work.resolve("baseline"));
			}
			delete(work.resolve("files"));
			if (this.textIds) {
				// the same content with the ids as text, as the store switch writes it (and
				// every initial load did before session 14): the importer maps them
				CheckedDataset once = CheckedDataset.check(dataset);
				BulkFiles text = BulkLoader.writeFiles(once, Files.createDirectories(work.resolve("text")));
				once = null;
				System.gc();
				HeapPeaks.reset();
				long t = System.nanoTime();
				ImporterReport report = BulkLoader.runImporter(Files.createDirectories(work.resolve("baseline")),
						text, importerMemories(memory).get(0));
				rows.add(row(units, "bulk importer alone, ids as text, " + report.summary(), text.entities(), ms(t),
						baselineMs, HeapPeaks.peakMb()));
				delete(work.resolve("baseline"));
				delete(work.resolve("text"));
			}
			if (!this.ours) {
				rows.forEach(System.out::println);
				return rows;
			}
			long t;

			// ours, as the CLI runs it for an empty store: validation (writing the
			// importer's files from the rows it reads), the rest of the files, importer,
			// schema and post-load steps
			System.gc();
			HeapPeaks.reset();
			t = System.nanoTime();
			CheckedDataset checked = CheckedDataset.checkForEmptyStore(dataset, 0);
			long validateMs = ms(t);
			InitialDataset initial = new InitialDataset(checked, Progress.NONE);
			long startMs;
			t = System.nanoTime();
			try (ConfigurableApplicationContext context = start(initial, "0", memory)) {
				startMs = ms(t);
			}
			long oursHeap = HeapPeaks.peakMb();
			Map<String, Long> phases = new LinkedHashMap<>(initial.phases());
			if (initial.loaded().isEmpty()) {
				throw new IllegalStateException("the bulk path did not run");
			}
			long oursMs = validateMs + phases.values().stream().mapToLong(Long::longValue).sum();
			rows.add(row(units, "our bulk path: validate " + validateMs + " + files " + phases.get("write")
					+ " + importer " + phases.get("import") + " + schema " + phases.get("schema") + " ms", entities,
					oursMs, baselineMs, oursHeap));
			rows.add(String.format(Locale.ROOT, "| %d | (database and context start around it: %d ms) | | | | | |",
					units, startMs - phases.values().stream().mapToLong(Long::longValue).sum()));

			if (withTransactional) {
				checked = null;
				initial = null;
				System.gc();
				HeapPeaks.reset();
				try (ConfigurableApplicationContext context = start(null, Long.toString(Long.MAX_VALUE), memory)) {
					t = System.nanoTime();
					CheckedDataset again = CheckedDataset.check(dataset);
					validateMs = ms(t);
					ImportResult result = context.getBean(DatasetImporter.class).importChecked(again, Progress.NONE);
					long txMs = validateMs + result.durationMs();
					rows.add(row(units, "previous transactional path: validate " + validateMs + " + writes "
							+ result.durationMs() + " ms", entities, txMs, baselineMs, HeapPeaks.peakMb()));
				}
			}

			if (withReplace) {
				checked = null;
				initial = null;
				// the dataset a running server holds before: same size, another seed
				Path before = work.resolve("before");
				DatasetGenerator.standalone().generate(units, 43, 0.02, before);
				rows.add(replace(units, "replace on a running server, previous generation writer", before, dataset,
						Long.toString(Long.MAX_VALUE), memory, entities, baselineMs));
				rows.add(replace(units, "replace on a running server, store switch", before, dataset, "0", memory,
						entities, baselineMs));
			}
		}
		finally {
			delete(work);
		}
		rows.forEach(System.out::println);
		return rows;
	}

	/**
	 * A server holding {@code before} (bulk-loaded at its start) replaces it with
	 * {@code dataset}: validation and the import, timed from the call to its return (the
	 * store switch includes retiring the old store).
	 */
	private String replace(int units, String path, Path before, Path dataset, String threshold, String memory,
			long entities, long baselineMs) {
		System.gc();
		InitialDataset initial = new InitialDataset(CheckedDataset.check(before), Progress.NONE);
		try (ConfigurableApplicationContext context = start(initial, "0", memory, threshold)) {
			if (initial.loaded().isEmpty()) {
				throw new IllegalStateException("the dataset before the replace was not bulk-loaded");
			}
			initial = null;
			System.gc();
			HeapPeaks.reset();
			long cpu = cpuMs();
			long t = System.nanoTime();
			CheckedDataset again = CheckedDataset.check(dataset);
			long validateMs = ms(t);
			ImportResult result = context.getBean(DatasetImporter.class).importChecked(again, Progress.NONE);
			long totalMs = ms(t);
			return row(units, path + ": validate " + validateMs + " + import " + result.durationMs() + " ms (CPU "
					+ (cpuMs() - cpu) + " ms, generation " + result.generation() + ")", entities, totalMs, baselineMs,
					HeapPeaks.peakMb());
		}
	}

	/** CPU time of this process so far (every thread, the database's included). */
	private static long cpuMs() {
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
			.getOperatingSystemMXBean();
		return (os instanceof com.sun.management.OperatingSystemMXBean sun) ? sun.getProcessCpuTime() / 1_000_000
				: -1;
	}

	private static String row(int units, String path, long entities, long ms, long baselineMs, long heapMb) {
		double rate = entities * 1000.0 / Math.max(1, ms);
		return String.format(Locale.ROOT, "| %,d | %s | %,d | %,d | %,.0f | %.2f× | %,d |", units, path, entities, ms,
				rate, baselineMs / (double) Math.max(1, ms), heapMb);
	}

	private static ConfigurableApplicationContext start(InitialDataset initial, String threshold, String memory) {
		return start(initial, threshold, memory, threshold);
	}

	/**
	 * @param initialThreshold the bulk threshold while the store is loaded at start
	 * @param threshold the bulk threshold of imports into the running server
	 */
	private static ConfigurableApplicationContext start(InitialDataset initial, String initialThreshold,
			String memory, String threshold) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(DutychainApplication.class)
			.web(WebApplicationType.NONE)
			.properties(COMMON)
			.properties(Map.of("dutychain.import.bulk-threshold", initialThreshold, "dutychain.import.switch-threshold",
					threshold, "dutychain.import.bulk-memory", memory));
		if (initial != null) {
			builder.initializers(initial.initializer());
		}
		return builder.run();
	}

	private static long ms(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}
