package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Outcome of a listing (督办结果). */
public enum SupervisionOutcome implements Labeled {

	DELISTED("摘牌", "Delisted", List.of()), RELISTED("继续挂牌", "Relisted", List.of());

	private final String zh;

	private final String en;

	private final List<String> aliases;

	SupervisionOutcome(String zh, String en, List<String> aliases) {
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
