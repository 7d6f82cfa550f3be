package org.dutychain.report;

import java.util.List;

import org.dutychain.analysis.Severity;

/**
 * A comparison of two audits as the trend view shows it (趋势对比, issue 12): findings new
 * (新增), closed (关闭), unchanged and of changed rules (规则调整), counted per finding code, per
 * level and per department, with the per-level coverage and pressure changes.
 *
 * @param from the earlier side: a snapshot (with id), or the current data at a date (id
 * null)
 * @param to the later side, as {@code from}
 * @param scope the unit whose subtree was compared (null = every unit): departments are
 * the units directly under it
 * @param totals the counts over every finding
 * @param byCode per finding code, most changes first
 * @param byLevel per level of the finding's unit, top down (level 0: findings without a
 * unit)
 * @param byDepartment per department, most changes first (key empty: no unit or a unit
 * outside the hierarchy under the scope)
 * @param levels per level: coverage and pressure of {@code to} minus {@code from}
 * @param added the new findings
 * @param resolved the closed findings
 * @param ruleChanged the findings of retired, new or redefined rules
 */
public record Trend(SnapshotInfo from, SnapshotInfo to, String scope, Counts totals, List<Group> byCode,
		List<Group> byLevel, List<Group> byDepartment, List<SnapshotDiff.LevelDelta> levels, List<Item> added,
		List<Item> resolved, List<Item> ruleChanged) {

	public Trend {
		byCode = List.copyOf(byCode);
		byLevel = List.copyOf(byLevel);
		byDepartment = List.copyOf(byDepartment);
		levels = List.copyOf(levels);
		added = List.copyOf(added);
		resolved = List.copyOf(resolved);
		ruleChanged = List.copyOf(ruleChanged);
	}

	/** How many findings are new, closed, of changed rules and unchanged. */
	public record Counts(int added, int resolved, int ruleChanged, int unchanged) {

		Counts plus(Counts o) {
			return new Counts(this.added + o.added, this.resolved + o.resolved, this.ruleChanged + o.ruleChanged,
					this.unchanged + o.unchanged);
		}

		int changes() {
			return this.added + this.resolved + this.ruleChanged;
		}

	}

	/**
	 * One row of a grouping.
	 *
	 * @param key the finding code, the level, or the department's unit id
	 * @param name the department's name (null for codes and levels)
	 * @param analysis the analysis of a code (null otherwise)
	 * @param severity the severity of a code (null otherwise)
	 */
	public record Group(String key, String name, String analysis, Severity severity, Counts counts) {
	}

	/** A finding that changed, with its unit's and department's names. */
	public record Item(String key, String analysis, String code, Severity severity, String unitId, String unitName,
			int level, String departmentId, String departmentName, String messageZh, String messageEn) {
	}

}
