// id:          single-points
// title:       单点失效 | Single points of oversight
// basis:       责任链不应依赖单一单位或个人：一个环节缺失就使下级失去全部监督时，应补强。
// description: Units and links whose loss would cut other units off from every root of the oversight graph (units as
//              vertices; every LEADS edge of every kind plus current assistance, a person assistant standing for the
//              unit they are organized in), and people who alone hold the posts of several units. The subgraph is
//              the shared scoped graph of cypher/query/scoped-graph.cypher (statements units, leads, assists); the
//              Java class finds articulation points and bridges by Hopcroft–Tarjan's depth-first search (CACM 1973,
//              O(|V| + |E|), iterative; JGraphT's BiconnectivityInspector is its test reference) and keeps only those
//              that leave a part without any root. Roots: a
//              unit without any leader whose kind can head a dataset; in a scoped run, the scope unit.
// order:       70
// sensitive:   false
// engine:      jgrapht
// class:       SinglePointsAnalysis
// codes:       CUT_UNIT HIGH: removing the unit disconnects other units from every root (an articulation point whose
//              parts each keep a root is not reported); metrics cutOff = number of units cut off
//              BRIDGE_EDGE LOW: the only link between two units whose removal disconnects units from every root;
//              subject = both unit ids sorted, unitId = the end on the cut-off side
//              HUB_PERSON LOW: a person who is the only current holder of posts in at least $hubPersonUnits units
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              hubPersonUnits: integer (3)
// returns:     code, unitId, personId, evidenceIds, personName, unitCount, unitList
// CUT_UNIT.title: 单点依赖单位 | Single point of oversight
// CUT_UNIT.subject: unitId
// CUT_UNIT.zh: {unitName}是单点：若其撤并或失能，{cutOffCount}个单位将与所有根组织失去联系（{cutOffList}）
// CUT_UNIT.en: {unitName} is a single point: without it {cutOffCount} unit(s) lose every link to a root ({cutOffList})
// BRIDGE_EDGE.title: 唯一联系纽带 | Only link
// BRIDGE_EDGE.subject: lowerId, upperId
// BRIDGE_EDGE.zh: {unitName}与{otherName}之间是唯一联系：断开后{cutOffCount}个单位与所有根组织失去联系
// BRIDGE_EDGE.en: The link between {unitName} and {otherName} is the only one: without it {cutOffCount} unit(s) lose every link to a root
// HUB_PERSON.title: 一人撑多个单位 | Hub person
// HUB_PERSON.subject: unitId, personId
// HUB_PERSON.zh: {personName}是{unitCount}个单位岗位的唯一在任人员：{unitList}
// HUB_PERSON.en: {personName} alone holds posts in {unitCount} units: {unitList}

// statement: HUB_PERSON
MATCH (u:Unit)
WHERE u.generation = $generation
  AND ($unitIds IS NULL OR u.id IN $unitIds)
MATCH (u)-[:HAS_POST]->(p:Post)<-[h:HOLDS]-(person:Person)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  AND NOT EXISTS {
  MATCH (p)<-[o:HOLDS]-(other:Person)
  WHERE other <> person AND o.since <= $asOf AND (o.until IS NULL OR o.until >= $asOf)
}
WITH person, u, p
ORDER BY u.level, u.id, p.id
WITH person, collect(DISTINCT u.id) AS unitIds, collect(DISTINCT u.name) AS unitNames, collect(DISTINCT p.id) AS postIds
WHERE size(unitIds) >= $hubPersonUnits
RETURN 'HUB_PERSON' AS code, unitIds[0] AS unitId, person.id AS personId,
       [person.id] + unitIds + postIds AS evidenceIds, coalesce(person.name, person.id) AS personName,
       size(unitIds) AS unitCount, unitNames AS unitList
ORDER BY personId;
