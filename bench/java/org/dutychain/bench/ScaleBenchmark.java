package org.dutychain.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dutychain.analysis.AnalysisResult;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.ingest.DatasetGenerator;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.report.AuditReports;
import org.dutychain.report.ReportFormat;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Scale benchmark (not part of the test suite): generates, imports, audits and reports (XLSX, PDF) a baseline
 * province and a large one in the same process and prints times, peak heap and the ratio of each step to the baseline. Run with
 * {@code ./mvnw -Pbench verify} ({@code -Dbench.units=100000 -Dbench.baseline=10000} to change sizes). Nothing here
 * asserts a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dutychain.ephemeral=true", "dutychain.bolt-port=0", "dutychain.demo-on-empty=false",
				"dutychain.page-cache=2g" })
class ScaleBenchmark {

	@Autowired
	DatasetGenerator generator;

	@Autowired
	DatasetImporter importer;

	@Autowired
	AnalysisService analyses;

	@Autowired
	AuditReports reports;

	@Test
	void importAndAuditScale() throws IOException {
		int baseline = Integer.getInteger("bench.baseline", 10_000);
		int units = Integer.getInteger("bench.units", 100_000);
		Map<String, Long> base = measure(baseline);
		Map<String, Long> big = measure(units);
		System.out.printf(Locale.ROOT, "%n== dutychain scale benchmark: %d units vs baseline %d units (x%.1f) ==%n", units,
				baseline, units / (double) baseline);
		System.out.printf(Locale.ROOT, "%-36s %12s %12s %8s%n", "step", "baseline ms", "large ms", "ratio");
		big.forEach((step, ms) -> System.out.printf(Locale.ROOT, "%-36s %12d %12d %8.2f%n", step, base.get(step), ms,
				ms / (double) Math.max(1, base.get(step))));
		System.out.printf(Locale.ROOT, "peak heap used: %d MB (max heap %d MB)%n", HeapPeaks.peakMb(),
				Runtime.getRuntime().maxMemory() >> 20);
	}

	private Map<String, Long> measure(int units) throws IOException {
		Map<String, Long> times = new LinkedHashMap<>();
		Path dir = Files.createTempDirectory("dutychain-bench");
		long t = System.nanoTime();
		this.generator.generate(units, 42, 0.02, dir);
		times.put("generate", ms(t));
		t = System.nanoTime();
		ImportResult imported = this.importer.importPath(dir);
		times.put("import", ms(t));
		System.out.printf(Locale.ROOT, "imported %s: %s%n", imported.dataset(), imported.counts());
		t = System.nanoTime();
		AuditDocument audit = this.analyses.audit(null, null);
		times.put("audit (all analyses)", ms(t));
		for (AuditDocument.AnalysisSummary a : audit.analyses()) {
			times.put("  " + a.id(), a.durationMs());
		}
		System.out.printf(Locale.ROOT, "%d units: %d findings%n", units, audit.findings().size());
		for (ReportFormat format : List.of(ReportFormat.XLSX, ReportFormat.PDF)) {
			Path file = dir.resolve("report." + format.extension());
			t = System.nanoTime();
			try (OutputStream out = Files.newOutputStream(file)) {
				this.reports.write(null, null, format, null, out);
			}
			times.put("report " + format.extension() + " (audit included)", ms(t));
			System.out.printf(Locale.ROOT, "%d units: %s report %d KB%n", units, format.extension(), Files.size(file) >> 10);
		}
		return times;
	}

	private static long ms(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

}
