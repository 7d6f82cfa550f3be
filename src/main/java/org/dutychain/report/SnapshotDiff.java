package org.dutychain.report;

import java.util.List;
import java.util.Map;

import org.dutychain.analysis.Severity;

/**
 * What changed between two audits (快照比较), findings matched by key (design.md section 5).
 *
 * @param from the earlier snapshot
 * @param to the later snapshot (for a report: the audit being reported, with a null id)
 * @param added findings in {@code to} only (新增)
 * @param resolved findings in {@code from} only (关闭)
 * @param unchanged findings in both (未变), as {@code to} has them
 * @param levels per level: coverage and pressure of {@code to} minus {@code from}
 * @param ruleChanged findings on one side only whose code was retired, added or redefined
 * between the two (规则调整): neither closed nor new, the rule changed
 */
public record SnapshotDiff(SnapshotInfo from, SnapshotInfo to, List<FindingRef> added, List<FindingRef> resolved,
		List<FindingRef> unchanged, List<LevelDelta> levels, List<FindingRef> ruleChanged) {

	public SnapshotDiff(SnapshotInfo from, SnapshotInfo to, List<FindingRef> added, List<FindingRef> resolved,
			List<FindingRef> unchanged, List<LevelDelta> levels) {
		this(from, to, added, resolved, unchanged, levels, List.of());
	}

	public SnapshotDiff {
		ruleChanged = List.copyOf(ruleChanged);
		added = List.copyOf(added);
		resolved = List.copyOf(resolved);
		unchanged = List.copyOf(unchanged);
		levels = List.copyOf(levels);
	}

	/**
	 * A finding as a snapshot keeps it, enough to list it.
	 *
	 * @param messageEn the English message (null in a report sample built without it)
	 */
	public record FindingRef(String key, String analysis, String code, Severity severity, String unitId, int level,
			String messageZh, String messageEn) {

		public FindingRef(String key, String analysis, String code, Severity severity, String unitId, int level,
				String messageZh) {
			this(key, analysis, code, severity, unitId, level, messageZh, null);
		}

	}

	/**
	 * One level's change; a level present on one side only counts as zero on the other.
	 *
	 * @param coverage per duty domain: share after minus share before
	 */
	public record LevelDelta(int level, int unitsBefore, int unitsAfter, Map<String, Double> coverage,
			double pressureMeanDelta, double pressureMedianDelta, double coldShareDelta) {
	}

	/** "自上次检查以来：关闭 12 项，新增 3 项". */
	public String summaryZh() {
		String summary = "自上次检查以来：关闭 " + this.resolved.size() + " 项，新增 " + this.added.size() + " 项，未变 "
				+ this.unchanged.size() + " 项";
		return this.ruleChanged.isEmpty() ? summary : summary + "，规则调整 " + this.ruleChanged.size() + " 项";
	}

}
