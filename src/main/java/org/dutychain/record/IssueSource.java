package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Where a problem was found (问题来源). */
public enum IssueSource implements Labeled {

	INSPECTION("巡视巡察", "Inspection", List.of("检查")), SELF_CHECK("自查", "Self-check", List.of()),
	ASSESSMENT("考核", "Assessment", List.of()), SUPERVISION("督导", "Supervision", List.of("挂牌督办")),
	COMPLAINT("信访", "Complaint", List.of()), OTHER("其他", "Other", List.of());

	private final Label label;

	IssueSource(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
