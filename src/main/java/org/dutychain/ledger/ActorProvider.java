package org.dutychain.ledger;

import java.util.Optional;

/**
 * Who is editing, for change records (the signed-in user once access control lands). The
 * default bean answers {@code system}.
 */
public interface ActorProvider {

	/** The name written to {@code ChangeRecord.actor}. */
	String actor();

	/**
	 * The person id of the caller, if the user carries one (recorded as the verifier when
	 * the request names none).
	 */
	default Optional<String> personId() {
		return Optional.empty();
	}

}
