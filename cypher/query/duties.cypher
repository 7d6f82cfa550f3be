// The responsibility lists of a unit (duty module): the team list (一班子一清单, unit HAS_DUTY) and each post's
// personal list (一人一清单, post HAS_DUTY), with the domains each post answers for (the post's own, else its kind's).
// params: generation: integer, unitId: string

// statement: team-list
MATCH (u:Unit {generation: $generation, id: $unitId})-[:HAS_DUTY]->(d:Duty)
RETURN d.id AS id, d.domain AS domain, d.text AS text, d.cadence AS cadence, d.due AS due,
       COLLECT { MATCH (d)-[:DERIVED_FROM]->(up:Duty) RETURN up.id } AS derivedFrom
ORDER BY domain, id;

// statement: personal-lists
MATCH (u:Unit {generation: $generation, id: $unitId})-[:HAS_POST]->(p:Post)
OPTIONAL MATCH (p)-[:OF_KIND]->(k:PostKind)
RETURN p.id AS postId, coalesce(p.title, k.name, p.kind) AS title, coalesce(p.domains, k.domains, []) AS domains,
       COLLECT {
         MATCH (p)-[:HAS_DUTY]->(d:Duty)
         RETURN {id: d.id, domain: d.domain, text: d.text, cadence: d.cadence, due: d.due,
                 derivedFrom: COLLECT { MATCH (d)-[:DERIVED_FROM]->(up:Duty) RETURN up.id }}
       } AS duties
ORDER BY postId;
