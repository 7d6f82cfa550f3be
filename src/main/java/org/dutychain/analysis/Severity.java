package org.dutychain.analysis;

import org.dutychain.config.Labeled;

/**
 * Severity of a finding (严重程度); the per-code table is fixed in design.md section 5 and in
 * each file's header.
 */
public enum Severity implements Labeled {

	HIGH("高", "High"), MEDIUM("中", "Medium"), LOW("低", "Low");

	private final Label label;

	Severity(String zh, String en) {
		this.label = new Label(zh, en);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
