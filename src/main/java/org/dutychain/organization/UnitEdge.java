package org.dutychain.organization;

/**
 * A LEADS edge between two units.
 *
 * @param kind LeadKind code (PRIMARY, DUAL, GUIDANCE, DISCIPLINE_SUPERVISION)
 */
public record UnitEdge(String fromId, String fromName, String toId, String toName, String kind) {
}
