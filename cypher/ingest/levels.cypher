// Level of every unit of a generation: depth along PRIMARY parents, a unit without a primary parent = 1 (design.md §2).
// A unit on a PRIMARY cycle has no level (0); the import rejects cycles, LEADS_CYCLE reports them in foreign graphs.
// params: generation: integer

// statement: reset
MATCH (u:Unit)
WHERE u.generation = $generation
SET u.level = 0;

// Only PRIMARY edges are expanded (the kind is a predicate of the pattern, not a filter on whole paths): every unit has
// at most one PRIMARY parent, so each unit is reached by exactly one path and the work is linear in the units, however
// deep the chain (the import rejects chains deeper than dutychain.import.limits.depth before this runs).

// statement: assign
MATCH (root:Unit)
WHERE root.generation = $generation
  AND NOT EXISTS { MATCH (:Unit)-[:LEADS {kind: 'PRIMARY'}]->(root) }
MATCH path = (root)-[:LEADS*0.. {kind: 'PRIMARY'}]->(u:Unit)
SET u.level = length(path) + 1;
