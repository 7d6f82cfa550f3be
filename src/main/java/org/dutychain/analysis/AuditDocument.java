package org.dutychain.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The audit document: one JSON shape for REST ({@code POST /api/audit}), the CLI
 * ({@code audit --format json}) and snapshots (design.md section 5).
 *
 * @param dataset dataset name
 * @param asOf evaluation date
 * @param scope the scope unit id, or null for every unit
 * @param analyses one summary per analysis run
 * @param levels coverage and pressure per level
 * @param findings all findings, sorted by severity, level, unit id, key
 */
public record AuditDocument(String dataset, LocalDate asOf, String scope, List<AnalysisSummary> analyses,
		List<LevelSummary> levels, List<Finding> findings) {

	public AuditDocument {
		analyses = List.copyOf(analyses);
		levels = List.copyOf(levels);
		findings = List.copyOf(findings);
	}

	/**
	 * {@code {id, title, examined, durationMs, metrics}} of one analysis in the audit.
	 */
	public record AnalysisSummary(String id, String title, int examined, long durationMs, Map<String, Object> metrics) {
	}

	/**
	 * One level of the hierarchy in scope.
	 *
	 * @param coverage per duty domain: share of the level's units with at least one duty
	 * of that domain on a list
	 * @param pressureMean mean pressure of the level's units
	 * @param pressureMedian median pressure
	 * @param coldShare share of the level's units with no activity in the trailing year
	 */
	public record LevelSummary(int level, int units, Map<String, Double> coverage, double pressureMean,
			double pressureMedian, double coldShare) {
	}

}
