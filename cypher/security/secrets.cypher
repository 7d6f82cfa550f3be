// Secrets of the installation (system data, issue 9): created once, kept across imports, store switches and restarts,
// never exported and outside the graph digest. `scope-mask` keys the digests that stand for ids outside a user's scope
// in finding keys, so a scoped user's keys — and the snapshot diffs built on them — stay the same after a restart.
// params: name: string, value: string (base64, used only when the secret does not exist yet)

// statement: secret
MERGE (s:Secret {name: $name})
  ON CREATE SET s.value = $value
RETURN s.value AS value;
