// Weak now (软弱涣散, design.md): one row per unit in scope (scope-units) that is designated DESIGNATED_WEAK in the
// latest designation year or graded D in the latest ABCD year (each latest year <= year($asOf), taken over the scope,
// see weak-years). Rows: u, weakIds (the gradings that make it weak, by id), weakBasis ([{scheme, year}], in the
// same order). A subquery that reads nothing from the statement around it: a statement starts with {{weak-now}} and
// goes on with WITH or MATCH.
// A fact of the run (README "Analyses": facts of the run): an audit evaluates it once and hands it to every statement
// that writes {{weak-now}} as $weakNow.
// shared: weakNow
// columns: u:Unit, weakIds, weakBasis
CALL () {
  {{weak-years}}
  {{scope-units}}
  MATCH (u)-[:GRADED]->(g:Grading)
  WHERE (g.scheme = 'DESIGNATED_WEAK' AND g.year = designationYear)
     OR (g.scheme = 'ABCD' AND g.grade = 'D' AND g.year = abcdYear)
  WITH u, g
  ORDER BY g.id
  RETURN u, collect(g.id) AS weakIds, collect(DISTINCT {scheme: g.scheme, year: g.year}) AS weakBasis
}
