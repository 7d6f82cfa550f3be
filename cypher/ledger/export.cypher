// Export of the active dataset (with the edits made in the tool) in the import format (issue 12): one statement per
// file, named like it, returning exactly that file's columns (import-format.md) so that export → import gives the same
// graph. Dataset data only: change records and other system data are never exported.
// params: generation: integer

// statement: dataset
MATCH (d:Dataset {active: true, generation: $generation})
RETURN d.name AS name, d.asOf AS as_of;

// statement: units
MATCH (u:Unit {generation: $generation})
RETURN u.id AS id, u.name AS name, u.kind AS kind,
       head(COLLECT { MATCH (p:Unit)-[:LEADS {kind: 'PRIMARY'}]->(u) RETURN p.id AS id ORDER BY id }) AS parent_id,
       u.sector AS sector, u.region AS region, u.members AS members, u.staff AS staff, u.hostUnits AS host_units
ORDER BY id;

// statement: leadership
MATCH (l:Unit {generation: $generation})-[r:LEADS]->(u:Unit)
WHERE r.kind <> 'PRIMARY'
RETURN l.id AS leader_id, u.id AS unit_id, r.kind AS kind
ORDER BY leader_id, unit_id, kind;

// statement: post_kinds
MATCH (k:PostKind {generation: $generation})
RETURN k.key AS key, k.name AS name, k.responsibility AS responsibility, k.requiredIn AS required_in,
       k.domains AS domains
ORDER BY key;

// statement: people
MATCH (p:Person {generation: $generation})
RETURN p.id AS id, p.name AS name, head(COLLECT { MATCH (p)-[:HOME_UNIT]->(u:Unit) RETURN u.id }) AS unit_id,
       p.title AS title
ORDER BY id;

// statement: posts
MATCH (u:Unit)-[:HAS_POST]->(p:Post {generation: $generation})
RETURN p.id AS id, u.id AS unit_id, p.kind AS kind, p.title AS title, p.domains AS domains
ORDER BY id;

// statement: appointments
MATCH (x:Person {generation: $generation})-[h:HOLDS]->(p:Post)
RETURN x.id AS person_id, p.id AS post_id, h.since AS since, h.until AS until
ORDER BY person_id, post_id, since;

// statement: duties
MATCH (d:Duty {generation: $generation})
RETURN d.id AS id, d.unitId AS unit_id, d.postId AS post_id, d.domain AS domain, d.text AS text,
       head(COLLECT { MATCH (d)-[:DERIVED_FROM]->(up:Duty) RETURN up.id }) AS derived_from, d.cadence AS cadence,
       d.due AS due, d.status AS status
ORDER BY id;

// statement: first_secretaries
MATCH (x:Person {generation: $generation})-[f:FIRST_SECRETARY_OF]->(u:Unit)
RETURN x.id AS person_id, u.id AS unit_id, f.kind AS kind, f.dispatchedBy AS dispatched_by, f.since AS since,
       f.until AS until
ORDER BY person_id, unit_id, since;

// statement: assistance
MATCH (a)-[s:ASSISTS]->(u:Unit {generation: $generation})
RETURN a.id AS assistant_id, u.id AS unit_id, s.level AS level, s.since AS since, s.until AS until
ORDER BY assistant_id, unit_id, level, since;

// statement: activities
MATCH (u:Unit)-[:DID]->(a:Activity {generation: $generation})
RETURN a.id AS id, u.id AS unit_id, a.kind AS kind, a.date AS date, a.count AS count,
       head(COLLECT { MATCH (a)-[:FOR_DUTY]->(d:Duty) RETURN d.id }) AS duty_id,
       head(COLLECT { MATCH (a)-[:AIMED_AT]->(t:Unit) RETURN t.id }) AS target_unit_id
ORDER BY id;

// statement: gradings
MATCH (u:Unit)-[:GRADED]->(g:Grading {generation: $generation})
RETURN u.id AS unit_id, g.year AS year, g.scheme AS scheme, g.grade AS grade,
       head(COLLECT { MATCH (p:Person)-[:GRADED]->(g) RETURN p.id }) AS person_id, coalesce(g.problems, []) AS problems
ORDER BY g.id;

// statement: issues
MATCH (i:Issue {generation: $generation})-[:FOUND_IN]->(u:Unit)
RETURN i.id AS id, u.id AS unit_id, i.domain AS domain, i.title AS title, i.foundOn AS found_on, i.source AS source,
       i.severity AS severity, i.status AS status, i.due AS due,
       head(COLLECT { MATCH (i)-[:AGAINST]->(d:Duty) RETURN d.id }) AS duty_id, i.closedOn AS closed_on,
       i.lookBackOn AS look_back_on
ORDER BY id;

// statement: supervisions
MATCH (u:Unit)-[:LISTED_IN]->(s:Supervision {generation: $generation})
RETURN s.id AS id, u.id AS unit_id, head(COLLECT { MATCH (l:Unit)-[:SUPERVISES]->(s) RETURN l.id }) AS listed_by,
       s.listedOn AS listed_on, s.deadline AS deadline, s.stage AS stage, s.outcome AS outcome,
       s.outcomeOn AS outcome_on
ORDER BY id;

// statement: personnel_events
MATCH (x:Person)-[:HAD]->(e:PersonnelEvent {generation: $generation})
RETURN x.id AS person_id, e.date AS date, e.kind AS kind, e.reason AS reason
ORDER BY e.id;

// statement: measures
MATCH (i:Issue)-[:HAS_MEASURE]->(m:Measure {generation: $generation})
RETURN m.id AS id, i.id AS issue_id, m.text AS text,
       head(COLLECT { MATCH (m)-[:OWNED_BY]->(p:Post) RETURN p.id }) AS owner_post_id, m.due AS due,
       m.status AS status, m.evidence AS evidence,
       head(COLLECT { MATCH (v:Person)-[:VERIFIED]->(m) RETURN v.id }) AS verified_by, m.verifiedOn AS verified_on,
       m.returnReason AS return_reason
ORDER BY id;
