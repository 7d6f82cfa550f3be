package org.dutychain.accountability;

import java.time.LocalDate;

import org.dutychain.organization.DatasetInfo;

/**
 * Resolves the accountability chain (design.md "Accountability resolution"); implemented
 * in this module.
 */
public interface AccountabilityService {

	/**
	 * @param asOf null = the active dataset's default date
	 * ({@link org.dutychain.organization.Datasets#asOf})
	 * @throws UnknownIssueException when the active dataset has no such issue
	 */
	default AccountabilityChain forIssue(String issueId, LocalDate asOf) {
		return resolveIssue(issueId, asOf).chain();
	}

	/**
	 * @param asOf null = the active dataset's default date
	 * @throws org.dutychain.organization.UnknownUnitException when the unit is unknown
	 */
	default AccountabilityChain forUnit(String unitId, String domain, LocalDate asOf) {
		return resolveUnit(unitId, domain, asOf).chain();
	}

	/**
	 * {@link #forIssue} with the dataset it was read from (one snapshot: the chain and
	 * the dataset belong together, e.g. for filtering it by a scope of that dataset).
	 */
	Resolved resolveIssue(String issueId, LocalDate asOf);

	/** {@link #forUnit} with the dataset it was read from. */
	Resolved resolveUnit(String unitId, String domain, LocalDate asOf);

	/**
	 * A chain and the active dataset it was resolved in.
	 *
	 * @param dataset the dataset read in the same transaction as the chain
	 * @param chain the chain
	 */
	record Resolved(DatasetInfo dataset, AccountabilityChain chain) {
	}

}
