package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Rectification status (整改状态). */
public enum IssueStatus implements Labeled {

	OPEN("未整改", "Open", List.of("待整改")), RECTIFYING("整改中", "Rectifying", List.of()),
	CLOSED("已销号", "Closed", List.of("已整改", "销号"));

	private final Label label;

	IssueStatus(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
