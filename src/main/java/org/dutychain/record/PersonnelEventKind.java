package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Cadre event (干部事项). */
public enum PersonnelEventKind implements Labeled {

	ADMONISHED("约谈", "Admonished", List.of("约谈问责")), PROMOTED("提拔", "Promoted", List.of()),
	REMOVED("免职", "Removed", List.of()), WARNED("诫勉", "Warned", List.of());

	private final String zh;

	private final String en;

	private final List<String> aliases;

	PersonnelEventKind(String zh, String en, List<String> aliases) {
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
