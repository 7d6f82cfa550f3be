package org.dutychain.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.dutychain.analysis.AnalysisContext;
import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Progress;
import org.dutychain.ingest.DatasetGenerator;
import org.dutychain.ingest.DatasetImporter;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit against its baseline, in one process (not part of the test suite): for each
 * size in {@code bench.audit.units} (default {@code 10000}) a generated province (seed
 * 42) is imported, then the baseline — every analysis run one after another, each through
 * its own context (its rule file with its own scope prelude, the JGraphT analyses with
 * their own graph load: the runner before the shared, parallel audit) — and the audit
 * itself (one shared load, analyses in parallel on {@code dutychain.analysis-parallelism}
 * threads) are each run twice; the second, warm run of each is compared, per analysis
 * too. Run with
 * {@code ./mvnw -Pbench verify -Dtest=AuditBenchmark -Dbench.audit.units=10000,100000}.
 * Nothing here asserts a time.
 *
 * <p>
 * Findings digest: the audit's findings (key, code, severity, unit, level, metrics,
 * messages, evidence; lists as multisets) and the analyses' metrics, each as sorted lines, are hashed and
 * written to {@code target/audit-digest-<units>.txt}; with
 * {@code -Dbench.audit.expect.<units>=<findings digest>} the run fails when they differ
 * (a rewrite of a rule must not change a single finding). Other switches:
 * {@code bench.audit.baseline=false} skips the baseline, {@code bench.audit.extra=<n>} runs
 * and prints n more warm audits (to compare two builds), {@code bench.audit.profile=true}
 * PROFILEs every statement of every rule file as the audit runs it (a fact of the run
 * read as a parameter, evaluated once; rows, database hits, ms),
 * {@code bench.audit.profile.files=<stem>,query/<name>} PROFILEs only those rule files
 * (and shared-load query files, e.g. {@code query/scoped-duties}), prints each statement's
 * operator tree (rows, database hits, time) and runs no audit,
 * {@code bench.audit.ephemeral=false} with {@code bench.audit.store=<dir>} keeps the
 * store and {@code bench.audit.reuse=true} reuses the province in it (one store directory per size).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dutychain.ephemeral=${bench.audit.ephemeral:true}",
				"dutychain.data-dir=${bench.audit.store:target/bench-audit-store}", "dutychain.bolt-port=0",
				"dutychain.demo-on-empty=false", "dutychain.page-cache=2g" })
class AuditBenchmark {

	@Autowired
	DatasetGenerator generator;

	@Autowired
	DatasetImporter importer;

	@Autowired
	AnalysisService analyses;

	@Autowired
	Driver driver;

	@Autowired
	CypherFiles cypherFiles;

	@Test
	void auditAgainstSequentialRunner() throws IOException {
		List<Integer> sizes = BenchSizes.of("bench.audit.units", "10000");
		boolean baselineWanted = Boolean.parseBoolean(System.getProperty("bench.audit.baseline", "true"));
		List<String> lines = new ArrayList<>();
		List<String> perAnalysisLines = new ArrayList<>();
		Map<Integer, String> digests = new LinkedHashMap<>();
		for (int units : sizes) {
			if (!reusable(units)) {
				Path dir = Files.createTempDirectory("dutychain-audit-bench");
				this.generator.generate(units, 42, 0.02, dir);
				this.importer.importPath(dir);
			}
			if (Boolean.parseBoolean(System.getProperty("bench.audit.profile", "false"))) {
				profile(units);
			}
			if (!System.getProperty("bench.audit.profile.files", "").isBlank()) {
				continue; // only the operator trees of those files, no audit
			}
			Map<String, Long> baselineTimes = Map.of();
			if (baselineWanted) {
				sequential();
			}
			AnalysisService.TimedAudit first = audit();
			if (baselineWanted) {
				baselineTimes = sequential();
			}
			AnalysisService.TimedAudit second = audit();
			// more warm audits, each printed, to compare two builds over several runs
			for (int i = Integer.getInteger("bench.audit.extra", 0); i > 0; i--) {
				audit();
			}
			AnalysisService.TimedAudit best = (first.totalMillis() <= second.totalMillis()) ? first : second;
			String digest = digest(units, second.document());
			assertThat(digest(units, first.document())).as("both audit runs agree").isEqualTo(digest);
			digests.put(units, digest);
			System.out.printf(Locale.ROOT, "findings digest at %d units: %s (lines in target/audit-digest-%d.txt)%n",
					units, digest, units);
			long baseline = baselineTimes.values().stream().mapToLong(Long::longValue).sum();
			lines.add(String.format(Locale.ROOT, "| %,d | %,d | %,d | %s | %s | %,d | %s |", units, baseline,
					best.totalMillis(),
					baselineWanted ? String.format(Locale.ROOT, "%.2f", best.totalMillis() / (double) baseline) : "—",
					slowest(baselineTimes), best.document().findings().size(), digest.substring(0, 12)));
			perAnalysisLines.add(String.format(Locale.ROOT, "| %,d | shared load (%s) | %s | — |", units,
					String.join(", ", best.sharedMillis().keySet()),
					String.format(Locale.ROOT, "%,d", best.sharedMillis().values().stream().mapToLong(Long::longValue).sum())));
			for (AuditDocument.AnalysisSummary s : best.document().analyses()) {
				Long b = baselineTimes.get(s.id());
				perAnalysisLines.add(String.format(Locale.ROOT, "| %,d | %s | %,d | %s |", units, s.id(), s.durationMs(),
						(b == null) ? "—" : String.format(Locale.ROOT, "%,d", b)));
			}
		}
		System.out.printf(Locale.ROOT, "%n== dutychain audit benchmark (%d processors, parallelism %s) ==%n",
				Runtime.getRuntime().availableProcessors(),
				System.getProperty("dutychain.analysis-parallelism", "= processors"));
		System.out.println("| units | baseline: analyses one by one, own load (ms) | audit: shared load, parallel (ms) "
				+ "| ratio | slowest analyses in the baseline (ms) | findings | findings digest |");
		System.out.println("|---|---|---|---|---|---|---|");
		lines.forEach(System.out::println);
		System.out.println();
		System.out.println("| units | phase of the audit (faster of two runs) | audit (ms; an analysis counts its wait "
				+ "for the shared load) | baseline (ms) |");
		System.out.println("|---|---|---|---|");
		perAnalysisLines.forEach(System.out::println);
		digests.forEach((units, digest) -> {
			String expected = System.getProperty("bench.audit.expect." + units);
			if (expected != null && !expected.isBlank()) {
				assertThat(digest).as("findings digest at %d units (see target/audit-digest-%d.txt)", units, units)
					.startsWith(expected.strip());
			}
		});
	}

	/** Whether the stored province can be reused ({@code bench.audit.reuse}). */
	private boolean reusable(int units) {
		if (!Boolean.parseBoolean(System.getProperty("bench.audit.reuse", "false"))) {
			return false;
		}
		try {
			// the generator's count is close to, not exactly, the size asked for: the store
			// directory is the caller's choice per size
			return this.analyses.context(null, null).unitCount() > 0;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private Map<String, Long> sequential() {
		Map<String, Long> times = new LinkedHashMap<>();
		long cpu = cpuMillis();
		long started = System.nanoTime();
		for (AnalysisDefinition definition : this.analyses.definitions()) {
			long t = System.nanoTime();
			this.analyses.run(definition.id(), null, null);
			times.put(definition.id(), (System.nanoTime() - t) / 1_000_000);
		}
		System.out.printf(Locale.ROOT, "baseline: %d ms, process CPU %d ms%n", (System.nanoTime() - started) / 1_000_000,
				cpuMillis() - cpu);
		return times;
	}

	private AnalysisService.TimedAudit audit() {
		long cpu = cpuMillis();
		AnalysisService.TimedAudit audit = this.analyses.timedAudit(null, null, Progress.NONE);
		System.out.printf(Locale.ROOT, "audit: %d findings in %d ms, process CPU %d ms (shared %s)%n",
				audit.document().findings().size(), audit.totalMillis(), cpuMillis() - cpu, audit.sharedMillis());
		return audit;
	}

	/**
	 * CPU time of the whole process (the embedded database included), ms: on a shared
	 * machine a steadier measure of the work done than wall time.
	 */
	private static long cpuMillis() {
		if (java.lang.management.ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime() / 1_000_000;
		}
		return 0;
	}

	/**
	 * The audit's findings and analysis metrics as sorted lines, written to
	 * target/audit-digest-<units>.txt; returns the SHA-256 of the finding lines, then
	 * "/" and that of the metric lines.
	 */
	private static String digest(int units, AuditDocument document) throws IOException {
		List<String> findings = new ArrayList<>();
		for (Finding f : document.findings()) {
			findings.add(String.join(" | ", f.key(), f.code(), f.severity().name(), String.valueOf(f.unitId()),
					String.valueOf(f.level()), String.valueOf(f.subject()), canonical(f.metrics()), f.messageZh(),
					f.messageEn(), canonical(f.evidence().nodeIds()), f.evidence().paths().stream().map(String::valueOf).sorted().toList().toString()));
		}
		findings.sort(null);
		List<String> metrics = new ArrayList<>();
		for (AuditDocument.AnalysisSummary s : document.analyses()) {
			metrics.add(s.id() + " examined=" + s.examined() + " " + canonical(s.metrics()));
		}
		metrics.add("levels " + canonical(document.levels().stream().map(String::valueOf).toList()));
		metrics.sort(null);
		List<String> all = new ArrayList<>(findings);
		all.add("---- metrics");
		all.addAll(metrics);
		Files.createDirectories(Path.of("target"));
		Files.write(Path.of("target", "audit-digest-" + units + ".txt"), all, StandardCharsets.UTF_8);
		return sha(findings) + "/" + sha(metrics);
	}

	private static String sha(List<String> lines) {
		try {
			MessageDigest md = MessageDigest.getInstance("SHA-256");
			lines.forEach((l) -> md.update((l + "\n").getBytes(StandardCharsets.UTF_8)));
			return HexFormat.of().formatHex(md.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Maps sorted by key and lists sorted at every depth (a list compared as a multiset:
	 * the order of a Cypher collect() follows the store's layout, which differs between
	 * two imports of the same files), doubles as written by Java.
	 */
	private static String canonical(Object value) {
		if (value instanceof Map<?, ?> m) {
			Map<String, String> sorted = new TreeMap<>();
			m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
			return sorted.toString();
		}
		if (value instanceof List<?> l) {
			return l.stream().map(AuditBenchmark::canonical).sorted().toList().toString();
		}
		return String.valueOf(value);
	}

	private static final int PROFILE_RUNS = Integer.getInteger("bench.audit.profile.runs", 1);

	/** PROFILE of every statement of every rule file: rows, database hits, ms. */
	private void profile(int units) {
		// as the audit runs each statement: a statement that uses a fact of the run
		// ($weakNow, $weakYears) reads it as a parameter, evaluated once (before the
		// statement's timed runs), instead of computing it inside (the baseline's text)
		AnalysisContext context = this.analyses.auditContext(null, null);
		LocalDate asOf = context.scope().asOf();
		Map<String, Object> params = new HashMap<>();
		// org-life-cadence's window (OrgLifeCadenceAnalysis.Window): the 12 months ending
		// with asOf's month when asOf is its last day, else with the month before
		java.time.YearMonth month = java.time.YearMonth.from(asOf);
		java.time.YearMonth end = asOf.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
		params.put("windowStart", end.minusMonths(11).atDay(1));
		params.put("windowEnd", end.atEndOfMonth());
		// scoped-duties' duty-ids reads the ids of the duties an audit names: none here
		params.put("keys", List.of());
		System.out.printf(Locale.ROOT, "%n== PROFILE of every rule statement, %,d units ==%n", units);
		System.out.println("| file | statement | rows | db hits | ms (warm, unprofiled) |");
		System.out.println("|---|---|---|---|---|");
		List<CypherFile> files = new ArrayList<>(this.analyses.definitions().stream().map(AnalysisDefinition::file).toList());
		// bench.audit.profile.files=<stem>,<stem>: only these rule files, each statement's
		// operator tree printed (rows, db hits, time per operator)
		List<String> only = java.util.Arrays.stream(System.getProperty("bench.audit.profile.files", "").split(","))
			.map(String::strip)
			.filter((f) -> !f.isEmpty())
			.toList();
		if (!only.isEmpty()) {
			files.removeIf((f) -> !only.contains(f.stem()));
			// a shared load's query file by its path, e.g. query/scoped-duties
			only.stream()
				.filter((f) -> f.startsWith("query/"))
				.forEach((f) -> files.add(this.cypherFiles.file(f + ".cypher")));
		}
		for (CypherFile file : files) {
			for (CypherFile.Statement statement : file.statements()) {
				try (Session session = this.driver.session()) {
					AnalysisContext.Prepared prepared = context.prepared(statement, params);
					// warm: the first run plans the statement, the fastest of the others is
					// printed (bench.audit.profile.runs timed runs, 1 unless set: one run
					// of a statement can take twice as long as the next)
					long ms = Long.MAX_VALUE;
					for (int run = 0; run <= PROFILE_RUNS; run++) {
						long t = System.nanoTime();
						session.executeRead((tx) -> tx.run(prepared.cypher(), prepared.parameters()).list());
						long took = (System.nanoTime() - t) / 1_000_000;
						ms = (run == 0) ? ms : Math.min(ms, took);
					}
					ResultSummary summary = session.executeRead((tx) -> {
						var result = tx.run("PROFILE " + prepared.cypher(), prepared.parameters());
						result.list();
						return result.consume();
					});
					ProfiledPlan plan = summary.profile();
					System.out.printf(Locale.ROOT, "| %s | %s | %,d | %,d | %,d |%n", file.stem(), statement.name(),
							plan.records(), hits(plan), ms);
					if (!only.isEmpty()) {
						printPlan(plan, "    ");
					}
				}
				catch (RuntimeException ex) {
					System.out.printf(Locale.ROOT, "| %s | %s | failed: %s | | |%n", file.stem(), statement.name(),
							ex.getMessage());
				}
			}
		}
		System.out.printf(Locale.ROOT, "(the facts of the run, each evaluated once, ms: %s)%n",
				context.sharedMillis());
	}

	/** One line per operator: rows, db hits, time (ms) and its details. */
	private static void printPlan(ProfiledPlan plan, String indent) {
		org.neo4j.driver.Value details = plan.arguments().get("Details");
		org.neo4j.driver.Value time = plan.arguments().get("Time");
		System.out.printf(Locale.ROOT, "%s%s rows=%,d hits=%,d time=%s %s%n", indent, plan.operatorType(),
				plan.records(), plan.dbHits(),
				(time == null) ? "?" : String.format(Locale.ROOT, "%.0fms", time.asLong() / 1e6),
				(details == null) ? "" : details.asString());
		for (ProfiledPlan child : plan.children()) {
			printPlan(child, indent + "  ");
		}
	}

	private static long hits(ProfiledPlan plan) {
		long hits = plan.dbHits();
		for (ProfiledPlan child : plan.children()) {
			hits += hits(child);
		}
		return hits;
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
