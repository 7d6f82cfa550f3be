// id:          rectification
// title:       整改闭环 | Rectification loop
// description: The rectification ledger (整改台账, issue 12): problems past their deadline, problems left without any
//              rectification plan, weak organizations without a plan (个性整顿方案), issues closed (销号) without every
//              measure accepted, and delisted supervisions nobody looked back at (回头看). Only issues found on or
//              before asOf are read. At asOf an issue counts as CLOSED only if its status is CLOSED and closedOn is
//              empty or <= asOf; a measure counts as VERIFIED only if its status is VERIFIED and verifiedOn is empty or
//              <= asOf. The owner of an overdue issue is the OWNED_BY post of its first overdue measure, else the
//              PRINCIPAL post of the issue's unit; its holder is the current one at asOf, else （空缺）.
//              "Weak now" as in assistance-coverage (the latest designation / ABCD year <= year(asOf) in scope).
// engine:      cypher
// codes:       RECTIFICATION_OVERDUE HIGH: an issue not CLOSED at asOf whose due < asOf, or with a measure not
//                VERIFIED at asOf whose due < asOf; one finding per issue
//              PROBLEM_WITHOUT_RECTIFICATION MEDIUM: an OPEN issue found more than $rectificationSetupDays days
//                before asOf with neither a due nor a measure
//              WEAK_NO_PLAN HIGH: a unit weak now with no issue at that unit, found in or after its designation
//                year, that carries a due or a measure
//              CLOSED_WITHOUT_VERIFICATION MEDIUM: an issue CLOSED at asOf with a measure not VERIFIED at asOf, or
//                an issue with a VERIFIED measure that has no verifier
//              NO_LOOK_BACK MEDIUM: a DELISTED supervision with outcomeOn + $lookBackDays days <= asOf, no CHECK
//                activity aimed at the unit in (outcomeOn, outcomeOn + $lookBackDays], and no lookBackOn <= asOf on
//                its issues (those found in its unit on or before outcomeOn); subject = unit + supervision id
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              rectificationSetupDays: integer, lookBackDays: integer
// returns:     code, unitId, issueId, postId, personId, subject, evidenceIds, metrics, unitName, title, due,
//              postTitle, holderName, foundOn, days, weakYear, measureIds, supervisionId, outcomeOn, lookBackDue
// RECTIFICATION_OVERDUE.title: 整改逾期 | Rectification overdue
// RECTIFICATION_OVERDUE.subject: issueId
// RECTIFICATION_OVERDUE.zh: {unitName}的问题“{title}”（{issueId}）整改已逾期（时限{due}），责任岗位{postTitle}，责任人{holderName}
// RECTIFICATION_OVERDUE.en: Rectification of "{title}" ({issueId}) at {unitName} is overdue (due {due}); owner {postTitle}, held by {holderName}
// PROBLEM_WITHOUT_RECTIFICATION.title: 问题未建整改台账 | Problem without rectification
// PROBLEM_WITHOUT_RECTIFICATION.subject: issueId
// PROBLEM_WITHOUT_RECTIFICATION.zh: {unitName}于{foundOn}发现的问题“{title}”（{issueId}）已过{days}天，仍无整改时限和整改措施
// PROBLEM_WITHOUT_RECTIFICATION.en: "{title}" ({issueId}) found at {unitName} on {foundOn} has, {days} days later, neither a deadline nor a measure
// WEAK_NO_PLAN.title: 软弱涣散组织无整顿方案 | Weak organization without a plan
// WEAK_NO_PLAN.subject: unitId
// WEAK_NO_PLAN.zh: 软弱涣散党组织{unitName}自{weakYear}年以来没有带整改时限或整改措施的问题台账（个性整顿方案）
// WEAK_NO_PLAN.en: Weak organization {unitName} has no issue since {weakYear} with a deadline or a measure (no rectification plan)
// CLOSED_WITHOUT_VERIFICATION.title: 销号未经验收 | Closed without verification
// CLOSED_WITHOUT_VERIFICATION.subject: issueId
// CLOSED_WITHOUT_VERIFICATION.zh: {unitName}的问题“{title}”（{issueId}）的整改措施{measureIds}未经验收或无验收人
// CLOSED_WITHOUT_VERIFICATION.en: Measures {measureIds} of "{title}" ({issueId}) at {unitName} are not verified or have no verifier
// NO_LOOK_BACK.title: 摘牌后未回头看 | No look-back after delisting
// NO_LOOK_BACK.subject: unitId, supervisionId
// NO_LOOK_BACK.zh: {unitName}于{outcomeOn}摘牌（{supervisionId}），至{lookBackDue}仍未开展回头看
// NO_LOOK_BACK.en: {unitName} was delisted on {outcomeOn} ({supervisionId}) and no look-back followed by {lookBackDue}

// statement: RECTIFICATION_OVERDUE
{{scope-units}}
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.foundOn <= $asOf
  AND NOT (i.status = 'CLOSED' AND (i.closedOn IS NULL OR i.closedOn <= $asOf))
WITH u, i,
     COLLECT {
       MATCH (i)-[:HAS_MEASURE]->(m:Measure)
       WHERE m.due < $asOf
         AND NOT (m.status = 'VERIFIED' AND (m.verifiedOn IS NULL OR m.verifiedOn <= $asOf))
       RETURN m ORDER BY m.due, m.id
     } AS late
WHERE coalesce(i.due < $asOf, false) OR size(late) > 0
WITH u, i, late,
     head([o IN [m IN late | head([(m)-[:OWNED_BY]->(p:Post) | p])] WHERE o IS NOT NULL]) AS measureOwner,
     head(COLLECT {
       MATCH (u)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(:PostKind {responsibility: 'PRINCIPAL'})
       RETURN p ORDER BY p.id
     }) AS principal
WITH u, i, late, coalesce(measureOwner, principal) AS owner
OPTIONAL MATCH (owner)-[:OF_KIND]->(k:PostKind)
WITH u, i, late, owner, k,
     head(COLLECT {
       MATCH (x:Person)-[h:HOLDS]->(owner)
       WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
       RETURN x ORDER BY x.id
     }) AS holder
WITH u, i, late, owner, holder, coalesce(owner.title, k.name, owner.kind, '（无）') AS postTitle,
     CASE WHEN coalesce(i.due < $asOf, false) THEN i.due ELSE head(late).due END AS due
RETURN 'RECTIFICATION_OVERDUE' AS code, u.id AS unitId, i.id AS issueId, owner.id AS postId, holder.id AS personId,
       [i.id] AS subject, [i.id, u.id] + [m IN late | m.id] + [x IN [owner, holder] WHERE x IS NOT NULL | x.id]
         AS evidenceIds,
       u.name AS unitName, i.title AS title, due, postTitle, coalesce(holder.name, '（空缺）') AS holderName,
       {issueDue: i.due, lateMeasures: [m IN late | m.id], status: i.status} AS metrics
ORDER BY unitId, issueId;

// statement: PROBLEM_WITHOUT_RECTIFICATION
{{scope-units}}
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.status = 'OPEN'
  AND i.due IS NULL
  AND i.foundOn < $asOf - duration({days: $rectificationSetupDays})
  AND NOT EXISTS { MATCH (i)-[:HAS_MEASURE]->(:Measure) }
RETURN 'PROBLEM_WITHOUT_RECTIFICATION' AS code, u.id AS unitId, i.id AS issueId, [i.id] AS subject,
       [i.id, u.id] AS evidenceIds, u.name AS unitName, i.title AS title, i.foundOn AS foundOn,
       duration.inDays(i.foundOn, $asOf).days AS days,
       {foundOn: i.foundOn, days: duration.inDays(i.foundOn, $asOf).days} AS metrics
ORDER BY unitId, issueId;

// statement: WEAK_NO_PLAN
{{weak-now}}
WITH u, weakIds, reduce(m = null, b IN weakBasis | CASE WHEN m IS NULL OR b.year < m THEN b.year ELSE m END) AS weakYear
WHERE NOT EXISTS {
  MATCH (i:Issue)-[:FOUND_IN]->(u)
  WHERE i.foundOn.year >= weakYear
    AND i.foundOn <= $asOf
    AND (i.due IS NOT NULL OR EXISTS { MATCH (i)-[:HAS_MEASURE]->(:Measure) })
}
RETURN 'WEAK_NO_PLAN' AS code, u.id AS unitId, [u.id] AS subject, [u.id] + weakIds AS evidenceIds,
       u.name AS unitName, weakYear, {weakYear: weakYear, gradings: weakIds} AS metrics
ORDER BY unitId;

// statement: CLOSED_WITHOUT_VERIFICATION
{{scope-units}}
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.foundOn <= $asOf
MATCH (i)-[:HAS_MEASURE]->(m:Measure)
WITH u, i, m,
     (i.status = 'CLOSED' AND (i.closedOn IS NULL OR i.closedOn <= $asOf)) AS closed,
     (m.status = 'VERIFIED' AND (m.verifiedOn IS NULL OR m.verifiedOn <= $asOf)) AS verified
WHERE (closed AND NOT verified)
   OR (verified AND NOT EXISTS { MATCH (:Person)-[:VERIFIED]->(m) })
WITH u, i, m
ORDER BY m.id
WITH u, i, collect(m.id) AS measureIds
RETURN 'CLOSED_WITHOUT_VERIFICATION' AS code, u.id AS unitId, i.id AS issueId, [i.id] AS subject,
       [i.id, u.id] + measureIds AS evidenceIds, u.name AS unitName, i.title AS title, measureIds,
       {measures: measureIds, status: i.status} AS metrics
ORDER BY unitId, issueId;

// statement: NO_LOOK_BACK
{{scope-units}}
MATCH (u)-[:LISTED_IN]->(s:Supervision)
WHERE s.outcome = 'DELISTED'
  AND s.outcomeOn IS NOT NULL
  AND s.outcomeOn + duration({days: $lookBackDays}) <= $asOf
WITH u, s, s.outcomeOn + duration({days: $lookBackDays}) AS lookBackDue
WHERE NOT EXISTS {
  MATCH (a:Activity)-[:AIMED_AT]->(u)
  WHERE a.kind = 'CHECK' AND a.date > s.outcomeOn AND a.date <= lookBackDue
}
  AND NOT EXISTS {
  MATCH (i:Issue)-[:FOUND_IN]->(u)
  WHERE i.foundOn <= s.outcomeOn AND i.lookBackOn IS NOT NULL AND i.lookBackOn <= $asOf
}
RETURN 'NO_LOOK_BACK' AS code, u.id AS unitId, [u.id, s.id] AS subject, [u.id, s.id] AS evidenceIds,
       u.name AS unitName, s.id AS supervisionId, s.outcomeOn AS outcomeOn, lookBackDue,
       {outcomeOn: s.outcomeOn, lookBackDue: lookBackDue} AS metrics
ORDER BY unitId, supervisionId;
