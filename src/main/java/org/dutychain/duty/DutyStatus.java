package org.dutychain.duty;

import java.util.List;

import org.dutychain.config.Labeled;

/**
 * Whether a duty counts (状态): a DRAFT made by 一键分解 counts for no finding and no coverage
 * cell until the child unit confirms it (认领). An absent status means CONFIRMED.
 */
public enum DutyStatus implements Labeled {

	DRAFT("草稿", "Draft", List.of("待认领")), CONFIRMED("已确认", "Confirmed", List.of("已认领"));

	private final Label label;

	DutyStatus(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
