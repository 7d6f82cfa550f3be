// The two latest years of weakness (design.md "Weak now") among the units in scope (scope-units):
// designationYear = the latest DESIGNATED_WEAK year <= year($asOf), abcdYear = the latest ABCD year <= year($asOf);
// each is null when the scope has no grading of that scheme up to then. One row; a subquery that reads nothing from
// the statement around it, so it may stand anywhere a clause may.
// A fact of the run (README "Analyses": facts of the run): an audit evaluates it once and hands it to every statement
// that writes {{weak-years}} as $weakYears.
// shared: weakYears
// columns: designationYear, abcdYear
CALL () {
  {{scope-units}}
  MATCH (u)-[:GRADED]->(g:Grading)
  WHERE g.scheme IN ['DESIGNATED_WEAK', 'ABCD'] AND g.year <= $asOf.year
  RETURN max(CASE g.scheme WHEN 'DESIGNATED_WEAK' THEN g.year END) AS designationYear,
         max(CASE g.scheme WHEN 'ABCD' THEN g.year END) AS abcdYear
}
