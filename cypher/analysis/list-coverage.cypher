// id:          list-coverage
// title:       清单覆盖 | List coverage
// basis:       《党委（党组）落实全面从严治党主体责任规定》：一班子一清单、一人一清单，责任全覆盖、不留死角。
// description: Units with posts but no team list (班子清单), held posts without a personal list (个人清单), personal
//              lists that leave one of the post's domains blank, and the coverage matrix level × domain built from
//              these findings: the share of a level's units that owe lists (hold a post) with no finding that leaves
//              the domain uncovered. NO_TEAM_LIST and NO_PERSONAL_LIST are the statements below; the Java class finds
//              DOMAIN_BLANK from statement unit-posts (each post's domains) and the duty lists of the run that
//              duty-cascade reads as well (cypher/query/scoped-duties.cypher: each personal list's duty domains), so
//              no statement reads every post's duties a second time, and builds the matrix.
// order:       30
// sensitive:   false
// engine:      jgrapht
// class:       ListCoverageAnalysis
// codes:       NO_TEAM_LIST HIGH: a unit with at least one post and no duty on its team list (a duty with no post_id)
//              NO_PERSONAL_LIST MEDIUM: a post with a current holder on $asOf (`until` inclusive) and no duty on its
//              personal list
//              DOMAIN_BLANK MEDIUM: a post with at least one duty and no duty of one of its domains (the post's own
//              domains, else its kind's; ALL = the eight); one finding per post and missing domain
//              (subject: unit id, post id, domain; a duty without a domain covers none)
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date
// returns:     code, unitId, postId, evidenceIds, unitName, posts, postTitle, holderNames, domain (each finding statement returns the first six and the subset its messages need; the class gives DOMAIN_BLANK unitName, postTitle and domain)
// NO_TEAM_LIST.title: 无班子责任清单 | No team list
// NO_TEAM_LIST.subject: unitId
// NO_TEAM_LIST.zh: {unitName}设有{posts}个岗位，但没有领导班子责任清单
// NO_TEAM_LIST.en: {unitName} has posts ({posts}) but no team responsibility list
// NO_PERSONAL_LIST.title: 无个人责任清单 | No personal list
// NO_PERSONAL_LIST.subject: unitId, postId
// NO_PERSONAL_LIST.zh: {unitName}的{postTitle}（{holderNames}）没有个人责任清单
// NO_PERSONAL_LIST.en: {postTitle} at {unitName} ({holderNames}) has no personal responsibility list
// DOMAIN_BLANK.title: 清单领域空白 | Domain blank in a list
// DOMAIN_BLANK.subject: unitId, postId, domain
// DOMAIN_BLANK.zh: {unitName}的{postTitle}责任清单缺少“{domain:DutyDomain}”领域的事项
// DOMAIN_BLANK.en: The list of {postTitle} at {unitName} has no duty in the domain {domain:DutyDomain}

// statement: NO_TEAM_LIST
// Driven by the units: the team-list test once per unit, the posts read only for the few units that fail it (a MATCH
// on the posts let the planner start from every post and test its unit's team list once per post).
{{scope-units}}
  AND NOT EXISTS { MATCH (u)-[:HAS_DUTY]->(d:Duty) WHERE coalesce(d.status, 'CONFIRMED') <> 'DRAFT' }
WITH u, COLLECT { MATCH (u)-[:HAS_POST]->(p:Post) RETURN p.id AS postId ORDER BY postId } AS postIds
WHERE size(postIds) > 0
RETURN 'NO_TEAM_LIST' AS code, u.id AS unitId, null AS postId, [u.id] + postIds AS evidenceIds,
       u.name AS unitName, size(postIds) AS posts
ORDER BY unitId;

// statement: NO_PERSONAL_LIST
{{scope-units}}
MATCH (u)-[:HAS_POST]->(p:Post)<-[h:HOLDS]-(x:Person)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  AND NOT EXISTS { MATCH (p)-[:HAS_DUTY]->(d:Duty) WHERE coalesce(d.status, 'CONFIRMED') <> 'DRAFT' }
WITH DISTINCT u, p, x
ORDER BY x.id
WITH u, p, collect(x) AS holders
OPTIONAL MATCH (p)-[:OF_KIND]->(k:PostKind)
RETURN 'NO_PERSONAL_LIST' AS code, u.id AS unitId, p.id AS postId,
       [u.id, p.id] + [x IN holders | x.id] AS evidenceIds, u.name AS unitName,
       coalesce(p.title, k.name, p.kind) AS postTitle, [x IN holders | coalesce(x.name, x.id)] AS holderNames
ORDER BY unitId, postId;

// statement: unit-posts
// Every unit in scope as unitId, level, unitName, kind and posts: [{postId, title, domains}] (the post's own domains,
// else its kind's; ALL = the eight). ListCoverageAnalysis turns them and this file's findings into the metrics
// coverage and blanks: a unit owes lists iff it holds a post (the NO_TEAM_LIST predicate).
{{scope-units}}
RETURN u.id AS unitId, u.level AS level, u.name AS unitName, u.kind AS kind,
       COLLECT { MATCH (u)-[:HAS_POST]->(p:Post)
                 OPTIONAL MATCH (p)-[:OF_KIND]->(k:PostKind)
                 RETURN {postId: p.id, title: coalesce(p.title, k.name, p.kind),
                         domains: coalesce(p.domains, k.domains, [])} AS post } AS posts
ORDER BY unitId;
