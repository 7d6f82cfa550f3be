// Dataset generations (import-format.md, "Validation and atomicity"): an import writes a new generation beside the
// active one, switches the active Dataset to it in one small transaction, then deletes the older generations.
// Only nodes carrying a generation are ever deleted (snapshots and other generation-less nodes stay).
// params: generation: integer, name: string, asOf: date, leased: list<integer>

// statement: next-generation
// One counter node shared by every app instance on the database: the SET of `lock` takes its write lock before the
// value is read, so two instances never get the same number. The first use (a store from an older release) starts
// above every generation already present.
MERGE (c:Counter {name: 'generation'})
SET c.lock = true
WITH c
CALL () {
  OPTIONAL MATCH (d:Dataset)
  RETURN coalesce(max(d.generation), 0) AS datasets
}
CALL () {
  OPTIONAL MATCH (u:Unit)
  WHERE u.generation IS NOT NULL
  RETURN coalesce(max(u.generation), 0) AS units
}
WITH c, reduce(m = coalesce(c.value, 0), g IN [datasets, units] | CASE WHEN g > m THEN g ELSE m END) + 1 AS next
SET c.value = next
REMOVE c.lock
RETURN next AS generation;

// statement: lock-switch
// taken first in the switching transaction: two instances switching at once activate one after the other
MERGE (c:Counter {name: 'generation'})
SET c.switching = $generation;

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
// generations in $leased are still read by an audit: they are deleted when their last lease ends
MATCH (n)
WHERE n.generation < $generation AND NOT n.generation IN $leased
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS;

// statement: delete-generation
MATCH (n)
WHERE n.generation = $generation
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS;
