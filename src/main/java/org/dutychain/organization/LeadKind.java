package org.dutychain.organization;

import java.util.List;

import org.dutychain.config.Labeled;

/** Kind of a LEADS edge (领导关系类型). */
public enum LeadKind implements Labeled {

	PRIMARY("领导", "Primary leadership", List.of("主要领导", "直接领导")), DUAL("双重领导", "Dual leadership", List.of()),
	GUIDANCE("指导督促", "Guidance", List.of("指导")),
	DISCIPLINE_SUPERVISION("纪律监督", "Discipline supervision", List.of("监督", "派驻监督"));

	private final Label label;

	LeadKind(String zh, String en, List<String> aliases) {
		this.label = new Label(zh, en, aliases);
	}

	@Override
	public Label label() {
		return this.label;
	}

}
