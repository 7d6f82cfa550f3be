package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Stage of a listed supervision (挂牌督办阶段), domain.md section 6. */
public enum SupervisionStage implements Labeled {

	START("启动", "Start", List.of()), SELF_CHECK("自查", "Self-check", List.of()), ASSIGN("交办", "Assign", List.of()),
	RECTIFY("整改", "Rectify", List.of()), ACCEPTANCE("验收", "Acceptance", List.of()), SUMMARY("总结", "Summary", List.of()),
	LONG_TERM("长效", "Long term", List.of("长效机制"));

	private final Label label;

	SupervisionStage(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
