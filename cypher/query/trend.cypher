// The trend view (趋势对比, issue 12): every unit with its PRIMARY leader (a comparison groups findings by department,
// the unit directly under the compared scope's root, e.g. a 部门党组 under the work committee), the grade history of a
// few units (考评 by scheme and year), and the first date of each kind of record in the dataset (the page warns when
// an evaluation date lies before them: appointments, activities and gradings do not reach back that far).
// params: generation: integer, unitIds: list<string>

// statement: primary-parents
MATCH (u:Unit)
WHERE u.generation = $generation
OPTIONAL MATCH (p:Unit)-[:LEADS {kind: 'PRIMARY'}]->(u)
WITH u, min(p.id) AS parentId
RETURN u.id AS id, u.name AS name, u.kind AS kind, u.level AS level, parentId
ORDER BY id;

// statement: gradings
MATCH (u:Unit)-[:GRADED]->(g:Grading)
WHERE u.generation = $generation
  AND u.id IN $unitIds
RETURN u.id AS unitId, g.scheme AS scheme, g.year AS year, g.grade AS grade
ORDER BY unitId, scheme, year, grade;

// statement: first-records
CALL () {
  MATCH (:Person)-[h:HOLDS]->(p:Post)
  WHERE p.generation = $generation
  RETURN 'APPOINTMENT' AS kind, min(h.since) AS first
  UNION ALL
  MATCH (a:Activity)
  WHERE a.generation = $generation
  RETURN 'ACTIVITY' AS kind, min(a.date) AS first
  UNION ALL
  MATCH (g:Grading)
  WHERE g.generation = $generation
  WITH min(g.year) AS year
  RETURN 'GRADING' AS kind, CASE WHEN year IS NULL THEN null ELSE date({year: year, month: 1, day: 1}) END AS first
}
RETURN kind, first
ORDER BY kind;
