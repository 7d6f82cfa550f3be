// id:          leadership-structure
// title:       领导体制与配备 | Leadership structure and staffing
// description: Whether the two-line leadership of the organ system is complete (机关党委 under both the department's
//              party group and the organ work committee; 机关纪委 under the discipline work committee; the discipline
//              work committee under both the discipline commission and the organ work committee), whether each party
//              group regularly hears its stationed discipline team, whether the secretary of a directly affiliated
//              organization sits on the leadership team above it, and whether the branches in which leadership-team
//              members are organized have an organ first secretary. Leaders, leading units and their activities are
//              read from the whole active dataset whatever the scope; the scope only selects the units judged. "The
//              dataset has an X" means a unit of kind X in the active dataset. Leading edges are LEADS of kind
//              PRIMARY, DUAL or GUIDANCE (DISCIPLINE_SUPERVISION is supervision, not leadership).
//              Readings taken where the issue leaves a choice: the hearing window is the $hearingDays days ending with
//              asOf (asOf - $hearingDays < date <= asOf); a hearing is a REPORT done by the team aimed at the unit or
//              a MEETING or REPORT done by the unit aimed at the team. "Holds a current post at the parent" counts
//              any post of the committee's PRIMARY parent (deputy secretary, member in charge, the secretary where 兼任
//              is practised, or any other team member: the rule asks for a seat on the team, and who heads
//              organization and personnel is not in the data). A leadership-team member of FIRST_SECRETARY_MISSING
//              is a current holder of any post at a LEADING_PARTY_GROUP or at a PARTY_COMMITTEE of sector ORGAN;
//              any current ORGAN_EMBEDDED first secretary of the branch satisfies the rule, whoever holds it.
// basis:       domain.md 1.5 / D07–D09 "ORGAN_PARTY_COMMITTEE (机关党委) | its department's party group **and** the
//              organ work committee", "ORGAN_DISCIPLINE_COMMITTEE (机关纪委) | the discipline work committee [004]";
//              D10 "the party group should hear its reports regularly and support it [004]" (党组定期听取派驻纪检监察组
//              汇报); 2.6 / D14 "Secretary of a directly affiliated organization (typically the 机关党委) must be the
//              party group's deputy secretary **or** the leadership member in charge of organization and personnel
//              [001]", "The party-group secretary may concurrently be secretary of the organ party committee [004]";
//              2.2 / D13 "A leadership-team member who is a party member, in the branch where that member is
//              organized" (机关党支部"第一书记", Nantong [001]).
// engine:      jgrapht
// class:       LeadershipStructureAnalysis
// codes:       ORGAN_COMMITTEE_SINGLE_PARENT MEDIUM: an ORGAN_PARTY_COMMITTEE whose leaders do not include both a
//                LEADING_PARTY_GROUP or PARTY_COMMITTEE and an ORGAN_WORK_COMMITTEE; only when the dataset has an
//                ORGAN_WORK_COMMITTEE
//              ORGAN_DISCIPLINE_UNLED MEDIUM: an ORGAN_DISCIPLINE_COMMITTEE without a leading edge from a
//                DISCIPLINE_WORK_COMMITTEE; only when the dataset has one
//              DUAL_LEADERSHIP_INCOMPLETE LOW: a DISCIPLINE_WORK_COMMITTEE not led by both a DISCIPLINE_COMMISSION and
//                an ORGAN_WORK_COMMITTEE; only when the dataset has a DISCIPLINE_COMMISSION
//              STATIONED_TEAM_NOT_HEARD HIGH: a unit supervised (DISCIPLINE_SUPERVISION) by a
//                STATIONED_DISCIPLINE_TEAM that neither heard the team nor was reported to by it within the window;
//                one finding per unit and team
//              DIRECT_ORG_SECRETARY_INELIGIBLE MEDIUM: the current holder of the PRINCIPAL post of an
//                ORGAN_PARTY_COMMITTEE holds no current post at the committee's PRIMARY parent
//              FIRST_SECRETARY_MISSING MEDIUM: (when $firstSecretarySystem) a BRANCH or JOINT_BRANCH that is the home
//                unit of a current leadership-team member, without a current ORGAN_EMBEDDED first secretary; the
//                analysis metric unplacedLeaders counts such members (posts in scope) whose home unit is not a branch
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              hearingDays: integer, firstSecretarySystem: boolean
// returns:     code, unitId, postId, personId, subject, evidenceIds, metrics, unitName, leaderNames, missingZh,
//              missingEn, teamName, teamId, windowStart, personName, postTitle, parentName, leaders
// ORGAN_COMMITTEE_SINGLE_PARENT.title: 机关党委缺少双重领导 | Organ committee with a single line of leadership
// ORGAN_COMMITTEE_SINGLE_PARENT.subject: unitId
// ORGAN_COMMITTEE_SINGLE_PARENT.zh: {unitName}未同时接受部门党组（党委）和机关工委的领导，缺少{missingZh}的领导（现领导单位：{leaderNames}）
// ORGAN_COMMITTEE_SINGLE_PARENT.en: {unitName} is not led by both its department's party group and the organ work committee: no leading edge from {missingEn} (leaders: {leaderNames})
// ORGAN_DISCIPLINE_UNLED.title: 机关纪委未受纪检监察工委领导 | Organ discipline committee not led by the discipline work committee
// ORGAN_DISCIPLINE_UNLED.subject: unitId
// ORGAN_DISCIPLINE_UNLED.zh: {unitName}未接受纪检监察工委的领导（现领导单位：{leaderNames}）
// ORGAN_DISCIPLINE_UNLED.en: {unitName} is not led by a discipline work committee (leaders: {leaderNames})
// DUAL_LEADERSHIP_INCOMPLETE.title: 纪检监察工委双重领导不全 | Discipline work committee dual leadership incomplete
// DUAL_LEADERSHIP_INCOMPLETE.subject: unitId
// DUAL_LEADERSHIP_INCOMPLETE.zh: {unitName}未同时接受纪委监委和机关工委的领导，缺少{missingZh}的领导（现领导单位：{leaderNames}）
// DUAL_LEADERSHIP_INCOMPLETE.en: {unitName} is not led by both the discipline commission and the organ work committee: no leading edge from {missingEn} (leaders: {leaderNames})
// STATIONED_TEAM_NOT_HEARD.title: 未听取派驻纪检监察组汇报 | Stationed discipline team not heard
// STATIONED_TEAM_NOT_HEARD.subject: unitId, teamId
// STATIONED_TEAM_NOT_HEARD.zh: {unitName}自{windowStart}至{asOf}未听取{teamName}的工作汇报，{teamName}也未向其报告工作
// STATIONED_TEAM_NOT_HEARD.en: From {windowStart} to {asOf} {unitName} did not hear {teamName}, and the team made no report to it
// DIRECT_ORG_SECRETARY_INELIGIBLE.title: 直属党组织书记未进班子 | Directly affiliated organization's secretary not on the team
// DIRECT_ORG_SECRETARY_INELIGIBLE.subject: unitId, personId
// DIRECT_ORG_SECRETARY_INELIGIBLE.zh: {unitName}的{postTitle}{personName}未在{parentName}领导班子任职（直属党组织书记应由党组副书记或分管组织人事工作的班子成员担任，或由党组书记兼任）
// DIRECT_ORG_SECRETARY_INELIGIBLE.en: {personName}, {postTitle} of {unitName}, holds no post on the leadership team of {parentName} (the secretary of a directly affiliated organization should be its deputy secretary, the member in charge of organization and personnel, or its secretary)
// FIRST_SECRETARY_MISSING.title: 班子成员所在支部无第一书记 | Leaders' branch without a first secretary
// FIRST_SECRETARY_MISSING.subject: unitId
// FIRST_SECRETARY_MISSING.zh: 领导班子成员{leaders}编在{unitName}，但该支部没有在任的机关党支部“第一书记”
// FIRST_SECRETARY_MISSING.en: Leadership-team members {leaders} are organized in {unitName}, but the branch has no current organ first secretary

// statement: ORGAN_COMMITTEE_SINGLE_PARENT
{{scope-units}}
  AND u.kind = 'ORGAN_PARTY_COMMITTEE'
  AND EXISTS { MATCH (w:Unit) WHERE w.generation = $generation AND w.kind = 'ORGAN_WORK_COMMITTEE' }
OPTIONAL MATCH (l:Unit)-[r:LEADS]->(u)
WHERE r.kind IN ['PRIMARY', 'DUAL', 'GUIDANCE']
WITH u, l
ORDER BY l.id
WITH u, collect(l) AS leaders
WITH u, leaders, any(l IN leaders WHERE l.kind IN ['LEADING_PARTY_GROUP', 'PARTY_COMMITTEE']) AS byGroup,
     any(l IN leaders WHERE l.kind = 'ORGAN_WORK_COMMITTEE') AS byCommittee
WHERE NOT (byGroup AND byCommittee)
RETURN 'ORGAN_COMMITTEE_SINGLE_PARENT' AS code, u.id AS unitId, null AS postId, null AS personId, [u.id] AS subject,
       [u.id] + [l IN leaders | l.id] AS evidenceIds, u.name AS unitName,
       CASE WHEN size(leaders) = 0 THEN '无' ELSE reduce(s = '', l IN leaders | s + CASE s WHEN '' THEN '' ELSE '、' END + coalesce(l.name, l.id)) END
         AS leaderNames,
       CASE WHEN NOT byGroup AND NOT byCommittee THEN '部门党组（党委）和机关工委' WHEN NOT byGroup THEN '部门党组（党委）' ELSE '机关工委' END
         AS missingZh,
       CASE WHEN NOT byGroup AND NOT byCommittee THEN 'a party group or committee and the organ work committee'
            WHEN NOT byGroup THEN 'a party group or committee' ELSE 'the organ work committee' END AS missingEn
ORDER BY unitId;

// statement: ORGAN_DISCIPLINE_UNLED
{{scope-units}}
  AND u.kind = 'ORGAN_DISCIPLINE_COMMITTEE'
  AND EXISTS { MATCH (w:Unit) WHERE w.generation = $generation AND w.kind = 'DISCIPLINE_WORK_COMMITTEE' }
  AND NOT EXISTS {
    MATCH (w:Unit)-[r:LEADS]->(u)
    WHERE w.kind = 'DISCIPLINE_WORK_COMMITTEE' AND r.kind IN ['PRIMARY', 'DUAL', 'GUIDANCE']
  }
OPTIONAL MATCH (l:Unit)-[r:LEADS]->(u)
WHERE r.kind IN ['PRIMARY', 'DUAL', 'GUIDANCE']
WITH u, l
ORDER BY l.id
WITH u, collect(l) AS leaders
RETURN 'ORGAN_DISCIPLINE_UNLED' AS code, u.id AS unitId, null AS postId, null AS personId, [u.id] AS subject,
       [u.id] + [l IN leaders | l.id] AS evidenceIds, u.name AS unitName,
       CASE WHEN size(leaders) = 0 THEN '无' ELSE reduce(s = '', l IN leaders | s + CASE s WHEN '' THEN '' ELSE '、' END + coalesce(l.name, l.id)) END
         AS leaderNames
ORDER BY unitId;

// statement: DUAL_LEADERSHIP_INCOMPLETE
{{scope-units}}
  AND u.kind = 'DISCIPLINE_WORK_COMMITTEE'
  AND EXISTS { MATCH (w:Unit) WHERE w.generation = $generation AND w.kind = 'DISCIPLINE_COMMISSION' }
OPTIONAL MATCH (l:Unit)-[r:LEADS]->(u)
WHERE r.kind IN ['PRIMARY', 'DUAL', 'GUIDANCE']
WITH u, l
ORDER BY l.id
WITH u, collect(l) AS leaders
WITH u, leaders, any(l IN leaders WHERE l.kind = 'DISCIPLINE_COMMISSION') AS commission,
     any(l IN leaders WHERE l.kind = 'ORGAN_WORK_COMMITTEE') AS byCommittee
WHERE NOT (commission AND byCommittee)
RETURN 'DUAL_LEADERSHIP_INCOMPLETE' AS code, u.id AS unitId, null AS postId, null AS personId, [u.id] AS subject,
       [u.id] + [l IN leaders | l.id] AS evidenceIds, u.name AS unitName,
       CASE WHEN size(leaders) = 0 THEN '无' ELSE reduce(s = '', l IN leaders | s + CASE s WHEN '' THEN '' ELSE '、' END + coalesce(l.name, l.id)) END
         AS leaderNames,
       CASE WHEN NOT commission AND NOT byCommittee THEN '纪委监委和机关工委' WHEN NOT commission THEN '纪委监委' ELSE '机关工委' END
         AS missingZh,
       CASE WHEN NOT commission AND NOT byCommittee THEN 'the discipline commission and the organ work committee'
            WHEN NOT commission THEN 'the discipline commission' ELSE 'the organ work committee' END AS missingEn
ORDER BY unitId;

// statement: STATIONED_TEAM_NOT_HEARD
{{scope-units}}
MATCH (t:Unit)-[:LEADS {kind: 'DISCIPLINE_SUPERVISION'}]->(u)
WHERE t.kind = 'STATIONED_DISCIPLINE_TEAM'
WITH DISTINCT u, t, $asOf - duration({days: $hearingDays}) AS windowStart
WHERE NOT EXISTS {
    MATCH (t)-[:DID]->(a:Activity)-[:AIMED_AT]->(u)
    WHERE a.kind = 'REPORT' AND a.date > windowStart AND a.date <= $asOf
  }
  AND NOT EXISTS {
    MATCH (u)-[:DID]->(a:Activity)-[:AIMED_AT]->(t)
    WHERE a.kind IN ['MEETING', 'REPORT'] AND a.date > windowStart AND a.date <= $asOf
  }
RETURN 'STATIONED_TEAM_NOT_HEARD' AS code, u.id AS unitId, null AS postId, null AS personId, [u.id, t.id] AS subject,
       [u.id, t.id] AS evidenceIds, u.name AS unitName, t.name AS teamName, windowStart + duration({days: 1}) AS windowStart,
       t.id AS teamId, {teamId: t.id, hearingDays: $hearingDays} AS metrics
ORDER BY unitId, teamId;

// statement: DIRECT_ORG_SECRETARY_INELIGIBLE
{{scope-units}}
  AND u.kind = 'ORGAN_PARTY_COMMITTEE'
MATCH (parent:Unit)-[:LEADS {kind: 'PRIMARY'}]->(u)
MATCH (u)-[:HAS_POST]->(p:Post)-[:OF_KIND]->(:PostKind {responsibility: 'PRINCIPAL'})
MATCH (x:Person)-[h:HOLDS]->(p)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  AND NOT EXISTS {
    MATCH (x)-[h2:HOLDS]->(:Post)<-[:HAS_POST]-(parent)
    WHERE h2.since <= $asOf AND (h2.until IS NULL OR h2.until >= $asOf)
  }
WITH u, parent, x, p
ORDER BY p.id
WITH u, parent, x, collect(p)[0] AS p
OPTIONAL MATCH (p)-[:OF_KIND]->(k:PostKind)
RETURN 'DIRECT_ORG_SECRETARY_INELIGIBLE' AS code, u.id AS unitId, null AS postId, x.id AS personId,
       [u.id, x.id] AS subject, [u.id, p.id, x.id, parent.id] AS evidenceIds, u.name AS unitName,
       coalesce(x.name, x.id) AS personName, coalesce(p.title, k.name, p.kind) AS postTitle, parent.name AS parentName
ORDER BY unitId, personId;

// statement: FIRST_SECRETARY_MISSING
{{scope-units}}
  AND $firstSecretarySystem
  AND u.kind IN ['BRANCH', 'JOINT_BRANCH']
MATCH (u)<-[:HOME_UNIT]-(x:Person)-[h:HOLDS]->(p:Post)<-[:HAS_POST]-(team:Unit)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  AND (team.kind = 'LEADING_PARTY_GROUP' OR (team.kind = 'PARTY_COMMITTEE' AND team.sector = 'ORGAN'))
  AND NOT EXISTS {
    MATCH (:Person)-[f:FIRST_SECRETARY_OF]->(u)
    WHERE f.kind = 'ORGAN_EMBEDDED' AND (f.since IS NULL OR f.since <= $asOf) AND (f.until IS NULL OR f.until >= $asOf)
  }
WITH u, x, team, p
ORDER BY x.id, p.id
WITH u, collect(DISTINCT x) AS members, collect(DISTINCT team.id) AS teams, collect(p.id) AS postIds
RETURN 'FIRST_SECRETARY_MISSING' AS code, u.id AS unitId, null AS postId, null AS personId, [u.id] AS subject,
       [u.id] + [m IN members | m.id] + teams AS evidenceIds, u.name AS unitName,
       reduce(s = '', m IN members | s + CASE s WHEN '' THEN '' ELSE '、' END + coalesce(m.name, m.id)) AS leaders,
       {leaders: size(members)} AS metrics
ORDER BY unitId;

// statement: unplaced-leaders
// Current leadership-team members (posts at a LEADING_PARTY_GROUP or an ORGAN-sector PARTY_COMMITTEE in scope)
// whose home unit is not a BRANCH or JOINT_BRANCH (or who have none): they cannot be checked for a first secretary.
MATCH (team:Unit)
WHERE team.generation = $generation
  AND ($unitIds IS NULL OR team.id IN $unitIds)
  AND (team.kind = 'LEADING_PARTY_GROUP' OR (team.kind = 'PARTY_COMMITTEE' AND team.sector = 'ORGAN'))
MATCH (team)-[:HAS_POST]->(:Post)<-[h:HOLDS]-(x:Person)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  AND NOT EXISTS { MATCH (x)-[:HOME_UNIT]->(b:Unit) WHERE b.kind IN ['BRANCH', 'JOINT_BRANCH'] }
RETURN count(DISTINCT x) AS unplacedLeaders;
