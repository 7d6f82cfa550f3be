package org.dutychain.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A successful import.
 *
 * @param dataset dataset name
 * @param asOf the dataset's as_of (null when it has none)
 * @param generation the new active generation
 * @param counts rows written per file name (units → 426 …)
 * @param warnings ignored files and columns, as {@code file:row:column: CODE message}
 * lines
 * @param durationMs wall time
 */
public record ImportResult(String dataset, LocalDate asOf, long generation, Map<String, Integer> counts,
		List<String> warnings, long durationMs) {
}
