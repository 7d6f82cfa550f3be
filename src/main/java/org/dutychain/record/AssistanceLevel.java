package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Level of five-level assistance or pairing (帮扶层级). */
public enum AssistanceLevel implements Labeled {

	LEADER_CONTACT("处级领导联系", "Leader contact", List.of("领导联系")),
	ORG_DEPT_GUIDANCE("组织部门指导", "Organization department guidance", List.of()),
	ORGAN_CO_BUILD("机关单位共建帮扶", "Organ co-building", List.of("共建帮扶")),
	COMMITTEE_SUPERVISOR("直属党委专人督办", "Committee supervisor", List.of("专人督办")),
	FIRST_SECRETARY("第一书记驻村", "Stationed first secretary", List.of()), PAIRING("结对帮扶", "Pairing", List.of("结对"));

	private final Label label;

	AssistanceLevel(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
