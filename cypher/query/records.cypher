// Work records of a unit for the unit panel (record module): first secretaries, incoming assistance, gradings, open
// issues; and the pressure of a set of units (design.md section 3: Σ weight(kind)·count over the trailing year
// asOf - 365 days < date <= asOf, ÷ the expected yearly count of the unit's kind).
// params: generation: integer, unitId: string, unitIds: list<string>, asOf: date, weights: map, expected: map

// statement: first-secretaries
MATCH (p:Person)-[f:FIRST_SECRETARY_OF]->(u:Unit {generation: $generation, id: $unitId})
OPTIONAL MATCH (by:Unit {generation: $generation, id: f.dispatchedBy})
RETURN p.id AS personId, p.name AS name, f.kind AS kind, f.since AS since, f.until AS until,
       f.dispatchedBy AS dispatchedBy, by.name AS dispatchedByName,
       coalesce(f.since <= $asOf AND (f.until IS NULL OR f.until >= $asOf), false) AS current
ORDER BY since DESC, personId;

// statement: assistance
MATCH (a)-[s:ASSISTS]->(u:Unit {generation: $generation, id: $unitId})
RETURN a.id AS assistantId, a.name AS assistantName, CASE WHEN a:Person THEN 'PERSON' ELSE 'UNIT' END AS assistantType,
       s.level AS level, s.since AS since, s.until AS until,
       coalesce(s.since <= $asOf AND (s.until IS NULL OR s.until >= $asOf), false) AS current
ORDER BY level, assistantId, since;

// statement: gradings
MATCH (u:Unit {generation: $generation, id: $unitId})-[:GRADED]->(g:Grading)
OPTIONAL MATCH (p:Person)-[:GRADED]->(g)
RETURN g.id AS id, g.year AS year, g.scheme AS scheme, g.grade AS grade,
       coalesce(g.problems, []) AS problems,
       p.id AS personId, p.name AS personName
ORDER BY year DESC, scheme, id;

// statement: open-issues
MATCH (i:Issue)-[:FOUND_IN]->(u:Unit {generation: $generation, id: $unitId})
WHERE i.status IN ['OPEN', 'RECTIFYING']
RETURN i.id AS id, i.domain AS domain, i.title AS title, i.foundOn AS foundOn, i.source AS source,
       i.severity AS severity, i.status AS status, i.due AS due,
       COLLECT { MATCH (i)-[:AGAINST]->(d:Duty) RETURN d.id } AS dutyIds
ORDER BY foundOn, id;

// statement: pressure
MATCH (u:Unit)
WHERE u.generation = $generation
  AND u.id IN $unitIds
OPTIONAL MATCH (u)-[:DID]->(a:Activity)
WHERE a.date > $asOf - duration({days: 365})
  AND a.date <= $asOf
WITH u, sum({{activity-weight}}) AS weighted
RETURN u.id AS id, weighted, weighted / {{expected-yearly}} AS pressure
ORDER BY id;
