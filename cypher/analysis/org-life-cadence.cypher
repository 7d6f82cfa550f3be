// id:          org-life-cadence
// title:       组织生活与履职节奏 | Organizational life and duty cadence
// description: Whether the routine of party life and of the first secretaries' reports keeps its calendar over the
//              cadence window, whether the organ work committee evaluates each unit it leads every half-year, and
//              whether duties are carried out by anything but meetings and documents. The cadence window is the 12
//              calendar months ending with asOf's month when asOf is its last day, otherwise with the month before;
//              quarters and half-years are the calendar ones wholly inside the window. Month, quarter and half-year
//              arithmetic lives in OrgLifeCadenceAnalysis; this file holds only the data it reads. Leaders, leading
//              units and their activities are read from the whole active dataset whatever the scope; the scope only
//              selects the units (and duties) judged.
//              Readings taken where the issue leaves a choice: a branch has a committee (and must hold a monthly
//              支委会) when it has a post whose kind is not PRINCIPAL (组织委员, 纪检委员, 副书记 …), or else when it has at
//              least $branchCommitteeMembers members; an activity counts for the month of its date whatever its
//              count; ORG_LIFE_CADENCE and FIRST_SECRETARY_REPORT_MISSING are evaluated only when some activity done by
//              a unit in scope has a subkind (the metric subkindsInUse says so, and skipped names the codes not
//              evaluated); THEME_DAY and DEMOCRATIC_REVIEW are recorded but not checked. A first secretary is posted
//              for a month when the FIRST_SECRETARY_OF edge covers its first and its last day. EVALUATION_GAP judges
//              LEADING_PARTY_GROUP, PARTY_COMMITTEE and ORGAN_PARTY_COMMITTEE units whose PRIMARY leader is an
//              ORGAN_WORK_COMMITTEE, one finding per missed half-year. MEETINGS_ONLY counts activity records (not
//              their count column) linked by FOR_DUTY with a date in the window, for duties of units in scope.
// basis:       domain.md 1.6 "Routine meetings ("三会一课") | branch committee meeting ≈ monthly; party-cell meeting ≈
//              monthly; members' assembly ≈ quarterly; party lectures periodically; … organizational life meeting
//              and democratic appraisal of members ≈ yearly [G]" (D36); 2.2 "Work plan at the start of each month,
//              duty ledger (履职台账) at the end of each month [002]" (D43, 月初报计划、月末报台账); 7.2 / D55 "an
//              inspection group or a work-committee division visits each unit every half year [001]" (每半年到机关各单位
//              调研评估); 4.3 / D30 "用会议落实会议、用文件落实文件 — For a duty, all linked activities are MEETING, REPORT or
//              OTHER (documents); no CHECK [004]".
// engine:      jgrapht
// class:       OrgLifeCadenceAnalysis
// codes:       ORG_LIFE_CADENCE HIGH: a BRANCH or JOINT_BRANCH with a month without 支委会 (when it has a committee), a
//                quarter without 党员大会 or without 党课, or no 组织生活会 in the window; a PARTY_CELL with a month
//                without 党小组会; one finding per unit naming every miss
//              FIRST_SECRETARY_REPORT_MISSING MEDIUM: a VILLAGE_STATIONED first secretary posted for a whole month of
//                the window whose branch did no MONTHLY_PLAN or no MONTHLY_LEDGER in that month; one finding per
//                posting (unit + person) naming the months
//              EVALUATION_GAP MEDIUM: a unit led by PRIMARY from an ORGAN_WORK_COMMITTEE with no CHECK done by that
//                committee aimed at it in a half-year of the window; one finding per unit and missed half-year
//              MEETINGS_ONLY MEDIUM: a duty outside THEORY with at least $meetingsOnlyMin activities in the window, all
//                of kinds MEETING, REPORT, STUDY or OTHER (no CHECK, DUTY_REVIEW, TALK, ADMONITION or TRAINING)
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              windowStart: date, windowEnd: date (the cadence window, set by the class),
//              branchCommitteeMembers: integer, meetingsOnlyMin: integer
// returns:     unitId, unitName, kind, members, committee, months (list of [subkind, year, month]), personId,
//              personName, since, until, dispatchedBy, committeeId, committeeName, checks (list of dates), dutyId,
//              domain, text, activities, kinds
// ORG_LIFE_CADENCE.title: 三会一课不经常 | Routine party meetings missed
// ORG_LIFE_CADENCE.subject: unitId
// ORG_LIFE_CADENCE.zh: {unitName}在{windowZh}期间“三会一课”不经常：{missedZh}
// ORG_LIFE_CADENCE.en: {unitName} missed routine party meetings from {windowEn}: {missedEn}
// FIRST_SECRETARY_REPORT_MISSING.title: 第一书记未按月报计划台账 | First secretary's monthly reports missing
// FIRST_SECRETARY_REPORT_MISSING.subject: unitId, personId
// FIRST_SECRETARY_REPORT_MISSING.zh: 驻{unitName}第一书记{personName}未按月报送计划和台账：{missedZh}
// FIRST_SECRETARY_REPORT_MISSING.en: First secretary {personName} stationed at {unitName} did not file the monthly plan and ledger: {missedEn}
// EVALUATION_GAP.title: 工委半年未调研评估 | No half-yearly evaluation
// EVALUATION_GAP.subject: unitId, halfYear
// EVALUATION_GAP.zh: {committeeName}在{halfYearZh}未到{unitName}开展督促检查（调研评估）
// EVALUATION_GAP.en: {committeeName} made no check of {unitName} in {halfYearEn}
// MEETINGS_ONLY.title: 以会议落实会议 | Meetings only
// MEETINGS_ONLY.subject: dutyId
// MEETINGS_ONLY.zh: {unitName}的“{domainZh}”责任事项“{text}”在{windowZh}期间有{activities}项工作记录，全部是{kindsZh}，没有督促检查、谈话、培训等落实措施（用会议落实会议、用文件落实文件）
// MEETINGS_ONLY.en: The {domainEn} duty "{text}" of {unitName} has {activities} work records from {windowEn}, all of them {kindsEn}: no check, talk or training (meetings to implement meetings)

// statement: subkinds-in-use
// Whether any activity done by a unit in scope carries a subkind: withSubkind is 1 or 0 (it stops at the first).
{{scope-units}}
MATCH (u)-[:DID]->(a:Activity)
WHERE a.subkind IS NOT NULL
WITH a
LIMIT 1
RETURN count(a) AS withSubkind;

// statement: meeting-months
// Per branch, joint branch or party cell in scope: whether it has a committee, and [subkind, year, month] of each of
// its routine meetings in the window (one entry per activity; the class keeps each month once: a DISTINCT here cost
// eight times the whole statement at 100k units). A unit's meetings are collected per row and the rows are not
// sorted (findings are sorted in the end), so the class reads them as they come: grouped and sorted here, every
// unit's meetings were held at once — ≈ 17 M lists at 1 M units, more than the rest of the audit together.
{{scope-units}}
  AND u.kind IN ['BRANCH', 'JOINT_BRANCH', 'PARTY_CELL']
RETURN u.id AS unitId, u.name AS unitName, u.kind AS kind, u.members AS members,
       EXISTS {
         MATCH (u)-[:HAS_POST]->(:Post)-[:OF_KIND]->(k:PostKind)
         WHERE k.responsibility <> 'PRINCIPAL'
       } OR coalesce(u.members, 0) >= $branchCommitteeMembers AS committee,
       COLLECT {
         MATCH (u)-[:DID]->(a:Activity)
         WHERE a.date >= $windowStart AND a.date <= $windowEnd
           AND a.subkind IN ['BRANCH_COMMITTEE_MEETING', 'MEMBERS_MEETING', 'PARTY_LECTURE', 'ORG_LIFE_MEETING',
                             'CELL_MEETING']
         RETURN [a.subkind, a.date.year, a.date.month]
       } AS months;

// statement: first-secretary-months
// Per VILLAGE_STATIONED posting at a unit in scope overlapping the window: [subkind, year, month] of each plan or
// ledger the unit filed in the window (one entry per activity, as in meeting-months).
{{scope-units}}
MATCH (x:Person)-[f:FIRST_SECRETARY_OF]->(u)
WHERE f.kind = 'VILLAGE_STATIONED'
  AND (f.since IS NULL OR f.since <= $windowEnd)
  AND (f.until IS NULL OR f.until >= $windowStart)
OPTIONAL MATCH (u)-[:DID]->(a:Activity)
WHERE a.date >= $windowStart AND a.date <= $windowEnd AND a.subkind IN ['MONTHLY_PLAN', 'MONTHLY_LEDGER']
WITH u, x, f, collect([a.subkind, a.date.year, a.date.month]) AS months
RETURN u.id AS unitId, u.name AS unitName, x.id AS personId, coalesce(x.name, x.id) AS personName,
       f.since AS since, f.until AS until, f.dispatchedBy AS dispatchedBy,
       [m IN months WHERE m[0] IS NOT NULL] AS months
ORDER BY unitId, personId, since;

// statement: evaluation-checks
// Per unit in scope led PRIMARY by an organ work committee: the dates of that committee's checks aimed at it in the
// window.
{{scope-units}}
  AND u.kind IN ['LEADING_PARTY_GROUP', 'PARTY_COMMITTEE', 'ORGAN_PARTY_COMMITTEE']
MATCH (w:Unit)-[:LEADS {kind: 'PRIMARY'}]->(u)
WHERE w.kind = 'ORGAN_WORK_COMMITTEE'
OPTIONAL MATCH (w)-[:DID]->(a:Activity)-[:AIMED_AT]->(u)
WHERE a.kind = 'CHECK' AND a.date >= $windowStart AND a.date <= $windowEnd
WITH u, w, collect(a.date) AS checks
RETURN u.id AS unitId, u.name AS unitName, w.id AS committeeId, w.name AS committeeName, checks
ORDER BY unitId;

// statement: meetings-only-duties
// Duties of units in scope outside THEORY with at least $meetingsOnlyMin activity records in the window, all of them
// meetings, reports, study or other (documents).
// (Read from the FOR_DUTY links, which few duties have, and only then the units whose team or personal lists hold the
// duty: not every duty of every unit looked at for its activities.)
MATCH (a:Activity)-[:FOR_DUTY]->(d:Duty)
WHERE a.date >= $windowStart AND a.date <= $windowEnd
  AND d.domain <> 'THEORY'
WITH d, collect(a) AS acts
WHERE size(acts) >= $meetingsOnlyMin
  AND all(a IN acts WHERE a.kind IN ['MEETING', 'REPORT', 'STUDY', 'OTHER'])
CALL (d) {
  {{scope-units}}
  MATCH (u)-[:HAS_DUTY]->(d)
  RETURN u
  UNION
  {{scope-units}}
  MATCH (u)-[:HAS_POST]->(:Post)-[:HAS_DUTY]->(d)
  RETURN u
}
RETURN u.id AS unitId, u.name AS unitName, d.id AS dutyId, d.domain AS domain, d.text AS text,
       size(acts) AS activities, [a IN acts | a.id] AS activityIds,
       [a IN acts | a.kind] AS kinds
ORDER BY dutyId;

