package org.dutychain.ledger;

/**
 * Whether the current caller may edit a unit's data (the hook for access control: roles
 * and subtree scopes). The default bean allows everything; a security module replaces it
 * with a bean of its own (a {@code @Primary} one, or by defining this type).
 */
public interface EditAuthority {

	/**
	 * @param unitId the unit whose data the edit changes (an issue's or duty's unit, the
	 * unit of a post)
	 */
	boolean mayEdit(String unitId);

	/**
	 * Whether the caller may accept (VERIFY) or return (RETURN) the rectification of a
	 * unit: ADMIN, or a scope containing a unit strictly above it (no self-acceptance).
	 * Default: as {@link #mayEdit(String)}.
	 */
	default boolean mayVerify(String unitId) {
		return mayEdit(unitId);
	}

}
