// Units and the LEADS hierarchy of a new generation (design.md section 2). One row of $rows per CSV row.
// params: generation: integer, rows: list<map>

// statement: units
UNWIND $rows AS row
CREATE (:Unit {generation: $generation, id: row.id, name: row.name, kind: row.kind, sector: row.sector,
               region: row.region, members: row.members, staff: row.staff, hostUnits: row.hostUnits});

// statement: leads
// kind PRIMARY (units.parent_id) or DUAL / GUIDANCE / DISCIPLINE_SUPERVISION (leadership.csv)
UNWIND $rows AS row
MATCH (leader:Unit {generation: $generation, id: row.leaderId})
MATCH (u:Unit {generation: $generation, id: row.unitId})
CREATE (leader)-[:LEADS {kind: row.kind}]->(u);
