// The two latest years of weakness (design.md "Weak now") among the units of the list `scope`:
// designationYear = the latest DESIGNATED_WEAK year <= year($asOf), abcdYear = the latest ABCD year <= year($asOf);
// each is null when the scope has no grading of that scheme up to then. Needs `scope` (a list of units) in the row.
CALL (scope) {
  UNWIND scope AS s
  MATCH (s)-[:GRADED]->(g:Grading)
  WHERE g.scheme IN ['DESIGNATED_WEAK', 'ABCD'] AND g.year <= $asOf.year
  RETURN max(CASE g.scheme WHEN 'DESIGNATED_WEAK' THEN g.year END) AS designationYear,
         max(CASE g.scheme WHEN 'ABCD' THEN g.year END) AS abcdYear
}
