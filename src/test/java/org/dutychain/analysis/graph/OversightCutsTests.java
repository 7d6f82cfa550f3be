package org.dutychain.analysis.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.BiconnectivityInspector;
import org.jgrapht.alg.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OversightCuts} against JGraphT's {@link BiconnectivityInspector} and brute force
 * (remove each vertex or edge, search again from the roots) on small random graphs with
 * fixed seeds, and against the formula for complete k-ary hierarchies: (k^(d+1) − 1)/(k −
 * 1) units, whose cut units are exactly the non-leaf units.
 */
class OversightCutsTests {

	@Test
	void agreesWithBruteForceOnRandomGraphs() {
		for (long seed = 1; seed <= 400; seed++) {
			Random random = new Random(seed);
			int n = 1 + random.nextInt(12);
			double p = 0.1 + random.nextDouble() * 0.35;
			List<int[]> edges = new ArrayList<>();
			for (int a = 0; a < n; a++) {
				for (int b = a + 1; b < n; b++) {
					if (random.nextDouble() < p) {
						edges.add(new int[] { a, b });
					}
				}
			}
			boolean[] roots = new boolean[n];
			int rootCount = random.nextInt(3);
			for (int r = 0; r < rootCount; r++) {
				roots[random.nextInt(n)] = true;
			}
			check("seed " + seed, n, edges, roots);
		}
	}

	@Test
	void aSecondRootKeepsAnArticulationPointHarmless() {
		// 0 - 1 - 2 with roots 0 and 2: 1 is an articulation point, but each part keeps a
		// root
		boolean[] roots = { true, false, true };
		OversightCuts.Result r = OversightCuts.compute(graph(3, List.of(new int[] { 0, 1 }, new int[] { 1, 2 })),
				(v) -> roots[v], 10);
		assertThat(r.articulationPoints()).containsExactly(1);
		assertThat(r.cutVertices()).isEmpty();
		assertThat(r.bridges()).extracting(OversightCuts.CutBridge::detached).isEmpty();
	}

	@Test
	void aComponentWithoutRootsYieldsNothing() {
		boolean[] roots = { true, false, false, false };
		OversightCuts.Result r = OversightCuts.compute(graph(4, List.of(new int[] { 1, 2 }, new int[] { 2, 3 })),
				(v) -> roots[v], 10);
		assertThat(r.articulationPoints()).containsExactly(2);
		assertThat(r.cutVertices()).isEmpty();
		assertThat(r.bridges()).isEmpty();
	}

	@ParameterizedTest(name = "k={0}, d={1}")
	@CsvSource({ "2,0", "2,1", "2,3", "3,2", "3,4", "4,3", "5,2" })
	void cutUnitsOfACompleteHierarchyAreItsNonLeafUnits(int k, int d) {
		List<int[]> edges = new ArrayList<>();
		List<Integer> level = List.of(0);
		int n = 1;
		for (int depth = 0; depth < d; depth++) {
			List<Integer> below = new ArrayList<>();
			for (int parent : level) {
				for (int i = 0; i < k; i++) {
					edges.add(new int[] { parent, n });
					below.add(n++);
				}
			}
			level = below;
		}
		assertThat(n).isEqualTo((int) ((Math.pow(k, d + 1) - 1) / (k - 1)));
		OversightCuts.Result r = OversightCuts.compute(graph(n, edges), (v) -> v == 0, 10);
		int leaves = (int) Math.pow(k, d);
		Set<Integer> nonLeaves = new HashSet<>();
		for (int v = 0; v < n - leaves; v++) {
			nonLeaves.add(v);
		}
		assertThat(r.cutVertices()).extracting(OversightCuts.CutVertex::vertex)
			.containsExactlyInAnyOrderElementsOf(nonLeaves);
		assertThat(r.bridges()).hasSize(n - 1);
		for (OversightCuts.CutVertex c : r.cutVertices()) {
			int depth = depth(c.vertex(), k);
			int subtree = (int) ((Math.pow(k, d - depth + 1) - 1) / (k - 1));
			assertThat(c.cutOff()).as("units below %d", c.vertex()).isEqualTo(subtree - 1);
		}
	}

	@Test
	void survivesAVeryLongChain() {
		int n = 100_000;
		List<int[]> edges = new ArrayList<>();
		for (int v = 1; v < n; v++) {
			edges.add(new int[] { v - 1, v });
		}
		OversightCuts.Result r = OversightCuts.compute(graph(n, edges), (v) -> v == 0, 3);
		assertThat(r.cutVertices()).hasSize(n - 2);
		assertThat(r.cutVertices().get(0).vertex()).isEqualTo(1);
		assertThat(r.cutVertices().get(0).cutOff()).isEqualTo(n - 2);
		assertThat(r.cutVertices().get(0).sample()).containsExactly(2, 3, 4);
		assertThat(r.bridges()).hasSize(n - 1);
	}

	private static int depth(int v, int k) {
		int depth = 0;
		while (v > 0) {
			v = (v - 1) / k;
			depth++;
		}
		return depth;
	}

	static Graph<Integer, Integer> graph(int n, List<int[]> edges) {
		List<Pair<Integer, Integer>> pairs = new ArrayList<>();
		for (int[] e : edges) {
			pairs.add(Pair.of(e[0], e[1]));
		}
		return IntGraphs.undirected(n, pairs);
	}

	private static void check(String name, int n, List<int[]> edges, boolean[] roots) {
		Graph<Integer, Integer> g = graph(n, edges);
		OversightCuts.Result r = OversightCuts.compute(g, (v) -> roots[v], 4);
		BiconnectivityInspector<Integer, Integer> reference = new BiconnectivityInspector<>(g);
		assertThat(r.articulationPoints()).as(name + " vs BiconnectivityInspector").isEqualTo(reference.getCutpoints());
		Set<List<Integer>> referenceBridges = new HashSet<>();
		for (int e : reference.getBridges()) {
			int a = g.getEdgeSource(e);
			int b = g.getEdgeTarget(e);
			referenceBridges.add(List.of(Math.min(a, b), Math.max(a, b)));
		}
		assertThat(r.allBridges()).as(name + " bridges vs BiconnectivityInspector").isEqualTo(referenceBridges);
		Set<Integer> reachable = reach(n, edges, roots, -1, -1);
		int components = components(n, edges, -1, -1);
		Map<Integer, Set<Integer>> expectedCuts = new HashMap<>();
		Set<Integer> articulation = new HashSet<>();
		for (int v = 0; v < n; v++) {
			if (components(n, edges, v, -1) > components - 1 + 1 - (isolated(v, edges) ? 1 : 0)) {
				articulation.add(v);
			}
			Set<Integer> lost = new HashSet<>(reachable);
			lost.remove(v);
			lost.removeAll(reach(n, edges, roots, v, -1));
			if (articulation.contains(v) && !lost.isEmpty()) {
				expectedCuts.put(v, lost);
			}
		}
		assertThat(r.articulationPoints()).as(name + " articulation points").isEqualTo(articulation);
		Map<Integer, Integer> actualCuts = new HashMap<>();
		for (OversightCuts.CutVertex c : r.cutVertices()) {
			actualCuts.put(c.vertex(), c.cutOff());
			assertThat(expectedCuts.get(c.vertex())).as(name + " sample of " + c.vertex())
				.containsAll(c.sample())
				.hasSizeGreaterThanOrEqualTo(c.sample().size());
			assertThat(c.sample()).as(name).hasSize(Math.min(4, c.cutOff()));
		}
		Map<Integer, Integer> expectedCounts = new HashMap<>();
		expectedCuts.forEach((v, lost) -> expectedCounts.put(v, lost.size()));
		assertThat(actualCuts).as(name + " cut units").isEqualTo(expectedCounts);
		Set<List<Integer>> bridges = new HashSet<>();
		Map<List<Integer>, Integer> expectedBridges = new HashMap<>();
		for (int e = 0; e < edges.size(); e++) {
			int a = edges.get(e)[0];
			int b = edges.get(e)[1];
			if (components(n, edges, -1, e) > components) {
				bridges.add(List.of(a, b));
			}
			Set<Integer> lost = new HashSet<>(reachable);
			lost.removeAll(reach(n, edges, roots, -1, e));
			if (!lost.isEmpty()) {
				int detached = lost.contains(a) ? a : b;
				expectedBridges.put(List.of(detached, lost.size()), detached == a ? b : a);
			}
		}
		assertThat(r.allBridges()).as(name + " bridges").isEqualTo(bridges);
		Map<List<Integer>, Integer> actualBridges = new HashMap<>();
		for (OversightCuts.CutBridge b : r.bridges()) {
			actualBridges.put(List.of(b.detached(), b.cutOff()), b.other());
		}
		assertThat(actualBridges).as(name + " cut bridges").isEqualTo(expectedBridges);
	}

	private static boolean isolated(int v, List<int[]> edges) {
		return edges.stream().noneMatch((e) -> e[0] == v || e[1] == v);
	}

	/**
	 * Vertices reachable from the roots without vertex {@code skipVertex} and edge
	 * {@code skipEdge}.
	 */
	private static Set<Integer> reach(int n, List<int[]> edges, boolean[] roots, int skipVertex, int skipEdge) {
		Set<Integer> seen = new HashSet<>();
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int v = 0; v < n; v++) {
			if (roots[v] && v != skipVertex) {
				seen.add(v);
				queue.add(v);
			}
		}
		while (!queue.isEmpty()) {
			int v = queue.poll();
			for (int e = 0; e < edges.size(); e++) {
				int[] edge = edges.get(e);
				if (e == skipEdge || (edge[0] != v && edge[1] != v)) {
					continue;
				}
				int w = (edge[0] == v) ? edge[1] : edge[0];
				if (w != skipVertex && seen.add(w)) {
					queue.add(w);
				}
			}
		}
		return seen;
	}

	/**
	 * Connected components without vertex {@code skipVertex} and edge {@code skipEdge}.
	 */
	private static int components(int n, List<int[]> edges, int skipVertex, int skipEdge) {
		int[] comp = new int[n];
		java.util.Arrays.fill(comp, -1);
		int count = 0;
		for (int s = 0; s < n; s++) {
			if (s == skipVertex || comp[s] >= 0) {
				continue;
			}
			count++;
			ArrayDeque<Integer> queue = new ArrayDeque<>();
			queue.add(s);
			comp[s] = count;
			while (!queue.isEmpty()) {
				int v = queue.poll();
				for (int e = 0; e < edges.size(); e++) {
					int[] edge = edges.get(e);
					if (e == skipEdge || (edge[0] != v && edge[1] != v)) {
						continue;
					}
					int w = (edge[0] == v) ? edge[1] : edge[0];
					if (w != skipVertex && comp[w] < 0) {
						comp[w] = count;
						queue.add(w);
					}
				}
			}
		}
		return count;
	}

}
