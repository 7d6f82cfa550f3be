package org.dutychain.analysis.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.util.Pair;

/**
 * Reachability over the DERIVED_FROM graph (责任分解): which children of a duty's unit hold a
 * duty derived from it.
 *
 * <p>
 * The duties in scope become vertices 0..m−1 of a jgrapht-opt sparse (CSR) directed graph
 * whose edges run from a duty to every duty DERIVED_FROM it (the reverse of the stored
 * relationship). A breadth-first search from duty d visits exactly the duties derived
 * from d, directly or transitively; marking their units with d's stamp answers "does
 * child C hold a derived duty" in O(1). Cost: O(m + Σ_d |derived(d)|) time, which is O(m
 * · derivation depth) for list hierarchies, and O(m + |DERIVED_FROM|) memory (no
 * per-search allocation). Cycles in DERIVED_FROM are harmless.
 */
final class DutyCascade {

	/**
	 * One duty row: a duty on a list of a unit (team list, or a post's personal list when
	 * postId is set).
	 */
	record DutyRow(String dutyId, String unitId, String postId, String domain, List<String> derivedFrom) {
	}

	/**
	 * Duty {@code duty} of unit {@code unit} has no derived duty on any list of
	 * {@code child}.
	 */
	record Break(DutyRow duty, int unit, int child) {
	}

	/** How far one top duty reached. */
	record Reach(DutyRow duty, int unit, int deepestLevel, int subtreeDepth, double leafCoverage) {
	}

	record Result(List<Break> breaks, List<Reach> reach) {
	}

	private DutyCascade() {
	}

	/**
	 * @param graph the scoped units
	 * @param rows the duties in scope (a duty listed twice counts once, at its first row)
	 * @param topUnits the units whose duties get a {@link Reach} entry
	 */
	static Result compute(ScopedGraph graph, List<DutyRow> rows, Set<String> topUnits) {
		Map<String, Integer> index = new HashMap<>();
		List<DutyRow> duties = new ArrayList<>();
		List<Integer> owner = new ArrayList<>();
		for (DutyRow row : rows) {
			OptionalInt unit = graph.indexOf(row.unitId());
			if (unit.isPresent() && !index.containsKey(row.dutyId())) {
				index.put(row.dutyId(), duties.size());
				duties.add(row);
				owner.add(unit.getAsInt());
			}
		}
		int m = duties.size();
		List<Pair<Integer, Integer>> edges = new ArrayList<>();
		for (int x = 0; x < m; x++) {
			for (String source : duties.get(x).derivedFrom()) {
				Integer s = index.get(source);
				if (s != null && s != x) {
					edges.add(Pair.of(s, x));
				}
			}
		}
		Graph<Integer, Integer> derivation = IntGraphs.directed(m, edges);
		int[] visited = new int[m];
		int[] unitMark = new int[graph.size()];
		int stamp = 0;
		List<Break> breaks = new ArrayList<>();
		List<Reach> reach = new ArrayList<>();
		Map<Integer, int[]> subtrees = new HashMap<>();
		for (int d = 0; d < m; d++) {
			int unit = owner.get(d);
			int[] childrenWithPosts = Arrays.stream(graph.children(unit)).filter((c) -> graph.posts(c) > 0).toArray();
			boolean top = topUnits.contains(graph.id(unit));
			if (childrenWithPosts.length == 0 && !top) {
				continue;
			}
			stamp++;
			int deepest = graph.level(unit);
			List<Integer> derived = derived(derivation, d, visited, stamp);
			for (int x : derived) {
				unitMark[owner.get(x)] = stamp;
				deepest = Math.max(deepest, graph.level(owner.get(x)));
			}
			for (int c : childrenWithPosts) {
				if (unitMark[c] != stamp) {
					breaks.add(new Break(duties.get(d), unit, c));
				}
			}
			if (top) {
				int[] subtree = subtrees.computeIfAbsent(unit, (u) -> subtree(graph, u));
				int depth = graph.level(unit);
				int leaves = 0;
				int covered = 0;
				for (int v : subtree) {
					depth = Math.max(depth, graph.level(v));
					if (v != unit && graph.children(v).length == 0) {
						leaves++;
						covered += (unitMark[v] == stamp) ? 1 : 0;
					}
				}
				reach.add(new Reach(duties.get(d), unit, deepest, depth,
						(leaves == 0) ? 1.0 : (double) covered / leaves));
			}
		}
		return new Result(breaks, reach);
	}

	/** Duties derived from d, breadth-first, d itself excluded. */
	private static List<Integer> derived(Graph<Integer, Integer> derivation, int d, int[] visited, int stamp) {
		List<Integer> out = new ArrayList<>();
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		visited[d] = stamp;
		queue.add(d);
		while (!queue.isEmpty()) {
			int v = queue.poll();
			for (int e : derivation.outgoingEdgesOf(v)) {
				int w = derivation.getEdgeTarget(e);
				if (visited[w] != stamp) {
					visited[w] = stamp;
					out.add(w);
					queue.add(w);
				}
			}
		}
		return out;
	}

	/** The unit and every unit below it along PRIMARY and DUAL edges. */
	static int[] subtree(ScopedGraph graph, int unit) {
		Set<Integer> seen = new HashSet<>();
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		seen.add(unit);
		queue.add(unit);
		while (!queue.isEmpty()) {
			int v = queue.poll();
			for (int c : graph.children(v)) {
				if (seen.add(c)) {
					queue.add(c);
				}
			}
		}
		return seen.stream().mapToInt(Integer::intValue).sorted().toArray();
	}

	/** The cascade metric rows, in duty order. */
	static List<Map<String, Object>> metrics(ScopedGraph graph, List<Reach> reach) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Reach r : reach) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("unitId", graph.id(r.unit()));
			row.put("dutyId", r.duty().dutyId());
			row.put("domain", r.duty().domain());
			row.put("deepestLevel", r.deepestLevel());
			row.put("subtreeDepth", r.subtreeDepth());
			row.put("leafCoverage", r.leafCoverage());
			out.add(row);
		}
		return out;
	}

}
