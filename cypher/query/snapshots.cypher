// Snapshots (快照): the full audit document of a scope, stored with a label and a timestamp so a later audit can be
// compared with it. A Snapshot node has NO generation property: an import replaces the nodes of a dataset generation
// and leaves snapshots alone. Ids are made by the report module. `rules` (JSON: finding code -> definition fingerprint
// of the catalogue at the time) lets a later diff tell a rule change (规则调整) from a closure; older snapshots lack it.

// statement: create
CREATE (s:Snapshot {id: $id, label: $label, createdAt: $createdAt, scope: $scope, asOf: $asOf, dataset: $dataset,
                    json: $json, rules: $rules, masked: $masked})
RETURN s.id AS id;

// statement: masked
// the snapshots saved as a scoped user saw them (outside units, people and records already masked): the only ones a
// scoped user may read
MATCH (s:Snapshot)
WHERE s.masked = true
RETURN s.id AS id
ORDER BY id;

// statement: list
MATCH (s:Snapshot)
RETURN s.id AS id, s.label AS label, s.createdAt AS createdAt, s.scope AS scope, s.asOf AS asOf,
       s.dataset AS dataset
ORDER BY createdAt DESC, id DESC;

// statement: find
MATCH (s:Snapshot {id: $id})
RETURN s.id AS id, s.label AS label, s.createdAt AS createdAt, s.scope AS scope, s.asOf AS asOf,
       s.dataset AS dataset, s.json AS json, s.rules AS rules;
