// The scoped subgraph that JGraphT analyses load once per run (ScopedGraph): the units in scope, the LEADS edges
// between them (every kind) and the current assistance edges between them, a person assistant standing for the unit
// in which the person is organized (HOME_UNIT; a person without one is skipped).
// params: generation: integer, unitIds: list<string> or null (null = every unit), asOf: date

// statement: units
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
RETURN u.id AS id, u.name AS name, u.kind AS kind, coalesce(u.level, 0) AS level,
       COUNT { (u)-[:HAS_POST]->(:Post) } AS posts
ORDER BY id;

// statement: leads
MATCH (a:Unit)-[l:LEADS]->(b:Unit)
WHERE a.generation = $generation
  AND ($unitIds IS NULL OR (a.id IN $unitIds AND b.id IN $unitIds))
RETURN a.id AS fromId, b.id AS toId, l.kind AS kind
ORDER BY fromId, toId, kind;

// statement: assists
MATCH (x)-[s:ASSISTS]->(t:Unit)
WHERE t.generation = $generation
  AND ($unitIds IS NULL OR t.id IN $unitIds)
  AND (s.since IS NULL OR s.since <= $asOf)
  AND (s.until IS NULL OR s.until >= $asOf)
OPTIONAL MATCH (x)-[:HOME_UNIT]->(home:Unit)
WITH x, t, CASE WHEN x:Unit THEN x.id ELSE home.id END AS assistantUnitId
WHERE assistantUnitId IS NOT NULL
  AND ($unitIds IS NULL OR assistantUnitId IN $unitIds)
RETURN DISTINCT x.id AS assistantId, assistantUnitId, t.id AS targetId
ORDER BY targetId, assistantUnitId, assistantId;
