// Dataset generations (import-format.md, "Validation and atomicity"): an import writes a new generation beside the
// active one, switches the active Dataset to it in one small transaction, then deletes the older generations.
// Only nodes carrying a generation are ever deleted (snapshots and other generation-less nodes stay).
// params: generation: integer, name: string, asOf: date

// statement: max-generation
MATCH (n)
WHERE n.generation IS NOT NULL
RETURN coalesce(max(n.generation), 0) AS generation;

// statement: deactivate
MATCH (d:Dataset)
WHERE d.active = true AND d.generation <> $generation
SET d.active = false;

// statement: activate
CREATE (:Dataset {generation: $generation, active: true, name: $name, asOf: $asOf, importedAt: datetime(), revision: 0});

// statement: active-revision
// edits since the import of the active dataset (issue 12); the import re-checks it at the switch
MATCH (d:Dataset {active: true})
RETURN coalesce(d.revision, 0) AS revision, d.generation AS generation;

// statement: delete-older
MATCH (n)
WHERE n.generation < $generation
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS;

// statement: delete-generation
MATCH (n)
WHERE n.generation = $generation
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS;
