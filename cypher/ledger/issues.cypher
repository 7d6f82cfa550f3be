// The rectification ledger (issue 12): issues, their measures, change records. Mutations run inside one write
// transaction of org.dutychain.ledger.Edits together with `record-change`, which also increments the active
// Dataset's revision. `$set` maps are built in Java from fixed property names, never from user keys.
// params: generation: integer, id: string, issueId: string, unitId: string, unitIds: list<string> or null,
//         asOf: date, days: integer, filter: string or null, set: map, and the create parameters below

// statement: issue
MATCH (i:Issue {generation: $generation, id: $id})-[:FOUND_IN]->(u:Unit)
RETURN i {.*} AS issue, u.id AS unitId, u.name AS unitName,
       head(COLLECT { MATCH (i)-[:AGAINST]->(d:Duty) RETURN d.id AS id ORDER BY id }) AS dutyId,
       COLLECT {
         MATCH (i)-[:HAS_MEASURE]->(m:Measure)
         OPTIONAL MATCH (m)-[:OWNED_BY]->(p:Post)
         OPTIONAL MATCH (v:Person)-[:VERIFIED]->(m)
         RETURN m {.*, ownerPostId: p.id, ownerPostTitle: p.title, verifiedBy: v.id, verifierName: v.name} AS x
         ORDER BY x.id
       } AS measures;

// statement: issues
// the ledger of a scope: overdue = not closed at asOf and the issue or an unverified measure is past due;
// dueSoon = not closed and due within $days; toVerify = a measure SUBMITTED (待验收)
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
MATCH (i:Issue)-[:FOUND_IN]->(u)
WITH u, i,
     COLLECT {
       MATCH (i)-[:HAS_MEASURE]->(m:Measure)
       RETURN m {.id, .status, .due, .verifiedOn} AS x
       ORDER BY x.id
     } AS measures,
     coalesce(i.status = 'CLOSED' AND (i.closedOn IS NULL OR i.closedOn <= $asOf), false) AS closed
WITH u, i, measures, closed,
     NOT closed AND (coalesce(i.due < $asOf, false)
       OR any(m IN measures WHERE m.status <> 'VERIFIED' AND coalesce(m.due < $asOf, false))) AS overdue,
     NOT closed AND (coalesce(i.due >= $asOf AND i.due <= $asOf + duration({days: $days}), false)
       OR any(m IN measures WHERE m.status <> 'VERIFIED'
              AND coalesce(m.due >= $asOf AND m.due <= $asOf + duration({days: $days}), false))) AS dueSoon,
     any(m IN measures WHERE m.status = 'SUBMITTED') AS toVerify
WHERE $filter IS NULL
   OR ($filter = 'overdue' AND overdue)
   OR ($filter = 'dueSoon' AND dueSoon)
   OR ($filter = 'toVerify' AND toVerify)
RETURN i.id AS id, u.id AS unitId, u.name AS unitName, i.domain AS domain, i.title AS title, i.foundOn AS foundOn,
       i.source AS source, i.severity AS severity, i.status AS status, i.due AS due, i.closedOn AS closedOn,
       i.lookBackOn AS lookBackOn, coalesce(i.version, 0) AS version, size(measures) AS measures,
       size([m IN measures WHERE m.status = 'VERIFIED']) AS verifiedMeasures, overdue, dueSoon, toVerify
ORDER BY due, id;

// statement: create-issue
MATCH (u:Unit {generation: $generation, id: $unitId})
CREATE (i:Issue {generation: $generation, id: $id, domain: $domain, title: $title, foundOn: $foundOn,
                 source: $source, severity: $severity, status: 'OPEN', due: $due})-[:FOUND_IN]->(u)
WITH i
OPTIONAL MATCH (d:Duty {generation: $generation, id: $dutyId})
FOREACH (x IN CASE WHEN d IS NULL THEN [] ELSE [d] END | CREATE (i)-[:AGAINST]->(x))
RETURN i.id AS id;

// statement: update-issue
MATCH (i:Issue {generation: $generation, id: $id})
SET i += $set, i.version = coalesce(i.version, 0) + 1
RETURN i.id AS id;

// statement: measure
MATCH (i:Issue)-[:HAS_MEASURE]->(m:Measure {generation: $generation, id: $id})
MATCH (i)-[:FOUND_IN]->(u:Unit)
OPTIONAL MATCH (m)-[:OWNED_BY]->(p:Post)
OPTIONAL MATCH (v:Person)-[:VERIFIED]->(m)
RETURN m {.*, ownerPostId: p.id, ownerPostTitle: p.title, verifiedBy: v.id, verifierName: v.name} AS measure,
       i.id AS issueId, u.id AS unitId;

// statement: measure-exists
MATCH (m:Measure {generation: $generation, id: $id})
RETURN m.id AS id;

// statement: create-measure
MATCH (i:Issue {generation: $generation, id: $issueId})
CREATE (i)-[:HAS_MEASURE]->(m:Measure {generation: $generation, id: $id, text: $text, due: $due, status: 'PLANNED'})
WITH m
OPTIONAL MATCH (p:Post {generation: $generation, id: $ownerPostId})
FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | CREATE (m)-[:OWNED_BY]->(x))
RETURN m.id AS id;

// statement: update-measure
MATCH (m:Measure {generation: $generation, id: $id})
SET m += $set, m.version = coalesce(m.version, 0) + 1
RETURN m.id AS id;

// statement: set-owner
MATCH (m:Measure {generation: $generation, id: $id})
OPTIONAL MATCH (m)-[o:OWNED_BY]->()
DELETE o
WITH DISTINCT m
MATCH (p:Post {generation: $generation, id: $postId})
CREATE (m)-[:OWNED_BY]->(p)
RETURN p.id AS id;

// statement: set-verifier
MATCH (m:Measure {generation: $generation, id: $id})
OPTIONAL MATCH (:Person)-[v:VERIFIED]->(m)
DELETE v
WITH DISTINCT m
MATCH (p:Person {generation: $generation, id: $personId})
CREATE (p)-[:VERIFIED]->(m)
RETURN p.id AS id;

// statement: record-change
// system data: no generation, survives imports; the edit increments the active Dataset's revision
MATCH (d:Dataset {active: true})
SET d.revision = coalesce(d.revision, 0) + 1
CREATE (c:ChangeRecord {at: datetime(), actor: $actor, entity: $entity, entityId: $entityId, action: $action,
                        before: $before, after: $after, unitId: $unitId, revision: d.revision})
RETURN d.revision AS revision;

// statement: changes
MATCH (c:ChangeRecord)
WHERE ($entity IS NULL OR c.entity = $entity)
  AND ($id IS NULL OR c.entityId = $id)
RETURN c.at AS at, c.actor AS actor, c.entity AS entity, c.entityId AS entityId, c.action AS action,
       c.before AS before, c.after AS after, c.unitId AS unitId, c.revision AS revision
ORDER BY at DESC, revision DESC
LIMIT $limit;

// statement: digest-issues
// 到期提醒: issues not closed at asOf whose due lies before asOf + $days (overdue when before asOf)
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.foundOn <= $asOf
  AND NOT (i.status = 'CLOSED' AND (i.closedOn IS NULL OR i.closedOn <= $asOf))
  AND i.due IS NOT NULL
  AND i.due <= $asOf + duration({days: $days})
RETURN u.id AS unitId, u.name AS unitName, 'ISSUE' AS kind, i.id AS id, i.id AS issueId, i.title AS title,
       i.title AS text, i.due AS due, i.status AS status, i.due < $asOf AS overdue
ORDER BY unitId, due, id;

// statement: digest-measures
// measures not verified at asOf of issues not closed, due before asOf + $days; grouped under the unit of the owner
// post (else the issue's unit)
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.foundOn <= $asOf
  AND NOT (i.status = 'CLOSED' AND (i.closedOn IS NULL OR i.closedOn <= $asOf))
MATCH (i)-[:HAS_MEASURE]->(m:Measure)
WHERE m.due IS NOT NULL
  AND m.due <= $asOf + duration({days: $days})
  AND NOT (m.status = 'VERIFIED' AND (m.verifiedOn IS NULL OR m.verifiedOn <= $asOf))
OPTIONAL MATCH (m)-[:OWNED_BY]->(:Post)<-[:HAS_POST]-(ou:Unit)
WITH coalesce(ou, u) AS owner, i, m, $asOf AS asOf
RETURN owner.id AS unitId, owner.name AS unitName, 'MEASURE' AS kind, m.id AS id, i.id AS issueId,
       i.title AS title, m.text AS text, m.due AS due, m.status AS status, m.due < asOf AS overdue
ORDER BY unitId, due, id;
