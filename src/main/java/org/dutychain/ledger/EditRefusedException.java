package org.dutychain.ledger;

import java.util.Map;

/**
 * An edit that was not made (nothing changed): an illegal transition or a version
 * conflict (409), a missing field (422), an import running (409), a caller without the
 * right (403), or an unknown entity (404).
 */
public class EditRefusedException extends RuntimeException {

	private final int status;

	private final String code;

	private final String messageZh;

	private final Map<String, Object> current;

	public EditRefusedException(int status, String code, String messageZh, String messageEn,
			Map<String, Object> current) {
		super(messageEn);
		this.status = status;
		this.code = code;
		this.messageZh = messageZh;
		this.current = current;
	}

	public EditRefusedException(int status, String code, String messageZh, String messageEn) {
		this(status, code, messageZh, messageEn, null);
	}

	/** HTTP status: 403, 404, 409 or 422. */
	public int status() {
		return this.status;
	}

	/** Stable UPPER_SNAKE code, e.g. ILLEGAL_TRANSITION, VERSION_CONFLICT. */
	public String code() {
		return this.code;
	}

	public String messageZh() {
		return this.messageZh;
	}

	/** The entity's current state (on a version conflict), or null. */
	public Map<String, Object> current() {
		return this.current;
	}

	static EditRefusedException illegal(String zh, String en) {
		return new EditRefusedException(409, "ILLEGAL_TRANSITION", zh, en);
	}

	static EditRefusedException missing(String field, String zh, String en) {
		return new EditRefusedException(422, "MISSING_FIELD", zh, en, Map.of("field", field));
	}

	public static EditRefusedException unknown(String entity, String id) {
		return new EditRefusedException(404, "UNKNOWN_ENTITY", "数据集中没有编号为 " + id + " 的" + Workflow.entityZh(entity),
				"No " + entity + " " + id + " in the dataset");
	}

}
