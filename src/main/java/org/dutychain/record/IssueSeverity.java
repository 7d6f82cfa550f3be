package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Severity of a problem (问题严重程度). */
public enum IssueSeverity implements Labeled {

	LOW("轻微", "Low", List.of("低")), MEDIUM("一般", "Medium", List.of("中")), HIGH("严重", "High", List.of("高"));

	private final Label label;

	IssueSeverity(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
