package org.dutychain.security;

import org.dutychain.config.Labeled;

/**
 * What a user may do (角色). ADMIN has no scopes and may do everything (imports, users, the
 * audit log); every other role works within the subtrees of its scope units.
 */
public enum Role implements Labeled {

	/** Everything, including imports, users and the audit log. */
	ADMIN(new Label("管理员", "Administrator")),
	/**
	 * Reads, reports, snapshots, and edits and rectification actions within its scope.
	 */
	EDITOR(new Label("编辑", "Editor")),
	/** Reads, reports and snapshots within its scope. */
	AUDITOR(new Label("审计", "Auditor")),
	/**
	 * Reads within its scope; no personnel events, gradings, admonitions or the findings
	 * built on them.
	 */
	VIEWER(new Label("只读", "Viewer"));

	private final Label label;

	Role(Label label) {
		this.label = label;
	}

	@Override
	public Label label() {
		return this.label;
	}

	/** The Spring Security authority ({@code ROLE_ADMIN} …). */
	public String authority() {
		return "ROLE_" + name();
	}

	/** AUDITOR and above: reports and snapshots. */
	public boolean mayReport() {
		return this != VIEWER;
	}

	/** EDITOR and ADMIN. */
	public boolean mayEdit() {
		return this == ADMIN || this == EDITOR;
	}

}
