// After a bulk load of an empty store (issue 10): the importer writes nodes and relationships, but it cannot write an
// empty list (an empty array field is a missing property). The transactional writer always sets a grading's problems
// and a post kind's requiredIn and domains (empty when none), so a missing one here means an empty one.
// Runs once the schema of cypher/schema/ exists and its indexes are online.
// params: (none)

// statement: await-indexes
CALL db.awaitIndexes(86400);

// statement: grading-problems
MATCH (g:Grading)
WHERE g.problems IS NULL
CALL (g) {
  SET g.problems = []
} IN TRANSACTIONS OF 10000 ROWS;

// statement: post-kind-lists
MATCH (k:PostKind)
WHERE k.requiredIn IS NULL OR k.domains IS NULL
SET k.requiredIn = coalesce(k.requiredIn, []), k.domains = coalesce(k.domains, []);
