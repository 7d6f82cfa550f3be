package org.dutychain.web;

import java.util.Optional;

import org.dutychain.config.Neo4jGraph;
import org.dutychain.ledger.ActorProvider;
import org.dutychain.ledger.EditAuthority;
import org.dutychain.ledger.EditLog;
import org.dutychain.ledger.Edits;
import org.dutychain.security.AccessScope;
import org.dutychain.security.AuditLog;
import org.dutychain.security.UserAccount;
import org.dutychain.security.Users;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Access control for the rectification ledger's edits (issue 9 and 12): a caller may edit
 * the data of a unit inside its scopes when its role edits (EDITOR, ADMIN), and may
 * accept or return a rectification only from above (ADMIN, or a scope whose unit lies
 * strictly above the unit: no self-acceptance). Change records name the signed-in
 * user, and every edit is an {@code EDIT} entry of the audit log, in the edit's
 * transaction.
 */
@Component
@Primary
class LedgerAccess implements EditAuthority, ActorProvider, EditLog {

	private final AccessScope access;

	private final AuditLog auditLog;

	private final Users users;

	LedgerAccess(AccessScope access, AuditLog auditLog, Users users) {
		this.access = access;
		this.auditLog = auditLog;
		this.users = users;
	}

	@Override
	public boolean mayEdit(String unitId) {
		return this.access.caller().role().mayEdit() && this.access.isVisible(unitId);
	}

	@Override
	public boolean mayVerify(String unitId) {
		AccessScope.Caller caller = this.access.caller();
		if (caller.unrestricted()) {
			return true;
		}
		// inside the scopes but not one of its roots: some scope unit lies above it
		return mayEdit(unitId) && !caller.roots().contains(unitId);
	}

	@Override
	public String actor() {
		String name = this.access.caller().username();
		return (name != null) ? name : "system";
	}

	@Override
	public void edited(Neo4jGraph.Tx tx, String unitId, Edits.Change change) {
		this.auditLog.record(tx, AuditLog.EDIT, change.entity() + " " + change.entityId(),
				change.action() + " unit=" + unitId);
	}

	/** The person the signed-in user carries: the verifier when a request names none. */
	@Override
	public Optional<String> personId() {
		String name = this.access.caller().username();
		return (name != null) ? this.users.find(name).map(UserAccount::personId) : Optional.empty();
	}

}
