package org.dutychain.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.AuditStatus;
import org.dutychain.organization.Datasets;
import org.dutychain.report.SnapshotDiff;
import org.dutychain.report.SnapshotInfo;
import org.dutychain.report.Snapshots;
import org.dutychain.report.Trend;
import org.dutychain.report.Trends;
import org.dutychain.security.AccessScope;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The trend view (趋势对比, issue 12): two evaluation dates of the current data or two
 * snapshots compared per code, level and department; the grade history of a unit and its
 * children; the first records of the dataset (for the page's date warning). Scoped like
 * every read: a scoped caller compares its (first) scope unit's audits and sees its own
 * units and snapshots only; VIEWER sees no gradings (and, by the security rules, no
 * snapshots).
 */
@RestController
class TrendController {

	private final Trends trends;

	private final Snapshots snapshots;

	private final AuditCache audits;

	private final AccessScope access;

	private final Datasets datasets;

	private final VisibleSnapshots visibleSnapshots;

	private final Jobs jobs;

	TrendController(Trends trends, Snapshots snapshots, AuditCache audits, AccessScope access, Datasets datasets,
			VisibleSnapshots visibleSnapshots, Jobs jobs) {
		this.jobs = jobs;
		this.trends = trends;
		this.snapshots = snapshots;
		this.audits = audits;
		this.access = access;
		this.datasets = datasets;
		this.visibleSnapshots = visibleSnapshots;
	}

	/**
	 * The current data at two evaluation dates (the cached audits of each). With
	 * {@code Prefer: respond-async}: 202 and a job whose result is the trend.
	 */
	@GetMapping("/api/trend")
	ResponseEntity<Object> trend(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String scope,
			@RequestHeader(name = JobController.PREFER, required = false) String prefer) {
		String requested = AnalysisController.blankToNull(scope);
		if (requested != null) {
			this.access.requireVisible(requested);
		}
		return answer(prefer, requested, Jobs.Subject.between(requested, from, to), List.of(from, to), () -> {
			SnapshotDiff diff = this.snapshots.diff(audit(requested, from), audit(requested, to));
			return this.trends.summarize(diff, scopes(requested));
		});
	}

	/**
	 * Snapshot {@code a} compared with snapshot {@code to}, or without {@code to} with
	 * the current data at {@code asOf} (default: the dataset's) in the snapshot's scope.
	 * With {@code Prefer: respond-async}: 202 and a job whose result is the trend.
	 */
	@GetMapping("/api/snapshots/{a}/trend")
	ResponseEntity<Object> snapshotTrend(@PathVariable String a, @RequestParam(required = false) String to,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestHeader(name = JobController.PREFER, required = false) String prefer) {
		SnapshotInfo from = this.visibleSnapshots.require(a);
		String target = AnalysisController.blankToNull(to);
		if (target != null) {
			this.visibleSnapshots.require(target);
			return ResponseEntity.ok(this.trends.summarize(this.snapshots.diff(a, target), scopes(from.scope())));
		}
		LocalDate date = this.datasets.asOf(asOf);
		String scope = allScopes(from.scope()) ? null : from.scope();
		return answer(prefer, scope,
				Jobs.Subject.scoped(scope, date).with("snapshot", from.label(), "快照 " + from.label() + " → "),
				List.of(date),
				() -> this.trends.summarize(this.snapshots.diff(a, audit(from.scope(), date)), scopes(from.scope())));
	}

	/** Gradings of the unit and its PRIMARY children by scheme and year (考评轨迹). */
	@GetMapping("/api/units/{id}/grades")
	Trends.GradeHistory grades(@PathVariable String id) {
		this.access.requireVisible(id);
		return this.trends.grades(id, this.access.visibleUnits(), this.access.hidesSensitive());
	}

	/**
	 * The first appointment, activity and grading of the active dataset: the page warns
	 * when an evaluation date lies before them.
	 */
	@GetMapping("/api/dataset/first-records")
	List<Trends.FirstRecord> firstRecords() {
		return this.trends.firstRecords();
	}

	/**
	 * The scopes a comparison is counted in: the requested unit, else the caller's scope
	 * units (none for ADMIN: the whole dataset). A snapshot of several scopes names them
	 * joined by commas.
	 */
	private List<String> scopes(String scope) {
		if (allScopes(scope)) {
			return this.access.roots();
		}
		return List.of(scope);
	}

	/**
	 * No scope, or the caller's scope units joined by commas (a snapshot of all of them).
	 */
	private boolean allScopes(String scope) {
		return scope == null || scope.equals(String.join(",", this.access.roots()));
	}

	/**
	 * The caller's view at asOf: of one unit, or with no scope (or the joined scopes of a
	 * snapshot of all of them) of the whole dataset as the caller may see it.
	 */
	private AuditDocument audit(String scope, LocalDate asOf) {
		if (allScopes(scope)) {
			return this.access.wholeAudit(asOf);
		}
		this.access.requireVisible(scope);
		return this.access.filter(this.audits.audit(scope, asOf));
	}

	/**
	 * The trend now, or with {@code Prefer: respond-async} a job computing it, its
	 * percentage following the audits of {@code scope} (null: the whole dataset) at the
	 * dates.
	 */
	private ResponseEntity<Object> answer(String prefer, String scope, Jobs.Subject subject, List<LocalDate> dates,
			Supplier<Trend> trend) {
		if (!JobController.respondAsync(prefer)) {
			return ResponseEntity.ok(trend.get());
		}
		if (scope != null) {
			this.datasets.requireUnit(scope);
		}
		return JobController.accepted(this.jobs.submit(this.access.caller(), Jobs.TREND, subject, (job) -> {
			job.follow(dates.stream()
				.<Supplier<Optional<AuditStatus>>>map((date) -> () -> this.audits.peek(scope, date))
				.toList());
			return trend.get();
		}));
	}

}
