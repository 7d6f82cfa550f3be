// The units in scope, as u: every unit of the active generation, or the scope's units ($unitIds; null = every unit).
// Used by almost every analysis statement as {{scope-units}}; follow it with "  AND <condition>" to narrow it.
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
