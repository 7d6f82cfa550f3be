// 督办通知 / 问题清单 of a unit's subtree (issue 12, report module): the committee that issues it, the open issues with
// their measures, and the PRINCIPAL post and holder of every unit that has findings.
// params: generation: integer, unitId: string, unitIds: list<string>, asOf: date

// statement: committee
// the root above the unit along PRIMARY edges (the issuing committee), and the unit itself
MATCH (u:Unit {generation: $generation, id: $unitId})
OPTIONAL MATCH path = (r:Unit)-[:LEADS*0..]->(u)
WHERE all(l IN relationships(path) WHERE l.kind = 'PRIMARY')
  AND NOT EXISTS { MATCH (:Unit)-[:LEADS {kind: 'PRIMARY'}]->(r) }
RETURN u.name AS unitName, coalesce(r.name, u.name) AS committee
ORDER BY length(path) DESC
LIMIT 1;

// statement: open-issues
// issues not closed at asOf (closed = status CLOSED and closedOn empty or <= asOf), found on or before asOf
MATCH (u:Unit)
WHERE u.generation = $generation
  AND u.id IN $unitIds
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.foundOn <= $asOf
  AND NOT (i.status = 'CLOSED' AND (i.closedOn IS NULL OR i.closedOn <= $asOf))
RETURN i.id AS id, u.id AS unitId, u.name AS unitName, i.title AS title, i.domain AS domain, i.status AS status,
       i.due AS due, i.foundOn AS foundOn,
       COLLECT {
         MATCH (i)-[:HAS_MEASURE]->(m:Measure)
         OPTIONAL MATCH (m)-[:OWNED_BY]->(p:Post)
         RETURN {id: m.id, text: m.text, due: m.due, status: m.status, owner: p.title} AS x
         ORDER BY x.id
       } AS measures
ORDER BY due, id;

// statement: principals
// the PRINCIPAL post of each unit and its holder at asOf (first by post id)
MATCH (u:Unit)
WHERE u.generation = $generation
  AND u.id IN $unitIds
OPTIONAL MATCH (u)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(k:PostKind {responsibility: 'PRINCIPAL'})
WITH u, p, k
ORDER BY p.id
WITH u, head(collect({post: p, kind: k})) AS principal
WITH u, principal.post AS p, principal.kind AS k
RETURN u.id AS unitId, u.name AS unitName, p.id AS postId, coalesce(p.title, k.name) AS postTitle,
       head(COLLECT {
         MATCH (x:Person)-[h:HOLDS]->(p)
         WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
         RETURN x.name AS name ORDER BY x.id
       }) AS holder
ORDER BY unitId;
