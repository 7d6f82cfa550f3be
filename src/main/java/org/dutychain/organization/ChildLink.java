package org.dutychain.organization;

/**
 * A child of a unit in the tree: the unit {@code parentId} leads {@code child} by a
 * PRIMARY or DUAL edge.
 *
 * @param edgeKind PRIMARY or DUAL
 */
public record ChildLink(String parentId, String edgeKind, UnitNode child) {
}
