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

	boolean visible(SnapshotInfo info) {
		return this.access.caller().unrestricted() || (info.scope() != null && this.access.isVisible(info.scope()));
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
