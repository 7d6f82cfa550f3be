// The duty lists in scope that analyses share (ScopedDuties, loaded once per run like scoped-graph): duty-cascade
// searches their DERIVED_FROM graph, list-coverage finds the domains a personal list leaves blank (DOMAIN_BLANK).
// A duty is named here by its key, the database's internal id (id(d)): a join key within the result of statement
// duties, which links each duty to the duties it derives from without reading 1.4 M id strings at 100k units (half
// the time of this load). Keys never reach a finding: statement duty-ids reads the business ids of the few duties
// that findings name, and checks that each key still names the same duty.
// params: generation: integer, unitIds: list<string> or null (null = every unit), keys: list<{key, unitId, domain}>

// statement: duties
// One row per unit in scope with its team-list duties (team) and its posts' personal-list duties (personal), read
// as compact lists rather than one row per duty: team entries are [key, domain, sourceKey], personal entries
// [key, domain, sourceKey, postId]; one entry per DERIVED_FROM edge of the duty (sourceKey null when it has none),
// so a duty may appear in several entries. Draft duties are left out.
{{scope-units}}
RETURN u.id AS unitId,
       COLLECT {
         MATCH (u)-[:HAS_DUTY]->(d:Duty)
         WHERE coalesce(d.status, 'CONFIRMED') <> 'DRAFT'
         OPTIONAL MATCH (d)-[:DERIVED_FROM]->(s:Duty)
         RETURN [id(d), d.domain, id(s)]
       } AS team,
       COLLECT {
         MATCH (u)-[:HAS_POST]->(p:Post)-[:HAS_DUTY]->(d:Duty)
         WHERE coalesce(d.status, 'CONFIRMED') <> 'DRAFT'
         OPTIONAL MATCH (d)-[:DERIVED_FROM]->(s:Duty)
         RETURN [id(d), d.domain, id(s), p.id]
       } AS personal;

// statement: duty-ids
// The business id of each duty in $keys ({key, unitId, domain}: a key statement duties returned earlier in the same
// audit, the unit whose list held it and its domain), read in a later transaction: a key answers only while it names
// a duty of the generation and domain on a team or personal list of that unit, so a duty deleted meanwhile (its
// internal id free for reuse) answers nothing, unless the id went to a new duty of the same domain on the same
// unit's lists.
UNWIND $keys AS k
MATCH (d:Duty)
WHERE id(d) = k.key AND d.generation = $generation
  AND (d.domain = k.domain OR d.domain IS NULL AND k.domain IS NULL)
  AND (EXISTS {
         MATCH (u:Unit)-[:HAS_DUTY]->(d)
         WHERE u.id = k.unitId AND u.generation = $generation
       }
       OR EXISTS {
         MATCH (u:Unit)-[:HAS_POST]->(:Post)-[:HAS_DUTY]->(d)
         WHERE u.id = k.unitId AND u.generation = $generation
       })
RETURN k.key AS key, d.id AS dutyId;
