package org.dutychain.ledger;

import org.dutychain.config.Neo4jGraph;

/**
 * Where every edit is also written to the audit log (issue 9: who, when, what), in the
 * edit's own transaction, so an edit is never committed without its entry. The default
 * bean writes nothing; the security module's replaces it.
 */
public interface EditLog {

	/**
	 * @param tx the edit's transaction
	 * @param unitId the unit whose data the edit changed
	 * @param change what the edit did
	 */
	void edited(Neo4jGraph.Tx tx, String unitId, Edits.Change change);

}
