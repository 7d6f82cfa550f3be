package org.dutychain.analysis;

import java.util.List;
import java.util.Map;

/**
 * What one analysis returned for one scope.
 *
 * @param analysis the analysis id
 * @param title "中文 | English"
 * @param scope the scope it ran on
 * @param examined the denominator ("3 of 412 units")
 * @param durationMs how long it took
 * @param metrics analysis-level metrics (coverage matrix, pressure profile, cascade depth
 * …); empty when none
 * @param findings the findings, sorted by severity, level, unit id, key
 */
public record AnalysisResult(String analysis, String title, AnalysisScope scope, int examined, long durationMs,
		Map<String, Object> metrics, List<Finding> findings) {

	public AnalysisResult {
		metrics = (metrics == null) ? Map.of()
				: java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
		findings = List.copyOf(findings);
	}

}
