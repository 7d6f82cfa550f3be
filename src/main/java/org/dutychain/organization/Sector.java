package org.dutychain.organization;

import java.util.List;

import org.dutychain.config.Labeled;

/** Sector of the host institution (领域), domain.md 1.3. */
public enum Sector implements Labeled {

	ORGAN("机关", "Organ", List.of()), INSTITUTION("事业单位", "Public institution", List.of()),
	STATE_ENTERPRISE("国有企业", "State enterprise", List.of("国企")),
	NON_PUBLIC_ENTERPRISE("非公有制企业", "Non-public enterprise", List.of("非公企业", "非公")),
	SOCIAL_ORG("社会组织", "Social organization", List.of()), VILLAGE("行政村", "Village", List.of("农村", "村")),
	COMMUNITY("社区", "Community", List.of()), SCHOOL("学校", "School", List.of("高校")),
	HOSPITAL("公立医院", "Hospital", List.of("医院")), TOWNSHIP("乡镇", "Township", List.of("乡镇街道", "街道")),
	EMERGING("新兴领域", "Emerging field", List.of()), OTHER("其他", "Other", List.of());

	private final Label label;

	Sector(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
