// id:          weak-org-rectification
// title:       软弱涣散整顿 | Weak organization rectification
// basis:       软弱涣散基层党组织按比例倒排（村15%、社区10%、企业机关事业单位5%）；连续两年被确定为软弱涣散的，书记要调整，二级支部的上级党组织书记一同免去。
//              D_GRADE_NOT_DESIGNATED: domain.md 5.4 "D-class organizations are put on the weak list directly" [002]
//              (D类支部直接被列为软弱涣散整顿对象; D38)
// description: The weak-organization designation quota per sector (Mohe: villages 15 %, communities 10 %, enterprises,
//              organs and institutions 5 %) and the two-year rule: a unit weak two years running whose secretary is
//              still in office, and for a second-tier branch also the secretary of the committee or general branch it
//              belongs to (一同免去). "Weak in year X" = a DESIGNATED_WEAK grading in X or ABCD grade D in X. The
//              latest designation year and the latest ABCD year are each the latest year <= year(asOf) of that scheme
//              among the units in scope; Y is such a latest year in which the unit is weak by that scheme, and the
//              unit must also be weak (by either scheme) in Y-1; when both schemes qualify, the later Y is used.
//              QUOTA_SHORTFALL counts, per sector with a rate in $quotas, the grassroots units (ORGAN_PARTY_COMMITTEE,
//              PARTY_COMMITTEE, GENERAL_BRANCH, BRANCH, JOINT_BRANCH) of that sector in scope and the designated ones
//              among them in the latest designation year; required = ceil(rate x units), computed with a 1e-9
//              tolerance so that a binary rounding error (0.07 x 100 = 7.000000000000001) never adds one. A scope
//              without any designation up to year(asOf) has no designation round to check and gives no finding. The
//              finding sits at the scope's root unit (the scope unit itself), or, for the whole graph, at the
//              smallest-id root (a unit with no leader whose kind can head a dataset; failing that the smallest-id
//              unit without a leader). The tenure rule: the current PRINCIPAL holder (post kind responsibility
//              PRINCIPAL, current on asOf) also held that post on 31 Dec of Y-1 (a HOLDS row covering that day).
// order:       90
// sensitive:   true
// engine:      cypher
// codes:       QUOTA_SHORTFALL MEDIUM: designated weak count of a sector in the latest designation year is below
//                ceil(rate x grassroots units of that sector in scope); subject = sector + year
//              WEAK_TWO_YEARS HIGH: weak in Y-1 and Y, and the current PRINCIPAL holder already held the post on
//                31 Dec of Y-1; unitId + personId
//              PARENT_SECRETARY_LIABLE HIGH: the same two-year weakness at a second-tier branch (a BRANCH whose
//                PRIMARY parent is a PARTY_COMMITTEE or GENERAL_BRANCH whose PRIMARY parent is a root: no leader of
//                any kind and a kind that can head a dataset), and the parent's current PRINCIPAL holder already held
//                that post on 31 Dec of Y-1, whether or not the branch's own secretary is still in office;
//                unitId = the branch, personId = the parent's secretary
//              D_GRADE_NOT_DESIGNATED MEDIUM: a unit graded D (ABCD) in Y, the latest ABCD year <= year(asOf) among
//                the units in scope, that is not DESIGNATED_WEAK for Y or Y+1; evaluated only when some unit of the
//                active dataset is DESIGNATED_WEAK for Y or Y+1 (a designation round exists); subject = unit + Y.
//                Reading taken: a designation recorded for Y+1 (the list drawn up early in the following year from
//                the grading of Y) counts as designating the D of Y, so that a dataset keeping the list under the
//                next year's number is not flagged wholesale.
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              quotas: map sector -> rate
// returns:     code, unitId, personId, subject, evidenceIds, metrics, unitName, personName, postTitle, parentName,
//              sector, year, designated, units, required, ratePercent, previousYear
// QUOTA_SHORTFALL.title: 软弱涣散排查比例不足 | Weak-organization quota shortfall
// QUOTA_SHORTFALL.subject: sector, year
// QUOTA_SHORTFALL.zh: {year}年{sector:Sector}领域认定软弱涣散党组织{designated}个，低于{units}个基层党组织的{ratePercent}%（至少{required}个）
// QUOTA_SHORTFALL.en: {sector:Sector} {year}: {designated} of {units} grassroots units designated weak, below the {ratePercent} % quota ({required} required)
// WEAK_TWO_YEARS.title: 连续两年软弱涣散 | Weak two years running
// WEAK_TWO_YEARS.subject: unitId, personId
// WEAK_TWO_YEARS.zh: {unitName}连续两年（{previousYear}—{year}）被列为软弱涣散党组织，{postTitle}{personName}仍在任
// WEAK_TWO_YEARS.en: {unitName} was weak in {previousYear} and {year} and {personName} is still its {postTitle}
// PARENT_SECRETARY_LIABLE.title: 上级书记连带责任 | Parent secretary liable
// PARENT_SECRETARY_LIABLE.subject: unitId, personId
// PARENT_SECRETARY_LIABLE.zh: 二级党支部{unitName}连续两年（{previousYear}—{year}）软弱涣散，所在{parentName}的{postTitle}{personName}应一同问责
// PARENT_SECRETARY_LIABLE.en: Second-tier branch {unitName} was weak in {previousYear} and {year}; {personName}, {postTitle} of {parentName}, is liable too
// D_GRADE_NOT_DESIGNATED.title: D类未列入整顿 | D grade not designated weak
// D_GRADE_NOT_DESIGNATED.subject: unitId, year
// D_GRADE_NOT_DESIGNATED.zh: {unitName}在{year}年分类定级中被评为D类（较差），但未被列为软弱涣散党组织整顿对象（D类党组织应直接列入）
// D_GRADE_NOT_DESIGNATED.en: {unitName} was graded D in {year} but is not designated a weak organization (a D grade puts it on the rectification list directly)

// statement: QUOTA_SHORTFALL
{{scope-units}}
WITH collect(u) AS scope
{{weak-years}}
WITH scope, designationYear AS year
CALL (scope) {
  UNWIND scope AS r
  WITH r
  WHERE NOT EXISTS {
    MATCH (l:Unit)-[e:LEADS]->(r)
    WHERE $unitIds IS NULL OR (l.id IN $unitIds AND e.kind IN ['PRIMARY', 'DUAL'])
  }
  RETURN r.id AS rootId
  ORDER BY r.kind IN ['ORGAN_WORK_COMMITTEE', 'PARTY_COMMITTEE', 'LEADING_PARTY_GROUP', 'DISCIPLINE_WORK_COMMITTEE',
                      'DISCIPLINE_COMMISSION'] DESC, rootId
  LIMIT 1
}
WITH scope, year, rootId
WHERE year IS NOT NULL
UNWIND scope AS u
WITH year, rootId, u
WHERE u.sector IN keys($quotas)
  AND u.kind IN ['ORGAN_PARTY_COMMITTEE', 'PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'JOINT_BRANCH']
WITH year, rootId, u.sector AS sector, count(u) AS units,
     collect(CASE WHEN EXISTS {
       MATCH (u)-[:GRADED]->(g:Grading)
       WHERE g.scheme = 'DESIGNATED_WEAK' AND g.year = year
     } THEN u.id END) AS designatedIds
WITH year, rootId, sector, units, designatedIds, $quotas[sector] AS rate,
     toInteger(ceil($quotas[sector] * units - 1.0e-9)) AS required
WHERE size(designatedIds) < required
RETURN 'QUOTA_SHORTFALL' AS code, rootId AS unitId,
       [rootId] + designatedIds AS evidenceIds, sector, year, size(designatedIds) AS designated, units, required,
       round(rate * 100, 1) AS ratePercent,
       {sector: sector, year: year, units: units, designated: size(designatedIds), required: required, rate: rate}
         AS metrics
ORDER BY sector;

// statement: WEAK_TWO_YEARS
{{scope-units}}
WITH collect(u) AS scope
{{weak-years}}
UNWIND scope AS u
MATCH (u)-[:GRADED]->(g:Grading)
WHERE g.scheme = 'DESIGNATED_WEAK' OR (g.scheme = 'ABCD' AND g.grade = 'D')
WITH u, designationYear, abcdYear, collect(g) AS gradings,
     collect(CASE g.scheme WHEN 'DESIGNATED_WEAK' THEN g.year END) AS designated,
     collect(CASE g.scheme WHEN 'ABCD' THEN g.year END) AS gradedD
WITH u, gradings, designated + gradedD AS weakYears,
     CASE WHEN designationYear IN designated THEN designationYear END AS designatedNow,
     CASE WHEN abcdYear IN gradedD THEN abcdYear END AS gradedDNow
WITH u, gradings,
     CASE WHEN any(w IN weakYears WHERE w = designatedNow - 1) THEN designatedNow END AS designatedRun,
     CASE WHEN any(w IN weakYears WHERE w = gradedDNow - 1) THEN gradedDNow END AS gradedDRun
WITH u, gradings,
     CASE WHEN gradedDRun IS NULL OR designatedRun > gradedDRun THEN designatedRun ELSE gradedDRun END AS year
WHERE year IS NOT NULL
WITH u, year, date({year: year - 1, month: 12, day: 31}) AS yearEnd,
     [g IN gradings WHERE g.year IN [year - 1, year] | g.id] AS weakIds
MATCH (u)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(:PostKind {responsibility: 'PRINCIPAL'})
MATCH (person:Person)-[h:HOLDS]->(p)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  AND EXISTS {
  MATCH (person)-[t:HOLDS]->(p)
  WHERE t.since <= yearEnd AND (t.until IS NULL OR t.until >= yearEnd)
}
WITH DISTINCT u, year, weakIds, p, person
RETURN 'WEAK_TWO_YEARS' AS code, u.id AS unitId, person.id AS personId,
       [u.id, p.id, person.id] + weakIds AS evidenceIds, u.name AS unitName, person.name AS personName,
       p.title AS postTitle, year, year - 1 AS previousYear, {years: [year - 1, year], postId: p.id} AS metrics
ORDER BY unitId, personId;

// statement: PARENT_SECRETARY_LIABLE
{{scope-units}}
WITH collect(u) AS scope
{{weak-years}}
UNWIND scope AS u
MATCH (u)-[:GRADED]->(g:Grading)
WHERE u.kind = 'BRANCH'
  AND (g.scheme = 'DESIGNATED_WEAK' OR (g.scheme = 'ABCD' AND g.grade = 'D'))
WITH u, designationYear, abcdYear, collect(g) AS gradings,
     collect(CASE g.scheme WHEN 'DESIGNATED_WEAK' THEN g.year END) AS designated,
     collect(CASE g.scheme WHEN 'ABCD' THEN g.year END) AS gradedD
WITH u, gradings, designated + gradedD AS weakYears,
     CASE WHEN designationYear IN designated THEN designationYear END AS designatedNow,
     CASE WHEN abcdYear IN gradedD THEN abcdYear END AS gradedDNow
WITH u, gradings,
     CASE WHEN any(w IN weakYears WHERE w = designatedNow - 1) THEN designatedNow END AS designatedRun,
     CASE WHEN any(w IN weakYears WHERE w = gradedDNow - 1) THEN gradedDNow END AS gradedDRun
WITH u, gradings,
     CASE WHEN gradedDRun IS NULL OR designatedRun > gradedDRun THEN designatedRun ELSE gradedDRun END AS year
WHERE year IS NOT NULL
WITH u, year, date({year: year - 1, month: 12, day: 31}) AS yearEnd,
     [g IN gradings WHERE g.year IN [year - 1, year] | g.id] AS weakIds
MATCH (root:Unit)-[:LEADS {kind: 'PRIMARY'}]->(parent:Unit)-[:LEADS {kind: 'PRIMARY'}]->(u)
WHERE parent.kind IN ['PARTY_COMMITTEE', 'GENERAL_BRANCH']
  AND root.kind IN ['ORGAN_WORK_COMMITTEE', 'PARTY_COMMITTEE', 'LEADING_PARTY_GROUP', 'DISCIPLINE_WORK_COMMITTEE',
                    'DISCIPLINE_COMMISSION']
  AND NOT EXISTS { MATCH (:Unit)-[:LEADS]->(root) }
MATCH (parent)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(:PostKind {responsibility: 'PRINCIPAL'})
MATCH (person:Person)-[h:HOLDS]->(p)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  AND EXISTS {
  MATCH (person)-[t:HOLDS]->(p)
  WHERE t.since <= yearEnd AND (t.until IS NULL OR t.until >= yearEnd)
}
WITH DISTINCT u, year, weakIds, parent, p, person
RETURN 'PARENT_SECRETARY_LIABLE' AS code, u.id AS unitId, person.id AS personId,
       [u.id, parent.id, p.id, person.id] + weakIds AS evidenceIds, u.name AS unitName, parent.name AS parentName,
       person.name AS personName, p.title AS postTitle, year, year - 1 AS previousYear,
       {years: [year - 1, year], parentId: parent.id, postId: p.id} AS metrics
ORDER BY unitId, personId;

// statement: D_GRADE_NOT_DESIGNATED
{{scope-units}}
WITH collect(u) AS scope
{{weak-years}}
WITH scope, abcdYear AS year
WHERE year IS NOT NULL
  AND EXISTS {
    MATCH (w:Unit)-[:GRADED]->(g:Grading)
    WHERE w.generation = $generation AND g.scheme = 'DESIGNATED_WEAK' AND g.year IN [year, year + 1]
  }
UNWIND scope AS u
MATCH (u)-[:GRADED]->(d:Grading)
WHERE d.scheme = 'ABCD' AND d.grade = 'D' AND d.year = year
  AND NOT EXISTS {
    MATCH (u)-[:GRADED]->(g:Grading)
    WHERE g.scheme = 'DESIGNATED_WEAK' AND g.year IN [year, year + 1]
  }
RETURN 'D_GRADE_NOT_DESIGNATED' AS code, u.id AS unitId, null AS personId, [u.id, toString(year)] AS subject,
       [u.id, d.id] AS evidenceIds, u.name AS unitName, year, {year: year, gradingId: d.id} AS metrics
ORDER BY unitId;
