// Leases on dataset generations (issue 10): an audit leases the generation it reads, and an import deletes an older
// generation only when no live lease holds it; the last lease to end on a replaced generation deletes it. Leases are
// nodes, so several app instances on one database see each other's; a lease of a crashed instance expires.
// params: id: string, generation: integer, hours: integer

// statement: acquire
CREATE (:GenerationLease {id: $id, leased: $generation, since: datetime(),
                          expires: datetime() + duration({hours: $hours})});

// statement: release
MATCH (l:GenerationLease {id: $id})
DELETE l;

// statement: leased
MATCH (l:GenerationLease)
WHERE l.expires > datetime()
RETURN collect(DISTINCT l.leased) AS generations;

// statement: expired
MATCH (l:GenerationLease)
WHERE l.expires <= datetime()
DELETE l;

// statement: retired
// the generation is replaced by a newer active dataset and no live lease holds it any more
MATCH (d:Dataset {active: true})
WHERE d.generation > $generation
  AND NOT EXISTS {
    MATCH (l:GenerationLease {leased: $generation})
    WHERE l.expires > datetime()
  }
RETURN d.generation AS active
LIMIT 1;

// statement: delete-generation
MATCH (n)
WHERE n.generation = $generation
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS;
