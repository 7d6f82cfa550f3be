// Edits of the active generation inside the tool (issue 12): appointments (HOLDS), duties (create, edit, 一键分解,
// 认领), first secretaries and assistance. Each runs inside the write transaction of org.dutychain.ledger.Edits with
// its change record; created nodes and relationships look exactly like imported ones.
// params: generation: integer and the parameters named per statement

// statement: post
MATCH (u:Unit)-[:HAS_POST]->(p:Post {generation: $generation, id: $id})
RETURN u.id AS unitId, p.id AS id;

// statement: person
MATCH (p:Person {generation: $generation, id: $id})
RETURN p.id AS id;

// statement: unit
MATCH (u:Unit {generation: $generation, id: $id})
RETURN u.id AS id;

// statement: holds
MATCH (:Person {generation: $generation, id: $personId})-[h:HOLDS]->(:Post {generation: $generation, id: $postId})
RETURN h.since AS since, h.until AS until
ORDER BY since;

// statement: appoint
MATCH (x:Person {generation: $generation, id: $personId})
MATCH (p:Post {generation: $generation, id: $postId})
CREATE (x)-[:HOLDS {since: $since, until: $until}]->(p)
RETURN p.id AS id;

// statement: end-appointment
MATCH (:Person {generation: $generation, id: $personId})-[h:HOLDS]->(:Post {generation: $generation, id: $postId})
WHERE h.since = $since
SET h.until = $until
RETURN h.since AS since;

// statement: first-secretaries
MATCH (:Person {generation: $generation, id: $personId})-[f:FIRST_SECRETARY_OF]->(:Unit {generation: $generation, id: $unitId})
RETURN f.kind AS kind, f.since AS since, f.until AS until, f.dispatchedBy AS dispatchedBy
ORDER BY since;

// statement: add-first-secretary
MATCH (x:Person {generation: $generation, id: $personId})
MATCH (u:Unit {generation: $generation, id: $unitId})
CREATE (x)-[:FIRST_SECRETARY_OF {kind: $kind, since: $since, until: $until, dispatchedBy: $dispatchedBy}]->(u)
RETURN u.id AS id;

// statement: end-first-secretary
MATCH (:Person {generation: $generation, id: $personId})-[f:FIRST_SECRETARY_OF]->(:Unit {generation: $generation, id: $unitId})
WHERE f.since = $since
SET f.until = $until
RETURN f.since AS since;

// statement: assistant
// a person or a unit of the generation
MATCH (a {generation: $generation, id: $id})
WHERE a:Person OR a:Unit
RETURN a.id AS id, CASE WHEN a:Person THEN 'PERSON' ELSE 'UNIT' END AS type;

// statement: assists
MATCH (a {generation: $generation, id: $assistantId})-[s:ASSISTS]->(:Unit {generation: $generation, id: $unitId})
WHERE (a:Person OR a:Unit) AND s.level = $level
RETURN s.level AS level, s.since AS since, s.until AS until
ORDER BY since;

// statement: add-assistance
MATCH (a {generation: $generation, id: $assistantId})
WHERE a:Person OR a:Unit
MATCH (u:Unit {generation: $generation, id: $unitId})
CREATE (a)-[:ASSISTS {level: $level, since: $since, until: $until}]->(u)
RETURN u.id AS id;

// statement: end-assistance
MATCH (a {generation: $generation, id: $assistantId})-[s:ASSISTS]->(:Unit {generation: $generation, id: $unitId})
WHERE (a:Person OR a:Unit) AND s.level = $level AND s.since = $since
SET s.until = $until
RETURN s.since AS since;

// statement: duty
MATCH (d:Duty {generation: $generation, id: $id})
RETURN d {.*} AS duty, head(COLLECT { MATCH (d)-[:DERIVED_FROM]->(s:Duty) RETURN s.id AS id ORDER BY id }) AS derivedFrom;

// statement: create-team-duty
MATCH (u:Unit {generation: $generation, id: $unitId})
CREATE (u)-[:HAS_DUTY]->(d:Duty {generation: $generation, id: $id, domain: $domain, text: $text, cadence: $cadence,
                                 due: $due, unitId: $unitId, status: $status})
WITH d
OPTIONAL MATCH (up:Duty {generation: $generation, id: $derivedFrom})
FOREACH (x IN CASE WHEN up IS NULL THEN [] ELSE [up] END | CREATE (d)-[:DERIVED_FROM]->(x))
RETURN d.id AS id;

// statement: create-post-duty
MATCH (p:Post {generation: $generation, id: $postId})
CREATE (p)-[:HAS_DUTY]->(d:Duty {generation: $generation, id: $id, domain: $domain, text: $text, cadence: $cadence,
                                 due: $due, unitId: $unitId, postId: $postId, status: $status})
WITH d
OPTIONAL MATCH (up:Duty {generation: $generation, id: $derivedFrom})
FOREACH (x IN CASE WHEN up IS NULL THEN [] ELSE [up] END | CREATE (d)-[:DERIVED_FROM]->(x))
RETURN d.id AS id;

// statement: update-duty
MATCH (d:Duty {generation: $generation, id: $id})
SET d += $set, d.version = coalesce(d.version, 0) + 1
RETURN d.id AS id;

// statement: decompose-targets
// children (PRIMARY or DUAL) of the duty's unit that have posts, and whether they already hold a duty derived from it
MATCH (:Unit {generation: $generation, id: $unitId})-[l:LEADS]->(c:Unit)
WHERE l.kind IN ['PRIMARY', 'DUAL']
  AND EXISTS { MATCH (c)-[:HAS_POST]->(:Post) }
WITH DISTINCT c
MATCH (up:Duty {generation: $generation, id: $dutyId})
RETURN c.id AS childId,
       EXISTS { MATCH (c)-[:HAS_DUTY]->(:Duty)-[:DERIVED_FROM]->(up) }
         OR EXISTS { MATCH (c)-[:HAS_POST]->(:Post)-[:HAS_DUTY]->(:Duty)-[:DERIVED_FROM]->(up) } AS covered
ORDER BY childId;

// statement: drafts
// 待认领: the DRAFT duties of a unit (its team list and its posts' lists), made by 一键分解, with the duty and unit
// they derive from
MATCH (u:Unit {generation: $generation, id: $unitId})
OPTIONAL MATCH (u)-[:HAS_POST]->(p:Post)
WITH u, [u] + collect(p) AS owners
UNWIND owners AS owner
MATCH (owner)-[:HAS_DUTY]->(d:Duty)
WHERE d.status = 'DRAFT'
OPTIONAL MATCH (d)-[:DERIVED_FROM]->(up:Duty)
OPTIONAL MATCH (fu:Unit {generation: $generation, id: up.unitId})
RETURN d.id AS id, d.domain AS domain, d.text AS text, d.cadence AS cadence, d.due AS due,
       CASE WHEN owner:Post THEN owner.id END AS postId, CASE WHEN owner:Post THEN owner.title END AS postTitle,
       up.id AS derivedFrom, fu.id AS fromUnitId, fu.name AS fromUnitName, coalesce(d.version, 0) AS version
ORDER BY id;

// statement: people
// persons whose name or id contains $query (any case), for the appointment and verifier fields; a scoped
// user ($unitIds: its visible units, null = everyone) finds only persons whose home unit is visible or who
// hold a post there
MATCH (x:Person)
WHERE x.generation = $generation
  AND (toLower(x.name) CONTAINS toLower($query) OR toLower(x.id) CONTAINS toLower($query))
  AND ($unitIds IS NULL
       OR EXISTS { (x)-[:HOME_UNIT]->(h:Unit) WHERE h.id IN $unitIds }
       OR EXISTS { (x)-[:HOLDS]->(:Post)<-[:HAS_POST]-(u:Unit) WHERE u.id IN $unitIds })
RETURN x.id AS id, x.name AS name, x.title AS title
ORDER BY size(x.name), id
LIMIT $limit;
