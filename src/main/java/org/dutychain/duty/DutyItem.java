package org.dutychain.duty;

import java.time.LocalDate;
import java.util.List;

/**
 * One item of a responsibility list (责任事项).
 *
 * @param domain DutyDomain code
 * @param cadence Cadence code or null
 * @param derivedFrom ids of the upper-level duties it decomposes (the cascade); empty
 * when none
 */
public record DutyItem(String id, String domain, String text, String cadence, LocalDate due, List<String> derivedFrom) {

	public DutyItem {
		derivedFrom = List.copyOf(derivedFrom);
	}

}
