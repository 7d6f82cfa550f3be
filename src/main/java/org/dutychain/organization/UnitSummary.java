package org.dutychain.organization;

import org.dutychain.config.Labeled;

/**
 * A unit in a list (search hits, ancestors, leaders).
 *
 * @param kind UnitKind code
 * @param kindZh its Chinese label (null for a code this version does not know)
 * @param level depth along PRIMARY parents, root = 1; 0 when unknown
 */
public record UnitSummary(String id, String name, String kind, String kindZh, int level) {

	static UnitSummary of(java.util.Map<String, Object> row) {
		String kind = (String) row.get("kind");
		return new UnitSummary((String) row.get("id"), (String) row.get("name"), kind, zh(UnitKind.class, kind),
				intValue(row.get("level")));
	}

	static <E extends Enum<E> & Labeled> String zh(Class<E> type, String code) {
		return Labeled.parse(type, code).map(Labeled::zh).orElse(null);
	}

	static int intValue(Object o) {
		return (o instanceof Number n) ? n.intValue() : 0;
	}

}
