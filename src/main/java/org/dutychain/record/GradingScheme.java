package org.dutychain.record;

import java.util.List;

import org.dutychain.config.Labeled;

/** Assessment scheme (考评方式). */
public enum GradingScheme implements Labeled {

	ABCD("分类定级", "ABCD grading", List.of()), SECRETARY_REVIEW("述职评议", "Secretary review", List.of("述职评议考核")),
	ANNUAL("年度考核", "Annual assessment", List.of()), DESIGNATED_WEAK("软弱涣散认定", "Designated weak", List.of("软弱涣散"));

	private final Label label;

	GradingScheme(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
