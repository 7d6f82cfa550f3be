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

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;

import org.dutychain.analysis.ScopedDuties.Duty;

/**
 * Reachability over the DERIVED_FROM graph (责任分解): which children of a duty's unit hold a
 * duty derived from it.
 *
 * <p>
 * The duties in scope become vertices 0..m−1 of a directed graph in compressed sparse
 * rows (two int arrays) whose edges run from a duty to every duty DERIVED_FROM it (the
 * reverse of the stored relationship). A breadth-first search from duty d visits exactly
 * the duties derived from d, directly or transitively; marking their units with d's stamp
 * answers "does child C hold a derived duty" in O(1). A search from a duty outside the
 * top units (which need the whole reach for their metrics) stops as soon as every child
 * with posts is reached: a duty's chain runs through every list below it, so a search to
 * the end from every duty costs O(Σ_d |derived(d)|) — every duty of a unit times the
 * duties below it — where the early stop costs about the chain down to the children (a
 * breaking duty and a top unit's duty still search to the end). O(m + |DERIVED_FROM|)
 * memory, no per-search allocation, nothing boxed. Cycles in DERIVED_FROM are harmless.
 */
final class DutyCascade {

	/**
	 * Duty {@code duty} of unit {@code unit} has no derived duty on any list of
	 * {@code child}.
	 */
	record Break(Duty duty, int unit, int child) {
	}

	/** How far one top duty reached. */
	record Reach(Duty duty, int unit, int deepestLevel, int subtreeDepth, double leafCoverage) {
	}

	record Result(List<Break> breaks, List<Reach> reach) {
	}

	private DutyCascade() {
	}

	/**
	 * @param graph the scoped units
	 * @param rows the duties in scope, in any order (a duty listed twice counts once, at
	 * its first row)
	 * @param topUnits the units whose duties get a {@link Reach} entry
	 */
	static Result compute(ScopedGraph graph, List<Duty> rows, Set<String> topUnits) {
		Long2IntOpenHashMap index = new Long2IntOpenHashMap(Math.max(16, rows.size()));
		index.defaultReturnValue(-1);
		List<Duty> duties = new ArrayList<>(rows.size());
		int[] owner = new int[rows.size()];
		for (Duty row : rows) {
			OptionalInt unit = graph.indexOf(row.unitId());
			if (unit.isPresent() && !index.containsKey(row.key())) {
				index.put(row.key(), duties.size());
				owner[duties.size()] = unit.getAsInt();
				duties.add(row);
			}
		}
		int m = duties.size();
		// the DERIVED_FROM graph reversed, as compressed sparse rows: the duties derived
		// from duty v are derived[first[v] .. first[v + 1] - 1]
		int total = 0;
		for (Duty row : duties) {
			total += row.derivedFrom().length;
		}
		int[] edgeSource = new int[total];
		int[] edgeTarget = new int[total];
		int edges = 0;
		for (int x = 0; x < m; x++) {
			for (long source : duties.get(x).derivedFrom()) {
				int s = index.get(source);
				if (s >= 0 && s != x) {
					edgeSource[edges] = s;
					edgeTarget[edges++] = x;
				}
			}
		}
		int[] first = new int[m + 1];
		for (int e = 0; e < edges; e++) {
			first[edgeSource[e] + 1]++;
		}
		for (int v = 0; v < m; v++) {
			first[v + 1] += first[v];
		}
		int[] derived = new int[edges];
		int[] fill = Arrays.copyOf(first, m);
		for (int e = 0; e < edges; e++) {
			derived[fill[edgeSource[e]]++] = edgeTarget[e];
		}
		int n = graph.size();
		int[][] childrenWithPosts = new int[n][];
		boolean[] top = new boolean[n];
		for (int u = 0; u < n; u++) {
			top[u] = topUnits.contains(graph.id(u));
		}
		int[] visited = new int[m];
		int[] queue = new int[m];
		int[] unitMark = new int[n];
		int[] childMark = new int[n];
		int stamp = 0;
		List<Break> breaks = new ArrayList<>();
		List<Reach> reach = new ArrayList<>();
		Map<Integer, int[]> subtrees = new HashMap<>();
		for (int d = 0; d < m; d++) {
			int unit = owner[d];
			if (childrenWithPosts[unit] == null) {
				childrenWithPosts[unit] = Arrays.stream(graph.children(unit))
					.filter((c) -> graph.posts(c) > 0)
					.toArray();
			}
			int[] children = childrenWithPosts[unit];
			if (children.length == 0 && !top[unit]) {
				continue;
			}
			stamp++;
			for (int c : children) {
				childMark[c] = stamp;
			}
			// children not yet holding a derived duty: a duty outside the top units needs
			// no more than that, so its search stops when none is left (the search from
			// a duty high up would otherwise walk everything below it)
			int unreached = children.length;
			int deepest = graph.level(unit);
			// breadth-first over the duties derived from d, d itself excluded
			visited[d] = stamp;
			queue[0] = d;
			search: for (int head = 0, tail = 1; head < tail; head++) {
				int v = queue[head];
				for (int k = first[v]; k < first[v + 1]; k++) {
					int w = derived[k];
					if (visited[w] != stamp) {
						visited[w] = stamp;
						queue[tail++] = w;
						int holder = owner[w];
						if (unitMark[holder] != stamp) {
							unitMark[holder] = stamp;
							if (childMark[holder] == stamp && --unreached == 0 && !top[unit]) {
								break search;
							}
						}
						deepest = Math.max(deepest, graph.level(holder));
					}
				}
			}
			for (int c : children) {
				if (unitMark[c] != stamp) {
					breaks.add(new Break(duties.get(d), unit, c));
				}
			}
			if (top[unit]) {
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
		// unsorted: the caller sorts them by the duties' ids, which only it reads
		return new Result(breaks, reach);
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

	/**
	 * The cascade metric rows, in the order of {@code reach}.
	 * @param dutyIds business id by duty key
	 */
	static List<Map<String, Object>> metrics(ScopedGraph graph, List<Reach> reach, Map<Long, String> dutyIds) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Reach r : reach) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("unitId", graph.id(r.unit()));
			row.put("dutyId", dutyIds.get(r.duty().key()));
			row.put("domain", r.duty().domain());
			row.put("deepestLevel", r.deepestLevel());
			row.put("subtreeDepth", r.subtreeDepth());
			row.put("leafCoverage", r.leafCoverage());
			out.add(row);
		}
		return out;
	}

}
