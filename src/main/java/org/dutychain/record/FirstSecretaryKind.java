package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Variant of first secretary (第一书记类型), domain.md 2.2. */
public enum FirstSecretaryKind implements Labeled {

	ORGAN_EMBEDDED("机关党支部第一书记", "Organ-embedded first secretary", List.of()),
	VILLAGE_STATIONED("驻村第一书记", "Village-stationed first secretary", List.of()),
	FIRST_CELL_LEADER("党小组第一组长", "First cell leader", List.of("第一组长"));

	private final Label label;

	FirstSecretaryKind(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
