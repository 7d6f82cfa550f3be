// Post kinds, people, posts and appointments of a new generation (design.md section 2).
// params: generation: integer, rows: list<map>

// statement: post-kinds
UNWIND $rows AS row
CREATE (:PostKind {generation: $generation, id: row.key, key: row.key, name: row.name,
                   responsibility: row.responsibility, requiredIn: row.requiredIn, domains: row.domains});

// statement: people
UNWIND $rows AS row
CREATE (p:Person {generation: $generation, id: row.id, name: row.name, title: row.title})
WITH p, row
WHERE row.unitId IS NOT NULL
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
CREATE (p)-[:HOME_UNIT]->(u);

// statement: posts
// domains null = the post answers for its kind's domains
UNWIND $rows AS row
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
MATCH (k:PostKind {generation: $generation, id: row.kind})
USING INDEX SEEK k:PostKind(generation, id)
CREATE (u)-[:HAS_POST]->(p:Post {generation: $generation, id: row.id, kind: row.kind, title: row.title,
                                 domains: row.domains})
CREATE (p)-[:OF_KIND]->(k);

// statement: appointments
// until null = still in office; until is inclusive
UNWIND $rows AS row
MATCH (person:Person {generation: $generation, id: row.personId})
USING INDEX SEEK person:Person(generation, id)
MATCH (post:Post {generation: $generation, id: row.postId})
USING INDEX SEEK post:Post(generation, id)
CREATE (person)-[:HOLDS {since: row.since, until: row.until}]->(post);
