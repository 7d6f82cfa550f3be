package org.dutychain.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A stored audit (快照): the {@code (:Snapshot)} node without its JSON.
 *
 * @param id snapshot id
 * @param label the user's label ("2025 年巡察前")
 * @param createdAt when it was taken
 * @param scope the scope unit id, or null for every unit
 * @param asOf the evaluation date of the audit
 * @param dataset the dataset name at the time
 */
public record SnapshotInfo(String id, String label, OffsetDateTime createdAt, String scope, LocalDate asOf,
		String dataset) {
}
