// The duty lists in scope that analyses share (ScopedDuties, loaded once per run like scoped-graph): duty-cascade
// searches their DERIVED_FROM graph, list-coverage finds the domains a personal list leaves blank (DOMAIN_BLANK).
// params: generation: integer, unitIds: list<string> or null (null = every unit)

// statement: duties
// One row per unit in scope with its team-list duties (team) and its posts' personal-list duties (personal), read
// as compact lists rather than one row per duty: team entries are [dutyId, domain, derivedFromId], personal entries
// [dutyId, domain, derivedFromId, postId]; one entry per DERIVED_FROM edge of the duty (derivedFromId null when it
// has none), so a duty may appear in several entries. Draft duties are left out.
{{scope-units}}
RETURN u.id AS unitId,
       COLLECT {
         MATCH (u)-[:HAS_DUTY]->(d:Duty)
         WHERE coalesce(d.status, 'CONFIRMED') <> 'DRAFT'
         OPTIONAL MATCH (d)-[:DERIVED_FROM]->(s:Duty)
         RETURN [d.id, d.domain, s.id]
       } AS team,
       COLLECT {
         MATCH (u)-[:HAS_POST]->(p:Post)-[:HAS_DUTY]->(d:Duty)
         WHERE coalesce(d.status, 'CONFIRMED') <> 'DRAFT'
         OPTIONAL MATCH (d)-[:DERIVED_FROM]->(s:Duty)
         RETURN [d.id, d.domain, s.id, p.id]
       } AS personal;
