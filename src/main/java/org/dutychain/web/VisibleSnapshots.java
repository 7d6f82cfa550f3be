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
	 * ADMIN reads every snapshot. A scoped user reads the snapshots saved by scoped users
	 * (stored as they saw them, outside names masked) whose scope — one unit, or several
	 * joined by commas as a user with several scopes saves them — lies wholly inside its
	 * own; a snapshot saved by ADMIN holds every name and stays with ADMIN.
	 */
	boolean visible(SnapshotInfo info) {
		return visible(info, null);
	}

	private boolean visible(SnapshotInfo info, java.util.Set<String> masked) {
		if (this.access.caller().unrestricted()) {
			return true;
		}
		if (info.scope() == null || !((masked != null) ? masked : this.snapshots.maskedIds()).contains(info.id())) {
			return false;
		}
		return this.access.isVisible(info.scope())
				|| java.util.Arrays.stream(info.scope().split(",")).allMatch(this.access::isVisible);
	}

	List<SnapshotInfo> list() {
		if (this.access.caller().unrestricted()) {
			return this.snapshots.list();
		}
		java.util.Set<String> masked = this.snapshots.maskedIds();
		return this.snapshots.list().stream().filter((s) -> visible(s, masked)).toList();
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
