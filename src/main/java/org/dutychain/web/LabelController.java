package org.dutychain.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.dutychain.accountability.AccountabilityRule;
import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.Severity;
import org.dutychain.config.Labeled;
import org.dutychain.duty.Cadence;
import org.dutychain.duty.DutyDomain;
import org.dutychain.duty.DutyStatus;
import org.dutychain.organization.LeadKind;
import org.dutychain.organization.Sector;
import org.dutychain.organization.UnitKind;
import org.dutychain.people.ResponsibilityKind;
import org.dutychain.record.ActivityKind;
import org.dutychain.record.AssistanceLevel;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.FirstSecretaryKind;
import org.dutychain.record.GradingScheme;
import org.dutychain.record.IssueSeverity;
import org.dutychain.record.IssueSource;
import org.dutychain.record.IssueStatus;
import org.dutychain.record.MeasureStatus;
import org.dutychain.record.PersonnelEventKind;
import org.dutychain.record.SupervisionOutcome;
import org.dutychain.record.SupervisionStage;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every code the page shows with its Chinese and English label (issue 13 §2), from one
 * source: the {@link Labeled} enumerations, the grade table of {@link DatasetFormat}, the
 * default post kinds and the analysis headers (finding titles). The page's i18n files
 * hold only UI strings.
 */
@RestController
class LabelController {

	private final AnalysisService analyses;

	LabelController(AnalysisService analyses) {
		this.analyses = analyses;
	}

	/** A code's labels. */
	record LabelView(String zh, String en) {
	}

	/**
	 * @param groups enumeration name (e.g. {@code unitKind}) → code → labels
	 * @param grades grading scheme → grade code → labels
	 * @param findings finding code → title
	 * @param analyses analysis id → title
	 */
	record Labels(Map<String, Map<String, LabelView>> groups, Map<String, Map<String, LabelView>> grades,
			Map<String, LabelView> findings, Map<String, LabelView> analyses) {
	}

	@GetMapping("/api/labels")
	Labels labels() {
		Map<String, Map<String, LabelView>> groups = new LinkedHashMap<>();
		groups.put("unitKind", of(UnitKind.values()));
		groups.put("sector", of(Sector.values()));
		groups.put("leadKind", of(LeadKind.values()));
		groups.put("responsibility", of(ResponsibilityKind.values()));
		groups.put("domain", of(DutyDomain.values()));
		groups.put("cadence", of(Cadence.values()));
		groups.put("activityKind", of(ActivityKind.values()));
		groups.put("assistanceLevel", of(AssistanceLevel.values()));
		groups.put("firstSecretaryKind", of(FirstSecretaryKind.values()));
		groups.put("gradingScheme", of(GradingScheme.values()));
		groups.put("issueStatus", of(IssueStatus.values()));
		groups.put("issueSeverity", of(IssueSeverity.values()));
		groups.put("issueSource", of(IssueSource.values()));
		groups.put("measureStatus", of(MeasureStatus.values()));
		groups.put("dutyStatus", of(DutyStatus.values()));
		groups.put("supervisionStage", of(SupervisionStage.values()));
		groups.put("supervisionOutcome", of(SupervisionOutcome.values()));
		groups.put("personnelEventKind", of(PersonnelEventKind.values()));
		groups.put("severity", of(Severity.values()));
		groups.put("accountabilityRule", of(AccountabilityRule.values()));
		Map<String, LabelView> postKinds = new LinkedHashMap<>();
		DatasetFormat.DEFAULT_POST_KINDS
			.forEach((k) -> postKinds.put(k.key(), new LabelView(k.name(), english(k.key()))));
		groups.put("postKind", postKinds);
		Map<String, Map<String, LabelView>> grades = new LinkedHashMap<>();
		for (GradingScheme scheme : GradingScheme.values()) {
			Map<String, LabelView> byCode = new LinkedHashMap<>();
			DatasetFormat.GRADES.getOrDefault(scheme, Map.of())
				.forEach((grade, zh) -> byCode.put(grade, new LabelView(zh.isEmpty() ? grade : zh.get(0),
						(grade.length() == 1) ? grade : english(grade))));
			grades.put(scheme.name(), byCode);
		}
		Map<String, LabelView> findings = new LinkedHashMap<>();
		Map<String, LabelView> titles = new LinkedHashMap<>();
		for (AnalysisDefinition d : this.analyses.definitions()) {
			titles.put(d.id(), new LabelView(d.titleZh(), d.titleEn()));
			d.codes().values().forEach((c) -> findings.put(c.code(), new LabelView(c.titleZh(), c.titleEn())));
		}
		return new Labels(groups, grades, findings, titles);
	}

	private static <E extends Labeled> Map<String, LabelView> of(E[] values) {
		Map<String, LabelView> map = new LinkedHashMap<>();
		for (E e : values) {
			map.put(e.name(), new LabelView(e.zh(), e.en()));
		}
		return map;
	}

	/**
	 * FAIRLY_GOOD → "Fairly good" (grades and post kinds have no English label of their
	 * own).
	 */
	static String english(String code) {
		String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
