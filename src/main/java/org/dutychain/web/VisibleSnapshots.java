package org.dutychain.web;

import java.util.List;

import org.dutychain.report.SnapshotInfo;
import org.dutychain.report.Snapshots;
import org.dutychain.report.UnknownSnapshotException;
import org.dutychain.security.AccessScope;

import org.springframework.stereotype.Component;

/**
 * The snapshots the caller may read: ADMIN every one, a scoped user those of units in its
 * scope; any other is unknown to it (404, like a unit outside its scope).
 */
@Component
class VisibleSnapshots {

	private final Snapshots snapshots;

	private final AccessScope access;

	VisibleSnapshots(Snapshots snapshots, AccessScope access) {
		this.snapshots = snapshots;
		this.access = access;
	}

	/**
	 * A snapshot of a unit's scope, or of several scopes (their ids joined by commas, as
	 * a user with several scopes saves them), is visible when every one of its units is.
	 */
	boolean visible(SnapshotInfo info) {
		if (this.access.caller().unrestricted()) {
			return true;
		}
		if (info.scope() == null) {
			return false;
		}
		return this.access.isVisible(info.scope())
				|| java.util.Arrays.stream(info.scope().split(",")).allMatch(this.access::isVisible);
	}

	List<SnapshotInfo> list() {
		return this.snapshots.list().stream().filter(this::visible).toList();
	}

	/**
	 * @throws UnknownSnapshotException when there is none or the caller may not read it
	 */
	SnapshotInfo require(String id) {
		SnapshotInfo info = this.snapshots.require(id);
		if (!visible(info)) {
			throw new UnknownSnapshotException(id);
		}
		return info;
	}

}
