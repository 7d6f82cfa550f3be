package org.dutychain.report;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Severity;

/**
 * Everything one audit report shows (审计报告内容): the audit document plus the facts looked up
 * beside it. The renderers (XLSX, HTML, PDF) only read this, so they are tested with
 * hand-built content and no database.
 *
 * @param document the audit of the scope
 * @param scopeName the scope unit's name ("全部单位" when the scope is everything)
 * @param generatedAt when the report was made
 * @param unitNames unit id → name (ids without a name are shown as the id)
 * @param accountable finding key → who answers for it, as text ("书记 张三（主体责任）")
 * @param staffing vacant posts and appointments ending within {@link #EXPIRY_DAYS} days
 * after asOf
 * @param weakUnits units weak now, with their assistance
 * @param supervisions listed supervisions (挂牌督办) in scope
 * @param rules the rule text of every analysis in the document
 * @param since the diff against an earlier snapshot, when one was chosen
 * @param options who exports the report (printed with the confidentiality mark) and
 * whether the rule appendix is included
 */
record ReportContent(AuditDocument document, String scopeName, ZonedDateTime generatedAt, Map<String, String> unitNames,
		Map<String, String> accountable, List<Staffing> staffing, List<WeakUnit> weakUnits, List<Listing> supervisions,
		List<Rule> rules, Optional<SnapshotDiff> since, ReportOptions options) {

	/** Appointments ending within this many days after asOf are listed as expiring. */
	static final int EXPIRY_DAYS = 90;

	static final String TITLE = "巡察前自查审计报告";

	ReportContent {
		unitNames = Map.copyOf(unitNames);
		accountable = Map.copyOf(accountable);
		staffing = List.copyOf(staffing);
		weakUnits = List.copyOf(weakUnits);
		supervisions = List.copyOf(supervisions);
		rules = List.copyOf(rules);
		options = (options != null) ? options : ReportOptions.DEFAULT;
	}

	/** Without an exporting user and with the rule appendix. */
	ReportContent(AuditDocument document, String scopeName, ZonedDateTime generatedAt, Map<String, String> unitNames,
			Map<String, String> accountable, List<Staffing> staffing, List<WeakUnit> weakUnits,
			List<Listing> supervisions, List<Rule> rules, Optional<SnapshotDiff> since) {
		this(document, scopeName, generatedAt, unitNames, accountable, staffing, weakUnits, supervisions, rules, since,
				new ReportOptions(null, true));
	}

	/**
	 * The confidentiality line printed on every page: 内部资料 注意保密 · 导出人 … · 导出时间 ….
	 */
	String markLine() {
		String user = this.options.user();
		return ReportOptions.MARK + " · 导出人 " + ((user != null && !user.isBlank()) ? user.strip() : "—") + " · 导出时间 "
				+ this.generatedAt.format(ReportScores.DATE_TIME);
	}

	/**
	 * A vacant post or an appointment about to end.
	 *
	 * @param vacant true: nobody holds the post on asOf; false: the holder's term ends on
	 * {@code until}
	 */
	record Staffing(String unitId, String unitName, String postId, String postTitle, String personId, String personName,
			LocalDate until, boolean vacant) {
	}

	/**
	 * A unit weak now (软弱涣散).
	 *
	 * @param basis why: "整顿名单 2024" or "评定 D 2024"
	 * @param assistance current assistance levels (zh labels)
	 * @param missing required levels without a current assistant (zh labels)
	 * @param firstSecretary current first secretary's name, or null
	 */
	record WeakUnit(String unitId, String unitName, String sector, String basis, List<String> assistance,
			List<String> missing, String firstSecretary) {

		WeakUnit {
			assistance = List.copyOf(assistance);
			missing = List.copyOf(missing);
		}

	}

	/** A listed supervision (挂牌督办) with its stage and deadline. */
	record Listing(String id, String unitId, String unitName, String listedBy, LocalDate listedOn, LocalDate deadline,
			String stage, String outcome, LocalDate outcomeOn, boolean overdue) {
	}

	/** The rule text of one analysis (its Cypher file). */
	record Rule(String id, String title, String text) {
	}

	String unitName(String unitId) {
		if (unitId == null) {
			return "—";
		}
		return this.unitNames.getOrDefault(unitId, unitId);
	}

	String accountableFor(Finding finding) {
		return this.accountable.getOrDefault(finding.key(), "—");
	}

	/** Findings per severity (HIGH, MEDIUM, LOW), each group in document order. */
	Map<Severity, List<Finding>> findingsBySeverity() {
		Map<Severity, List<Finding>> groups = new LinkedHashMap<>();
		for (Severity s : Severity.values()) {
			groups.put(s, new ArrayList<>());
		}
		this.document.findings().forEach((f) -> groups.get(f.severity()).add(f));
		return groups;
	}

}
