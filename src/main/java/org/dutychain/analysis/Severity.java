package org.dutychain.analysis;

import org.dutychain.config.Labeled;

/**
 * Severity of a finding (严重程度); the per-code table is fixed in design.md section 5 and in
 * each file's header.
 */
public enum Severity implements Labeled {

	HIGH("高", "High"), MEDIUM("中", "Medium"), LOW("低", "Low");

	private final String zh;

	private final String en;

	Severity(String zh, String en) {
		this.zh = zh;
		this.en = en;
	}

	@Override
	public String zh() {
		return this.zh;
	}

	@Override
	public String en() {
		return this.en;
	}

}
