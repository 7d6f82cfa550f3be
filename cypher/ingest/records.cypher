// Work records of a new generation (design.md section 2): first secretaries, assistance, activities, gradings,
// issues, listed supervisions and personnel events.
// params: generation: integer, rows: list<map>

// statement: first-secretaries
UNWIND $rows AS row
MATCH (p:Person {generation: $generation, id: row.personId})
USING INDEX SEEK p:Person(generation, id)
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
CREATE (p)-[:FIRST_SECRETARY_OF {kind: row.kind, since: row.since, until: row.until, dispatchedBy: row.dispatchedBy}]->(u);

// statement: person-assists
UNWIND $rows AS row
MATCH (a:Person {generation: $generation, id: row.assistantId})
USING INDEX SEEK a:Person(generation, id)
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
CREATE (a)-[:ASSISTS {level: row.level, since: row.since, until: row.until}]->(u);

// statement: unit-assists
UNWIND $rows AS row
MATCH (a:Unit {generation: $generation, id: row.assistantId})
USING INDEX SEEK a:Unit(generation, id)
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
CREATE (a)-[:ASSISTS {level: row.level, since: row.since, until: row.until}]->(u);

// statement: activities
UNWIND $rows AS row
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
CREATE (u)-[:DID]->(a:Activity {generation: $generation, id: row.id, kind: row.kind, date: row.date,
                                count: row.count, subkind: row.subkind})
WITH a, row
CALL (a, row) {
  MATCH (t:Unit {generation: $generation, id: row.targetUnitId})
  USING INDEX SEEK t:Unit(generation, id)
  CREATE (a)-[:AIMED_AT]->(t)
}
CALL (a, row) {
  MATCH (d:Duty {generation: $generation, id: row.dutyId})
  USING INDEX SEEK d:Duty(generation, id)
  CREATE (a)-[:FOR_DUTY]->(d)
};

// statement: gradings
// id G:<unit_id>:<person_id or ->:<year>:<scheme>; personId is set for SECRETARY_REVIEW rows only; problems is absent
// when there are none (readers take a missing list as empty, as after a bulk load)
UNWIND $rows AS row
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
CREATE (u)-[:GRADED]->(g:Grading {generation: $generation, id: row.id, year: row.year, scheme: row.scheme,
                                  grade: row.grade, problems: row.problems})
WITH g, row
CALL (g, row) {
  MATCH (p:Person {generation: $generation, id: row.personId})
  USING INDEX SEEK p:Person(generation, id)
  CREATE (p)-[:GRADED]->(g)
};

// statement: issues
UNWIND $rows AS row
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
CREATE (i:Issue {generation: $generation, id: row.id, domain: row.domain, title: row.title, foundOn: row.foundOn,
                 source: row.source, severity: row.severity, status: row.status, due: row.due,
                 closedOn: row.closedOn, lookBackOn: row.lookBackOn})-[:FOUND_IN]->(u)
WITH i, row
CALL (i, row) {
  MATCH (d:Duty {generation: $generation, id: row.dutyId})
  USING INDEX SEEK d:Duty(generation, id)
  CREATE (i)-[:AGAINST]->(d)
};

// statement: supervisions
// deadline as given (null = listedOn + the configured default months, decided by the analyses)
UNWIND $rows AS row
MATCH (u:Unit {generation: $generation, id: row.unitId})
USING INDEX SEEK u:Unit(generation, id)
MATCH (l:Unit {generation: $generation, id: row.listedBy})
USING INDEX SEEK l:Unit(generation, id)
CREATE (u)-[:LISTED_IN]->(s:Supervision {generation: $generation, id: row.id, listedOn: row.listedOn,
                                         deadline: row.deadline, stage: row.stage, outcome: row.outcome,
                                         outcomeOn: row.outcomeOn})
CREATE (l)-[:SUPERVISES]->(s);

// statement: personnel-events
// id E:<person_id>:<date>:<kind>
UNWIND $rows AS row
MATCH (p:Person {generation: $generation, id: row.personId})
USING INDEX SEEK p:Person(generation, id)
CREATE (p)-[:HAD]->(:PersonnelEvent {generation: $generation, id: row.id, date: row.date, kind: row.kind,
                                     reason: row.reason});
