// id:          single-points
// title:       单点失效 | Single points of oversight
// basis:       责任链不应依赖单一单位或个人：一个环节缺失就使下级失去全部监督时，应补强。
// description: Units whose loss would cut other units off from every root of the oversight graph (units as vertices;
//              every LEADS edge of every kind plus current assistance, a person assistant standing for the unit they
//              are organized in), and people who alone hold the posts of several units. The subgraph is the shared
//              scoped graph of cypher/query/scoped-graph.cypher (statements units, leads, assists); the Java class
//              joins a virtual vertex to every root and runs one iterative depth-first search of Hopcroft–Tarjan
//              (CACM 1973, O(|V| + |E|)). Roots: a unit without any leader whose kind can head a dataset; in a scoped
//              run, the scope unit. In a tree every inner unit is a cut unit, so only the maximal ones are reported:
//              a cut unit that lies in the cut-off set of another is listed in that one's evidence and metrics
//              (nested), not reported again. Bridges (links whose loss cuts units off) are no finding: each one is
//              explained by a cut unit at its upper end; metrics.bridges counts them. Metrics: cutUnits (every cut
//              unit), maximalCutUnits, bridges.
// order:       70
// sensitive:   false
// engine:      jgrapht
// class:       SinglePointsAnalysis
// codes:       CUT_UNIT MEDIUM: a unit that is not a root whose removal cuts at least one unit off from every root
//              (an articulation point whose parts each keep a root is not reported), and that does not itself lie in
//              the cut-off set of another cut unit; metrics cutOff = number of units cut off, nestedCutUnits = number
//              of cut units inside that set, nested = their ids (also in the evidence). A second line to the cut-off
//              units (dual leadership, discipline supervision, assistance) removes it.
//              HUB_PERSON LOW: a person who is the only current holder of posts in at least $hubPersonUnits units
// params:      generation: integer, unitIds: list<string> or null (null = every unit), asOf: date,
//              hubPersonUnits: integer (3)
// returns:     code, unitId, personId, evidenceIds, personName, unitCount, unitList (CUT_UNIT rows come from
//              SinglePointsAnalysis: unitId, evidenceIds, metrics, unitName, cutOffCount, cutOffList, nestedCount)
// CUT_UNIT.title: 单点依赖单位 | Single point of oversight
// CUT_UNIT.subject: unitId
// CUT_UNIT.zh: {unitName}下{cutOffCount}个单位只经它与上级相连（{cutOffList}），其中含{nestedCount}个次级单点；增设第二条联系（双重领导、纪律监督或包扶）即可消除
// CUT_UNIT.en: {cutOffCount} unit(s) below {unitName} reach a higher level only through it ({cutOffList}), {nestedCount} of them single points themselves; a second line (dual leadership, discipline supervision or assistance) would remove it
// HUB_PERSON.title: 一人撑多个单位 | Hub person
// HUB_PERSON.subject: unitId, personId
// HUB_PERSON.zh: {personName}是{unitCount}个单位岗位的唯一在任人员：{unitList}
// HUB_PERSON.en: {personName} alone holds posts in {unitCount} units: {unitList}

// statement: HUB_PERSON
{{scope-units}}
MATCH (u)-[:HAS_POST]->(p:Post)<-[h:HOLDS]-(person:Person)
WHERE h.since <= $asOf AND (h.until IS NULL OR h.until >= $asOf)
  // most people hold one post: those with fewer HOLDS links than $hubPersonUnits are dropped before anything else
  AND COUNT { (person)-[:HOLDS]->() } >= $hubPersonUnits
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
