package org.dutychain.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;
import org.dutychain.organization.UnitDirectory;
import org.dutychain.organization.UnitNode;

import org.springframework.stereotype.Service;

/**
 * What an import would do to users' scopes (issue 9): a scope unit id that the new
 * dataset no longer has (the user would see nothing there), or whose unit has another
 * name in it (the same id may now be another unit). The import asks for a confirmation
 * listing them ({@code SCOPES_WOULD_CHANGE}, {@code confirmScopes=true} /
 * {@code --confirm-scopes}) and the confirmed import is audit-logged with the list.
 */
@Service
public class ScopeChanges {

	private final UserStore users;

	private final Datasets datasets;

	private final UnitDirectory units;

	ScopeChanges(UserStore users, Datasets datasets, UnitDirectory units) {
		this.users = users;
		this.datasets = datasets;
		this.units = units;
	}

	/**
	 * One scope unit of one user that the import changes.
	 *
	 * @param username the user
	 * @param unitId the scope unit id
	 * @param oldName its name in the active dataset (null when it has none)
	 * @param newName its name in the new dataset, null when it vanishes
	 */
	public record Change(String username, String unitId, String oldName, String newName) {

		public boolean vanished() {
			return this.newName == null;
		}

		/** E.g. {@code shenji：U-12（省教育厅党组）在新数据中不存在}. */
		public String zh() {
			String old = (this.oldName != null) ? "（" + this.oldName + "）" : "";
			return vanished() ? this.username + "：" + this.unitId + old + "在新数据中不存在"
					: this.username + "：" + this.unitId + old + "改名为" + this.newName;
		}

		public String en() {
			String old = (this.oldName != null) ? " (" + this.oldName + ")" : "";
			return vanished() ? this.username + ": " + this.unitId + old + " is not in the new dataset"
					: this.username + ": " + this.unitId + old + " is renamed " + this.newName;
		}

	}

	/**
	 * The scope units of every user that vanish or change their name in a new dataset.
	 * @param newUnits the new dataset's units, id → name
	 */
	public List<Change> of(Map<String, String> newUnits) {
		List<UserAccount> scoped = this.users.list().stream().filter((u) -> !u.scopes().isEmpty()).toList();
		if (scoped.isEmpty()) {
			return List.of();
		}
		Set<String> ids = new LinkedHashSet<>();
		scoped.forEach((u) -> ids.addAll(u.scopes()));
		DatasetInfo active = this.datasets.active();
		Map<String, String> oldNames = new java.util.HashMap<>();
		if (active.present()) {
			for (UnitNode node : this.units.nodes(active.generation(), List.copyOf(ids))) {
				oldNames.put(node.id(), node.name());
			}
		}
		List<Change> changes = new ArrayList<>();
		for (UserAccount user : scoped) {
			for (String id : user.scopes()) {
				String oldName = oldNames.get(id);
				String newName = newUnits.get(id);
				if (newName == null || (oldName != null && !Objects.equals(oldName, newName))) {
					changes.add(new Change(user.username(), id, oldName, newName));
				}
			}
		}
		return changes;
	}

	/** The list in Chinese, one change after another ({@code ；}). */
	public static String zh(List<Change> changes) {
		return String.join("；", changes.stream().map(Change::zh).toList());
	}

	public static String en(List<Change> changes) {
		return String.join("; ", changes.stream().map(Change::en).toList());
	}

}
