package org.dutychain.organization;

import java.time.LocalDate;
import java.time.ZonedDateTime;

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

	public boolean present() {
		return this.generation >= 0;
	}

}
