package org.dutychain.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dutychain.accountability.AccountabilityRule;
import org.dutychain.config.Labeled;
import org.dutychain.duty.Cadence;
import org.dutychain.duty.DutyDomain;
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
import org.dutychain.record.PersonnelEventKind;
import org.dutychain.record.SupervisionOutcome;
import org.dutychain.record.SupervisionStage;

/**
 * The labels a message placeholder {@code {column:Type}} renders: the value of the column
 * is a code of the enumeration {@code Type} (its simple name) and the Chinese message
 * shows its Chinese label, the English message its English label (a list shows every
 * element). The Java enumerations are the only source of the labels; a rule file never
 * spells one. {@code Grade} is the grade codes of every grading scheme (Chinese: the
 * first import label of {@link DatasetFormat#GRADES}). A code the type does not know is
 * shown as written, except {@code NONE} (无 / none).
 */
public final class MessageLabels {

	private static final Map<String, Map<String, Labeled.Label>> TYPES = types();

	private static final Labeled.Label NONE = new Labeled.Label("无", "none");

	private MessageLabels() {
	}

	private static Map<String, Map<String, Labeled.Label>> types() {
		Map<String, Map<String, Labeled.Label>> types = new LinkedHashMap<>();
		for (Class<? extends Labeled> type : List.of(UnitKind.class, LeadKind.class, Sector.class, DutyDomain.class,
				Cadence.class, ResponsibilityKind.class, ActivityKind.class, AssistanceLevel.class,
				FirstSecretaryKind.class, GradingScheme.class, IssueSeverity.class, IssueSource.class,
				IssueStatus.class, PersonnelEventKind.class, SupervisionOutcome.class, SupervisionStage.class,
				AccountabilityRule.class)) {
			Map<String, Labeled.Label> labels = new LinkedHashMap<>();
			for (Labeled constant : type.getEnumConstants()) {
				labels.put(constant.name(), constant.label());
			}
			types.put(type.getSimpleName(), Map.copyOf(labels));
		}
		Map<String, Labeled.Label> grades = new LinkedHashMap<>();
		for (GradingScheme scheme : GradingScheme.values()) {
			DatasetFormat.GRADES.get(scheme)
				.forEach((code, zh) -> grades.putIfAbsent(code, new Labeled.Label(zh.get(0),
						code.length() == 1 ? code : code.toLowerCase(Locale.ROOT).replace('_', ' '))));
		}
		types.put("Grade", Map.copyOf(grades));
		return Map.copyOf(types);
	}

	/** Every code of every label type (to check that no message shows a bare code). */
	public static java.util.Set<String> codes() {
		java.util.Set<String> codes = new java.util.TreeSet<>();
		TYPES.values().forEach((labels) -> codes.addAll(labels.keySet()));
		return codes;
	}

	/** Whether {@code type} names a label type. */
	public static boolean isType(String type) {
		return TYPES.containsKey(type);
	}

	/** The label of {@code code} in {@code type}, when both are known. */
	public static Optional<Labeled.Label> label(String type, String code) {
		Map<String, Labeled.Label> labels = TYPES.get(type);
		if (labels == null) {
			throw new IllegalArgumentException("No label type " + type);
		}
		if (code == null) {
			return Optional.empty();
		}
		Labeled.Label label = labels.get(code);
		return Optional.ofNullable((label == null && code.equals("NONE")) ? NONE : label);
	}

	/** The Chinese or English label of a code, or the code itself when unknown. */
	static String text(String type, String code, boolean zh) {
		return label(type, code).map((l) -> zh ? l.zh() : l.en()).orElse(code);
	}

}
