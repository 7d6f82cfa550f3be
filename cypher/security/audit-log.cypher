// The audit log (审计日志): who did what and when. (:AuditEntry) nodes are system data (no generation property), so
// imports never delete them; they are never exported.
// params: username, action, target, detail, clientAddress: string; skip, limit: integer

// statement: append
CREATE (e:AuditEntry {at: datetime(), username: $username, action: $action, target: $target, detail: $detail,
                      clientAddress: $clientAddress})
RETURN e.at AS at;

// statement: page
MATCH (e:AuditEntry)
RETURN e.at AS at, e.username AS username, e.action AS action, e.target AS target, e.detail AS detail,
       e.clientAddress AS clientAddress
ORDER BY at DESC
SKIP toInteger($skip)
LIMIT toInteger($limit);

// statement: count
MATCH (e:AuditEntry)
RETURN count(e) AS count;
