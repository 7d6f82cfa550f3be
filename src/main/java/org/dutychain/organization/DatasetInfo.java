package org.dutychain.organization;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

/**
 * The active dataset (a {@code Dataset} node): its name, its default {@code asOf}, and
 * the generation its nodes carry.
 *
 * @param asOf the date analyses are evaluated at by default; null when the dataset has
 * none (then: today)
 * @param revision edits made in the tool since the import (0 = as imported)
 */
public record DatasetInfo(String name, LocalDate asOf, long generation, ZonedDateTime importedAt, long revision) {

	public DatasetInfo(String name, LocalDate asOf, long generation, ZonedDateTime importedAt) {
		this(name, asOf, generation, importedAt, 0);
	}

	/** Stands for "nothing imported yet": generation -1 matches no node. */
	public static DatasetInfo none() {
		return new DatasetInfo(null, null, -1, null);
	}

	/**
	 * A dataset read by a statement: {@code generation}, {@code importedAt} and
	 * {@code revision} under those names, the name and date under the given ones.
	 */
	public static DatasetInfo fromRow(Map<String, Object> row, String nameKey, String asOfKey) {
		Object imported = row.get("importedAt");
		return new DatasetInfo((String) row.get(nameKey), (LocalDate) row.get(asOfKey),
				((Number) row.get("generation")).longValue(),
				(imported instanceof TemporalAccessor t) ? ZonedDateTime.from(t) : null,
				(row.get("revision") instanceof Number n) ? n.longValue() : 0);
	}

	public boolean present() {
		return this.generation >= 0;
	}

}
