package org.dutychain.report;

/** A snapshot id that is not stored (未知快照). */
public class UnknownSnapshotException extends RuntimeException {

	private final String snapshotId;

	public UnknownSnapshotException(String snapshotId) {
		super("Unknown snapshot: " + snapshotId);
		this.snapshotId = snapshotId;
	}

	public String snapshotId() {
		return this.snapshotId;
	}

}
