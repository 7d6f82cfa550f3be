package org.dutychain.organization;

import java.util.List;

import org.dutychain.config.Labeled;

/** Kind of party organization (党组织类型), domain.md 1.2. */
public enum UnitKind implements Labeled {

	ORGAN_WORK_COMMITTEE("机关工委", "Organ work committee", List.of("工委", "机关工作委员会", "直属机关工委")),
	DISCIPLINE_COMMISSION("纪委监委", "Discipline commission", List.of("纪委")),
	LEADING_PARTY_GROUP("部门党组", "Leading party group", List.of("党组")),
	PARTY_COMMITTEE("党委", "Party committee", List.of("基层党委")),
	ORGAN_PARTY_COMMITTEE("机关党委", "Organ party committee", List.of()),
	GENERAL_BRANCH("党总支", "General branch", List.of("总支", "党总支部")), BRANCH("党支部", "Branch", List.of("支部")),
	JOINT_BRANCH("联合党支部", "Joint branch", List.of("联合支部")), PARTY_CELL("党小组", "Party cell", List.of()),
	DISCIPLINE_WORK_COMMITTEE("纪检监察工委", "Discipline work committee", List.of()),
	ORGAN_DISCIPLINE_COMMITTEE("机关纪委", "Organ discipline committee", List.of()),
	STATIONED_DISCIPLINE_TEAM("派驻纪检监察组", "Stationed discipline team", List.of("派驻纪检组"));

	private final Label label;

	UnitKind(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
