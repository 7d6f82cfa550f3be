// id:          review-followup
// title:       考核结果运用 | Review follow-up
// basis:       述职评议考核结果为“一般”“差”或年度考核“基本合格”“不合格”的，要及时约谈；受到诫勉的当年不得提拔。
//              REVIEW_COVERAGE: domain.md 8.1 "Every year, the secretaries of party committees and party groups report
//              in person on how they led grassroots party building (述职), are evaluated (评议) and assessed (考核)"
//              [003]; D52 "Secretary in scope with no yearly report (述职)" (述职评议全覆盖)
// description: Poor review results that nobody followed up with an interview (约谈), and people promoted in the year
//              they were admonished. A poor result is a SECRETARY_REVIEW grade AVERAGE or POOR (一般/差; it names
//              the graded person) or an ANNUAL grade BASIC_PASS or FAIL (基本合格/不合格; it means the unit's
//              PRINCIPAL post holder current on asOf, as does a secretary review recorded without a person). The
//              follow-up window runs from 1 Jan of the year after the graded year to 31 Dec of the graded year +
//              $admonitionWindowDays days, both inclusive. Only a window that has closed before asOf is judged: a
//              window still open on asOf (or not yet started) is no finding. The grading's unit must be in scope;
//              for PROMOTED_AFTER_ADMONITION the person's home unit must be, and events after asOf are ignored.
// order:       110
// sensitive:   true
// engine:      cypher
// codes:       NO_ADMONITION_AFTER_POOR_GRADE MEDIUM: no ADMONISHED event for the person within the window after a
//                poor grade; subject = unit + person + scheme + graded year (a poor ANNUAL and a poor
//                SECRETARY_REVIEW of one person and year are two findings)
//              PROMOTED_AFTER_ADMONITION HIGH: ADMONISHED and then PROMOTED (on or after the admonition date) in the
//                same calendar year; unitId = the person's home unit, personId = the person
//              REVIEW_COVERAGE HIGH: for Y = year(asOf) - 1 when asOf is on or after 1 April, else year(asOf) - 2
//                (the reviews of a year are held in its first quarter), and only when the active dataset has
//                SECRETARY_REVIEW gradings for Y: a unit in scope of a kind in $reviewedKinds whose PRINCIPAL post
//                had a holder on 31 Dec of Y, with no SECRETARY_REVIEW grading of that person for Y (at any unit:
//                a secretary of two units reports once); subject = unit + person + Y
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              admonitionWindowDays: integer, reviewedKinds: list<string>
// returns:     code, unitId, postId, personId, subject, evidenceIds, metrics, unitName, personName, postTitle, year,
//              scheme, grade, windowEnd, admonishedOn, promotedOn
// NO_ADMONITION_AFTER_POOR_GRADE.title: 评议较差未约谈 | No admonition after a poor grade
// NO_ADMONITION_AFTER_POOR_GRADE.subject: unitId, personId, scheme, year
// NO_ADMONITION_AFTER_POOR_GRADE.zh: {personName}（{unitName}）{year}年度{scheme:GradingScheme}结果为{grade:Grade}，至{windowEnd}未被约谈
// NO_ADMONITION_AFTER_POOR_GRADE.en: {personName} ({unitName}) was graded {grade:Grade} in the {year} {scheme:GradingScheme} and was not admonished by {windowEnd}
// PROMOTED_AFTER_ADMONITION.title: 约谈当年获提拔 | Promoted after admonition
// PROMOTED_AFTER_ADMONITION.subject: unitId, personId
// PROMOTED_AFTER_ADMONITION.zh: {personName}（{unitName}）于{admonishedOn}被约谈，同年{promotedOn}又被提拔
// PROMOTED_AFTER_ADMONITION.en: {personName} ({unitName}) was admonished on {admonishedOn} and promoted on {promotedOn} of the same year
// REVIEW_COVERAGE.title: 书记未述职评议 | Secretary not reviewed
// REVIEW_COVERAGE.subject: unitId, personId, year
// REVIEW_COVERAGE.zh: {unitName}的{postTitle}{personName}未参加{year}年度抓基层党建述职评议考核（述职评议应全覆盖）
// REVIEW_COVERAGE.en: {personName}, {postTitle} of {unitName}, has no {year} secretary review (every secretary reports yearly)

// statement: NO_ADMONITION_AFTER_POOR_GRADE
{{scope-units}}
MATCH (u)-[:GRADED]->(g:Grading)
WHERE (g.scheme = 'SECRETARY_REVIEW' AND g.grade IN ['AVERAGE', 'POOR'])
   OR (g.scheme = 'ANNUAL' AND g.grade IN ['BASIC_PASS', 'FAIL'])
WITH u, g, date({year: g.year, month: 12, day: 31}) + duration({days: $admonitionWindowDays}) AS windowEnd
WHERE windowEnd < $asOf
CALL (u, g) {
  MATCH (person:Person)-[:GRADED]->(g)
  WHERE g.scheme = 'SECRETARY_REVIEW'
  RETURN person, null AS postId
  UNION
  MATCH (u)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(:PostKind {responsibility: 'PRINCIPAL'})
  MATCH (person:Person)-[h:HOLDS]->(p)
  WHERE (g.scheme = 'ANNUAL' OR NOT EXISTS { MATCH (:Person)-[:GRADED]->(g) })
    AND h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  RETURN person, p.id AS postId
}
WITH u, g, windowEnd, person, postId
WHERE NOT EXISTS {
  MATCH (person)-[:HAD]->(e:PersonnelEvent)
  WHERE e.kind = 'ADMONISHED'
    AND e.date >= date({year: g.year + 1, month: 1, day: 1})
    AND e.date <= windowEnd
}
RETURN 'NO_ADMONITION_AFTER_POOR_GRADE' AS code, u.id AS unitId, person.id AS personId,
       [u.id, person.id, g.id] + CASE WHEN postId IS NULL THEN [] ELSE [postId] END AS evidenceIds,
       u.name AS unitName, person.name AS personName, g.year AS year, g.scheme AS scheme, g.grade AS grade,
       windowEnd, {gradingId: g.id, scheme: g.scheme, grade: g.grade, windowEnd: windowEnd} AS metrics
ORDER BY unitId, personId, year, scheme;

// statement: PROMOTED_AFTER_ADMONITION
{{scope-units}}
MATCH (u)<-[:HOME_UNIT]-(person:Person)-[:HAD]->(a:PersonnelEvent)
WHERE a.kind = 'ADMONISHED'
  AND a.date <= $asOf
MATCH (person)-[:HAD]->(p:PersonnelEvent)
WHERE p.kind = 'PROMOTED'
  AND p.date <= $asOf
  AND p.date >= a.date
  AND p.date.year = a.date.year
WITH u, person, a, p
ORDER BY a.date, p.date
WITH u, person, collect(a)[0] AS a, collect(p)[0] AS p
RETURN 'PROMOTED_AFTER_ADMONITION' AS code, u.id AS unitId, person.id AS personId,
       [u.id, person.id, a.id, p.id] AS evidenceIds, u.name AS unitName, person.name AS personName,
       a.date AS admonishedOn, p.date AS promotedOn,
       {admonishedOn: a.date, promotedOn: p.date, year: a.date.year} AS metrics
ORDER BY unitId, personId;

// statement: REVIEW_COVERAGE
WITH CASE WHEN $asOf >= date({year: $asOf.year, month: 4, day: 1}) THEN $asOf.year - 1 ELSE $asOf.year - 2 END AS year
WHERE EXISTS {
  MATCH (g:Grading)
  WHERE g.generation = $generation AND g.scheme = 'SECRETARY_REVIEW' AND g.year = year
}
{{scope-units}}
  AND u.kind IN $reviewedKinds
WITH u, year, date({year: year, month: 12, day: 31}) AS yearEnd
MATCH (u)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(:PostKind {responsibility: 'PRINCIPAL'})
MATCH (person:Person)-[h:HOLDS]->(p)
WHERE h.since <= yearEnd AND (h.until IS NULL OR h.until >= yearEnd)
  AND NOT EXISTS {
    MATCH (person)-[:GRADED]->(g:Grading)
    WHERE g.scheme = 'SECRETARY_REVIEW' AND g.year = year
  }
WITH u, year, person, p
ORDER BY p.id
WITH u, year, person, collect(p)[0] AS p
OPTIONAL MATCH (p)-[:OF_KIND]->(k:PostKind)
RETURN 'REVIEW_COVERAGE' AS code, u.id AS unitId, null AS postId, person.id AS personId,
       [u.id, person.id, toString(year)] AS subject, [u.id, p.id, person.id] AS evidenceIds, u.name AS unitName,
       coalesce(person.name, person.id) AS personName, coalesce(p.title, k.name, p.kind) AS postTitle, year,
       {year: year} AS metrics
ORDER BY unitId, personId;
