package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** State of a rectification measure (整改措施状态). */
public enum MeasureStatus implements Labeled {

	PLANNED("计划", "Planned", List.of("计划中")), IN_PROGRESS("整改中", "In progress", List.of()),
	SUBMITTED("申请销号", "Submitted", List.of("待验收")), VERIFIED("验收通过", "Verified", List.of("已销号")),
	RETURNED("退回", "Returned", List.of("已退回"));

	private final Label label;

	MeasureStatus(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
