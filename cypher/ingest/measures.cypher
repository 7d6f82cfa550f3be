// Rectification measures of a new generation (the ledger, issue 12): (Issue)-[:HAS_MEASURE]->(Measure),
// (Measure)-[:OWNED_BY]->(Post) when owner_post_id is given, (Person)-[:VERIFIED]->(Measure) when verified_by is given.
// Measures are dataset data: they carry the generation like every other dataset node. version (optimistic locking) is absent until the first edit.
// params: generation: integer, rows: list<map>

// statement: measures
UNWIND $rows AS row
MATCH (i:Issue {generation: $generation, id: row.issueId})
USING INDEX SEEK i:Issue(generation, id)
CREATE (i)-[:HAS_MEASURE]->(m:Measure {generation: $generation, id: row.id, text: row.text, due: row.due,
                                      status: row.status, evidence: row.evidence, verifiedOn: row.verifiedOn,
                                      returnReason: row.returnReason})
WITH m, row
CALL (m, row) {
  MATCH (p:Post {generation: $generation, id: row.ownerPostId})
  USING INDEX SEEK p:Post(generation, id)
  CREATE (m)-[:OWNED_BY]->(p)
}
CALL (m, row) {
  MATCH (v:Person {generation: $generation, id: row.verifiedBy})
  USING INDEX SEEK v:Person(generation, id)
  CREATE (v)-[:VERIFIED]->(m)
};
