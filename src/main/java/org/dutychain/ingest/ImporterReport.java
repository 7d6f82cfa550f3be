package org.dutychain.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Neo4j's bulk importer reported about one run, read from its console output: its
 * own estimate of the memory the import needs ({@code Estimated required memory usage},
 * printed before the first stage), the wall time of each stage ({@code Node import
 * COMPLETED in 1m 2s 3ms}), the whole import ({@code IMPORT DONE in …}) and its peak
 * memory ({@code Peak memory usage}); -1 where the output does not say. The output itself
 * is kept for a failed run.
 *
 * @param budget the off-heap budget the importer was given
 * ({@code --max-off-heap-memory})
 * @param estimatedBytes the importer's estimate of the memory the import needs
 * @param stagesMs wall time of each completed stage, in the order run
 * @param totalMs wall time of the whole import
 * @param peakBytes the importer's peak memory usage
 * @param warnings the importer's warnings (e.g. that its memory may not be sufficient)
 * @param output the importer's console output
 */
public record ImporterReport(String budget, long estimatedBytes, Map<String, Long> stagesMs, long totalMs,
		long peakBytes, String warnings, String output) {

	private static final Pattern ESTIMATE = Pattern
		.compile("Estimated required memory usage:\\s*([\\d.,]+\\s*[KMGTPE]?i?B)");

	private static final Pattern STAGE = Pattern.compile("(?m)^\\s*([A-Za-z][\\w ->]*?) COMPLETED in ([\\dhmsd ]+)$");

	private static final Pattern DONE = Pattern.compile("IMPORT DONE in ([\\dhmsd ]+)");

	private static final Pattern PEAK = Pattern.compile("Peak memory usage:\\s*([\\d.,]+\\s*[KMGTPE]?i?B)");

	private static final Pattern WARNING = Pattern.compile("(?m)^\\s*WARNING:.*$");

	private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");

	private static final Pattern SIZE = Pattern.compile("([\\d.,]+)\\s*([KMGTPE]?)i?B");

	public ImporterReport {
		stagesMs = Collections.unmodifiableMap(new LinkedHashMap<>(stagesMs));
	}

	/** Reads the report of the importer's console {@code output}. */
	static ImporterReport parse(String budget, String output) {
		Matcher m = ESTIMATE.matcher(output);
		long estimate = m.find() ? bytes(m.group(1)) : -1;
		Map<String, Long> stages = new LinkedHashMap<>();
		m = STAGE.matcher(output);
		while (m.find()) {
			stages.merge(m.group(1).strip(), millis(m.group(2)), Long::sum);
		}
		m = DONE.matcher(output);
		long total = m.find() ? millis(m.group(1)) : -1;
		m = PEAK.matcher(output);
		long peak = m.find() ? bytes(m.group(1)) : -1;
		StringBuilder warnings = new StringBuilder();
		m = WARNING.matcher(output);
		while (m.find()) {
			warnings.append((warnings.length() > 0) ? "; " : "").append(m.group().strip());
		}
		return new ImporterReport(budget, estimate, stages, total, peak, warnings.toString(), output);
	}

	/**
	 * One line for the log and {@code --timings}-style reports, e.g.
	 * {@code importer: budget=6g estimate=1.2GiB peak=2.0GiB total=81234 node-import=12345 …}
	 * (times in ms).
	 */
	public String summary() {
		StringBuilder b = new StringBuilder("importer (ms):");
		this.stagesMs.forEach((stage, ms) -> b.append(' ').append(key(stage)).append('=').append(ms));
		b.append(" total=").append(this.totalMs);
		b.append(" budget=").append(this.budget);
		b.append(" estimate=").append(size(this.estimatedBytes));
		b.append(" peak=").append(size(this.peakBytes));
		return b.toString();
	}

	/**
	 * A stage's name as a key without spaces: {@code Node import} → {@code node-import}.
	 */
	static String key(String stage) {
		return stage.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

	/** Milliseconds of a duration as Neo4j prints it, e.g. {@code 1m 2s 3ms}. */
	static long millis(String duration) {
		long ms = 0;
		Matcher m = DURATION_PART.matcher(duration);
		while (m.find()) {
			long n = Long.parseLong(m.group(1));
			ms += switch (m.group(2)) {
				case "d" -> n * 86_400_000;
				case "h" -> n * 3_600_000;
				case "m" -> n * 60_000;
				case "s" -> n * 1_000;
				default -> n;
			};
		}
		return ms;
	}

	/** Bytes of a size as Neo4j prints it, e.g. {@code 1.500GiB} or {@code 512.0MiB}. */
	static long bytes(String size) {
		Matcher m = SIZE.matcher(size.strip());
		if (!m.matches()) {
			return -1;
		}
		double n = Double.parseDouble(m.group(1).replace(",", ""));
		int power = m.group(2).isEmpty() ? 0 : "KMGTPE".indexOf(m.group(2)) + 1;
		return Math.round(n * Math.pow(1024, power));
	}

	/** A size for people: {@code 1.50GiB}, {@code 300MiB}; {@code ?} when unknown. */
	static String size(long bytes) {
		if (bytes < 0) {
			return "?";
		}
		if (bytes >= (1L << 30)) {
			return String.format(Locale.ROOT, "%.2fGiB", bytes / (double) (1L << 30));
		}
		return String.format(Locale.ROOT, "%dMiB", Math.round(bytes / (double) (1L << 20)));
	}

}
