// Access scope of a user (访问范围, issue 9): the subtrees of the user's scope units along PRIMARY and DUAL edges, and
// GUIDANCE edges leaving an ORGAN_WORK_COMMITTEE scope root. Walked level by level from Java (one statement per level
// with the frontier as a parameter, every unit visited once), so a deep chain costs linear time and no variable-length
// path is ever expanded.
// params: generation: integer, unitIds: list<string>, ids: list<string>

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

// statement: owners
// the units a dataset record belongs to, for the ids of a scoped caller's findings (evidence, paths, post/person/duty/
// issue ids, id placeholders, metrics), the name of a Person and the title of a Post (person tells them apart): a
// scoped caller sees a record only when one of its units is inside the scope. Post: its unit. Duty: the unit of its team list or of its post. Person: the home unit,
// the unit of every post the person holds or held, every unit the person is (or was) first secretary of or assists.
// Activity: the unit that did it and the units it aimed at. Grading: the graded unit. Issue: the unit it was found in.
// Supervision: the listed and the listing unit. Measure: the unit of its issue. PersonnelEvent: the units of its person.
// Ids that match no record (unit ids, codes, values) return no row.
// params: generation: integer, ids: list<string>
MATCH (u:Unit)-[:HAS_POST]->(n:Post)
WHERE n.generation = $generation AND n.id IN $ids
RETURN n.id AS id, u.id AS unitId, n.title AS name, false AS person
UNION ALL
MATCH (u:Unit)-[:HAS_DUTY]->(n:Duty)
WHERE n.generation = $generation AND n.id IN $ids
RETURN n.id AS id, u.id AS unitId, null AS name, false AS person
UNION ALL
MATCH (u:Unit)-[:HAS_POST]->(:Post)-[:HAS_DUTY]->(n:Duty)
WHERE n.generation = $generation AND n.id IN $ids
RETURN n.id AS id, u.id AS unitId, null AS name, false AS person
UNION ALL
MATCH (n:Person)
WHERE n.generation = $generation AND n.id IN $ids
OPTIONAL MATCH (n)-[:HOME_UNIT|FIRST_SECRETARY_OF|ASSISTS]->(u:Unit)
RETURN n.id AS id, u.id AS unitId, n.name AS name, true AS person
UNION ALL
MATCH (n:Person)-[:HOLDS]->(:Post)<-[:HAS_POST]-(u:Unit)
WHERE n.generation = $generation AND n.id IN $ids
RETURN n.id AS id, u.id AS unitId, n.name AS name, true AS person
UNION ALL
MATCH (n:Activity)-[:AIMED_AT]->(u:Unit)
WHERE n.generation = $generation AND n.id IN $ids
RETURN n.id AS id, u.id AS unitId, null AS name, false AS person
UNION ALL
MATCH (u:Unit)-[:DID]->(n:Activity)
WHERE n.generation = $generation AND n.id IN $ids
RETURN n.id AS id, u.id AS unitId, null AS name, false AS person
UNION ALL
MATCH (u:Unit)-[:GRADED]->(n:Grading)
WHERE n.generation = $generation AND n.id IN $ids
RETURN n.id AS id, u.id AS unitId, null AS name, false AS person
UNION ALL
MATCH (u:Unit)-[:LISTED_IN|SUPERVISES]->(n:Supervision)
WHERE n.generation = $generation AND n.id IN $ids
RETURN n.id AS id, u.id AS unitId, null AS name, false AS person
UNION ALL
MATCH (n:Issue)-[:FOUND_IN]->(u:Unit)
WHERE n.generation = $generation AND n.id IN $ids
RETURN n.id AS id, u.id AS unitId, null AS name, false AS person
UNION ALL
MATCH (u:Unit)<-[:FOUND_IN]-(:Issue)-[:HAS_MEASURE]->(n:Measure)
WHERE n.generation = $generation AND n.id IN $ids
RETURN n.id AS id, u.id AS unitId, null AS name, false AS person
UNION ALL
MATCH (p:Person)-[:HAD]->(n:PersonnelEvent)
WHERE n.generation = $generation AND n.id IN $ids
OPTIONAL MATCH (p)-[:HOME_UNIT]->(home:Unit)
OPTIONAL MATCH (p)-[:HOLDS]->(:Post)<-[:HAS_POST]-(held:Unit)
UNWIND [home.id, held.id] AS unitId
RETURN DISTINCT n.id AS id, unitId, null AS name, false AS person;
