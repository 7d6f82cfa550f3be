// id:          pressure-decay
// title:       压力传导 | Pressure transmission
// basis:       压力传导要逐级到底，防止“上热中温下冷”和“中梗阻”；上级要对下级开展督促检查。
//              HOT_TOP_COLD_BOTTOM: domain.md 4.3 / D27 "上热中温下冷 — The top deploys energetically, the middle
//              half-heartedly, the bottom hardly at all [004]"
// description: Whether pressure travels down the hierarchy (压力传导逐级递减, 上热中温下冷, 中梗阻). pressure(unit) =
//              Σ weight(kind) · count over the activities the unit DID in the trailing year (asOf − 365 days < date
//              ≤ asOf; an activity without count counts 1) ÷ the expected yearly weighted count for the unit's kind.
//              Defaults (AnalysisSettings, design.md section 5; configurable as dutychain.analysis.*): weights MEETING
//              1, STUDY 1, TALK 1, TRAINING 1, REPORT 1, OTHER 0.5, CHECK 2, DUTY_REVIEW 2, ADMONITION 2 (an unknown
//              activity kind weighs 1); expected ORGAN_WORK_COMMITTEE 48, LEADING_PARTY_GROUP / PARTY_COMMITTEE /
//              ORGAN_PARTY_COMMITTEE 36, GENERAL_BRANCH 30, BRANCH / JOINT_BRANCH 24, PARTY_CELL 12, discipline
//              bodies 24 (an unknown unit kind expects 24); levelDecayRatio 0.6, blockageParentRatio 0.8,
//              blockageChildRatio 0.5. Children = units led by PRIMARY or DUAL edges; parent = the PRIMARY parent;
//              a downward action is an activity the unit itself DID in the trailing year AIMED_AT one of its
//              children. Ratios are compared with a 1e-9 tolerance, so a value exactly at a threshold counts as
//              at it. The Java class reads statement unit-pressure and the shared scoped graph (children, and
//              the PRIMARY parent inside the scope); COLD_UNIT and NO_DOWNWARD_CHECK are plain Cypher. Metrics:
//              levels: [{level, units, mean, median, coldShare, ratioToAbove}] over every unit in scope with a
//              level (coldShare = share without any activity, ratioToAbove = mean ÷ mean of the level above, null
//              for the first level or a zero mean above), and units: [{unitId, level, pressure, childrenMean,
//              downwardShare}] for every unit with children (downwardShare = share of its children that received
//              a downward action).
// order:       50
// sensitive:   false
// engine:      jgrapht
// class:       PressureDecayAnalysis
// codes:       LEVEL_DECAY MEDIUM: the mean pressure of level L+1 is below $levelDecayRatio × the mean of level L
//              (over all units of each level in scope); subject = the lower level; unitId = the scope unit, or the
//              first unit (by id) of the lower level when the scope is every unit
//              MIDDLE_BLOCKAGE MEDIUM: a unit with a PRIMARY parent and children whose pressure is at least
//              $blockageParentRatio × its parent's while its children's mean is below $blockageChildRatio × its
//              own (中梗阻); roots are never blocking
//              COLD_UNIT MEDIUM: the unit DID no activity in the trailing year
//              NO_DOWNWARD_CHECK MEDIUM: a unit with children that DID no activity in the trailing year AIMED_AT
//              any of them
//              HOT_TOP_COLD_BOTTOM MEDIUM: over the levels of the profile from the first (the scope's top level)
//              to D, the deepest level with at least $minLevelUnits units in scope (D below the first): the first
//              level's mean pressure >= $hotLevel, level D's < $coldLevel, and every level in between lies in
//              [$coldLevel, $hotLevel) (上热中温下冷); one finding for the scope, subject = the scope root (the
//              scope unit, or the first unit by id of the first level when the scope is every unit). Reading
//              taken: with only two levels (nothing in between) the pattern is still reported (上热下冷), and
//              levels deeper than D (too few units to judge) are left out.
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              weights: map<string, float>, expected: map<string, float>, levelDecayRatio, blockageParentRatio,
//              blockageChildRatio, hotLevel, coldLevel: float, minLevelUnits: integer
// returns:     code, unitId, evidenceIds, unitName, childCount
// LEVEL_DECAY.title: 压力逐级递减 | Pressure decays by level
// LEVEL_DECAY.subject: level
// LEVEL_DECAY.zh: 第{level}级平均压力{lowerMean}不足第{upperLevel}级（{upperMean}）的{levelDecayRatio}倍：压力逐级递减
// LEVEL_DECAY.en: Mean pressure of level {level} ({lowerMean}) is below {levelDecayRatio} × level {upperLevel} ({upperMean}): pressure fades level by level
// MIDDLE_BLOCKAGE.title: 中梗阻 | Middle blockage
// MIDDLE_BLOCKAGE.subject: unitId
// MIDDLE_BLOCKAGE.zh: {unitName}压力{pressure}不低于上级{parentName}（{parentPressure}）的{blockageParentRatio}倍，但下级平均仅{childrenMean}：中梗阻
// MIDDLE_BLOCKAGE.en: {unitName} is as hot as its parent {parentName} ({pressure} vs {parentPressure}) but its children average only {childrenMean}: blockage in the middle
// HOT_TOP_COLD_BOTTOM.title: 上热中温下冷 | Hot top, cold bottom
// HOT_TOP_COLD_BOTTOM.subject: unitId
// HOT_TOP_COLD_BOTTOM.zh: 压力传导“上热中温下冷”：第{topLevel}级平均压力{topMean}（不低于{hotLevel}），第{bottomLevel}级仅{bottomMean}（低于{coldLevel}），中间各级{middleZh}
// HOT_TOP_COLD_BOTTOM.en: Hot at the top, cold at the bottom: level {topLevel} averages {topMean} (at least {hotLevel}), level {bottomLevel} only {bottomMean} (below {coldLevel}); levels in between {middleEn}
// COLD_UNIT.title: 全年无履责活动 | Cold unit
// COLD_UNIT.subject: unitId
// COLD_UNIT.zh: {unitName}在{asOf}前一年内没有任何工作记录
// COLD_UNIT.en: {unitName} recorded no activity in the year before {asOf}
// NO_DOWNWARD_CHECK.title: 未向下督导 | No downward check
// NO_DOWNWARD_CHECK.subject: unitId
// NO_DOWNWARD_CHECK.zh: {unitName}在{asOf}前一年内未对所属{childCount}个下级组织开展任何工作
// NO_DOWNWARD_CHECK.en: {unitName} aimed no activity at any of its {childCount} subordinate units in the year before {asOf}

// statement: COLD_UNIT
{{scope-units}}
  AND NOT EXISTS {
  MATCH (u)-[:DID]->(a:Activity)
  WHERE a.date > $asOf - duration({days: 365}) AND a.date <= $asOf
}
RETURN 'COLD_UNIT' AS code, u.id AS unitId, [u.id] AS evidenceIds, coalesce(u.name, u.id) AS unitName
ORDER BY unitId;

// statement: NO_DOWNWARD_CHECK
{{scope-units}}
MATCH (u)-[l:LEADS]->(c:Unit)
WHERE l.kind IN ['PRIMARY', 'DUAL']
WITH u, c
ORDER BY c.id
WITH u, collect(DISTINCT c.id) AS childIds
WHERE NOT EXISTS {
  MATCH (u)-[:DID]->(a:Activity)-[:AIMED_AT]->(t:Unit)
  WHERE t.id IN childIds AND a.date > $asOf - duration({days: 365}) AND a.date <= $asOf
}
RETURN 'NO_DOWNWARD_CHECK' AS code, u.id AS unitId, [u.id] + childIds AS evidenceIds,
       coalesce(u.name, u.id) AS unitName, size(childIds) AS childCount
ORDER BY unitId;

// One row per unit in scope. parentId, parentName and parentPressure are set only when the unit's PRIMARY parent lies
// outside the scope (the scope unit of a scoped run; never in a whole audit): the Java class takes an in-scope parent
// from the shared scoped graph and its pressure from the parent's own row, so no activity is summed twice and no unit's
// parent is looked up twice.
// statement: unit-pressure
{{scope-units}}
CALL (u) {
  OPTIONAL MATCH (u)-[:DID]->(a:Activity)
  WHERE a.date > $asOf - duration({days: 365}) AND a.date <= $asOf
  RETURN count(a) AS activities,
         sum({{activity-weight}}) AS weighted
}
CALL (u) {
  OPTIONAL MATCH (u)-[:DID]->(a:Activity)-[:AIMED_AT]->(c:Unit)<-[l:LEADS]-(u)
  WHERE l.kind IN ['PRIMARY', 'DUAL'] AND a.date > $asOf - duration({days: 365}) AND a.date <= $asOf
  RETURN collect(DISTINCT c.id) AS aimedChildren
}
OPTIONAL CALL (u) {
  WITH u
  WHERE $unitIds IS NOT NULL
  MATCH (p:Unit)-[:LEADS {kind: 'PRIMARY'}]->(u)
  WHERE NOT p.id IN $unitIds
  WITH p
  ORDER BY p.id
  LIMIT 1
  OPTIONAL MATCH (p)-[:DID]->(a:Activity)
  WHERE a.date > $asOf - duration({days: 365}) AND a.date <= $asOf
  WITH p, sum({{activity-weight}}) AS parentWeighted
  RETURN p.id AS parentId, coalesce(p.name, p.id) AS parentName,
         parentWeighted / coalesce($expected[p.kind], 24.0) AS parentPressure
}
RETURN u.id AS unitId, coalesce(u.level, 0) AS level, activities,
       weighted / {{expected-yearly}} AS pressure, aimedChildren, parentId, parentName, parentPressure
ORDER BY unitId;
