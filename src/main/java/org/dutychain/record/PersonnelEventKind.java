package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Cadre event (干部事项). */
public enum PersonnelEventKind implements Labeled {

	ADMONISHED("约谈", "Admonished", List.of("约谈问责")), PROMOTED("提拔", "Promoted", List.of()),
	REMOVED("免职", "Removed", List.of()), WARNED("诫勉", "Warned", List.of());

	private final Label label;

	PersonnelEventKind(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
