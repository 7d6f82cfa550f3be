package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Outcome of a listing (督办结果). */
public enum SupervisionOutcome implements Labeled {

	DELISTED("摘牌", "Delisted", List.of()), RELISTED("继续挂牌", "Relisted", List.of());

	private final Label label;

	SupervisionOutcome(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
