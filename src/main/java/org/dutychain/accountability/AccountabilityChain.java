package org.dutychain.accountability;

import java.time.LocalDate;
import java.util.List;

/**
 * Who answers for a problem (问责链): the ordered entries of design.md "Accountability
 * resolution".
 *
 * @param issueId the issue asked about, or null when asked by unit + domain
 * @param unitId the unit where the problem is
 * @param domain the duty domain
 * @param asOf appointments evaluated at this date
 * @param entries ordered: distance, PRIMARY before DUAL, responsibility, unit id, post id
 */
public record AccountabilityChain(String issueId, String unitId, String domain, LocalDate asOf,
		List<AccountabilityEntry> entries) {

	public AccountabilityChain {
		entries = List.copyOf(entries);
	}

	/** Entries with nobody in the post. */
	public List<AccountabilityEntry> gaps() {
		return this.entries.stream().filter(AccountabilityEntry::gap).toList();
	}

}
