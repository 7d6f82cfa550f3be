// Indexes the analyses and the API use to enter the graph. Every entry point filters on the active generation.
CREATE INDEX unit_generation IF NOT EXISTS FOR (n:Unit) ON (n.generation);
CREATE INDEX unit_name IF NOT EXISTS FOR (n:Unit) ON (n.name);
CREATE INDEX person_generation IF NOT EXISTS FOR (n:Person) ON (n.generation);
CREATE INDEX post_kind_generation IF NOT EXISTS FOR (n:PostKind) ON (n.generation);
CREATE INDEX issue_generation IF NOT EXISTS FOR (n:Issue) ON (n.generation);
CREATE INDEX grading_generation IF NOT EXISTS FOR (n:Grading) ON (n.generation);
CREATE INDEX supervision_generation IF NOT EXISTS FOR (n:Supervision) ON (n.generation);
CREATE INDEX dataset_active IF NOT EXISTS FOR (n:Dataset) ON (n.active);
