package org.dutychain.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dutychain.DutychainApplication;
import org.dutychain.cli.CliRelaunch;
import org.dutychain.config.MachineMemory;
import org.dutychain.ingest.ImporterMemory;
import org.dutychain.support.ChildJvm;
import org.junit.jupiter.api.Test;

/**
 * The national run of issue 10, not part of the test suite: for each size in
 * {@code bench.national.sizes} (units; default {@code 10000,100000}) the CLI is run as a
 * user runs it, each command in a JVM of its own: {@code generate --units N} with heap
 * {@code bench.national.generate-xmx} (default {@code 512m}: the generator works in
 * segments of 20,000 units, so its memory must not grow with N), then {@code audit <dataset>
 * --timings} with heap {@code bench.national.xmx} (default {@code 8g}): validation, a throw-away store loaded through the bulk importer above the
 * bulk threshold, the whole audit, the JSON written to a file. It records the wall time
 * of each command and of each phase the CLI reports (with the bulk load's parts and the
 * stages, budget and estimate of Neo4j's importer), and the peak resident memory of each
 * process ({@code VmHWM}). From the measured sizes (those from 100k units up when there
 * are two, since start-up costs dominate small ones) it fits time and memory to a power
 * of the size (a straight line on a log-log scale, least squares) and extrapolates them to
 * the country's 5.25 million grassroots organizations; prints a Markdown table and a
 * Mermaid chart for the README. Run with
 * {@code ./mvnw -o -Pbench verify -Dtest=NationalBenchmark -Dbench.national.sizes=10000,100000,300000,1000000}.
 * Nothing here asserts a time.
 */
class NationalBenchmark {

	static final long NATIONAL = 5_250_000;

	private static final Pattern TIMINGS = Pattern.compile("timings \\(ms\\):(.*)");

	/**
	 * The lines below the CLI's timings: the bulk load's parts, Neo4j's importer (its
	 * stages, budget, estimate and peak memory) and the audit's analyses.
	 */
	private static final Pattern DETAILS = Pattern.compile("(?m)^(load \\(ms\\):.*|importer \\(ms\\):.*|audit \\(ms\\):.*)$");

	@Test
	void nationalRun() throws Exception {
		List<Integer> sizes = BenchSizes.of("bench.national.sizes", "10000,100000");
		String xmx = System.getProperty("bench.national.xmx", "8g");
		String generateXmx = System.getProperty("bench.national.generate-xmx", "512m");
		List<Run> runs = new ArrayList<>();
		// the importer runs inside the audit's JVM: its off-heap budget (auto) is what the
		// machine has available beyond that JVM's heap
		long availableMb = MachineMemory.available() >> 20;
		long roomMb = availableMb - megabytes(xmx) - ImporterMemory.RESERVE_MIB;
		System.out.printf(Locale.ROOT,
				"machine memory available %,d MB; audit heap %s leaves ≈ %,d MB for the importer's off-heap budget%s%n",
				availableMb, xmx, roomMb, (roomMb < 4096) ? " (less than 4 GB: a 1 M-unit import will be slow)" : "");
		for (int units : sizes) {
			Path work = Files.createTempDirectory("dutychain-national");
			try {
				Path dataset = work.resolve("dataset");
				Command generate = run(generateXmx, List.of(), "generate", "--units", Integer.toString(units),
						"--seed", "42", "--plant-rate", "0.02", "--out", dataset.toString());
				long bytes = size(dataset);
				// started without the jar's launcher (CliRelaunch), which gives a command on
				// a dataset of this size the throughput collector: the same here
				Command audit = run(xmx, List.of(CliRelaunch.THROUGHPUT_GC), "audit", dataset.toString(), "--timings",
						"--out", work.resolve("audit.json").toString());
				Run r = new Run(units, bytes, generate, audit);
				runs.add(r);
				System.out.println(r.row());
			}
			finally {
				delete(work);
			}
		}
		System.out.printf(Locale.ROOT,
				"%n== dutychain national run (%d processors, heap: generate %s, audit %s with %s) ==%n",
				Runtime.getRuntime().availableProcessors(), generateXmx, xmx, CliRelaunch.THROUGHPUT_GC);
		System.out.println("| units | dataset on disk | generate: wall, peak RSS | audit end to end: wall, peak RSS "
				+ "| audit phases (ms) | load: files, importer, schema; the importer's stages (ms) "
				+ "| generate + import + audit |");
		System.out.println("|---|---|---|---|---|---|---|");
		runs.forEach((r) -> System.out.println(r.row()));
		// start-up costs dominate small sizes: the growth is read off the sizes from 100k up when there are two
		List<Run> large = runs.stream().filter((r) -> r.units >= 100_000).toList();
		List<Run> fitted = (large.size() >= 2) ? large : runs;
		if (fitted.size() >= 2) {
			double[] n = fitted.stream().mapToDouble(Run::units).toArray();
			Fit time = Fit.of(n, fitted.stream().mapToDouble((r) -> r.totalMs() / 60_000.0).toArray());
			Fit rss = Fit.of(n,
					fitted.stream().mapToDouble((r) -> Math.max(r.generate.rssMb, r.audit.rssMb)).toArray());
			Run largest = runs.get(runs.size() - 1);
			for (long n2 : new long[] { 1_000_000, NATIONAL }) {
				System.out.printf(Locale.ROOT,
						"| %,d (extrapolated) | | | | | time ∝ units^%.2f, memory ∝ units^%.2f | %.0f min fitted, "
								+ "%.0f min linear from %,d units; peak RSS %.1f GB fitted |%n",
						n2, time.exponent, rss.exponent, time.at(n2), linear(largest, n2), largest.units,
						rss.at(n2) / 1024);
			}
			System.out.println();
			System.out.println(chart(runs, time));
		}
	}

	/** MB of a JVM size such as {@code 8g} or {@code 512m}. */
	static long megabytes(String size) {
		String s = size.strip().toLowerCase(Locale.ROOT);
		long n = Long.parseLong(s.replaceAll("\\D", ""));
		return switch (s.charAt(s.length() - 1)) {
			case 'g' -> n * 1024;
			case 'k' -> n / 1024;
			case 'm' -> n;
			default -> n >> 20;
		};
	}

	/** Minutes at {@code units} growing in proportion from the largest measured run. */
	static double linear(Run largest, double units) {
		return largest.totalMs() / 60_000.0 * units / largest.units;
	}

	/**
	 * A Mermaid chart: measured minutes as bars, the fitted line through them to 1 M and
	 * 5.25 M, and the line growing in proportion from the largest run (an upper bound
	 * while fixed start-up costs flatten the fitted growth).
	 */
	static String chart(List<Run> runs, Fit time) {
		Run largest = runs.get(runs.size() - 1);
		List<Double> xs = new ArrayList<>(runs.stream().map((r) -> (double) r.units).toList());
		if (largest.units < 1_000_000) {
			xs.add(1_000_000.0);
		}
		xs.add((double) NATIONAL);
		String axis = xs.stream()
			.map((x) -> "\"" + String.format(Locale.ROOT, "%,.0f", x) + "\"")
			.collect(Collectors.joining(", "));
		String measured = xs.stream()
			.map((x) -> runs.stream()
				.filter((r) -> r.units == x)
				.findFirst()
				.map((r) -> String.format(Locale.ROOT, "%.1f", r.totalMs() / 60_000.0))
				.orElse("0"))
			.collect(Collectors.joining(", "));
		String proportional = xs.stream()
			.map((x) -> String.format(Locale.ROOT, "%.1f", (x >= largest.units) ? linear(largest, x)
					: runs.stream().filter((r) -> r.units == x).findFirst().orElse(largest).totalMs() / 60_000.0))
			.collect(Collectors.joining(", "));
		String fitted = xs.stream()
			.map((x) -> String.format(Locale.ROOT, "%.1f", time.at(x)))
			.collect(Collectors.joining(", "));
		return String.join("\n", "```mermaid", "xychart-beta",
				"  title \"generate + import + audit: minutes by units (bars measured; lines fitted and in proportion)\"",
				"  x-axis [" + axis + "]", "  y-axis \"minutes\"", "  bar [" + measured + "]",
				"  line [" + fitted + "]", "  line [" + proportional + "]", "```");
	}

	private static Command run(String xmx, List<String> jvmOptions, String... args)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder(ChildJvm.command(DutychainApplication.class, xmx, jvmOptions, args))
			.redirectErrorStream(true)
			.start();
		CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
		long t = System.nanoTime();
		long rssKb = 0;
		while (!process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
			rssKb = Math.max(rssKb, peakRssKb(process.pid()));
		}
		long ms = (System.nanoTime() - t) / 1_000_000;
		String text = output.join();
		int code = process.exitValue();
		if (code > 1) {
			throw new IllegalStateException(String.join(" ", args) + " ended with " + code + ":\n" + tail(text));
		}
		Map<String, Long> phases = new LinkedHashMap<>();
		Matcher m = TIMINGS.matcher(text);
		if (m.find()) {
			for (String part : m.group(1).strip().split("\\s+")) {
				String[] kv = part.split("=");
				if (kv.length == 2 && kv[1].matches("\\d+")) {
					phases.put(kv[0], Long.valueOf(kv[1]));
				}
			}
		}
		// printed as the load ends and again below the timings
		Set<String> details = new LinkedHashSet<>();
		Matcher d = DETAILS.matcher(text);
		while (d.find()) {
			details.add(d.group(1).strip());
		}
		return new Command(ms, rssKb / 1024, phases, String.join("; ", details));
	}

	private static long peakRssKb(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("\\D", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// the process has just ended
		}
		return 0;
	}

	/**
	 * The child's output, echoed line by line as it comes (a command killed half-way, e.g.
	 * by the kernel's out-of-memory killer, still leaves its phases and logs behind).
	 */
	private static String read(InputStream in) {
		StringBuilder text = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				System.out.println("  | " + line);
				text.append(line).append('\n');
			}
		}
		catch (IOException ex) {
			// the process has ended
		}
		return text.toString();
	}

	private static String tail(String text) {
		return (text.length() > 4000) ? text.substring(text.length() - 4000) : text;
	}

	private static long size(Path folder) throws IOException {
		try (Stream<Path> paths = Files.walk(folder)) {
			return paths.filter(Files::isRegularFile).mapToLong((p) -> p.toFile().length()).sum();
		}
	}

	private static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

	record Command(long ms, long rssMb, Map<String, Long> phases, String details) {
	}

	record Run(int units, long bytes, Command generate, Command audit) {

		long totalMs() {
			return this.generate.ms + this.audit.ms;
		}

		String row() {
			return String.format(Locale.ROOT, "| %,d | %,d MB | %.1f s, %,d MB | %.1f s, %,d MB | %s | %s | %.1f min |",
					this.units, this.bytes >> 20, this.generate.ms / 1000.0, this.generate.rssMb,
					this.audit.ms / 1000.0, this.audit.rssMb, this.audit.phases, this.audit.details,
					totalMs() / 60_000.0);
		}

	}

	/** y = c · x^exponent, fitted by least squares on log y against log x. */
	record Fit(double c, double exponent) {

		static Fit of(double[] x, double[] y) {
			int n = x.length;
			double sx = 0;
			double sy = 0;
			double sxx = 0;
			double sxy = 0;
			for (int i = 0; i < n; i++) {
				double lx = Math.log(x[i]);
				double ly = Math.log(Math.max(y[i], 1e-9));
				sx += lx;
				sy += ly;
				sxx += lx * lx;
				sxy += lx * ly;
			}
			double b = (n * sxy - sx * sy) / (n * sxx - sx * sx);
			double a = (sy - b * sx) / n;
			return new Fit(Math.exp(a), b);
		}

		double at(double x) {
			return this.c * Math.pow(x, this.exponent);
		}

	}

}
