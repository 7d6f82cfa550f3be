package org.dutychain.ingest.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.duty.DutyDomain;
import org.dutychain.ingest.generate.Model.Post;
import org.dutychain.ingest.generate.Model.Unit;
import org.dutychain.organization.UnitKind;

/**
 * The responsibility lists and their cascade (责任清单的分解). Per unit and domain the duties
 * form chains: the team duty of lane 0 derives from the primary leader's chain end, each
 * personal duty of that domain from the one before; a DUAL leader that is not a primary
 * ancestor gets a team duty of its own lane. So every duty of a leader has a
 * (transitively) derived duty in every child — unless a gap is planted.
 */
final class DutyLists {

	/** One duty row, in the column order of duties.csv (without due). */
	record Duty(String id, Unit unit, Post post, DutyDomain domain, String derivedFrom) {
	}

	private final Map<Unit, List<List<String>>> ends = new HashMap<>();

	/** Whether a unit keeps lists at all (party cells do not). */
	static boolean hasLists(Unit u) {
		return u.kind != UnitKind.PARTY_CELL;
	}

	/** The duties of a unit, in writing order. */
	List<Duty> duties(Unit u) {
		List<Duty> out = new ArrayList<>();
		compute(u, out);
		return out;
	}

	/** The chain ends of a unit per domain (what a child's duties derive from). */
	List<String> ends(Unit u, DutyDomain d) {
		List<List<String>> e = this.ends.get(u);
		if (e == null) {
			e = compute(u, null);
		}
		return e.get(d.ordinal());
	}

	private List<List<String>> compute(Unit u, List<Duty> out) {
		List<List<String>> result = new ArrayList<>();
		for (DutyDomain d : DutyDomain.values()) {
			List<String> tails = new ArrayList<>();
			if (hasLists(u)) {
				List<String> sources = sources(u, d);
				String prev = sources.isEmpty() ? null : sources.get(0);
				if (u.brokenDomain == d) {
					prev = null;
				}
				boolean any = false;
				if (!u.noTeamList) {
					String id = DutyIds.team(u, 0, d);
					emit(out, new Duty(id, u, null, d, prev));
					prev = id;
					any = true;
				}
				for (Post post : u.posts) {
					if (post.noDuties || post.blankDomain == d || !post.effectiveDomains().contains(d)) {
						continue;
					}
					String id = DutyIds.personal(post, d);
					emit(out, new Duty(id, u, post, d, prev));
					prev = id;
					any = true;
				}
				if (any) {
					tails.add(prev);
				}
				for (int lane = 1; lane < sources.size(); lane++) {
					String id = DutyIds.team(u, lane, d);
					emit(out, new Duty(id, u, null, d, sources.get(lane)));
					tails.add(id);
				}
			}
			result.add(tails);
		}
		this.ends.put(u, result);
		return result;
	}

	/**
	 * The leaders' chain ends this unit's lanes derive from, the primary leader's first.
	 */
	private List<String> sources(Unit u, DutyDomain d) {
		List<String> sources = new ArrayList<>();
		if (u.parent != null) {
			sources.addAll(ends(u.parent, d));
		}
		for (Unit dual : u.duals) {
			List<String> e = ends(dual, d);
			// the first chain end of a primary ancestor already reaches this unit through
			// the primary lane
			for (int i = u.isAncestor(dual) ? 1 : 0; i < e.size(); i++) {
				if (!sources.contains(e.get(i))) {
					sources.add(e.get(i));
				}
			}
		}
		return sources;
	}

	private static void emit(List<Duty> out, Duty duty) {
		if (out != null) {
			out.add(duty);
		}
	}

}
