// The rectification ledger (issue 12): measures are dataset data keyed like every other node; change records are
// system data (no generation) looked up by entity and id.
CREATE CONSTRAINT measure_key IF NOT EXISTS FOR (n:Measure) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE INDEX change_record_entity IF NOT EXISTS FOR (n:ChangeRecord) ON (n.entity, n.entityId);
