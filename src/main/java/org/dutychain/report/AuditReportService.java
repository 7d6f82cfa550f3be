package org.dutychain.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.dutychain.accountability.AccountabilityChain;
import org.dutychain.accountability.AccountabilityEntry;
import org.dutychain.accountability.AccountabilityService;
import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;
import org.dutychain.people.ResponsibilityKind;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The pre-inspection audit report (巡察前自查审计报告): runs the audit of a scope, looks up what
 * the report lists beside the findings, and renders JSON (the audit document itself),
 * XLSX, HTML or PDF.
 *
 * <p>
 * Who answers for a finding: for an issue, the accountability chain of the issue; for a
 * finding whose metrics name a duty domain, the chain of the unit and domain; the nearest
 * principal and direct holders of that chain are shown. Otherwise, or when no
 * accountability service is present, the unit's PRINCIPAL post holder.
 */
@Service
class AuditReportService implements AuditReports {

	private static final Logger log = LoggerFactory.getLogger(AuditReportService.class);

	private final AnalysisService analysis;

	private final Datasets datasets;

	private final ReportFacts facts;

	private final Snapshots snapshots;

	private final ObjectProvider<AccountabilityService> accountability;

	private final Clock clock;

	private final AuditCache audits;

	AuditReportService(AnalysisService analysis, AuditCache audits, Datasets datasets, ReportFacts facts,
			Snapshots snapshots, ObjectProvider<AccountabilityService> accountability, ObjectProvider<Clock> clock) {
		this.analysis = analysis;
		this.audits = audits;
		this.datasets = datasets;
		this.facts = facts;
		this.snapshots = snapshots;
		this.accountability = accountability;
		this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
	}

	@Override
	public void write(String scope, LocalDate asOf, ReportFormat format, String sinceSnapshot, ReportOptions options,
			OutputStream out) {
		if (sinceSnapshot != null && !sinceSnapshot.isBlank()) {
			this.snapshots.require(sinceSnapshot);
		}
		write(this.audits.audit(blankToNull(scope), asOf), format, sinceSnapshot, options, out);
	}

	@Override
	public void write(AuditDocument document, ReportFormat format, String sinceSnapshot, ReportOptions options,
			OutputStream out) {
		if (sinceSnapshot != null && !sinceSnapshot.isBlank()) {
			this.snapshots.require(sinceSnapshot);
		}
		if (format == ReportFormat.JSON) {
			try {
				ReportJson.MAPPER.writeValue(out, document);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return;
		}
		ReportContent content = content(document, sinceSnapshot, options);
		switch (format) {
			case XLSX -> XlsxAuditReport.write(content, out);
			case HTML -> {
				try {
					out.write(HtmlAuditReport.html(content).getBytes(java.nio.charset.StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			case PDF -> PdfAuditReport.write(content, out);
			default -> throw new IllegalArgumentException("Unsupported report format " + format);
		}
	}

	@Override
	public String fileName(String scope, LocalDate asOf, ReportFormat format) {
		List<String> ids = roots(blankToNull(scope));
		DatasetInfo dataset = this.datasets.active();
		String name = "全部单位";
		if (!ids.isEmpty()) {
			ReportFacts.Scope roots = new ReportFacts.Scope(dataset.generation(), ids, asOf);
			name = scopeName(ids, this.facts.unitNames(roots));
		}
		LocalDate date = (asOf != null) ? asOf : dataset.asOf();
		return fileNameOf(name, date, format);
	}

	/**
	 * The scope units of a document or request: none for every unit, one, or — for a user
	 * with several scopes, whose filtered audit names them all — several, comma
	 * separated.
	 */
	static List<String> scopeIds(String scope) {
		if (scope == null || scope.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(scope.split(",")).map(String::strip).filter((id) -> !id.isEmpty()).toList();
	}

	/**
	 * The scope units of a report: a unit id as it is (even one with a comma in it), else
	 * the comma-separated roots of a user with several scopes.
	 */
	private List<String> roots(String scope) {
		if (scope == null || scope.isBlank()) {
			return List.of();
		}
		try {
			this.datasets.requireUnit(scope);
			return List.of(scope);
		}
		catch (org.dutychain.organization.UnknownUnitException notOne) {
			return scopeIds(scope);
		}
	}

	/** The names of the scope units, joined with 、 (ids where a name is missing). */
	static String scopeName(List<String> roots, Map<String, String> names) {
		return String.join("、", roots.stream().map((id) -> names.getOrDefault(id, id)).toList());
	}

	/**
	 * {@code 审计报告-<scope name>-<date>.<ext>}, with characters a file system or a header
	 * refuses replaced by {@code _}.
	 */
	static String fileNameOf(String scopeName, LocalDate date, ReportFormat format) {
		String safe = scopeName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		if (safe.length() > 80) {
			safe = safe.substring(0, 80);
		}
		return "审计报告-" + safe + ((date != null) ? "-" + date : "") + "." + format.extension();
	}

	ReportContent content(AuditDocument document, String sinceSnapshot) {
		return content(document, sinceSnapshot, ReportOptions.DEFAULT);
	}

	ReportContent content(AuditDocument document, String sinceSnapshot, ReportOptions options) {
		DatasetInfo dataset = this.datasets.active();
		List<String> roots = roots(document.scope());
		List<String> unitIds = null;
		if (!roots.isEmpty()) {
			Set<String> units = new LinkedHashSet<>();
			roots.forEach((root) -> units.addAll(this.datasets.scopeLevels(dataset.generation(), root).keySet()));
			unitIds = new ArrayList<>(units);
		}
		ReportFacts.Scope scope = new ReportFacts.Scope(dataset.generation(), unitIds, document.asOf());
		Map<String, String> names = this.facts.unitNames(scope);
		String scopeName = roots.isEmpty() ? "全部单位" : scopeName(roots, names);
		Optional<SnapshotDiff> since = (sinceSnapshot == null || sinceSnapshot.isBlank()) ? Optional.empty()
				: Optional.of(this.snapshots.diff(sinceSnapshot, document));
		return new ReportContent(document, scopeName, ZonedDateTime.now(this.clock), names,
				accountable(scope, document, options), this.facts.staffing(scope), this.facts.weakUnits(scope),
				this.facts.supervisions(scope), rules(document), since, options);
	}

	private List<ReportContent.Rule> rules(AuditDocument document) {
		Set<String> used = new LinkedHashSet<>();
		document.analyses().forEach((a) -> used.add(a.id()));
		List<ReportContent.Rule> rules = new ArrayList<>();
		for (AnalysisDefinition d : this.analysis.definitions()) {
			if (used.contains(d.id())) {
				rules.add(new ReportContent.Rule(d.id(), d.title(), d.file().text()));
			}
		}
		return rules;
	}

	private Map<String, String> accountable(ReportFacts.Scope scope, AuditDocument document, ReportOptions options) {
		Set<String> units = new LinkedHashSet<>();
		document.findings().forEach((f) -> {
			if (f.unitId() != null) {
				units.add(f.unitId());
			}
		});
		Map<String, String> principals = units.isEmpty() ? Map.of() : this.facts.principals(scope, units);
		AccountabilityService service = this.accountability.getIfAvailable();
		Map<String, Optional<String>> chains = new HashMap<>();
		Map<String, String> text = new HashMap<>();
		for (Finding f : document.findings()) {
			Optional<String> chain = Optional.empty();
			if (service != null) {
				String domain = (f.metrics().get("domain") instanceof String d) ? d : null;
				if (f.issueId() != null) {
					chain = chains.computeIfAbsent("I:" + f.issueId(),
							(k) -> chain(() -> options.chains().apply(service.forIssue(f.issueId(), document.asOf()))));
				}
				else if (domain != null && f.unitId() != null) {
					chain = chains.computeIfAbsent("U:" + f.unitId() + ":" + domain, (k) -> chain(
							() -> options.chains().apply(service.forUnit(f.unitId(), domain, document.asOf()))));
				}
			}
			String value = chain
				.orElseGet(() -> (f.unitId() != null) ? principals.getOrDefault(f.unitId(), "未设主体责任岗位") : "—");
			text.put(f.key(), value);
		}
		return text;
	}

	private static Optional<String> chain(java.util.function.Supplier<AccountabilityChain> lookup) {
		try {
			return describe(lookup.get());
		}
		catch (RuntimeException ex) {
			log.debug("No accountability chain: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * The nearest PRINCIPAL and DIRECT entries of a chain, as "书记 张三（主体责任）；组织委员
	 * —（空缺，直接责任）".
	 */
	static Optional<String> describe(AccountabilityChain chain) {
		List<String> parts = new ArrayList<>();
		for (ResponsibilityKind kind : List.of(ResponsibilityKind.PRINCIPAL, ResponsibilityKind.DIRECT)) {
			chain.entries()
				.stream()
				.filter((e) -> e.responsibility() == kind && e.postId() != null)
				.min(java.util.Comparator.comparingInt(AccountabilityEntry::rank))
				.ifPresent((e) -> parts.add(entry(e)));
		}
		return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("；", parts));
	}

	private static String entry(AccountabilityEntry e) {
		String where = (e.distance() > 0 && e.unitName() != null) ? e.unitName() + " " : "";
		String title = (e.postTitle() != null) ? e.postTitle() : e.postId();
		String who = (e.personName() != null) ? e.personName() : "—";
		return where + title + " " + who + "（" + (e.gap() || e.personId() == null ? "空缺，" : "")
				+ e.responsibility().zh() + "）";
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
