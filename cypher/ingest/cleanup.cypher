// Start-up clean-up (issue 9, reliability): an import killed while writing leaves the nodes of its generation behind,
// and a failed delete-older leaves an old one. Neither is the active generation, so both are deleted, in batches.
// Nodes without a generation (users, the audit log, snapshots, jobs) are never touched.
// params: active: integer (the active Dataset's generation, -1 when there is none)

// statement: active-generation
OPTIONAL MATCH (d:Dataset {active: true})
RETURN coalesce(max(d.generation), -1) AS generation;

// statement: count-inactive
MATCH (n)
WHERE n.generation IS NOT NULL AND n.generation <> $active
RETURN count(n) AS nodes;

// statement: delete-inactive
MATCH (n)
WHERE n.generation IS NOT NULL AND n.generation <> $active
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS;
