package org.dutychain.accountability;

import org.dutychain.config.Labeled;
import org.dutychain.people.ResponsibilityKind;

/**
 * Why an entry stands in the accountability chain (问责依据): the fixed vocabulary of
 * design.md "Accountability resolution", with the responsibility kind each rule assigns.
 */
public enum AccountabilityRule implements Labeled {

	TEAM_OVERALL(ResponsibilityKind.OVERALL, "领导班子全面领导责任",
			"The leadership team as a whole bears overall leadership responsibility"),
	UNIT_PRINCIPAL(ResponsibilityKind.PRINCIPAL, "书记第一责任人",
			"The secretary is the first responsible person of the unit"),
	DOMAIN_IN_CHARGE(ResponsibilityKind.DIRECT, "分管领导直接责任",
			"The team member in charge of the domain bears direct responsibility"),
	TEAM_MEMBER(ResponsibilityKind.IMPORTANT, "班子成员重要领导责任（一岗双责）",
			"Other team members bear important leadership responsibility (one post, two duties)"),
	DISCIPLINE_HEAD(ResponsibilityKind.PRINCIPAL, "纪检监察机构主要负责人第一责任",
			"The head of a discipline body (a supervisory post) is its first responsible person"),
	LEADER_PRINCIPAL(ResponsibilityKind.PRINCIPAL, "上级党组织书记领导责任",
			"The secretary of a leading unit answers for the failure of a subordinate unit"),
	LEADER_DOMAIN_IN_CHARGE(ResponsibilityKind.DIRECT, "上级分管领导领导责任",
			"The member in charge of the domain at a leading unit answers for the failure of a subordinate unit"),
	DISCIPLINE_BODY(ResponsibilityKind.SUPERVISORY, "纪检监察机构监督责任",
			"A discipline body over the chain bears supervisory responsibility");

	private final ResponsibilityKind responsibility;

	private final Label label;

	AccountabilityRule(ResponsibilityKind responsibility, String zh, String en) {
		this.responsibility = responsibility;
		this.label = new Label(zh, en);
	}

	/** The responsibility kind an entry under this rule carries. */
	public ResponsibilityKind responsibility() {
		return this.responsibility;
	}

	@Override
	public Label label() {
		return this.label;
	}

}
