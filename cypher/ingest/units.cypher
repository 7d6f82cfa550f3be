// Units and the LEADS hierarchy of a new generation (design.md section 2). One row of $rows per CSV row.
// Every look-up by id is forced to a SEEK of the (generation, id) uniqueness index (USING INDEX SEEK; a plain USING INDEX
// allows a scan of that index): the statistics of a generation being
// written are stale, and a plan on the generation-only index would scan every node of the generation per row.
// params: generation: integer, rows: list<map>

// statement: units
UNWIND $rows AS row
CREATE (:Unit {generation: $generation, id: row.id, name: row.name, kind: row.kind, sector: row.sector,
               region: row.region, members: row.members, staff: row.staff, hostUnits: row.hostUnits});

// statement: leads
// kind PRIMARY (units.parent_id) or DUAL / GUIDANCE / DISCIPLINE_SUPERVISION (leadership.csv)
UNWIND $rows AS row
MATCH (leader:Unit {generation: $generation, id: row.leaderId})
USING INDEX SEEK leader:Unit(generation, id)
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
CREATE (leader)-[:LEADS {kind: row.kind}]->(u);
