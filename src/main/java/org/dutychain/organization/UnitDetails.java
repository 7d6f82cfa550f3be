package org.dutychain.organization;

import java.util.Map;

/**
 * One unit (单位/党组织) with its own properties.
 *
 * @param members party members (null when not given)
 * @param staff staff of the host institution (null when not given)
 * @param hostUnits host institutions of a joint branch (null when not given)
 */
public record UnitDetails(String id, String name, String kind, String kindZh, String sector, String sectorZh,
		String region, Long members, Long staff, Long hostUnits, int level) {

	static UnitDetails of(Map<String, Object> row) {
		String kind = (String) row.get("kind");
		String sector = (String) row.get("sector");
		return new UnitDetails((String) row.get("id"), (String) row.get("name"), kind,
				UnitSummary.zh(UnitKind.class, kind), sector, UnitSummary.zh(Sector.class, sector),
				(String) row.get("region"), longValue(row.get("members")), longValue(row.get("staff")),
				longValue(row.get("hostUnits")), UnitSummary.intValue(row.get("level")));
	}

	private static Long longValue(Object o) {
		return (o instanceof Number n) ? n.longValue() : null;
	}

}
