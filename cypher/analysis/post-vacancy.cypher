// id:          post-vacancy
// title:       岗位空缺 | Post vacancy
// description: Posts that must exist, posts nobody holds on asOf, appointments that ran out without a successor,
//              one person holding both the principal and the supervisory post of a unit (灯下黑), and people who hold
//              too many posts at once.
// engine:      cypher
// codes:       POST_VACANT HIGH: a post exists but nobody holds it on $asOf and it never had a holder whose term ended
//              (`until` is inclusive; a concurrent post 兼任 counts as held)
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date
// returns:     code, unitId, postId, evidenceIds, unitName, postTitle
// POST_VACANT.zh: {unitName}的{postTitle}岗位在{asOf}无人任职
// POST_VACANT.en: Nobody holds {postTitle} at {unitName} on {asOf}

// statement: POST_VACANT
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
MATCH (u)-[:HAS_POST]->(p:Post)
WHERE NOT EXISTS {
  MATCH (p)<-[h:HOLDS]-(:Person)
  WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
}
  AND NOT EXISTS {
  MATCH (p)<-[h:HOLDS]-(:Person)
  WHERE h.until < $asOf
}
OPTIONAL MATCH (p)-[:OF_KIND]->(k:PostKind)
RETURN 'POST_VACANT' AS code, u.id AS unitId, p.id AS postId, [u.id, p.id] AS evidenceIds,
       u.name AS unitName, coalesce(p.title, k.name, p.kind) AS postTitle
ORDER BY unitId, postId;
