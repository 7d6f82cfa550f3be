package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Rectification status (整改状态). */
public enum IssueStatus implements Labeled {

	OPEN("未整改", "Open", List.of("待整改")), RECTIFYING("整改中", "Rectifying", List.of()),
	CLOSED("已销号", "Closed", List.of("已整改", "销号"));

	private final String zh;

	private final String en;

	private final List<String> aliases;

	IssueStatus(String zh, String en, List<String> aliases) {
		this.zh = zh;
		this.en = en;
		this.aliases = aliases;
	}

	@Override
	public String zh() {
		return this.zh;
	}

	@Override
	public String en() {
		return this.en;
	}

	@Override
	public List<String> aliases() {
		return this.aliases;
	}

}
