// id:          hierarchy-integrity
// title:       组织体系完整性 | Hierarchy integrity
// basis:       《中国共产党支部工作条例（试行）》：党员人数3人以上设支部，50人以上的支部一般设总支，100人以上设党委；联合党支部所含单位一般不超过5个；每个党组织都要有上级党组织领导。
// description: Units that lost their leader, LEADS edges that run in a circle, primary parents of the wrong kind, and
//              branches, general branches and joint branches whose size no longer fits their kind (design.md §3:
//              roots and leaders, kind order, member rules).
// order:       10
// sensitive:   false
// engine:      jgrapht
// class:       HierarchyIntegrityAnalysis
// codes:       ORPHAN_UNIT HIGH: a unit of a kind that cannot head a dataset (anything but ORGAN_WORK_COMMITTEE,
//              PARTY_COMMITTEE, LEADING_PARTY_GROUP, DISCIPLINE_WORK_COMMITTEE, DISCIPLINE_COMMISSION) without any
//              incoming LEADS edge of any kind
//              LEADS_CYCLE HIGH: LEADS edges of the scope (every kind) that form a cycle; one finding per strongly
//              connected component with a cycle, keyed by its smallest unit id (Java: HierarchyIntegrityAnalysis over
//              the LEADS edges with both ends in scope, read once per run by the shared scoped graph)
//              KIND_ORDER MEDIUM: along a PRIMARY edge a BRANCH/JOINT_BRANCH leads something other than a PARTY_CELL,
//              a PARTY_CELL leads anything, or the child ranks above its parent (work committee > party group / party
//              committee / discipline work committee / discipline commission > organ party committee / organ
//              discipline committee / stationed discipline team > general branch > branch, joint branch > party
//              cell); equal ranks and a PARTY_COMMITTEE or ORGAN_PARTY_COMMITTEE under either of them (a committee
//              under a committee) are normal; the finding sits at the child
//              TOO_FEW_MEMBERS MEDIUM: a BRANCH with fewer than $branchMinMembers members (JOINT_BRANCH exempt)
//              SHOULD_BE_GENERAL_BRANCH LOW: a BRANCH with more than $branchMaxMembers members
//              SHOULD_BE_COMMITTEE LOW: a GENERAL_BRANCH with at least $generalBranchMaxMembers members
//              JOINT_BRANCH_TOO_WIDE LOW: a JOINT_BRANCH spanning more than $jointBranchMaxHosts host units
// params:      generation: integer, unitIds: list<string> or null (null = every unit and orphans too),
//              branchMinMembers: integer, branchMaxMembers: integer, generalBranchMaxMembers: integer,
//              jointBranchMaxHosts: integer
// returns:     code, unitId, evidenceIds, paths, unitName, unitKind, parentId, parentName, parentKind, ruleZh, ruleEn,
//              members, hostUnits (each finding statement
//              returns the subset its messages need; LEADS_CYCLE rows come from HierarchyIntegrityAnalysis)
// ORPHAN_UNIT.title: 无上级党组织 | Orphan unit
// ORPHAN_UNIT.subject: unitId
// ORPHAN_UNIT.zh: {unitName}（{unitKind:UnitKind}）不能作为顶层组织，却没有任何上级党组织领导
// ORPHAN_UNIT.en: {unitName} ({unitKind:UnitKind}) cannot head a hierarchy but no unit leads it
// LEADS_CYCLE.title: 领导关系成环 | Leadership cycle
// LEADS_CYCLE.subject: unitId
// LEADS_CYCLE.zh: 领导关系形成闭环（含{unitName}，共{size}个组织）：{cycle}
// LEADS_CYCLE.en: LEADS edges run in a circle through {unitName} (component size {size}): {cycle}
// KIND_ORDER.title: 隶属关系层级不当 | Kind order violated
// KIND_ORDER.subject: unitId
// KIND_ORDER.zh: {parentName}（{parentKind:UnitKind}）不应作为{unitName}（{unitKind:UnitKind}）的主要上级：{ruleZh}
// KIND_ORDER.en: {parentName} ({parentKind:UnitKind}) should not be the primary parent of {unitName} ({unitKind:UnitKind}): {ruleEn}
// TOO_FEW_MEMBERS.title: 党员人数不足 | Too few members
// TOO_FEW_MEMBERS.subject: unitId
// TOO_FEW_MEMBERS.zh: {unitName}只有{members}名党员，少于{branchMinMembers}名，应组建联合党支部
// TOO_FEW_MEMBERS.en: {unitName} has {members} members, fewer than {branchMinMembers}; it should join a joint branch
// SHOULD_BE_GENERAL_BRANCH.title: 应设党总支 | Should be a general branch
// SHOULD_BE_GENERAL_BRANCH.subject: unitId
// SHOULD_BE_GENERAL_BRANCH.zh: {unitName}有{members}名党员，超过{branchMaxMembers}名，应设立党总支
// SHOULD_BE_GENERAL_BRANCH.en: {unitName} has {members} members, more than {branchMaxMembers}; it should become a general branch
// SHOULD_BE_COMMITTEE.title: 应设党委 | Should be a committee
// SHOULD_BE_COMMITTEE.subject: unitId
// SHOULD_BE_COMMITTEE.zh: {unitName}有{members}名党员，达到{generalBranchMaxMembers}名，应设立基层党委
// SHOULD_BE_COMMITTEE.en: {unitName} has {members} members, at least {generalBranchMaxMembers}; it should become a party committee
// JOINT_BRANCH_TOO_WIDE.title: 联合支部覆盖过宽 | Joint branch too wide
// JOINT_BRANCH_TOO_WIDE.subject: unitId
// JOINT_BRANCH_TOO_WIDE.zh: {unitName}涉及{hostUnits}个单位，超过{jointBranchMaxHosts}个
// JOINT_BRANCH_TOO_WIDE.en: {unitName} spans {hostUnits} host units, more than {jointBranchMaxHosts}

// statement: ORPHAN_UNIT
{{scope-units}}
  AND NOT u.kind IN ['ORGAN_WORK_COMMITTEE', 'PARTY_COMMITTEE', 'LEADING_PARTY_GROUP', 'DISCIPLINE_WORK_COMMITTEE',
                     'DISCIPLINE_COMMISSION']
  AND NOT EXISTS { MATCH (:Unit)-[:LEADS]->(u) }
RETURN 'ORPHAN_UNIT' AS code, u.id AS unitId, [u.id] AS evidenceIds, u.name AS unitName, u.kind AS unitKind
ORDER BY unitId;

// statement: KIND_ORDER
{{scope-units}}
MATCH (parent:Unit)-[:LEADS {kind: 'PRIMARY'}]->(u)
WITH u, parent,
     {ORGAN_WORK_COMMITTEE: 5,
      LEADING_PARTY_GROUP: 4, PARTY_COMMITTEE: 4, DISCIPLINE_WORK_COMMITTEE: 4, DISCIPLINE_COMMISSION: 4,
      ORGAN_PARTY_COMMITTEE: 3, ORGAN_DISCIPLINE_COMMITTEE: 3, STATIONED_DISCIPLINE_TEAM: 3,
      GENERAL_BRANCH: 2,
      BRANCH: 1, JOINT_BRANCH: 1,
      PARTY_CELL: 0} AS rank
WITH u, parent,
     CASE
       WHEN parent.kind = 'PARTY_CELL'
         THEN ['党小组不领导任何组织', 'a party cell leads nothing']
       WHEN parent.kind IN ['BRANCH', 'JOINT_BRANCH'] AND u.kind <> 'PARTY_CELL'
         THEN ['党支部只能领导党小组', 'a branch may lead only party cells']
       WHEN rank[u.kind] > rank[parent.kind]
            AND NOT (u.kind IN ['PARTY_COMMITTEE', 'ORGAN_PARTY_COMMITTEE']
                     AND parent.kind IN ['PARTY_COMMITTEE', 'ORGAN_PARTY_COMMITTEE'])
         THEN ['下级组织层级不得高于上级', 'a child may not rank above its parent']
     END AS rule
WHERE rule IS NOT NULL
RETURN 'KIND_ORDER' AS code, u.id AS unitId, [parent.id, u.id] AS evidenceIds, [[parent.id, u.id]] AS paths,
       u.name AS unitName, u.kind AS unitKind, parent.id AS parentId, parent.name AS parentName,
       parent.kind AS parentKind, rule[0] AS ruleZh, rule[1] AS ruleEn
ORDER BY unitId, parentId;

// statement: TOO_FEW_MEMBERS
{{scope-units}}
  AND u.kind = 'BRANCH'
  AND u.members < $branchMinMembers
RETURN 'TOO_FEW_MEMBERS' AS code, u.id AS unitId, [u.id] AS evidenceIds, u.name AS unitName, u.members AS members
ORDER BY unitId;

// statement: SHOULD_BE_GENERAL_BRANCH
{{scope-units}}
  AND u.kind = 'BRANCH'
  AND u.members > $branchMaxMembers
RETURN 'SHOULD_BE_GENERAL_BRANCH' AS code, u.id AS unitId, [u.id] AS evidenceIds, u.name AS unitName,
       u.members AS members
ORDER BY unitId;

// statement: SHOULD_BE_COMMITTEE
{{scope-units}}
  AND u.kind = 'GENERAL_BRANCH'
  AND u.members >= $generalBranchMaxMembers
RETURN 'SHOULD_BE_COMMITTEE' AS code, u.id AS unitId, [u.id] AS evidenceIds, u.name AS unitName,
       u.members AS members
ORDER BY unitId;

// statement: JOINT_BRANCH_TOO_WIDE
{{scope-units}}
  AND u.kind = 'JOINT_BRANCH'
  AND u.hostUnits > $jointBranchMaxHosts
RETURN 'JOINT_BRANCH_TOO_WIDE' AS code, u.id AS unitId, [u.id] AS evidenceIds, u.name AS unitName,
       u.hostUnits AS hostUnits
ORDER BY unitId;
