package org.dutychain.accountability;

import org.dutychain.people.ResponsibilityKind;

/**
 * One link of the accountability chain (责任链).
 *
 * @param rank 1-based position in the fully ordered chain
 * @param responsibility OVERALL, PRINCIPAL, DIRECT, IMPORTANT or SUPERVISORY
 * @param unitId the unit
 * @param unitName its name
 * @param distance 0 = the issue's own unit, 1 = its leader …
 * @param via PRIMARY or DUAL for the edge that brought the chain to this unit (null at
 * distance 0 and for supervisory bodies reached otherwise)
 * @param postId the post (null for OVERALL, the team as a whole)
 * @param postTitle its title
 * @param personId current holder at asOf; null = nobody, which is itself a gap
 * @param personName holder's name
 * @param rule rule code: TEAM_OVERALL, UNIT_PRINCIPAL, DOMAIN_IN_CHARGE, TEAM_MEMBER,
 * LEADER_PRINCIPAL, LEADER_DOMAIN_IN_CHARGE, DISCIPLINE_BODY
 * @param ruleZh Chinese explanation of the rule
 * @param ruleEn English explanation
 * @param gap true when a post should answer but nobody holds it
 */
public record AccountabilityEntry(int rank, ResponsibilityKind responsibility, String unitId, String unitName,
		int distance, String via, String postId, String postTitle, String personId, String personName, String rule,
		String ruleZh, String ruleEn, boolean gap) {
}
