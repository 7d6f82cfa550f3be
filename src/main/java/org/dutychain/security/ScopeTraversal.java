package org.dutychain.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The level-by-level walk behind an access scope: starting from the roots, asks for the
 * children of the whole frontier at once and keeps only units not seen before, so every
 * unit and edge is looked at once and the number of look-ups is the depth of the
 * hierarchy below the roots (no path enumeration, however deep or wide the hierarchy).
 */
final class ScopeTraversal {

	private ScopeTraversal() {
	}

	/**
	 * @param roots the start units (kept in the result)
	 * @param extraFirstLevel units reached from the roots by other edges (GUIDANCE of a
	 * work committee root); walked like the roots' children
	 * @param children the children of a frontier (one look-up per level)
	 * @return the roots and everything below them, in discovery order
	 */
	static Set<String> walk(Collection<String> roots, Collection<String> extraFirstLevel,
			Function<List<String>, Collection<String>> children) {
		Set<String> seen = new LinkedHashSet<>(roots);
		List<String> frontier = new ArrayList<>(seen);
		for (String extra : extraFirstLevel) {
			if (seen.add(extra)) {
				frontier.add(extra);
			}
		}
		while (!frontier.isEmpty()) {
			List<String> next = new ArrayList<>();
			for (String child : children.apply(frontier)) {
				if (seen.add(child)) {
					next.add(child);
				}
			}
			frontier = next;
		}
		return seen;
	}

}
