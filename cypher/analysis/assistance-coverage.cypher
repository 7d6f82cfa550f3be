// id:          assistance-coverage
// title:       包扶覆盖 | Assistance coverage
// basis:       软弱涣散基层党组织整顿：实行五级包扶（县级领导包村、乡镇领导包片等），软弱涣散村要选派驻村第一书记。
// description: Weak and lax organizations (软弱涣散) that lack one of the five assistance levels (五级包扶), weak
//              villages without a stationed first secretary, assistants spread over too many units, and assistance
//              that ran out while the unit is still weak. "Weak now" = a DESIGNATED_WEAK grading in the latest
//              designation year <= year(asOf), or grade D in the latest ABCD year <= year(asOf); each latest year is
//              taken over the units in scope. "Current" = since <= asOf and (until null or until >= asOf).
//              The FIRST_SECRETARY level is covered by a current ASSISTS row of that level or by any current
//              FIRST_SECRETARY_OF edge, whatever its kind (design.md: "an assistance row or a current
//              first_secretaries row"); WEAK_UNASSISTED, WEAK_VILLAGE_NO_FIRST_SECRETARY and ASSISTANCE_EXPIRED all
//              use this one test. PAIRING (结对帮扶) covers none of the five levels.
// order:       80
// sensitive:   true
// engine:      cypher
// codes:       WEAK_UNASSISTED HIGH: a unit weak now misses a required assistance level: LEADER_CONTACT,
//                ORG_DEPT_GUIDANCE, ORGAN_CO_BUILD, COMMITTEE_SUPERVISOR, and FIRST_SECRETARY too for a VILLAGE-sector
//                unit; one finding per unit, the missing levels in the message and in metrics.missingLevels
//              WEAK_VILLAGE_NO_FIRST_SECRETARY HIGH: a VILLAGE-sector unit weak now has no current first secretary
//                (no current FIRST_SECRETARY_OF of any kind and no current ASSISTS row of level FIRST_SECRETARY)
//              ASSISTANT_OVERLOADED MEDIUM: a person or unit currently assists more than $assistantOverloadLimit
//                distinct units (every level, PAIRING included); unitId = the assistant unit, or the person's home
//                unit with personId = the person; a person without a home unit is outside every scope
//              ASSISTANCE_EXPIRED LOW: an ASSISTS row ended before asOf for a unit weak now, and no current row of
//                the same level exists; subject = unit + level
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              assistantOverloadLimit: integer
// returns:     code, unitId, personId, evidenceIds, metrics, unitName, assistantName, assistedCount,
//              missingLevels, level, endedOn
// WEAK_UNASSISTED.title: 软弱涣散组织包扶不全 | Weak organization not fully assisted
// WEAK_UNASSISTED.subject: unitId
// WEAK_UNASSISTED.zh: 软弱涣散党组织{unitName}缺少包扶层级：{missingLevels:AssistanceLevel}
// WEAK_UNASSISTED.en: Weak organization {unitName} lacks assistance levels: {missingLevels:AssistanceLevel}
// WEAK_VILLAGE_NO_FIRST_SECRETARY.title: 软弱涣散村无第一书记 | Weak village without a first secretary
// WEAK_VILLAGE_NO_FIRST_SECRETARY.subject: unitId
// WEAK_VILLAGE_NO_FIRST_SECRETARY.zh: 软弱涣散村党组织{unitName}在{asOf}没有在任第一书记
// WEAK_VILLAGE_NO_FIRST_SECRETARY.en: Weak village organization {unitName} has no first secretary in office on {asOf}
// ASSISTANT_OVERLOADED.title: 包扶任务过多 | Assistant overloaded
// ASSISTANT_OVERLOADED.sensitive: false
// ASSISTANT_OVERLOADED.subject: unitId, personId
// ASSISTANT_OVERLOADED.zh: {assistantName}同时包扶{assistedCount}个党组织，超过{assistantOverloadLimit}个
// ASSISTANT_OVERLOADED.en: {assistantName} currently assists {assistedCount} units, more than {assistantOverloadLimit}
// ASSISTANCE_EXPIRED.title: 包扶到期未接续 | Assistance expired
// ASSISTANCE_EXPIRED.subject: unitId, level
// ASSISTANCE_EXPIRED.zh: 软弱涣散党组织{unitName}的“{level:AssistanceLevel}”包扶已于{endedOn}结束，未续接
// ASSISTANCE_EXPIRED.en: {level:AssistanceLevel} assistance of weak organization {unitName} ended on {endedOn} and was not renewed

// statement: WEAK_UNASSISTED
{{weak-now}}
WITH u, weakIds,
     ['LEADER_CONTACT', 'ORG_DEPT_GUIDANCE', 'ORGAN_CO_BUILD', 'COMMITTEE_SUPERVISOR']
       + CASE WHEN u.sector = 'VILLAGE' THEN ['FIRST_SECRETARY'] ELSE [] END AS required
WITH u, weakIds, required,
     [level IN required WHERE NOT EXISTS {
       MATCH (u)<-[a:ASSISTS]-()
       WHERE a.level = level AND a.since <= $asOf AND (a.until IS NULL OR a.until >= $asOf)
     } AND NOT (level = 'FIRST_SECRETARY' AND EXISTS {
       MATCH (u)<-[f:FIRST_SECRETARY_OF]-(:Person)
       WHERE f.since <= $asOf AND (f.until IS NULL OR f.until >= $asOf)
     })] AS missing
WHERE size(missing) > 0
RETURN 'WEAK_UNASSISTED' AS code, u.id AS unitId, [u.id] + weakIds AS evidenceIds, u.name AS unitName,
       missing AS missingLevels,
       {missingLevels: missing, requiredLevels: size(required), missingCount: size(missing)} AS metrics
ORDER BY unitId;

// statement: WEAK_VILLAGE_NO_FIRST_SECRETARY
{{weak-now}}
WITH u, weakIds
WHERE u.sector = 'VILLAGE'
  AND NOT EXISTS {
  MATCH (u)<-[f:FIRST_SECRETARY_OF]-(:Person)
  WHERE f.since <= $asOf AND (f.until IS NULL OR f.until >= $asOf)
}
  AND NOT EXISTS {
  MATCH (u)<-[a:ASSISTS]-()
  WHERE a.level = 'FIRST_SECRETARY' AND a.since <= $asOf AND (a.until IS NULL OR a.until >= $asOf)
}
RETURN 'WEAK_VILLAGE_NO_FIRST_SECRETARY' AS code, u.id AS unitId, [u.id] + weakIds AS evidenceIds,
       u.name AS unitName
ORDER BY unitId;

// statement: ASSISTANT_OVERLOADED
{{scope-units}}
// an assistant with no more ASSISTS links than the limit (nearly all) is dropped before its links are read
CALL (u) {
  WITH u
  WHERE COUNT { (u)-[:ASSISTS]->() } > $assistantOverloadLimit
  MATCH (u)-[a:ASSISTS]->(t:Unit)
  WHERE a.since <= $asOf AND (a.until IS NULL OR a.until >= $asOf)
  RETURN null AS personId, u.name AS assistantName, collect(DISTINCT t.id) AS assisted
  UNION ALL
  MATCH (u)<-[:HOME_UNIT]-(p:Person)
  WHERE COUNT { (p)-[:ASSISTS]->() } > $assistantOverloadLimit
  MATCH (p)-[a:ASSISTS]->(t:Unit)
  WHERE a.since <= $asOf AND (a.until IS NULL OR a.until >= $asOf)
  RETURN p.id AS personId, p.name AS assistantName, collect(DISTINCT t.id) AS assisted
}
WITH u, personId, assistantName, assisted
WHERE size(assisted) > $assistantOverloadLimit
RETURN 'ASSISTANT_OVERLOADED' AS code, u.id AS unitId, personId,
       [u.id] + CASE WHEN personId IS NULL THEN [] ELSE [personId] END + assisted AS evidenceIds,
       assistantName, size(assisted) AS assistedCount,
       {assistedUnits: assisted, assistedCount: size(assisted), limit: $assistantOverloadLimit} AS metrics
ORDER BY unitId, personId;

// statement: ASSISTANCE_EXPIRED
{{weak-now}}
MATCH (u)<-[e:ASSISTS]-(assistant)
WHERE e.until < $asOf
  AND NOT EXISTS {
  MATCH (u)<-[a:ASSISTS]-()
  WHERE a.level = e.level AND a.since <= $asOf AND (a.until IS NULL OR a.until >= $asOf)
}
  AND NOT (e.level = 'FIRST_SECRETARY' AND EXISTS {
  MATCH (u)<-[f:FIRST_SECRETARY_OF]-(:Person)
  WHERE f.since <= $asOf AND (f.until IS NULL OR f.until >= $asOf)
})
WITH u, weakIds, e.level AS level, max(e.until) AS endedOn, collect(DISTINCT assistant.id) AS assistantIds
RETURN 'ASSISTANCE_EXPIRED' AS code, u.id AS unitId,
       [u.id] + assistantIds + weakIds AS evidenceIds, u.name AS unitName, level,
       endedOn, {level: level, endedOn: endedOn, assistants: assistantIds} AS metrics
ORDER BY unitId, level;
