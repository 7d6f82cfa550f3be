// id:          duty-cascade
// title:       责任分解 | Duty cascade
// basis:       主体责任清单要层层分解、逐级压实，防止“沙滩流水不到头”。
// description: Whether duties travel down the hierarchy (沙滩流水不到头): every duty on a list of unit U (team list or a
//              personal list of one of its posts) should have a duty derived from it, directly or through further
//              DERIVED_FROM steps, on some list of every child of U that has posts (children = units U leads by
//              PRIMARY or DUAL). The Java class reads the shared duty lists of the run
//              (cypher/query/scoped-duties.cypher, also read by list-coverage) and the shared scoped graph
//              (cypher/query/scoped-graph.cypher), builds the DERIVED_FROM graph (compressed sparse rows) with
//              the edges pointing from a duty to the duties derived from it, and searches it breadth-first from every
//              duty: O(Σ derived descendants), linear in the number of duties times the depth of derivation. The lists
//              link duties by database key; only the duties that a finding or the metrics name have their ids read
//              (statement duty-ids of scoped-duties.cypher). Duties and derivations outside the scope are not seen.
//              Metrics: for every duty of the scope unit (of every level-1 unit when the scope is every unit)
//              cascade: [{unitId, dutyId, domain, deepestLevel, subtreeDepth,
//              leafCoverage}]; deepestLevel = deepest level holding the duty or a duty derived from it, subtreeDepth =
//              deepest level below the unit along PRIMARY and DUAL edges, leafCoverage = share of the subtree's leaf
//              units (no children; the unit itself excluded; 1 when there are none) that hold a derived duty.
// order:       40
// sensitive:   false
// engine:      jgrapht
// class:       DutyCascadeAnalysis
// codes:       CASCADE_BREAK MEDIUM: a duty of unit U has no (transitively) derived duty on any list of a child C of U
//              that has posts; one finding per duty and child, subject = dutyId + child unit id, unitId = the child
// params:      generation: integer, unitIds: list<string> or null (null = every unit)
// returns:     (no statement of its own: the class reads cypher/query/scoped-duties.cypher)
// CASCADE_BREAK.title: 责任分解断档 | Duty cascade broken
// CASCADE_BREAK.subject: dutyId, unitId
// CASCADE_BREAK.zh: {parentName}的责任事项{dutyId}（{domain:DutyDomain}）未分解到下级{unitName}的任何清单
// CASCADE_BREAK.en: Duty {dutyId} ({domain:DutyDomain}) of {parentName} has no derived duty on any list of {unitName}
