package org.dutychain.web;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.organization.Datasets;
import org.dutychain.report.AuditReports;
import org.dutychain.report.ImportTemplate;
import org.dutychain.report.ReportFormat;
import org.dutychain.report.ReportOptions;
import org.dutychain.report.SnapshotDiff;
import org.dutychain.report.SnapshotInfo;
import org.dutychain.report.Snapshots;
import org.dutychain.security.AccessScope;
import org.dutychain.security.AuditLog;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit reports, the import template and snapshots (报告、导入模板、快照). Unknown units are the
 * shared advice's business; unknown snapshots and report formats are answered here.
 */
@RestController
class ReportController {

	private static final MediaType XLSX = MediaType.parseMediaType(ReportFormat.XLSX.mediaType());

	private final AuditReports reports;

	private final ImportTemplate template;

	private final Snapshots snapshots;

	private final AccessScope access;

	private final AuditLog auditLog;

	private final VisibleSnapshots visibleSnapshots;

	private final Jobs jobs;

	private final AuditCache audits;

	private final Datasets datasets;

	ReportController(AuditReports reports, ImportTemplate template, Snapshots snapshots, AccessScope access,
			AuditLog auditLog, VisibleSnapshots visibleSnapshots, Jobs jobs, AuditCache audits, Datasets datasets) {
		this.jobs = jobs;
		this.audits = audits;
		this.datasets = datasets;
		this.reports = reports;
		this.template = template;
		this.snapshots = snapshots;
		this.access = access;
		this.auditLog = auditLog;
		this.visibleSnapshots = visibleSnapshots;
	}

	/**
	 * The pre-inspection audit report of a scope: {@code format} json (the audit
	 * document), xlsx, html or pdf; {@code since} a snapshot id to compare with
	 * (XLSX/HTML/PDF); {@code appendix=true} adds the rule source. The file name carries
	 * the scope unit's name and the date (RFC 5987 {@code filename*} for the Chinese).
	 * With {@code Prefer: respond-async}: 202 and a job that writes the file, its
	 * percentage following the audit's; the finished job names the file and links it
	 * ({@code GET /api/jobs/{id}/file}).
	 */
	@GetMapping("/api/reports/audit")
	ResponseEntity<?> audit(@RequestParam(required = false) String scope,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "json") String format, @RequestParam(required = false) String since,
			@RequestParam(defaultValue = "false") boolean appendix,
			@RequestHeader(name = JobController.PREFER, required = false) String prefer, HttpServletRequest request) {
		Optional<ReportFormat> parsed = ReportFormat.of(format);
		if (parsed.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"不支持的报告格式：" + format + "（可选 json、xlsx、html、pdf）");
			problem.setType(URI.create("/problems/unknown-report-format"));
			problem.setTitle("Unknown report format");
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		ReportFormat f = parsed.get();
		if (since != null && !since.isBlank()) {
			this.visibleSnapshots.require(since);
		}
		String requested = AnalysisController.blankToNull(scope);
		if (!JobController.respondAsync(prefer)) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
			String name = report(requested, asOf, f, since, appendix, request.getRemoteAddr(), out);
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(f.mediaType()))
				.header(HttpHeaders.CONTENT_DISPOSITION, disposition(name, inline(f)))
				.body(out.toByteArray());
		}
		if (requested != null) {
			this.access.requireVisible(requested);
			this.datasets.requireUnit(requested);
		}
		String address = request.getRemoteAddr();
		return JobController.accepted(this.jobs.submit(this.access.caller(), Jobs.REPORT,
				Jobs.Subject.scoped(requested, this.datasets.asOf(asOf))
					.with("format", f.extension(), f.extension() + "，"),
				(job) -> {
					job.follow(List.of(() -> this.audits.peek(requested, asOf)));
					Path file = null;
					try {
						file = Files.createTempFile("dutychain-report-", "." + f.extension());
						String name;
						try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
							name = report(requested, asOf, f, since, appendix, address, out);
						}
						return new Jobs.JobFile(name, f.mediaType(), inline(f), file);
					}
					catch (IOException ex) {
						delete(file);
						throw new UncheckedIOException(ex);
					}
					catch (RuntimeException | Error ex) {
						delete(file);
						throw ex;
					}
				}));
	}

	/**
	 * Writes the report as the caller may see it, records it in the audit log, and
	 * returns its file name.
	 */
	private String report(String requested, LocalDate asOf, ReportFormat f, String since, boolean appendix,
			String clientAddress, OutputStream out) {
		String scope = requested;
		boolean restricted = !this.access.caller().unrestricted() || this.access.hidesSensitive();
		ReportOptions options = restricted
				? new ReportOptions(this.access.caller().username(), appendix, this.access::filter)
				: new ReportOptions(this.access.caller().username(), appendix);
		if (restricted) {
			// a scoped user (or VIEWER): the audit as this user may see it — without a
			// scope the whole audit over all its scopes, every scope named in the header;
			// findings outside dropped, messages and chains naming outside units as such
			AuditDocument document = this.access.audit(scope, asOf);
			scope = document.scope();
			this.reports.write(document, f, since, options, out);
		}
		else {
			scope = this.access.effectiveScope(scope);
			this.reports.write(scope, asOf, f, since, options, out);
		}
		this.auditLog.record(this.access.caller().username(), AuditLog.REPORT, (scope != null) ? scope : "all",
				"format=" + f.extension() + ((asOf != null) ? " asOf=" + asOf : ""), clientAddress);
		return this.reports.fileName(scope, asOf, f);
	}

	/** HTML and JSON are shown in the browser, the others saved. */
	static boolean inline(ReportFormat f) {
		return f == ReportFormat.HTML || f == ReportFormat.JSON;
	}

	/** The Content-Disposition of a file (RFC 5987 {@code filename*} for the Chinese). */
	static String disposition(String name, boolean inline) {
		return (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(name, StandardCharsets.UTF_8)
			.build()
			.toString();
	}

	private static void delete(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ignored) {
				// a temporary file; the job reports the failure that matters
			}
		}
	}

	/** The empty import workbook. */
	@GetMapping("/api/imports/template.xlsx")
	ResponseEntity<byte[]> template() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 15);
		this.template.write(out);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("dutychain-template.xlsx").build().toString())
			.body(out.toByteArray());
	}

	/**
	 * Audits the scope and stores the document (201 with the snapshot). With
	 * {@code Prefer: respond-async}: 202 and a job whose result is the snapshot.
	 */
	@PostMapping("/api/snapshots")
	ResponseEntity<Object> createSnapshot(@RequestParam(required = false) String scope,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) String label,
			@RequestHeader(name = JobController.PREFER, required = false) String prefer, HttpServletRequest request) {
		String requested = AnalysisController.blankToNull(scope);
		String address = request.getRemoteAddr();
		if (!JobController.respondAsync(prefer)) {
			SnapshotInfo info = snapshot(requested, asOf, label, address);
			return ResponseEntity.created(URI.create("/api/snapshots/" + info.id())).body(info);
		}
		if (requested != null) {
			this.access.requireVisible(requested);
			this.datasets.requireUnit(requested);
		}
		return JobController.accepted(this.jobs.submit(this.access.caller(), Jobs.SNAPSHOT,
				Jobs.Subject.scoped(requested, this.datasets.asOf(asOf))
					.with("label", label, (label != null) ? label + "，" : ""),
				(job) -> {
					job.follow(List.of(() -> this.audits.peek(requested, asOf)));
					return snapshot(requested, asOf, label, address);
				}));
	}

	private SnapshotInfo snapshot(String scope, LocalDate asOf, String label, String clientAddress) {
		// a scoped user stores what it may see (outside units and people named as such),
		// with no scope all its subtrees
		SnapshotInfo info = this.access.caller().unrestricted()
				? this.snapshots.create(this.access.effectiveScope(scope), asOf, label)
				: this.snapshots.save(this.access.audit(scope, asOf), label, true);
		this.auditLog.record(this.access.caller().username(), AuditLog.SNAPSHOT, info.id(),
				"scope=" + ((info.scope() != null) ? info.scope() : "all"), clientAddress);
		return info;
	}

	/** Every snapshot, newest first. */
	@GetMapping("/api/snapshots")
	List<SnapshotInfo> snapshots() {
		return this.visibleSnapshots.list();
	}

	@GetMapping("/api/snapshots/{id}")
	SnapshotInfo snapshot(@PathVariable String id) {
		return this.visibleSnapshots.require(id);
	}

	/** What changed from snapshot {@code a} to snapshot {@code b}. */
	@GetMapping("/api/snapshots/{a}/diff/{b}")
	SnapshotDiff diff(@PathVariable String a, @PathVariable String b) {
		this.visibleSnapshots.require(a);
		this.visibleSnapshots.require(b);
		return this.snapshots.diff(a, b);
	}

}
