// id:          supervision-lifecycle
// title:       挂牌督办进程 | Listed supervision lifecycle
// basis:       挂牌督办：一般半年内完成整改，按“挂牌—交办—整改—验收—摘牌”等环节推进，问题未销号不得摘牌。
// description: Listed supervision (挂牌督办, Enshi) that ran past its half-year deadline without an outcome, listings
//              whose stage contradicts their outcome, units relisted again and again, and units delisted while
//              problems found before the delisting were still open. Only listings of units in scope and listed on or
//              before asOf are read. Deadline = `deadline`, else listedOn + $supervisionDefaultMonths months. Stage
//              order: START, SELF_CHECK, ASSIGN, RECTIFY, ACCEPTANCE, SUMMARY, LONG_TERM; a listing without a stage
//              or with an unknown one is not judged. Outcome, stage and issue status are the stored values.
//              SUPERVISION_OVERDUE, STAGE_INCONSISTENT and RELISTED_AGAIN give one finding per unit (key = unit, as
//              design.md section 5 fixes), the listings in evidence and metrics; DELISTED_WITH_OPEN_ISSUES gives one
//              per delisting (subject = unit + supervision id). A delisting without outcomeOn is compared with asOf.
// order:       100
// sensitive:   false
// engine:      cypher
// codes:       SUPERVISION_OVERDUE HIGH: a listing's deadline lies before asOf and it has no outcome
//              STAGE_INCONSISTENT LOW: an outcome while the stage is before ACCEPTANCE, or stage SUMMARY/LONG_TERM
//                without an outcome
//              RELISTED_AGAIN MEDIUM: at least two listings of the unit ended RELISTED (继续挂牌)
//              DELISTED_WITH_OPEN_ISSUES HIGH: a DELISTED (摘牌) listing while OPEN or RECTIFYING issues of that unit
//                found on or before outcomeOn exist; subject = unit + supervision id
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              supervisionDefaultMonths: integer
// returns:     code, unitId, evidenceIds, metrics, unitName, supervisionIds, deadline, stage, outcome,
//              relisted, supervisionId, outcomeOn, openIssues
// SUPERVISION_OVERDUE.title: 挂牌督办逾期 | Supervision overdue
// SUPERVISION_OVERDUE.subject: unitId
// SUPERVISION_OVERDUE.zh: {unitName}的挂牌督办（{supervisionIds}）已过整改期限{deadline}，仍无验收结果
// SUPERVISION_OVERDUE.en: Listed supervision of {unitName} ({supervisionIds}) passed its deadline {deadline} without an outcome
// STAGE_INCONSISTENT.title: 督办环节不一致 | Supervision stage inconsistent
// STAGE_INCONSISTENT.subject: unitId
// STAGE_INCONSISTENT.zh: {unitName}的挂牌督办（{supervisionIds}）阶段与结果不一致：阶段{stage:SupervisionStage}，结果{outcome:SupervisionOutcome}
// STAGE_INCONSISTENT.en: Listed supervision of {unitName} ({supervisionIds}) has stage {stage:SupervisionStage} but outcome {outcome:SupervisionOutcome}
// RELISTED_AGAIN.title: 多次继续挂牌 | Relisted again
// RELISTED_AGAIN.subject: unitId
// RELISTED_AGAIN.zh: {unitName}已{relisted}次被继续挂牌督办（{supervisionIds}）
// RELISTED_AGAIN.en: {unitName} was relisted {relisted} times ({supervisionIds})
// DELISTED_WITH_OPEN_ISSUES.title: 摘牌时问题未清零 | Delisted with open issues
// DELISTED_WITH_OPEN_ISSUES.subject: unitId, supervisionId
// DELISTED_WITH_OPEN_ISSUES.zh: {unitName}于{outcomeOn}摘牌（{supervisionId}），但仍有{openIssues}个此前发现的问题未整改完毕
// DELISTED_WITH_OPEN_ISSUES.en: {unitName} was delisted on {outcomeOn} ({supervisionId}) with {openIssues} earlier issues still open

// statement: SUPERVISION_OVERDUE
{{scope-units}}
MATCH (u)-[:LISTED_IN]->(s:Supervision)
WHERE s.listedOn <= $asOf
  AND s.outcome IS NULL
WITH u, s, coalesce(s.deadline, s.listedOn + duration({months: $supervisionDefaultMonths})) AS deadline
WHERE deadline < $asOf
WITH u, s, deadline
ORDER BY s.id
WITH u, collect(s.id) AS supervisionIds, collect(deadline) AS deadlines
RETURN 'SUPERVISION_OVERDUE' AS code, u.id AS unitId, [u.id] + supervisionIds AS evidenceIds,
       u.name AS unitName, supervisionIds, deadlines AS deadline,
       {supervisions: supervisionIds, deadlines: deadlines} AS metrics
ORDER BY unitId;

// statement: STAGE_INCONSISTENT
{{scope-units}}
MATCH (u)-[:LISTED_IN]->(s:Supervision)
WHERE s.listedOn <= $asOf
WITH u, s,
     ['START', 'SELF_CHECK', 'ASSIGN', 'RECTIFY', 'ACCEPTANCE', 'SUMMARY', 'LONG_TERM'] AS stages
WHERE (s.outcome IS NOT NULL AND s.stage IN stages[0..4])
   OR (s.outcome IS NULL AND s.stage IN ['SUMMARY', 'LONG_TERM'])
WITH u, s
ORDER BY s.id
WITH u, collect(s.id) AS supervisionIds, collect(s.stage) AS stages,
     collect(coalesce(s.outcome, 'NONE')) AS outcomes
RETURN 'STAGE_INCONSISTENT' AS code, u.id AS unitId, [u.id] + supervisionIds AS evidenceIds, u.name AS unitName,
       supervisionIds, stages AS stage, outcomes AS outcome,
       {supervisions: supervisionIds, stages: stages, outcomes: outcomes} AS metrics
ORDER BY unitId;

// statement: RELISTED_AGAIN
{{scope-units}}
MATCH (u)-[:LISTED_IN]->(s:Supervision)
WHERE s.listedOn <= $asOf
  AND s.outcome = 'RELISTED'
WITH u, s
ORDER BY s.id
WITH u, collect(s.id) AS supervisionIds
WHERE size(supervisionIds) >= 2
RETURN 'RELISTED_AGAIN' AS code, u.id AS unitId, [u.id] + supervisionIds AS evidenceIds, u.name AS unitName,
       supervisionIds, size(supervisionIds) AS relisted,
       {supervisions: supervisionIds, relisted: size(supervisionIds)} AS metrics
ORDER BY unitId;

// statement: DELISTED_WITH_OPEN_ISSUES
{{scope-units}}
MATCH (u)-[:LISTED_IN]->(s:Supervision)
WHERE s.listedOn <= $asOf
  AND s.outcome = 'DELISTED'
WITH u, s, coalesce(s.outcomeOn, $asOf) AS outcomeOn
MATCH (i:Issue)-[:FOUND_IN]->(u)
WHERE i.status IN ['OPEN', 'RECTIFYING']
  AND i.foundOn <= outcomeOn
WITH u, s, outcomeOn, i
ORDER BY i.id
WITH u, s, outcomeOn, collect(i.id) AS issueIds
RETURN 'DELISTED_WITH_OPEN_ISSUES' AS code, u.id AS unitId,
       [u.id, s.id] + issueIds AS evidenceIds, u.name AS unitName, s.id AS supervisionId, outcomeOn,
       size(issueIds) AS openIssues, {openIssues: issueIds, outcomeOn: outcomeOn} AS metrics
ORDER BY unitId, supervisionId;
