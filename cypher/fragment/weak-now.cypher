// Weak now (软弱涣散, design.md): one row per unit of the list `scope` that is designated DESIGNATED_WEAK in the
// latest designation year or graded D in the latest ABCD year (each latest year <= year($asOf), taken over the
// scope, see weak-years). Rows: u, weakIds (the gradings that make it weak), weakBasis ([{scheme, year}]).
// Needs `scope` (a list of units) in the row: {{scope-units}} WITH collect(u) AS scope {{weak-now}}.
{{weak-years}}
UNWIND scope AS u
MATCH (u)-[:GRADED]->(g:Grading)
WHERE (g.scheme = 'DESIGNATED_WEAK' AND g.year = designationYear)
   OR (g.scheme = 'ABCD' AND g.grade = 'D' AND g.year = abcdYear)
WITH u, collect(g.id) AS weakIds, collect(DISTINCT {scheme: g.scheme, year: g.year}) AS weakBasis
