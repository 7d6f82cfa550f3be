// id:          post-vacancy
// title:       岗位空缺 | Post vacancy
// basis:       “四级四岗”：各级党组织书记、副书记、组织委员、纪检委员等岗位应配齐、有人在岗；主体责任人与监督责任人由同一人担任易形成“灯下黑”；一人兼岗过多难以履责。
// description: Posts that must exist, posts nobody holds on asOf, appointments that ran out without a successor,
//              one person holding both the principal and the supervisory post of a unit (灯下黑), and people who hold
//              too many posts at once.
// order:       20
// sensitive:   false
// engine:      cypher
// codes:       REQUIRED_POST_MISSING HIGH: the unit has no post of a kind whose requiredIn lists the unit's kind
//              (subject: unit id + post kind key)
//              POST_VACANT HIGH: a post exists but nobody holds it on $asOf and it never had a holder whose term ended
//              (`until` is inclusive; a concurrent post 兼任 counts as held). A post whose holder's term ended is
//              APPOINTMENT_EXPIRED instead, so the two codes never report the same post.
//              APPOINTMENT_EXPIRED HIGH: nobody holds the post on $asOf and its latest appointment begun by $asOf
//              ended before $asOf (a current successor = no finding; a successor starting after $asOf does not
//              cover $asOf); the message names the holder whose term ended last
//              SELF_SUPERVISION HIGH: one person currently holds a PRINCIPAL-kind post and a SUPERVISORY-kind post of
//              the same unit (灯下黑; subject: unit id + person id); not in a unit of a discipline kind, whose head
//              post is SUPERVISORY and its principal at once
//              PERSON_OVERLOADED MEDIUM: a person currently holds more than $personOverloadLimit distinct posts; the
//              finding sits at the person's home unit, else at the unit of their first post by id; a person counts
//              when at least one of those posts is in scope
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              personOverloadLimit: integer
// returns:     code, unitId, postId, personId, evidenceIds, unitName, postKind, postKindName, postTitle,
//              lastHolderName, endedOn, personName, principalTitle, supervisoryTitle, posts (each finding statement
//              returns the first seven and the subset its messages need)
// REQUIRED_POST_MISSING.title: 未设必设岗位 | Required post missing
// REQUIRED_POST_MISSING.subject: unitId, postKind
// REQUIRED_POST_MISSING.zh: {unitName}未设置必设岗位“{postKindName}”
// REQUIRED_POST_MISSING.en: {unitName} has no {postKindName} post although its kind requires one
// POST_VACANT.title: 岗位空缺 | Post vacant
// POST_VACANT.subject: unitId, postId
// POST_VACANT.zh: {unitName}的{postTitle}岗位在{asOf}无人任职
// POST_VACANT.en: Nobody holds {postTitle} at {unitName} on {asOf}
// APPOINTMENT_EXPIRED.title: 任职到期无接任 | Appointment expired
// APPOINTMENT_EXPIRED.subject: unitId, postId
// APPOINTMENT_EXPIRED.zh: {unitName}的{postTitle}岗位原任职人{lastHolderName}任期已于{endedOn}届满，至{asOf}无人接任
// APPOINTMENT_EXPIRED.en: The term of {lastHolderName} as {postTitle} at {unitName} ended on {endedOn} and nobody succeeded by {asOf}
// SELF_SUPERVISION.title: 灯下黑（自己监督自己） | Self-supervision
// SELF_SUPERVISION.subject: unitId, personId
// SELF_SUPERVISION.zh: {personName}在{unitName}同时担任{principalTitle}和{supervisoryTitle}，自己监督自己（灯下黑）
// SELF_SUPERVISION.en: {personName} holds both {principalTitle} and {supervisoryTitle} at {unitName}, supervising themselves
// PERSON_OVERLOADED.title: 一人兼职过多 | Person overloaded
// PERSON_OVERLOADED.subject: unitId, personId
// PERSON_OVERLOADED.zh: {personName}在{asOf}同时担任{posts}个岗位，超过{personOverloadLimit}个
// PERSON_OVERLOADED.en: {personName} holds {posts} posts on {asOf}, more than {personOverloadLimit}

// statement: REQUIRED_POST_MISSING
{{scope-units}}
MATCH (k:PostKind)
WHERE k.generation = $generation
  AND u.kind IN k.requiredIn
  AND NOT EXISTS { MATCH (u)-[:HAS_POST]->(:Post)-[:OF_KIND]->(k) }
RETURN 'REQUIRED_POST_MISSING' AS code, u.id AS unitId, null AS postId, null AS personId,
       [u.id, k.id] AS evidenceIds, u.name AS unitName, k.key AS postKind, coalesce(k.name, k.key) AS postKindName
ORDER BY unitId, postKind;

// statement: POST_VACANT
{{scope-units}}
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
RETURN 'POST_VACANT' AS code, u.id AS unitId, p.id AS postId, null AS personId,
       [u.id, p.id] AS evidenceIds, u.name AS unitName, coalesce(p.title, k.name, p.kind) AS postTitle
ORDER BY unitId, postId;

// statement: APPOINTMENT_EXPIRED
{{scope-units}}
MATCH (u)-[:HAS_POST]->(p:Post)
WHERE NOT EXISTS {
  MATCH (p)<-[h:HOLDS]-(:Person)
  WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
}
MATCH (p)<-[h:HOLDS]-(last:Person)
WHERE h.until < $asOf
WITH u, p, last, h
ORDER BY h.until DESC, h.since DESC, last.id
WITH u, p, collect({person: last, until: h.until})[0] AS latest
OPTIONAL MATCH (p)-[:OF_KIND]->(k:PostKind)
RETURN 'APPOINTMENT_EXPIRED' AS code, u.id AS unitId, p.id AS postId, null AS personId,
       [u.id, p.id, latest.person.id] AS evidenceIds, u.name AS unitName,
       coalesce(p.title, k.name, p.kind) AS postTitle, coalesce(latest.person.name, latest.person.id) AS lastHolderName,
       latest.until AS endedOn
ORDER BY unitId, postId;

// statement: SELF_SUPERVISION
{{scope-units}}
  AND NOT u.kind IN {{discipline-kinds}}
MATCH (u)-[:HAS_POST]->(principal:Post)-[:OF_KIND]->(:PostKind {responsibility: 'PRINCIPAL'})
MATCH (principal)<-[h1:HOLDS]-(x:Person)
WHERE h1.since <= $asOf AND (h1.until IS NULL OR h1.until >= $asOf)
MATCH (u)-[:HAS_POST]->(supervisory:Post)-[:OF_KIND]->(:PostKind {responsibility: 'SUPERVISORY'})
MATCH (supervisory)<-[h2:HOLDS]-(x)
WHERE h2.since <= $asOf AND (h2.until IS NULL OR h2.until >= $asOf)
WITH DISTINCT u, x, principal, supervisory
ORDER BY principal.id, supervisory.id
WITH u, x, collect(principal)[0] AS principal, collect(supervisory)[0] AS supervisory
RETURN 'SELF_SUPERVISION' AS code, u.id AS unitId, null AS postId, x.id AS personId,
       [u.id, principal.id, supervisory.id, x.id] AS evidenceIds, u.name AS unitName,
       coalesce(x.name, x.id) AS personName, coalesce(principal.title, principal.kind) AS principalTitle,
       coalesce(supervisory.title, supervisory.kind) AS supervisoryTitle
ORDER BY unitId, personId;

// statement: PERSON_OVERLOADED
{{scope-units}}
MATCH (u)-[:HAS_POST]->(:Post)<-[h:HOLDS]-(x:Person)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
WITH DISTINCT x
// most people hold one post: only those with more HOLDS links than the limit are looked at again
WHERE COUNT { (x)-[:HOLDS]->() } > $personOverloadLimit
MATCH (x)-[h:HOLDS]->(p:Post)<-[:HAS_POST]-(pu:Unit)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
WITH DISTINCT x, p, pu
ORDER BY p.id
WITH x, collect(p.id) AS postIds, collect(pu.id) AS postUnitIds
WHERE size(postIds) > $personOverloadLimit
OPTIONAL MATCH (x)-[:HOME_UNIT]->(home:Unit)
WITH x, postIds, postUnitIds, coalesce(home.id, postUnitIds[0]) AS unitId
MATCH (at:Unit {generation: $generation, id: unitId})
RETURN 'PERSON_OVERLOADED' AS code, unitId, null AS postId, x.id AS personId,
       [x.id, unitId] + postIds AS evidenceIds, at.name AS unitName, coalesce(x.name, x.id) AS personName,
       size(postIds) AS posts
ORDER BY unitId, personId;
