// Scope and dataset look-ups shared by every module (design.md section 3: a scope is a unit and everything reachable
// from it along PRIMARY and DUAL edges; no scope = every unit, orphans included).

// statement: active-dataset
MATCH (d:Dataset {active: true})
RETURN d.name AS name, d.asOf AS asOf, d.generation AS generation, d.importedAt AS importedAt,
       coalesce(d.revision, 0) AS revision
ORDER BY d.generation DESC
LIMIT 1;

// statement: unit-levels
MATCH (u:Unit)
WHERE u.generation = $generation
RETURN u.id AS id, u.level AS level
ORDER BY id;

// statement: scope-levels
MATCH (root:Unit {generation: $generation, id: $unitId})
MATCH path = (root)-[:LEADS*0..]->(u:Unit)
WHERE all(r IN relationships(path) WHERE r.kind IN ['PRIMARY', 'DUAL'])
RETURN DISTINCT u.id AS id, u.level AS level
ORDER BY id;

// statement: unit-exists
MATCH (u:Unit {generation: $generation, id: $unitId})
RETURN u.id AS id;
