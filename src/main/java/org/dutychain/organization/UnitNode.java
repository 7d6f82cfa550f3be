package org.dutychain.organization;

import java.util.Map;

/**
 * A unit as a node of the lazy tree.
 *
 * @param childCount units it leads by PRIMARY or DUAL edges (its children, design.md
 * section 3)
 * @param members party members (null when not recorded)
 */
public record UnitNode(String id, String name, String kind, String kindZh, int level, int childCount, Long members) {

	static UnitNode of(Map<String, Object> row) {
		String kind = (String) row.get("kind");
		return new UnitNode((String) row.get("id"), (String) row.get("name"), kind,
				UnitSummary.zh(UnitKind.class, kind), UnitSummary.intValue(row.get("level")),
				UnitSummary.intValue(row.get("childCount")),
				(row.get("members") instanceof Number n) ? n.longValue() : null);
	}

}
