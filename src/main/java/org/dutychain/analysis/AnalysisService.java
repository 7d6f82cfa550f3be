package org.dutychain.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.DaemonThreads;
import org.dutychain.config.GenerationLeases;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.Progress;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/** Runs analyses over a scope and assembles the audit document (分析与审计). */
@Service
@EnableConfigurationProperties(AnalysisSettings.class)
public class AnalysisService implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(AnalysisService.class);

	/**
	 * How many times an audit or one analysis is started when the data it reads changes
	 * under it (the active generation switched, a duty list edited).
	 */
	private static final int ATTEMPTS = 3;

	/**
	 * Metrics of list-coverage that the level summary reads: {@code coverage: [{level,
	 * units, domains: {D: share}}]}.
	 */
	public static final String COVERAGE_METRIC = "coverage";

	/**
	 * Metrics of pressure-decay that the level summary reads: {@code levels: [{level,
	 * units, mean, median, coldShare}]}.
	 */
	public static final String PRESSURE_LEVELS_METRIC = "levels";

	private final AnalysisCatalog catalog;

	private final Datasets datasets;

	private final AnalysisSettings settings;

	private final Neo4jGraph graph;

	private final GenerationLeases leases;

	private final ExecutorService pool;

	private final CypherFiles files;

	/** How long each analysis took in the previous audit, ms (the start order). */
	private final Map<String, Long> lastMillis = new ConcurrentHashMap<>();

	public AnalysisService(AnalysisCatalog catalog, Datasets datasets, AnalysisSettings settings, Neo4jGraph graph,
			GenerationLeases leases, CypherFiles files, @Value("${dutychain.analysis-parallelism:0}") int parallelism) {
		this.leases = leases;
		this.files = files;
		int threads = (parallelism > 0) ? parallelism : Math.max(1, Runtime.getRuntime().availableProcessors());
		this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("dutychain-analysis"));
		this.catalog = catalog;
		this.datasets = datasets;
		this.settings = settings;
		this.graph = graph;
	}

	public List<AnalysisDefinition> definitions() {
		return this.catalog.definitions();
	}

	/** Every code of the catalogue with its definition fingerprint. */
	public Map<String, String> codeVersions() {
		Map<String, String> versions = new java.util.TreeMap<>();
		this.catalog.definitions().forEach((d) -> versions.putAll(d.codeVersions()));
		return versions;
	}

	public AnalysisDefinition definition(String id) {
		return this.catalog.definition(id).orElseThrow(() -> new UnknownAnalysisException(id));
	}

	/**
	 * A context for one run: resolves the scope (throws UnknownUnitException) and the
	 * default asOf.
	 */
	public AnalysisContext context(String unitId, LocalDate asOf) {
		return context(this.datasets.active(), unitId, asOf, List.of());
	}

	/**
	 * {@link #context(String, LocalDate)} as an audit makes it: sharing the facts of the
	 * run (each evaluated once) with the statements that use them.
	 */
	public AnalysisContext auditContext(String unitId, LocalDate asOf) {
		return context(this.datasets.active(), unitId, asOf, this.files.facts().values());
	}

	private AnalysisContext context(DatasetInfo dataset, String unitId, LocalDate asOf,
			Collection<CypherFiles.Fact> facts) {
		LocalDate date = this.datasets.asOf(asOf);
		Map<String, Integer> levels = this.datasets.scopeLevels(dataset.generation(), unitId);
		List<String> unitIds = (unitId == null) ? null : new ArrayList<>(levels.keySet());
		return new AnalysisContext(new AnalysisScope(unitId, date), dataset.generation(), unitIds, levels,
				this.settings, this.graph, facts);
	}

	/**
	 * One analysis; run again (at most {@value #ATTEMPTS} times in all) when a duty list
	 * it read was edited meanwhile.
	 */
	public AnalysisResult run(String analysisId, String unitId, LocalDate asOf) {
		Analysis analysis = this.catalog.find(analysisId).orElseThrow(() -> new UnknownAnalysisException(analysisId));
		for (int attempt = 1;; attempt++) {
			try {
				return analysis.run(context(unitId, asOf));
			}
			catch (ScopedDuties.ListsChangedException ex) {
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
				logger.info("Running {} again: {}", analysisId, ex.getMessage());
			}
		}
	}

	/** Every analysis of the catalogue over one scope, as one document. */
	public AuditDocument audit(String unitId, LocalDate asOf) {
		return audit(unitId, asOf, Progress.NONE);
	}

	/**
	 * Every analysis of the catalogue over one scope, as one document: the analyses run
	 * in parallel on a bounded pool ({@code dutychain.analysis-parallelism}, default the
	 * number of processors) and share one load of the scoped graph and one evaluation of
	 * each fact of the run (shared fragments, {@link CypherFiles.Fact}); the result does
	 * not depend on the order they finish in. Reports the phase {@code audit} (analyses
	 * done of all) to {@code progress}.
	 */
	public AuditDocument audit(String unitId, LocalDate asOf, Progress progress) {
		return timedAudit(unitId, asOf, progress).document();
	}

	/**
	 * An audit with the time of its phases (benchmarks, {@code --timings}).
	 *
	 * @param document the audit
	 * @param sharedMillis each shared load (e.g. {@code ScopedGraph}) and how long it
	 * took, ms; the analyses that waited for it count the wait in their own duration
	 * @param totalMillis the whole audit, ms
	 */
	public record TimedAudit(AuditDocument document, Map<String, Long> sharedMillis, long totalMillis) {
	}

	/** {@link #audit(String, LocalDate, Progress)} with the time of its phases. */
	public TimedAudit timedAudit(String unitId, LocalDate asOf, Progress progress) {
		long started = System.nanoTime();
		for (int attempt = 1;; attempt++) {
			DatasetInfo dataset = this.datasets.active();
			// the generation read is leased: an import that replaces it
			// meanwhile leaves it in place until this audit ends
			try (GenerationLeases.Lease lease = this.leases.acquire(dataset.generation())) {
				if (attempt < ATTEMPTS && this.datasets.active().generation() != dataset.generation()) {
					continue; // switched between reading and leasing: lease the new one
				}
				// the facts of the run (shared fragments such as weak-now) are evaluated
				// once and handed to every statement that uses them
				AnalysisContext context = context(dataset, unitId, asOf, this.files.facts().values());
				AuditDocument document = document(dataset.name(), context,
						runAll(context, this.catalog.all(), progress));
				return new TimedAudit(document, new TreeMap<>(context.sharedMillis()),
						(System.nanoTime() - started) / 1_000_000);
			}
			catch (ScopedDuties.ListsChangedException ex) {
				// a duty list was edited while the audit read it: read it again
				if (attempt >= ATTEMPTS) {
					throw ex;
				}
				logger.info("Auditing again: {}", ex.getMessage());
			}
		}
	}

	/**
	 * Runs analyses in parallel; the results in the order of {@code analyses}. They are
	 * started longest first, by how long each took in this service's previous audit
	 * (analyses without one after those with one, in the given order), so that a long
	 * analysis does not start last and leave the other threads idle at the end.
	 */
	List<AnalysisResult> runAll(AnalysisContext context, List<Analysis> analyses, Progress progress) {
		int total = analyses.size();
		AtomicInteger done = new AtomicInteger();
		progress.report("audit", 0, total);
		List<Integer> starts = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			starts.add(i);
		}
		starts.sort(Comparator.comparingLong((Integer i) -> -this.lastMillis.getOrDefault(analyses.get(i).id(), -1L)));
		List<CompletableFuture<AnalysisResult>> futures = new ArrayList<>(Collections.nCopies(total, null));
		for (int i : starts) {
			Analysis analysis = analyses.get(i);
			futures.set(i, CompletableFuture.supplyAsync(() -> analysis.run(context), this.pool)
				.whenComplete((r, ex) -> progress.report("audit", done.incrementAndGet(), total)));
		}
		List<AnalysisResult> results = new ArrayList<>();
		try {
			for (CompletableFuture<AnalysisResult> f : futures) {
				results.add(f.join());
			}
			results.forEach((r) -> this.lastMillis.put(r.analysis(), r.durationMs()));
		}
		catch (CompletionException ex) {
			futures.forEach((f) -> f.cancel(true));
			if (ex.getCause() instanceof RuntimeException re) {
				throw re;
			}
			if (ex.getCause() instanceof Error e) {
				throw e;
			}
			throw ex;
		}
		return results;
	}

	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

	static AuditDocument document(String dataset, AnalysisContext context, List<AnalysisResult> results) {
		List<AuditDocument.AnalysisSummary> summaries = new ArrayList<>();
		List<Finding> findings = new ArrayList<>();
		for (AnalysisResult r : results) {
			summaries.add(new AuditDocument.AnalysisSummary(r.analysis(), r.title(), r.examined(), r.durationMs(),
					r.metrics()));
			findings.addAll(r.findings());
		}
		findings.sort(Findings.ORDER);
		return new AuditDocument(dataset, context.scope().asOf(), context.scope().unitId(), summaries,
				levels(context, results), findings);
	}

	private static List<AuditDocument.LevelSummary> levels(AnalysisContext context, List<AnalysisResult> results) {
		TreeMap<Integer, Integer> units = new TreeMap<>();
		context.levels().values().forEach((l) -> units.merge(l, 1, Integer::sum));
		Map<Integer, Map<String, Double>> coverage = new TreeMap<>();
		Map<Integer, Map<?, ?>> pressure = new TreeMap<>();
		for (AnalysisResult r : results) {
			for (Object row : rows(r.metrics().get(COVERAGE_METRIC))) {
				if (row instanceof Map<?, ?> m && m.get("domains") instanceof Map<?, ?> d) {
					Map<String, Double> shares = new TreeMap<>();
					d.forEach((k, v) -> shares.put(String.valueOf(k), ((Number) v).doubleValue()));
					coverage.put(((Number) m.get("level")).intValue(), shares);
				}
			}
			if (r.analysis().equals("pressure-decay")) {
				for (Object row : rows(r.metrics().get(PRESSURE_LEVELS_METRIC))) {
					if (row instanceof Map<?, ?> m) {
						pressure.put(((Number) m.get("level")).intValue(), m);
					}
				}
			}
		}
		List<AuditDocument.LevelSummary> levels = new ArrayList<>();
		units.forEach((level, count) -> {
			Map<?, ?> p = pressure.getOrDefault(level, Map.of());
			levels.add(new AuditDocument.LevelSummary(level, count, coverage.getOrDefault(level, Map.of()),
					number(p.get("mean")), number(p.get("median")), number(p.get("coldShare"))));
		});
		return levels;
	}

	private static Collection<?> rows(Object metric) {
		return (metric instanceof Collection<?> c) ? c : List.of();
	}

	private static double number(Object o) {
		return (o instanceof Number n) ? n.doubleValue() : 0.0;
	}

}
