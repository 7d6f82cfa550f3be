package org.dutychain.duty;

import java.util.List;

import org.dutychain.config.Labeled;

/** How often a duty recurs (频次). */
public enum Cadence implements Labeled {

	WEEKLY("每周", "Weekly", List.of()), MONTHLY("每月", "Monthly", List.of()),
	QUARTERLY("每季度", "Quarterly", List.of("每季")), YEARLY("每年", "Yearly", List.of());

	private final String zh;

	private final String en;

	private final List<String> aliases;

	Cadence(String zh, String en, List<String> aliases) {
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
