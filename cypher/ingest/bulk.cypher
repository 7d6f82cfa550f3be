// After a bulk load of an empty store (issue 10): the importer writes nodes and relationships, but it cannot write an
// empty list (an empty array field is a missing property). The transactional writer always sets a grading's problems
// and a post kind's requiredIn and domains (empty when none), so a missing one here means an empty one.
// Each statement goes over the nodes of the label it matches first and needs no index: BulkLoader.postLoad runs it
// while the schema of cypher/schema/ is created, before the uniqueness constraint of that label (never beside it), and
// waits for every index after.
// params: (none)

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
