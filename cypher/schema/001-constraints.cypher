// Business keys: every node's id is unique within its dataset generation (design.md section 2).
// Neo4j Community has no NODE KEY constraint; a composite uniqueness constraint gives the same guarantee here
// because the import always sets both properties.
CREATE CONSTRAINT unit_key IF NOT EXISTS FOR (n:Unit) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE CONSTRAINT post_key IF NOT EXISTS FOR (n:Post) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE CONSTRAINT post_kind_key IF NOT EXISTS FOR (n:PostKind) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE CONSTRAINT duty_key IF NOT EXISTS FOR (n:Duty) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE CONSTRAINT activity_key IF NOT EXISTS FOR (n:Activity) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE CONSTRAINT grading_key IF NOT EXISTS FOR (n:Grading) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE CONSTRAINT issue_key IF NOT EXISTS FOR (n:Issue) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE CONSTRAINT supervision_key IF NOT EXISTS FOR (n:Supervision) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE CONSTRAINT personnel_event_key IF NOT EXISTS FOR (n:PersonnelEvent) REQUIRE (n.generation, n.id) IS UNIQUE;
CREATE CONSTRAINT dataset_generation IF NOT EXISTS FOR (n:Dataset) REQUIRE n.generation IS UNIQUE;
// System data without a generation (it survives every import): the counter of dataset generations and the leases
// that keep an old generation alive while an audit still reads it.
CREATE CONSTRAINT counter_name IF NOT EXISTS FOR (n:Counter) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT generation_lease_id IF NOT EXISTS FOR (n:GenerationLease) REQUIRE n.id IS UNIQUE;
