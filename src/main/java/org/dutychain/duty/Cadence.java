package org.dutychain.duty;

import java.util.List;

import org.dutychain.config.Labeled;

/** How often a duty recurs (频次). */
public enum Cadence implements Labeled {

	WEEKLY("每周", "Weekly", List.of()), MONTHLY("每月", "Monthly", List.of()),
	QUARTERLY("每季度", "Quarterly", List.of("每季")), YEARLY("每年", "Yearly", List.of());

	private final Label label;

	Cadence(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
