package org.dutychain.analysis.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.dutychain.analysis.graph.HierarchyIntegrityAnalysis.Cycle;
import org.dutychain.analysis.graph.HierarchyIntegrityAnalysis.Edge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LEADS_CYCLE's JGraphT technique (Kosaraju SCCs + BFS witness) against a brute-force
 * answer on fixed-seed random small digraphs: two units share a cyclic component exactly
 * when each reaches the other, and a unit alone is cyclic exactly when it leads itself.
 */
class LeadsCycleCrossCheckTests {

	@Test
	void agreesWithBruteForceReachabilityOnRandomDigraphs() {
		Random random = new Random(20250630L);
		int withCycles = 0;
		for (int round = 0; round < 500; round++) {
			int n = 1 + random.nextInt(9);
			double density = random.nextDouble() * 0.35;
			List<Edge> edges = new ArrayList<>();
			for (int a = 0; a < n; a++) {
				for (int b = 0; b < n; b++) {
					if (random.nextDouble() < density) {
						edges.add(new Edge(id(a), id(b)));
					}
				}
			}
			List<Cycle> cycles = HierarchyIntegrityAnalysis.cycles(edges);
			assertThat(components(cycles)).as("round %d, edges %s", round, edges).isEqualTo(bruteForce(edges));
			for (Cycle c : cycles) {
				assertClosedWalkInside(c, edges);
			}
			withCycles += cycles.isEmpty() ? 0 : 1;
		}
		assertThat(withCycles).as("the generator produces both cyclic and acyclic graphs").isBetween(50, 450);
	}

	@Test
	void findsNoCycleInATreeWithDualLeadership() {
		List<Edge> edges = List.of(new Edge("U-1", "U-2"), new Edge("U-2", "U-3"), new Edge("U-1", "U-3"),
				new Edge("U-3", "U-4"), new Edge("U-2", "U-4"));
		assertThat(HierarchyIntegrityAnalysis.cycles(edges)).isEmpty();
	}

	@Test
	void reportsSelfLoopAndTwoSeparateCyclesByTheirSmallestUnit() {
		List<Edge> edges = List.of(new Edge("U-9", "U-9"), new Edge("U-5", "U-3"), new Edge("U-3", "U-4"),
				new Edge("U-4", "U-5"), new Edge("U-1", "U-3"), new Edge("U-7", "U-8"), new Edge("U-8", "U-7"));
		List<Cycle> cycles = HierarchyIntegrityAnalysis.cycles(edges);
		assertThat(cycles).extracting(Cycle::unitId).containsExactly("U-3", "U-7", "U-9");
		assertThat(cycles.get(0).units()).containsExactly("U-3", "U-4", "U-5");
		assertThat(cycles.get(0).cycle()).containsExactly("U-3", "U-4", "U-5", "U-3");
		assertThat(cycles.get(2).cycle()).containsExactly("U-9", "U-9");
	}

	private static String id(int i) {
		return "U-" + i;
	}

	private static Set<Set<String>> components(List<Cycle> cycles) {
		Set<Set<String>> out = new HashSet<>();
		for (Cycle c : cycles) {
			assertThat(c.units()).isSorted();
			assertThat(c.unitId()).isEqualTo(c.units().get(0));
			out.add(new TreeSet<>(c.units()));
		}
		return out;
	}

	/**
	 * Components with a cycle, from plain reachability by depth-first search from every
	 * vertex.
	 */
	private static Set<Set<String>> bruteForce(List<Edge> edges) {
		Map<String, List<String>> next = new HashMap<>();
		for (Edge e : edges) {
			next.computeIfAbsent(e.source(), (k) -> new ArrayList<>()).add(e.target());
			next.computeIfAbsent(e.target(), (k) -> new ArrayList<>());
		}
		Map<String, Set<String>> reach = new HashMap<>();
		for (String v : next.keySet()) {
			Set<String> seen = new HashSet<>();
			dfs(v, next, seen);
			reach.put(v, seen);
		}
		Set<Set<String>> out = new HashSet<>();
		for (String v : next.keySet()) {
			if (!reach.get(v).contains(v)) {
				continue;
			}
			Set<String> component = new TreeSet<>();
			for (String w : next.keySet()) {
				if (reach.get(v).contains(w) && reach.get(w).contains(v)) {
					component.add(w);
				}
			}
			out.add(component);
		}
		return out;
	}

	/** Marks every vertex reachable from v by one or more edges. */
	private static void dfs(String v, Map<String, List<String>> next, Set<String> seen) {
		for (String w : next.get(v)) {
			if (seen.add(w)) {
				dfs(w, next, seen);
			}
		}
	}

	private static void assertClosedWalkInside(Cycle c, List<Edge> edges) {
		List<String> walk = c.cycle();
		assertThat(walk.size()).isGreaterThanOrEqualTo(2);
		assertThat(walk.get(0)).isEqualTo(c.unitId());
		assertThat(walk.get(walk.size() - 1)).isEqualTo(c.unitId());
		assertThat(c.units()).containsAll(walk);
		for (int i = 0; i + 1 < walk.size(); i++) {
			assertThat(edges).as("edge %s -> %s of %s", walk.get(i), walk.get(i + 1), walk)
				.contains(new Edge(walk.get(i), walk.get(i + 1)));
		}
		assertThat(new HashSet<>(walk.subList(1, walk.size()))).as("a simple cycle").hasSize(walk.size() - 1);
	}

}
