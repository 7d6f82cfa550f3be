package org.dutychain.organization;

import java.util.List;

import org.dutychain.config.Labeled;

/** Kind of a LEADS edge (领导关系类型). */
public enum LeadKind implements Labeled {

	PRIMARY("领导", "Primary leadership", List.of("主要领导", "直接领导")), DUAL("双重领导", "Dual leadership", List.of()),
	GUIDANCE("指导督促", "Guidance", List.of("指导")),
	DISCIPLINE_SUPERVISION("纪律监督", "Discipline supervision", List.of("监督", "派驻监督"));

	private final String zh;

	private final String en;

	private final List<String> aliases;

	LeadKind(String zh, String en, List<String> aliases) {
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
