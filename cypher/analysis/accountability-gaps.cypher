// id:          accountability-gaps
// title:       问责链缺口 | Accountability gaps
// basis:       《中国共产党问责条例》：党组织领导班子承担全面领导责任，主要负责人承担主要领导责任（第一责任人），分管领导承担直接责任，纪检监察机关承担监督责任；不得把责任推给下级。
// description: For every open or rectifying issue (问题) found in a unit in scope, walks its accountability chain (the
//              issue's unit and every unit above it along PRIMARY and DUAL edges) and reports a missing first
//              responsible person, nobody in charge of the issue's domain, and no discipline body over the chain; for
//              every closed issue, reports blame pushed down: the issue was settled against the duty of a lower unit
//              only (责任下推).
// order:       60
// sensitive:   false
// engine:      cypher
// codes:       NO_PRINCIPAL HIGH: an OPEN or RECTIFYING issue whose own unit has no current holder of a PRINCIPAL post
//                (in a unit of a discipline kind the holder of its head post, a SUPERVISORY post kind, is its principal)
//              NO_DIRECT HIGH: an OPEN or RECTIFYING issue with no current holder of a DIRECT post whose domains (the
//                post's, else its kind's) include the issue's domain anywhere on the chain; PRINCIPAL posts do not count
//              NO_SUPERVISOR MEDIUM: an OPEN or RECTIFYING issue where no chain unit is of a discipline kind, led by one,
//                the target of a DISCIPLINE_SUPERVISION edge, or has a current holder of a DISCIPLINE_SECRETARY post
//                (kind key DISCIPLINE_SECRETARY or responsibility SUPERVISORY)
//              BLAME_PUSHED_DOWN MEDIUM: a CLOSED issue whose duties (AGAINST) all belong to units strictly below the
//                issue's unit along PRIMARY and DUAL edges (the duty's unitId, else the unit whose list holds it)
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date
// returns:     code, unitId, issueId, dutyId, evidenceIds, unitName, issueTitle, domain, lowerUnits
// NO_PRINCIPAL.title: 主体责任人缺位 | No principal in post
// NO_PRINCIPAL.subject: unitId, issueId
// NO_PRINCIPAL.zh: {unitName}的问题“{issueTitle}”（{issueId}）在{asOf}无在任的第一责任人（书记）
// NO_PRINCIPAL.en: Issue {issueId} ({issueTitle}) at {unitName}: nobody holds a principal post (secretary) on {asOf}
// NO_DIRECT.title: 直接责任人缺位 | No one directly in charge
// NO_DIRECT.subject: unitId, issueId
// NO_DIRECT.zh: {unitName}的问题“{issueTitle}”（{issueId}）在{asOf}整条责任链上无在任的“{domain:DutyDomain}”领域分管领导
// NO_DIRECT.en: Issue {issueId} ({issueTitle}) at {unitName}: nobody in charge of {domain:DutyDomain} serves on its chain on {asOf}
// NO_SUPERVISOR.title: 监督责任缺位 | No supervisor on the chain
// NO_SUPERVISOR.subject: unitId, issueId
// NO_SUPERVISOR.zh: {unitName}的问题“{issueTitle}”（{issueId}）在{asOf}整条责任链上无纪检监察机构或在任纪检委员监督
// NO_SUPERVISOR.en: Issue {issueId} ({issueTitle}) at {unitName}: no discipline body oversees its chain on {asOf}
// BLAME_PUSHED_DOWN.title: 问题下推问责 | Blame pushed down
// BLAME_PUSHED_DOWN.subject: unitId, dutyId, issueId
// BLAME_PUSHED_DOWN.zh: {unitName}的问题“{issueTitle}”（{issueId}）已销号，但只追究了下级单位{lowerUnits}的责任
// BLAME_PUSHED_DOWN.en: Issue {issueId} ({issueTitle}) at {unitName} was closed against lower units only: {lowerUnits}

// statement: NO_PRINCIPAL
{{scope-units}}
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.status IN ['OPEN', 'RECTIFYING']
  AND NOT EXISTS {
    MATCH (u)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(k:PostKind)
    WHERE k.responsibility = 'PRINCIPAL' OR (k.responsibility = 'SUPERVISORY' AND u.kind IN {{discipline-kinds}})
    MATCH (:Person)-[h:HOLDS]->(p)
    WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  }
WITH u, i, COLLECT {
    MATCH (u)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(:PostKind {responsibility: 'PRINCIPAL'})
    RETURN p.id AS postId
    ORDER BY postId
  } AS principalPostIds
RETURN 'NO_PRINCIPAL' AS code, u.id AS unitId, i.id AS issueId, null AS dutyId,
       [i.id, u.id] + principalPostIds AS evidenceIds, u.name AS unitName, i.title AS issueTitle, i.domain AS domain,
       [] AS lowerUnits
ORDER BY unitId, issueId;

// statement: NO_DIRECT
{{scope-units}}
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.status IN ['OPEN', 'RECTIFYING']
WITH u, i, COLLECT {
    MATCH path = (c:Unit)-[:LEADS*0..]->(u)
    WHERE all(r IN relationships(path) WHERE r.kind IN ['PRIMARY', 'DUAL'])
    RETURN DISTINCT c
    ORDER BY c.id
  } AS chain
WITH u, i, chain, COLLECT {
    UNWIND chain AS c
    MATCH (c)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(k:PostKind {responsibility: 'DIRECT'})
    WITH p, coalesce(p.domains, k.domains, []) AS domains
    WHERE i.domain IN domains OR 'ALL' IN domains
    RETURN DISTINCT p
    ORDER BY p.id
  } AS directPosts
WHERE none(p IN directPosts WHERE EXISTS {
    MATCH (:Person)-[h:HOLDS]->(p)
    WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  })
RETURN 'NO_DIRECT' AS code, u.id AS unitId, i.id AS issueId, null AS dutyId,
       [i.id] + [c IN chain | c.id] + [p IN directPosts | p.id] AS evidenceIds, u.name AS unitName,
       i.title AS issueTitle, i.domain AS domain, [] AS lowerUnits
ORDER BY unitId, issueId;

// statement: NO_SUPERVISOR
{{scope-units}}
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.status IN ['OPEN', 'RECTIFYING']
WITH u, i, COLLECT {
    MATCH path = (c:Unit)-[:LEADS*0..]->(u)
    WHERE all(r IN relationships(path) WHERE r.kind IN ['PRIMARY', 'DUAL'])
    RETURN DISTINCT c
    ORDER BY c.id
  } AS chain
WHERE none(c IN chain WHERE
    c.kind IN {{discipline-kinds}}
    OR EXISTS {
      MATCH (d:Unit)-[:LEADS]->(c)
      WHERE d.kind IN {{discipline-kinds}}
    }
    OR EXISTS { MATCH (:Unit)-[:LEADS {kind: 'DISCIPLINE_SUPERVISION'}]->(c) }
    OR EXISTS {
      MATCH (c)-[:HAS_POST]->(p:Post)<-[h:HOLDS]-(:Person)
      WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
        AND (p.kind = 'DISCIPLINE_SECRETARY'
          OR EXISTS {
            MATCH (p)-[:OF_KIND]->(k:PostKind)
            WHERE k.key = 'DISCIPLINE_SECRETARY' OR k.responsibility = 'SUPERVISORY'
          })
    })
RETURN 'NO_SUPERVISOR' AS code, u.id AS unitId, i.id AS issueId, null AS dutyId,
       [i.id] + [c IN chain | c.id] AS evidenceIds, u.name AS unitName, i.title AS issueTitle, i.domain AS domain,
       [] AS lowerUnits
ORDER BY unitId, issueId;

// statement: BLAME_PUSHED_DOWN
{{scope-units}}
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.status = 'CLOSED'
MATCH (i)-[:AGAINST]->(d:Duty)
WITH u, i, d, coalesce(d.unitId,
    head(COLLECT { MATCH (x:Unit)-[:HAS_DUTY]->(d) RETURN x.id AS id ORDER BY id }),
    head(COLLECT { MATCH (x:Unit)-[:HAS_POST]->(:Post)-[:HAS_DUTY]->(d) RETURN x.id AS id ORDER BY id })) AS ownerId
OPTIONAL MATCH (owner:Unit {generation: $generation, id: ownerId})
WITH u, i, d, owner
ORDER BY d.id
WITH u, i, collect(d.id) AS dutyIds, collect(owner) AS owners, count(d) AS duties
WHERE size(owners) = duties
  AND all(o IN owners WHERE o <> u AND u IN COLLECT {
    // upward from the duty's unit: its ancestors are few, a high unit's descendants are many
    MATCH path = (above:Unit)-[:LEADS*1..]->(o)
    WHERE all(r IN relationships(path) WHERE r.kind IN ['PRIMARY', 'DUAL'])
    RETURN DISTINCT above
  })
RETURN 'BLAME_PUSHED_DOWN' AS code, u.id AS unitId, i.id AS issueId, head(dutyIds) AS dutyId,
       [i.id, u.id] + dutyIds + [o IN owners | o.id] AS evidenceIds, u.name AS unitName, i.title AS issueTitle,
       i.domain AS domain,
       reduce(names = [], o IN owners | CASE WHEN o.name IN names THEN names ELSE names + o.name END) AS lowerUnits
ORDER BY unitId, issueId;
