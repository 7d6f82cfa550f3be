// Store switch (issue 10): a running embedded server replaces its dataset by bulk-loading it into a new store beside
// the current one and switching to it. The system data — every node without a dataset generation: users, the audit
// log, the stored secrets, change records, snapshots and the generation counter — is copied from the old store into the
// new one while writes are paused. Leases are not copied: the switch waits until none is held.
// params: rows: list<map> (labels, properties)

// statement: unknown-system-nodes
// generation-less nodes of a kind the switch does not know (it refuses to lose them); run before writes pause
MATCH (n)
WHERE n.generation IS NULL AND NOT n:GenerationLease
  AND NOT (n:User OR n:AuditEntry OR n:Secret OR n:ChangeRecord OR n:Snapshot OR n:Counter)
RETURN DISTINCT labels(n) AS labels
LIMIT 10;

// statement: system-relationships
// the system data holds no relationships; a store that has some is not switched (they would be lost)
MATCH (a)-[r]->(b)
WHERE (a:User OR a:AuditEntry OR a:Secret OR a:ChangeRecord OR a:Snapshot OR a:Counter)
  AND (b:User OR b:AuditEntry OR b:Secret OR b:ChangeRecord OR b:Snapshot OR b:Counter)
  AND a.generation IS NULL AND b.generation IS NULL
RETURN count(r) AS relationships;

// statement: system-nodes
MATCH (n:User|AuditEntry|Secret|ChangeRecord|Snapshot|Counter)
WHERE n.generation IS NULL
RETURN labels(n) AS labels, properties(n) AS properties;

// statement: count-system-nodes
MATCH (n:User|AuditEntry|Secret|ChangeRecord|Snapshot|Counter)
WHERE n.generation IS NULL
RETURN count(n) AS nodes;

// statement: clear-system-nodes
// in the new store: what the bulk load wrote itself (the generation counter) gives way to the copy
MATCH (n:User|AuditEntry|Secret|ChangeRecord|Snapshot|Counter)
WHERE n.generation IS NULL
DETACH DELETE n;

// statement: create-system-nodes
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.properties;
