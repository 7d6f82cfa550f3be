// Level of every unit of a generation: depth along PRIMARY parents, a unit without a primary parent = 1 (design.md §2).
// A unit on a PRIMARY cycle has no level (0); the import rejects cycles, LEADS_CYCLE reports them in foreign graphs.
// params: generation: integer

// statement: reset
MATCH (u:Unit)
WHERE u.generation = $generation
SET u.level = 0;

// statement: assign
MATCH (root:Unit)
WHERE root.generation = $generation
  AND NOT EXISTS { MATCH (:Unit)-[:LEADS {kind: 'PRIMARY'}]->(root) }
MATCH path = (root)-[:LEADS*0..]->(u:Unit)
WHERE all(r IN relationships(path) WHERE r.kind = 'PRIMARY')
SET u.level = length(path) + 1;
