// Unit look-ups of the API (organization module): dataset counts, search, one unit with its leaders and its primary
// ancestors, the lazy tree (children along PRIMARY and DUAL edges, design.md section 3), the other edges touching a
// set of units, and the roots (units without any leader).
// params: generation: integer, unitId: string, unitIds: list<string>, query: string (lower case), limit: integer

// statement: counts
MATCH (n)
WHERE n.generation = $generation
  AND NOT n:Dataset
RETURN labels(n)[0] AS label, count(*) AS count
ORDER BY label;

// statement: search
MATCH (u:Unit)
WHERE u.generation = $generation
  AND (toLower(u.id) CONTAINS $query OR toLower(u.name) CONTAINS $query)
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.level AS level
ORDER BY CASE WHEN toLower(u.id) = $query OR toLower(u.name) = $query THEN 0 ELSE 1 END, level, id
LIMIT toInteger($limit);

// statement: unit
MATCH (u:Unit {generation: $generation, id: $unitId})
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.sector AS sector, u.region AS region, u.members AS members,
       u.staff AS staff, u.hostUnits AS hostUnits, u.level AS level;

// statement: primary-ancestors
MATCH path = (a:Unit)-[:LEADS*1..]->(u:Unit {generation: $generation, id: $unitId})
WHERE all(r IN relationships(path) WHERE r.kind = 'PRIMARY')
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.level AS level, length(path) AS distance
ORDER BY distance DESC, id;

// statement: leaders
MATCH (l:Unit)-[r:LEADS]->(u:Unit {generation: $generation, id: $unitId})
RETURN r.kind AS edgeKind, l.id AS id, l.name AS name, l.kind AS kind, l.level AS level
ORDER BY edgeKind, id;

// statement: nodes
MATCH (u:Unit)
WHERE u.generation = $generation
  AND u.id IN $unitIds
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.level AS level, u.members AS members,
       COUNT { MATCH (u)-[r:LEADS]->(:Unit) WHERE r.kind IN ['PRIMARY', 'DUAL'] } AS childCount
ORDER BY id;

// statement: children
MATCH (p:Unit)-[e:LEADS]->(c:Unit)
WHERE p.generation = $generation
  AND p.id IN $unitIds
  AND e.kind IN ['PRIMARY', 'DUAL']
RETURN p.id AS parentId, e.kind AS edgeKind, c.id AS id, c.name AS name, c.kind AS kind, c.level AS level,
       c.members AS members,
       COUNT { MATCH (c)-[r:LEADS]->(:Unit) WHERE r.kind IN ['PRIMARY', 'DUAL'] } AS childCount
ORDER BY parentId, CASE edgeKind WHEN 'PRIMARY' THEN 0 ELSE 1 END, id;

// statement: extra-edges
CALL () {
  MATCH (a:Unit)-[e:LEADS]->(b:Unit)
  WHERE a.generation = $generation
    AND a.id IN $unitIds
    AND e.kind IN ['GUIDANCE', 'DISCIPLINE_SUPERVISION']
  RETURN a, e, b
  UNION
  MATCH (a:Unit)-[e:LEADS]->(b:Unit)
  WHERE b.generation = $generation
    AND b.id IN $unitIds
    AND e.kind IN ['GUIDANCE', 'DISCIPLINE_SUPERVISION']
  RETURN a, e, b
}
RETURN a.id AS fromId, a.name AS fromName, b.id AS toId, b.name AS toName, e.kind AS kind
ORDER BY fromId, toId, kind;

// statement: roots
// the tops of the tree: units without a PRIMARY leader (level 1); a party group recorded as a root with only a
// GUIDANCE edge from the work committee is one of them, as is a unit with DUAL leaders only
MATCH (u:Unit)
WHERE u.generation = $generation
  AND NOT EXISTS { MATCH (:Unit)-[:LEADS {kind: 'PRIMARY'}]->(u) }
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.level AS level, u.members AS members,
       COUNT { MATCH (u)-[r:LEADS]->(:Unit) WHERE r.kind IN ['PRIMARY', 'DUAL'] } AS childCount
ORDER BY id;
