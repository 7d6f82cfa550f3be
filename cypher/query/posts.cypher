// Posts of a unit with their current holders (people module). Current: since <= asOf and (until empty or
// until >= asOf), `until` inclusive (design.md section 3); a concurrent post (兼任) is a second HOLDS edge.
// params: generation: integer, unitId: string, asOf: date

// statement: unit-posts
MATCH (u:Unit {generation: $generation, id: $unitId})-[:HAS_POST]->(p:Post)
OPTIONAL MATCH (p)-[:OF_KIND]->(k:PostKind)
RETURN p.id AS postId, p.kind AS kind, k.name AS kindName, coalesce(p.title, k.name, p.kind) AS title,
       k.responsibility AS responsibility, coalesce(p.domains, k.domains, []) AS domains,
       COLLECT {
         MATCH (person:Person)-[h:HOLDS]->(p)
         WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
         RETURN {personId: person.id, name: person.name, title: person.title, since: h.since, until: h.until}
       } AS holders
ORDER BY CASE responsibility
           WHEN 'PRINCIPAL' THEN 0
           WHEN 'DIRECT' THEN 1
           WHEN 'IMPORTANT' THEN 2
           WHEN 'SUPERVISORY' THEN 3
           ELSE 4
         END, postId;

// statement: principal-holders
// who currently holds the PRINCIPAL post(s) (书记 / 第一责任人) of each unit, for the tree's hover card
MATCH (u:Unit)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(k:PostKind)
WHERE u.generation = $generation
  AND u.id IN $unitIds
  AND k.responsibility = 'PRINCIPAL'
MATCH (person:Person)-[h:HOLDS]->(p)
WHERE h.since <= $asOf
  AND (h.until IS NULL OR h.until >= $asOf)
WITH u.id AS unitId, person.name AS name
ORDER BY unitId, name
RETURN unitId, collect(DISTINCT name) AS names
ORDER BY unitId;
