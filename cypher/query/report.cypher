// Facts the audit report lists beside the findings (审计报告): names, principal post holders, vacancies and
// appointments about to end, units weak now with their assistance, listed supervisions. Every statement starts from
// the scope: $unitIds = the unit ids in scope, or null for every unit of the generation. Definitions as design.md
// section 3 ("current", "weak now", supervision deadline).

// statement: unit-names
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
RETURN u.id AS id, u.name AS name
ORDER BY id;

// statement: principals
MATCH (u:Unit)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(k:PostKind)
WHERE u.generation = $generation
  AND u.id IN $unitIds
  AND k.responsibility = 'PRINCIPAL'
OPTIONAL MATCH (person:Person)-[h:HOLDS]->(p)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
RETURN u.id AS unitId, p.id AS postId, coalesce(p.title, k.name, p.kind) AS postTitle, person.id AS personId,
       person.name AS personName
ORDER BY unitId, postId, personId;

// statement: vacant-posts
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
MATCH (u)-[:HAS_POST]->(p:Post)
WHERE NOT EXISTS {
  MATCH (p)<-[h:HOLDS]-(:Person)
  WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
}
OPTIONAL MATCH (p)-[:OF_KIND]->(k:PostKind)
RETURN u.id AS unitId, u.name AS unitName, p.id AS postId, coalesce(p.title, k.name, p.kind) AS postTitle
ORDER BY unitId, postId;

// statement: expiring-appointments
// Current appointments whose term ends by $expiresBy, unless a successor is already appointed.
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
MATCH (u)-[:HAS_POST]->(p:Post)<-[h:HOLDS]-(person:Person)
WHERE h.since <= $asOf
  AND h.until IS NOT NULL
  AND h.until >= $asOf
  AND h.until <= $expiresBy
  AND NOT EXISTS {
  MATCH (p)<-[n:HOLDS]-(:Person)
  WHERE n.since > h.since
}
OPTIONAL MATCH (p)-[:OF_KIND]->(k:PostKind)
RETURN u.id AS unitId, u.name AS unitName, p.id AS postId, coalesce(p.title, k.name, p.kind) AS postTitle,
       person.id AS personId, person.name AS personName, h.until AS until
ORDER BY until, unitId, postId, personId;

// statement: weak-units
// Weak now: the shared definition (cypher/fragment/weak-now.cypher), the basis of each unit's weakness as
// [{scheme, year}].
{{weak-now}}
WITH u, weakBasis AS basis
OPTIONAL MATCH ()-[r:ASSISTS]->(u)
WHERE r.since <= $asOf AND (r.until IS NULL OR r.until >= $asOf)
WITH u, basis, collect(DISTINCT r.level) AS levels
OPTIONAL MATCH (fs:Person)-[f:FIRST_SECRETARY_OF]->(u)
WHERE f.since <= $asOf AND (f.until IS NULL OR f.until >= $asOf)
RETURN u.id AS unitId, u.name AS unitName, u.sector AS sector, basis, levels,
       collect(DISTINCT fs.name) AS firstSecretaries
ORDER BY unitId;

// statement: supervisions
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
MATCH (u)-[:LISTED_IN]->(s:Supervision)
OPTIONAL MATCH (s)<-[:SUPERVISES]-(by:Unit)
WITH u, s, by, coalesce(s.deadline, s.listedOn + duration({months: $supervisionDefaultMonths})) AS deadline
RETURN s.id AS id, u.id AS unitId, u.name AS unitName, by.name AS listedBy, s.listedOn AS listedOn,
       deadline, s.stage AS stage, s.outcome AS outcome, s.outcomeOn AS outcomeOn,
       (deadline < $asOf AND s.outcome IS NULL) AS overdue
ORDER BY listedOn, id;
