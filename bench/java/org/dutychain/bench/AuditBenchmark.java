package org.dutychain.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.ingest.DatasetGenerator;
import org.dutychain.ingest.DatasetImporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The audit against its baseline, in one process (not part of the test suite): for each
 * size in {@code bench.audit.units} (default {@code 10000}) a generated province is
 * imported, then the baseline — every analysis run one after another, each through its
 * own context (its rule file with its own scope prelude, the JGraphT analyses with their
 * own graph load: the runner before the shared, parallel audit) — and the audit itself
 * (one shared load, analyses in parallel on {@code dutychain.analysis-parallelism}
 * threads) are each run twice; the second, warm run of each is compared. Run with
 * {@code ./mvnw -Pbench verify -Dtest=AuditBenchmark -Dbench.audit.units=10000,100000}.
 * Nothing here asserts a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dutychain.ephemeral=true", "dutychain.bolt-port=0", "dutychain.demo-on-empty=false",
				"dutychain.page-cache=2g" })
class AuditBenchmark {

	@Autowired
	DatasetGenerator generator;

	@Autowired
	DatasetImporter importer;

	@Autowired
	AnalysisService analyses;

	@Test
	void auditAgainstSequentialRunner() throws IOException {
		List<Integer> sizes = Arrays.stream(System.getProperty("bench.audit.units", "10000").split(","))
			.map(String::strip)
			.map(Integer::valueOf)
			.toList();
		List<String> lines = new ArrayList<>();
		for (int units : sizes) {
			Path dir = Files.createTempDirectory("dutychain-audit-bench");
			this.generator.generate(units, 42, 0.02, dir);
			this.importer.importPath(dir);
			sequential();
			long audit1 = audit();
			Map<String, Long> perAnalysis = sequential();
			long baseline = perAnalysis.values().stream().mapToLong(Long::longValue).sum();
			long audit = Math.min(audit1, audit());
			lines.add(String.format(Locale.ROOT, "| %,d | %,d | %,d | %.2f | %s |", units, baseline, audit,
					audit / (double) Math.max(1, baseline), slowest(perAnalysis)));
		}
		System.out.printf(Locale.ROOT, "%n== dutychain audit benchmark (%d processors, parallelism %s) ==%n",
				Runtime.getRuntime().availableProcessors(),
				System.getProperty("dutychain.analysis-parallelism", "= processors"));
		System.out.println("| units | baseline: analyses one by one, own load (ms) | audit: shared load, parallel (ms) "
				+ "| ratio | slowest analyses in the baseline (ms) |");
		System.out.println("|---|---|---|---|---|");
		lines.forEach(System.out::println);
	}

	private Map<String, Long> sequential() {
		Map<String, Long> times = new LinkedHashMap<>();
		for (AnalysisDefinition definition : this.analyses.definitions()) {
			long t = System.nanoTime();
			this.analyses.run(definition.id(), null, null);
			times.put(definition.id(), (System.nanoTime() - t) / 1_000_000);
		}
		return times;
	}

	private long audit() {
		long t = System.nanoTime();
		AuditDocument document = this.analyses.audit(null, null);
		long ms = (System.nanoTime() - t) / 1_000_000;
		System.out.printf(Locale.ROOT, "audit: %d findings in %d ms%n", document.findings().size(), ms);
		return ms;
	}

	private static String slowest(Map<String, Long> times) {
		return String.join(", ",
				times.entrySet()
					.stream()
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
					.limit(3)
					.map((e) -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
					.toList());
	}

}
