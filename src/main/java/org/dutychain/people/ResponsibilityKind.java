package org.dutychain.people;

import java.util.List;

import org.dutychain.config.Labeled;

/** Responsibility kind of accountability (责任类型), domain.md 2.4. */
public enum ResponsibilityKind implements Labeled {

	OVERALL("全面领导责任", "Overall leadership responsibility", List.of("全面领导")),
	PRINCIPAL("主体责任", "Principal responsibility", List.of("第一责任", "主体", "第一责任人")),
	DIRECT("直接责任", "Direct responsibility", List.of("直接")),
	IMPORTANT("重要领导责任", "Important leadership responsibility", List.of("重要领导", "重要")),
	SUPERVISORY("监督责任", "Supervisory responsibility", List.of("监督"));

	private final Label label;

	ResponsibilityKind(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
