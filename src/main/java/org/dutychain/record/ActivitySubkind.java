package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/**
 * What exactly a work record was (活动子类型): the routine meetings of 三会一课, the yearly
 * organizational life, a village first secretary's monthly plan and ledger, a bulletin.
 * Optional in activities.csv; each subkind belongs to one {@link ActivityKind}, which is
 * derived when the kind is left empty (a different kind is an import error).
 */
public enum ActivitySubkind implements Labeled {

	BRANCH_COMMITTEE_MEETING("支委会", "Branch committee meeting", ActivityKind.MEETING, List.of("支部委员会", "支部委员会会议")),
	MEMBERS_MEETING("党员大会", "Members' meeting", ActivityKind.MEETING, List.of("支部党员大会")),
	CELL_MEETING("党小组会", "Party cell meeting", ActivityKind.MEETING, List.of()),
	PARTY_LECTURE("党课", "Party lecture", ActivityKind.STUDY, List.of("讲党课")),
	THEME_DAY("主题党日", "Theme party day", ActivityKind.MEETING, List.of()),
	ORG_LIFE_MEETING("组织生活会", "Organizational life meeting", ActivityKind.MEETING, List.of()),
	DEMOCRATIC_REVIEW("民主评议党员", "Democratic appraisal of members", ActivityKind.MEETING, List.of("民主评议")),
	MONTHLY_PLAN("月初工作计划", "Monthly work plan", ActivityKind.REPORT, List.of("月初报计划", "工作计划")),
	MONTHLY_LEDGER("月末履职台账", "Monthly duty ledger", ActivityKind.REPORT, List.of("月末报台账", "履职台账")),
	BULLETIN("通报", "Bulletin", ActivityKind.OTHER, List.of());

	private final Label label;

	private final ActivityKind kind;

	ActivitySubkind(String zh, String en, ActivityKind kind, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
		this.kind = kind;
	}

	@Override
	public Label label() {
		return this.label;
	}

	/** The activity kind this subkind belongs to. */
	public ActivityKind kind() {
		return this.kind;
	}

}
