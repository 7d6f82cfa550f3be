// Responsibility lists of a new generation (design.md section 2): a duty without post_id is on its unit's team list
// (Unit-HAS_DUTY), a duty with post_id on that post's personal list (Post-HAS_DUTY, and no Unit-HAS_DUTY edge).
// params: generation: integer, rows: list<map>

// statement: team-duties
UNWIND $rows AS row
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
CREATE (u)-[:HAS_DUTY]->(:Duty {generation: $generation, id: row.id, domain: row.domain, text: row.text,
                                cadence: row.cadence, due: row.due, unitId: row.unitId, status: row.status});

// statement: post-duties
UNWIND $rows AS row
MATCH (p:Post {generation: $generation, id: row.postId})
USING INDEX SEEK p:Post(generation, id)
CREATE (p)-[:HAS_DUTY]->(:Duty {generation: $generation, id: row.id, domain: row.domain, text: row.text,
                                cadence: row.cadence, due: row.due, unitId: row.unitId, postId: row.postId,
                                status: row.status});

// statement: derived-from
UNWIND $rows AS row
MATCH (d:Duty {generation: $generation, id: row.id})
USING INDEX SEEK d:Duty(generation, id)
MATCH (upper:Duty {generation: $generation, id: row.derivedFrom})
USING INDEX SEEK upper:Duty(generation, id)
CREATE (d)-[:DERIVED_FROM]->(upper);
