// Access scope of a user (访问范围, issue 9): the subtrees of the user's scope units along PRIMARY and DUAL edges, and
// GUIDANCE edges leaving an ORGAN_WORK_COMMITTEE scope root. Walked level by level from Java (one statement per level
// with the frontier as a parameter, every unit visited once), so a deep chain costs linear time and no variable-length
// path is ever expanded.
// params: generation: integer, unitIds: list<string>

// statement: roots
// the scope roots that exist in the generation, with their kind and name
MATCH (u:Unit)
WHERE u.generation = $generation
  AND u.id IN $unitIds
RETURN u.id AS id, u.name AS name, u.kind AS kind
ORDER BY id;

// statement: guidance-children
// children of ORGAN_WORK_COMMITTEE roots along GUIDANCE edges
MATCH (p:Unit)-[e:LEADS {kind: 'GUIDANCE'}]->(c:Unit)
WHERE p.generation = $generation
  AND p.id IN $unitIds
  AND p.kind = 'ORGAN_WORK_COMMITTEE'
RETURN DISTINCT c.id AS id;

// statement: children
// one level down along PRIMARY and DUAL edges
MATCH (p:Unit)-[e:LEADS]->(c:Unit)
WHERE p.generation = $generation
  AND p.id IN $unitIds
  AND e.kind IN ['PRIMARY', 'DUAL']
RETURN DISTINCT c.id AS id;

// statement: names
// id → name of every unit of the generation (to name units outside a scope as such)
MATCH (u:Unit)
WHERE u.generation = $generation
RETURN u.id AS id, u.name AS name;
