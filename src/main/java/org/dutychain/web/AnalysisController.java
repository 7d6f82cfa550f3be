package org.dutychain.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisResult;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.AuditStatus;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Severity;
import org.dutychain.organization.Datasets;
import org.dutychain.security.AccessScope;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The analysis catalogue, single runs, the audit, and the coverage and pressure profiles
 * by level (分析).
 */
@RestController
class AnalysisController {

	private final AnalysisService analyses;

	private final AuditCache audits;

	private final AccessScope access;

	private final Datasets datasets;

	private final Jobs jobs;

	AnalysisController(AnalysisService analyses, AuditCache audits, AccessScope access, Datasets datasets, Jobs jobs) {
		this.jobs = jobs;
		this.datasets = datasets;
		this.analyses = analyses;
		this.audits = audits;
		this.access = access;
	}

	/**
	 * One finding code of an analysis with its severity and message templates.
	 *
	 * @param subject the names whose values make the finding key
	 * @param sensitive whether its inputs include gradings or personnel events
	 */
	record CodeView(String code, Severity severity, String titleZh, String titleEn, String description, String zh,
			String en, List<String> subject, boolean sensitive) {
	}

	/**
	 * An analysis of the catalogue.
	 *
	 * @param severity the highest severity among its codes
	 * @param sensitive whether any code's inputs include gradings or personnel events
	 * @param cypher the whole {@code cypher/analysis/<id>.cypher} file as written
	 */
	record AnalysisView(String id, String title, String titleZh, String titleEn, String description, Severity severity,
			boolean sensitive, String engine, String className, List<CodeView> codes, String cypher) {

		static AnalysisView of(AnalysisDefinition d) {
			List<CodeView> codes = d.codes()
				.values()
				.stream()
				.map((c) -> new CodeView(c.code(), c.severity(), c.titleZh(), c.titleEn(), c.description(), c.zh(),
						c.en(), c.subject(), c.sensitive()))
				.toList();
			return new AnalysisView(d.id(), d.title(), d.titleZh(), d.titleEn(), d.description(), d.severity(),
					d.sensitive(), d.engine(), d.className().orElse(null), codes, d.file().text());
		}

	}

	/**
	 * Coverage of the eight domains per level (list-coverage's matrix): share of the
	 * level's units that owe lists (hold a post) and are covered in that domain.
	 *
	 * @param units every unit of the level
	 * @param owing the units of the level that owe lists (the denominator)
	 */
	record CoverageLevel(int level, int units, int owing, Map<String, Double> coverage) {
	}

	/**
	 * @param metrics the list-coverage analysis metrics, empty when it did not run
	 * @param audit where the cached audit behind the numbers stands; while it is
	 * computing, levels and metrics are empty and {@code audit.messageZh} says 审计计算中（进度
	 * n%）
	 */
	record CoverageResponse(String dataset, LocalDate asOf, String scope, List<CoverageLevel> levels,
			Map<String, Object> metrics, AuditStatus audit) {
	}

	/** Pressure per level (压力传导). */
	record PressureLevel(int level, int units, double mean, double median, double coldShare) {
	}

	/**
	 * @param metrics the pressure-decay analysis metrics, empty when it did not run
	 * @param audit as for coverage
	 */
	record PressureResponse(String dataset, LocalDate asOf, String scope, List<PressureLevel> levels,
			Map<String, Object> metrics, AuditStatus audit) {
	}

	@GetMapping("/api/analyses")
	List<AnalysisView> analyses() {
		return this.analyses.definitions().stream().map(AnalysisView::of).toList();
	}

	@GetMapping("/api/analyses/{id}")
	AnalysisView analysis(@PathVariable String id) {
		return AnalysisView.of(this.analyses.definition(id));
	}

	@PostMapping("/api/analyses/{id}/run")
	AnalysisResult run(@PathVariable String id, @RequestParam(required = false) String scope,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		this.analyses.definition(id);
		String requested = blankToNull(scope);
		List<String> roots = (requested == null) ? this.access.distinctRoots() : List.of();
		if (roots.size() > 1) {
			// a user with several scopes: the analysis of each subtree, findings once
			// each,
			// the metrics per scope unit
			List<Finding> findings = new java.util.ArrayList<>();
			Set<String> keys = new java.util.HashSet<>();
			Map<String, Object> metrics = new java.util.LinkedHashMap<>();
			AnalysisResult last = null;
			int examined = 0;
			long duration = 0;
			for (String root : roots) {
				last = this.analyses.run(id, root, asOf);
				examined += last.examined();
				duration += last.durationMs();
				metrics.put(root, last.metrics());
				last.findings().stream().filter((f) -> keys.add(f.key())).forEach(findings::add);
			}
			findings.sort(org.dutychain.analysis.Findings.ORDER);
			return new AnalysisResult(last.analysis(), last.title(),
					new org.dutychain.analysis.AnalysisScope(String.join(",", roots), last.scope().asOf()), examined,
					duration, Map.of("roots", metrics), this.access.filter(findings));
		}
		AnalysisResult result = this.analyses.run(id, this.access.effectiveScope(requested), asOf);
		return new AnalysisResult(result.analysis(), result.title(), result.scope(), result.examined(),
				result.durationMs(), result.metrics(), this.access.filter(result.findings()));
	}

	/**
	 * The audit of a scope (none: every unit the caller may see) at asOf, as the caller
	 * may see it. With {@code Prefer: respond-async}: 202 and a job whose result is the
	 * same document, its percentage following the audit's.
	 */
	@PostMapping("/api/audit")
	ResponseEntity<Object> audit(@RequestParam(required = false) String scope,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestHeader(name = JobController.PREFER, required = false) String prefer) {
		String requested = blankToNull(scope);
		if (requested != null) {
			this.access.requireVisible(requested);
		}
		if (!JobController.respondAsync(prefer)) {
			return ResponseEntity.ok(this.access.audit(requested, asOf));
		}
		if (requested != null) {
			// an unknown unit is the request's 404, not a failed job
			this.datasets.requireUnit(requested);
		}
		return JobController.accepted(this.jobs.submit(this.access.caller(), Jobs.AUDIT,
				Jobs.Subject.scoped(requested, this.datasets.asOf(asOf)), (job) -> {
					job.follow(List.of(() -> this.audits.peek(requested, asOf)));
					return this.access.audit(requested, asOf);
				}));
	}

	/**
	 * Where the views' audit at asOf stands (the whole-dataset audit behind the panel's
	 * findings, the tree's counts, coverage and pressure): {@code ready}, or
	 * {@code computing} with its phase and percentage (审计计算中（进度 n%）), or {@code failed}.
	 * Starts it in the background when it is not cached; never waits for it. The page
	 * polls it while the audit is computing.
	 */
	@GetMapping("/api/audit/status")
	AuditStatus auditStatus(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		return this.audits.status(asOf);
	}

	@GetMapping("/api/coverage")
	CoverageResponse coverage(@RequestParam(required = false) String scope,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		AuditCache.ViewAudit view = this.access.view(blankToNull(scope), asOf);
		AuditDocument audit = view.document();
		if (audit == null) {
			return new CoverageResponse(this.datasets.active().name(), this.datasets.asOf(asOf), blankToNull(scope),
					List.of(), Map.of(), view.audit());
		}
		Map<String, Object> metrics = metrics(audit, "list-coverage");
		Map<Integer, Integer> owing = new java.util.HashMap<>();
		if (metrics.get("coverage") instanceof List<?> rows) {
			for (Object row : rows) {
				if (row instanceof Map<?, ?> m && m.get("level") instanceof Number l
						&& m.get("units") instanceof Number n) {
					owing.put(l.intValue(), n.intValue());
				}
			}
		}
		List<CoverageLevel> levels = audit.levels()
			.stream()
			.map((l) -> new CoverageLevel(l.level(), l.units(), owing.getOrDefault(l.level(), 0), l.coverage()))
			.toList();
		return new CoverageResponse(audit.dataset(), audit.asOf(), audit.scope(), levels, metrics, view.audit());
	}

	@GetMapping("/api/pressure")
	PressureResponse pressure(@RequestParam(required = false) String scope,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		AuditCache.ViewAudit view = this.access.view(blankToNull(scope), asOf);
		AuditDocument audit = view.document();
		if (audit == null) {
			return new PressureResponse(this.datasets.active().name(), this.datasets.asOf(asOf), blankToNull(scope),
					List.of(), Map.of(), view.audit());
		}
		List<PressureLevel> levels = audit.levels()
			.stream()
			.map((l) -> new PressureLevel(l.level(), l.units(), l.pressureMean(), l.pressureMedian(), l.coldShare()))
			.toList();
		return new PressureResponse(audit.dataset(), audit.asOf(), audit.scope(), levels,
				metrics(audit, "pressure-decay"), view.audit());
	}

	private static Map<String, Object> metrics(AuditDocument audit, String analysis) {
		return audit.analyses()
			.stream()
			.filter((a) -> a.id().equals(analysis))
			.findFirst()
			.map(AuditDocument.AnalysisSummary::metrics)
			.orElse(Map.of());
	}

	static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
