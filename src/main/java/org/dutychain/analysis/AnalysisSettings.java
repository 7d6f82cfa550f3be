package org.dutychain.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Named thresholds of the analyses ({@code dutychain.analysis.*}), with the defaults of
 * design.md. Every value reaches every statement as a parameter of the same name, so a
 * rule file reads {@code $personOverloadLimit}, never a literal.
 *
 * @param personOverloadLimit PERSON_OVERLOADED: more than this many current posts (4)
 * @param hubPersonUnits HUB_PERSON: the only current holder of posts in at least this
 * many units (3)
 * @param branchMinMembers TOO_FEW_MEMBERS: a BRANCH with fewer members (3)
 * @param branchMaxMembers SHOULD_BE_GENERAL_BRANCH: a BRANCH with more members (50)
 * @param generalBranchMaxMembers SHOULD_BE_COMMITTEE: a GENERAL_BRANCH with at least this
 * many members (100)
 * @param jointBranchMaxHosts JOINT_BRANCH_TOO_WIDE: a JOINT_BRANCH spanning more host
 * units (5)
 * @param assistantOverloadLimit ASSISTANT_OVERLOADED: more than this many currently
 * assisted units (3)
 * @param admonitionWindowDays NO_ADMONITION_AFTER_POOR_GRADE: days from 31 Dec of the
 * graded year (90)
 * @param supervisionDefaultMonths listed supervision deadline when none is given:
 * listed_on + months (6)
 * @param levelDecayRatio LEVEL_DECAY: mean pressure of level L+1 below this share of
 * level L (0.6)
 * @param blockageParentRatio MIDDLE_BLOCKAGE: unit pressure at least this share of its
 * parent's (0.8)
 * @param blockageChildRatio MIDDLE_BLOCKAGE: children's mean below this share of the
 * unit's own (0.5)
 * @param weights pressure weight per activity kind
 * @param expected expected yearly weighted activity per unit kind
 * @param quotas QUOTA_SHORTFALL: weak-org designation quota per sector
 * @param hearingDays STATIONED_TEAM_NOT_HEARD: days before asOf in which the party group
 * must have heard its stationed discipline team (365)
 * @param firstSecretarySystem FIRST_SECRETARY_MISSING: whether the organ first-secretary
 * system (班子成员担任所在党支部第一书记) is in force (true)
 * @param branchCommitteeMembers ORG_LIFE_CADENCE: a branch with at least this many
 * members has a branch committee and meets monthly as one (7)
 * @param meetingsOnlyMin MEETINGS_ONLY: a duty with at least this many linked activities
 * in the trailing year is judged (3)
 * @param reviewedKinds REVIEW_COVERAGE: unit kinds whose secretary reports yearly (述职评议;
 * LEADING_PARTY_GROUP, PARTY_COMMITTEE, ORGAN_PARTY_COMMITTEE)
 * @param hotLevel HOT_TOP_COLD_BOTTOM: the first level's mean pressure at least this
 * (1.0)
 * @param coldLevel HOT_TOP_COLD_BOTTOM: the deepest level's mean pressure below this
 * (0.5)
 * @param minLevelUnits HOT_TOP_COLD_BOTTOM: the deepest level judged has at least this
 * many units in scope (5)
 * @param rectificationSetupDays PROBLEM_WITHOUT_RECTIFICATION: an OPEN issue found more
 * than this many days ago without a due or a measure (30)
 * @param lookBackDays NO_LOOK_BACK: days after a delisting by which a look-back is due
 * (180)
 */
@ConfigurationProperties("dutychain.analysis")
public record AnalysisSettings(@DefaultValue("4") int personOverloadLimit, @DefaultValue("3") int hubPersonUnits,
		@DefaultValue("3") int branchMinMembers, @DefaultValue("50") int branchMaxMembers,
		@DefaultValue("100") int generalBranchMaxMembers, @DefaultValue("5") int jointBranchMaxHosts,
		@DefaultValue("3") int assistantOverloadLimit, @DefaultValue("90") int admonitionWindowDays,
		@DefaultValue("6") int supervisionDefaultMonths, @DefaultValue("0.6") double levelDecayRatio,
		@DefaultValue("0.8") double blockageParentRatio, @DefaultValue("0.5") double blockageChildRatio,
		Map<String, Double> weights, Map<String, Double> expected, Map<String, Double> quotas,
		@DefaultValue("365") int hearingDays, @DefaultValue("true") boolean firstSecretarySystem,
		@DefaultValue("7") int branchCommitteeMembers, @DefaultValue("3") int meetingsOnlyMin, @DefaultValue( {
				"LEADING_PARTY_GROUP", "PARTY_COMMITTEE", "ORGAN_PARTY_COMMITTEE" }) List<String> reviewedKinds,
		@DefaultValue("1.0") double hotLevel, @DefaultValue("0.5") double coldLevel,
		@DefaultValue("5") int minLevelUnits, @DefaultValue("30") int rectificationSetupDays,
		@DefaultValue("180") int lookBackDays){

	/** design.md section 5. */
	public static final Map<String, Double> DEFAULT_WEIGHTS = Map.of("MEETING", 1.0, "STUDY", 1.0, "TALK", 1.0,
			"TRAINING", 1.0, "REPORT", 1.0, "OTHER", 0.5, "CHECK", 2.0, "DUTY_REVIEW", 2.0, "ADMONITION", 2.0);

	/** design.md section 5. */
	public static final Map<String, Double> DEFAULT_EXPECTED = Map.ofEntries(Map.entry("ORGAN_WORK_COMMITTEE", 48.0),
			Map.entry("LEADING_PARTY_GROUP", 36.0), Map.entry("PARTY_COMMITTEE", 36.0),
			Map.entry("ORGAN_PARTY_COMMITTEE", 36.0), Map.entry("GENERAL_BRANCH", 30.0), Map.entry("BRANCH", 24.0),
			Map.entry("JOINT_BRANCH", 24.0), Map.entry("PARTY_CELL", 12.0), Map.entry("DISCIPLINE_COMMISSION", 24.0),
			Map.entry("DISCIPLINE_WORK_COMMITTEE", 24.0), Map.entry("ORGAN_DISCIPLINE_COMMITTEE", 24.0),
			Map.entry("STATIONED_DISCIPLINE_TEAM", 24.0));

	/** design.md section 3 (weak-org-rectification), from domain.md 5.4. */
	public static final Map<String, Double> DEFAULT_QUOTAS = Map.of("VILLAGE", 0.15, "COMMUNITY", 0.10,
			"STATE_ENTERPRISE", 0.05, "NON_PUBLIC_ENTERPRISE", 0.05, "ORGAN", 0.05, "INSTITUTION", 0.05);

	public AnalysisSettings {
		weights = merged(DEFAULT_WEIGHTS, weights);
		expected = merged(DEFAULT_EXPECTED, expected);
		quotas = merged(DEFAULT_QUOTAS, quotas);
		reviewedKinds = (reviewedKinds == null) ? DEFAULT_REVIEWED_KINDS : List.copyOf(reviewedKinds);
	}

	/**
	 * REVIEW_COVERAGE: secretaries of party committees and party groups report (domain.md
	 * 8.1).
	 */
	public static final List<String> DEFAULT_REVIEWED_KINDS = List.of("LEADING_PARTY_GROUP", "PARTY_COMMITTEE",
			"ORGAN_PARTY_COMMITTEE");

	/** The defaults of design.md. */
	public static AnalysisSettings defaults() {
		return new AnalysisSettings(4, 3, 3, 50, 100, 5, 3, 90, 6, 0.6, 0.8, 0.5, null, null, null, 365, true, 7, 3,
				null, 1.0, 0.5, 5, 30, 180);
	}

	private static Map<String, Double> merged(Map<String, Double> defaults, Map<String, Double> overrides) {
		Map<String, Double> m = new LinkedHashMap<>(new java.util.TreeMap<>(defaults));
		if (overrides != null) {
			m.putAll(overrides);
		}
		return java.util.Collections.unmodifiableMap(m);
	}

	/** Every setting as a statement parameter of the same name. */
	public Map<String, Object> toParameters() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("personOverloadLimit", this.personOverloadLimit);
		p.put("hubPersonUnits", this.hubPersonUnits);
		p.put("branchMinMembers", this.branchMinMembers);
		p.put("branchMaxMembers", this.branchMaxMembers);
		p.put("generalBranchMaxMembers", this.generalBranchMaxMembers);
		p.put("jointBranchMaxHosts", this.jointBranchMaxHosts);
		p.put("assistantOverloadLimit", this.assistantOverloadLimit);
		p.put("admonitionWindowDays", this.admonitionWindowDays);
		p.put("supervisionDefaultMonths", this.supervisionDefaultMonths);
		p.put("levelDecayRatio", this.levelDecayRatio);
		p.put("blockageParentRatio", this.blockageParentRatio);
		p.put("blockageChildRatio", this.blockageChildRatio);
		p.put("weights", this.weights);
		p.put("expected", this.expected);
		p.put("quotas", this.quotas);
		p.put("hearingDays", this.hearingDays);
		p.put("firstSecretarySystem", this.firstSecretarySystem);
		p.put("branchCommitteeMembers", this.branchCommitteeMembers);
		p.put("meetingsOnlyMin", this.meetingsOnlyMin);
		p.put("reviewedKinds", this.reviewedKinds);
		p.put("hotLevel", this.hotLevel);
		p.put("coldLevel", this.coldLevel);
		p.put("minLevelUnits", this.minLevelUnits);
		p.put("rectificationSetupDays", this.rectificationSetupDays);
		p.put("lookBackDays", this.lookBackDays);
		return p;
	}

}
