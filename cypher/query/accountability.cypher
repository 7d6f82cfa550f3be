// Accountability resolution (问责链), design.md section 3 "Accountability resolution": who answers for a problem in a
// unit and a duty domain. The chain is the unit and every unit above it along PRIMARY and DUAL edges; distance = the
// fewest PRIMARY/DUAL hops down to the unit; via = PRIMARY when an all-PRIMARY path of that length exists, else DUAL.
// A post is held when a HOLDS edge has since <= asOf and (until empty or until >= asOf); `until` is inclusive.
// params: issueId: string (null when asked by unit), unitId: string and domain: string (DutyDomain code; both null
// when asked by issue), domainCodes: map (every accepted spelling of a domain -> its code: codes in upper case, Chinese
// labels and aliases as written), asOf: date (null = the dataset's default), today: date (Asia/Shanghai), clockToday:
// date (the injected clock's zone)

// statement: lookup
// One read per lookup (issue 10: the latency target): the active dataset, the issue and its unit when asked by issue,
// the unit, and the chain, as one row — dataset columns (no row at all without an active dataset), issueFound,
// unitId, domain, unitFound, asOf, and `entries`: the chain in the order of the contract: distance, PRIMARY before
// DUAL (the issue's own unit and discipline bodies reached by GUIDANCE or DISCIPLINE_SUPERVISION carry no via),
// responsibility, unit id, post id (then person id, for a post held by two people). `gap` = a post (or a missing
// PRINCIPAL post) that nobody holds on asOf. The default asOf follows Datasets.asOf: today once the dataset was edited
// in the tool, else the dataset's own date, else today by the clock.
MATCH (d:Dataset {active: true})
WITH d
ORDER BY d.generation DESC
LIMIT 1
OPTIONAL MATCH (i:Issue {generation: d.generation, id: $issueId})
OPTIONAL MATCH (i)-[:FOUND_IN]->(iu:Unit)
WITH d, i, iu
ORDER BY iu.id
LIMIT 1
WITH d, i IS NOT NULL AS issueFound,
     CASE WHEN $issueId IS NULL THEN $unitId ELSE iu.id END AS unitId,
     CASE
       WHEN $issueId IS NULL THEN $domain
       WHEN i.domain IS NULL THEN null
       ELSE coalesce($domainCodes[toUpper(trim(i.domain))], $domainCodes[trim(i.domain)], i.domain)
     END AS domain,
     coalesce($asOf, CASE WHEN coalesce(d.revision, 0) > 0 THEN $today ELSE coalesce(d.asOf, $clockToday) END) AS asOf
OPTIONAL MATCH (start:Unit {generation: d.generation, id: unitId})
OPTIONAL CALL (start, domain, asOf) {
  WITH start, domain, asOf
  WHERE start IS NOT NULL
  MATCH path = (c:Unit)-[:LEADS*0..]->(start)
  WHERE all(r IN relationships(path) WHERE r.kind IN ['PRIMARY', 'DUAL'])
  WITH domain, asOf, c, length(path) AS hops, all(r IN relationships(path) WHERE r.kind = 'PRIMARY') AS primaryOnly
  WITH domain, asOf, c, min(hops) AS distance, min(CASE WHEN primaryOnly THEN hops END) AS primaryDistance
  WITH domain, asOf,
       collect({unit: c, distance: distance,
                via: CASE WHEN distance = 0 THEN null WHEN primaryDistance = distance THEN 'PRIMARY' ELSE 'DUAL' END})
       AS chain
  WITH domain, asOf, chain, [link IN chain | link.unit] AS chainUnits
  CALL (chain, chainUnits, domain, asOf) {
    // 1. the leadership team of the unit itself, as a whole
    UNWIND chain AS link
    WITH link
    WHERE link.distance = 0
    RETURN 'OVERALL' AS responsibility, 'TEAM_OVERALL' AS rule, link.unit AS unit, link.distance AS distance,
           link.via AS via, null AS post, null AS kind, null AS holder
    UNION
    // 2. PRINCIPAL posts and DIRECT posts for the domain of every chain unit; IMPORTANT posts of the unit itself. In a
    //    unit of a discipline kind the head post (a SUPERVISORY post kind) is its principal (rule DISCIPLINE_HEAD).
    UNWIND chain AS link
    WITH link.unit AS unit, link.distance AS distance, link.via AS via
    MATCH (unit)-[:HAS_POST]->(post:Post)-[:OF_KIND]->(kind:PostKind)
    WITH unit, distance, via, post, kind, coalesce(post.domains, kind.domains, []) AS domains,
         (kind.responsibility = 'SUPERVISORY' AND unit.kind IN {{discipline-kinds}}) AS head
    WHERE kind.responsibility = 'PRINCIPAL' OR head
       OR (kind.responsibility = 'DIRECT' AND (domain IN domains OR 'ALL' IN domains))
       OR (kind.responsibility = 'IMPORTANT' AND distance = 0)
    OPTIONAL MATCH (holder:Person)-[h:HOLDS]->(post)
    WHERE h.since <= asOf AND (h.until IS NULL OR h.until >= asOf)
    RETURN CASE WHEN head THEN 'PRINCIPAL' ELSE kind.responsibility END AS responsibility,
           CASE
             WHEN head THEN 'DISCIPLINE_HEAD'
             ELSE CASE kind.responsibility
             WHEN 'PRINCIPAL' THEN CASE WHEN distance = 0 THEN 'UNIT_PRINCIPAL' ELSE 'LEADER_PRINCIPAL' END
             WHEN 'DIRECT' THEN CASE WHEN distance = 0 THEN 'DOMAIN_IN_CHARGE' ELSE 'LEADER_DOMAIN_IN_CHARGE' END
             ELSE 'TEAM_MEMBER'
             END
           END AS rule,
           unit, distance, via, post, kind, holder
    UNION
    // 3. a chain unit without any PRINCIPAL post (nor, for a discipline unit, a SUPERVISORY head post): the missing
    //    first responsible person is itself a gap
    UNWIND chain AS link
    WITH link.unit AS unit, link.distance AS distance, link.via AS via
    WHERE NOT EXISTS {
      MATCH (unit)-[:HAS_POST]->(:Post)-[:OF_KIND]->(:PostKind {responsibility: 'PRINCIPAL'})
    }
      AND NOT (unit.kind IN {{discipline-kinds}} AND EXISTS {
      MATCH (unit)-[:HAS_POST]->(:Post)-[:OF_KIND]->(:PostKind {responsibility: 'SUPERVISORY'})
    })
    RETURN 'PRINCIPAL' AS responsibility,
           CASE WHEN distance = 0 THEN 'UNIT_PRINCIPAL' ELSE 'LEADER_PRINCIPAL' END AS rule,
           unit, distance, via, null AS post, null AS kind, null AS holder
    UNION
    // 4. discipline bodies over the chain: discipline-kind units on it or leading a chain unit, and any unit with a
    //    DISCIPLINE_SUPERVISION edge to a chain unit; each with its PRINCIPAL and SUPERVISORY posts (none: a gap)
    UNWIND chain AS link
    WITH link.unit AS c, link.distance AS d, link.via AS v, chainUnits, asOf
    CALL (c, d, v, chainUnits) {
      WITH c, d, v
      WHERE c.kind IN {{discipline-kinds}}
      RETURN c AS body, d AS bodyDistance, v AS bodyVia
      UNION
      MATCH (b:Unit)-[r:LEADS]->(c)
      WHERE NOT b IN chainUnits
        AND (r.kind = 'DISCIPLINE_SUPERVISION'
          OR b.kind IN {{discipline-kinds}})
      RETURN b AS body, d + 1 AS bodyDistance, null AS bodyVia
    }
    WITH asOf, body, min(bodyDistance) AS distance, collect(bodyVia)[0] AS via
    OPTIONAL MATCH (body)-[:HAS_POST]->(post:Post)-[:OF_KIND]->(kind:PostKind)
    WHERE kind.responsibility IN ['PRINCIPAL', 'SUPERVISORY'] OR kind.key = 'DISCIPLINE_SECRETARY'
    OPTIONAL MATCH (holder:Person)-[h:HOLDS]->(post)
    WHERE h.since <= asOf AND (h.until IS NULL OR h.until >= asOf)
    RETURN 'SUPERVISORY' AS responsibility, 'DISCIPLINE_BODY' AS rule, body AS unit, distance, via, post, kind, holder
    UNION
    // 5. discipline secretaries / members (SUPERVISORY posts) of chain units
    UNWIND chain AS link
    WITH link.unit AS unit, link.distance AS distance, link.via AS via
    MATCH (unit)-[:HAS_POST]->(post:Post)-[:OF_KIND]->(kind:PostKind)
    WHERE kind.responsibility = 'SUPERVISORY' OR kind.key = 'DISCIPLINE_SECRETARY'
    OPTIONAL MATCH (holder:Person)-[h:HOLDS]->(post)
    WHERE h.since <= asOf AND (h.until IS NULL OR h.until >= asOf)
    RETURN 'SUPERVISORY' AS responsibility, 'DISCIPLINE_BODY' AS rule, unit, distance, via, post, kind, holder
  }
  RETURN responsibility, rule, unit.id AS entryUnitId, unit.name AS unitName, distance, via, post.id AS postId,
         coalesce(post.title, kind.name, post.kind) AS postTitle, holder.id AS personId, holder.name AS personName,
         (rule <> 'TEAM_OVERALL' AND holder IS NULL) AS gap
}
WITH d, issueFound, unitId, domain, asOf, start IS NOT NULL AS unitFound, responsibility, rule, entryUnitId,
     unitName, distance, via, postId, postTitle, personId, personName, gap
ORDER BY distance,
         CASE via WHEN 'PRIMARY' THEN 0 WHEN 'DUAL' THEN 1 ELSE 2 END,
         CASE responsibility
           WHEN 'OVERALL' THEN 0 WHEN 'PRINCIPAL' THEN 1 WHEN 'DIRECT' THEN 2 WHEN 'IMPORTANT' THEN 3 ELSE 4
         END,
         entryUnitId, postId, personId
RETURN d.name AS datasetName, d.asOf AS datasetAsOf, d.generation AS generation, d.importedAt AS importedAt,
       coalesce(d.revision, 0) AS revision, issueFound, unitId, domain, unitFound, asOf,
       collect(CASE WHEN rule IS NULL THEN null ELSE {responsibility: responsibility, rule: rule, unitId: entryUnitId,
                unitName: unitName, distance: distance, via: via, postId: postId, postTitle: postTitle,
                personId: personId, personName: personName, gap: gap} END) AS entries;
