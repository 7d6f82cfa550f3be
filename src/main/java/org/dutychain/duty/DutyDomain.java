package org.dutychain.duty;

import java.util.List;

import org.dutychain.config.Labeled;

/** The eight domains of the four-level list (八个责任领域), domain.md 3.2. */
public enum DutyDomain implements Labeled {

	POLITICAL("政治建设", "Political building", List.of()), THEORY("理论武装", "Theoretical study", List.of()),
	ORGANIZATION("基层组织建设", "Grassroots organization", List.of("组织建设")),
	MEMBER_EDUCATION("党员教育", "Member education", List.of("党员教育管理")),
	DISCIPLINE("正风肃纪", "Conduct and discipline", List.of()), MASS_ORGS("群团工作", "Mass organizations", List.of()),
	SUPERVISION_CHECK("督促检查", "Supervision and checks", List.of()), SUPPORT("工作保障", "Work support", List.of());

	private final Label label;

	DutyDomain(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
