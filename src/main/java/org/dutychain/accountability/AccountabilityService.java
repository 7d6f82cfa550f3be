package org.dutychain.accountability;

import java.time.LocalDate;

/**
 * Resolves the accountability chain (design.md "Accountability resolution"); implemented
 * in this module.
 */
public interface AccountabilityService {

	/**
	 * @throws UnknownIssueException when the active dataset has no such issue
	 */
	AccountabilityChain forIssue(String issueId, LocalDate asOf);

	/**
	 * @throws org.dutychain.organization.UnknownUnitException when the unit is unknown
	 */
	AccountabilityChain forUnit(String unitId, String domain, LocalDate asOf);

}
