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
import org.jgrapht.alg.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OversightCuts} against brute force (remove each vertex or edge, search again
 * from the roots) on small random graphs with fixed seeds, and against the formula for
 * complete k-ary hierarchies: (k^(d+1) − 1)/(k − 1) units, whose cut units are the
 * non-leaf units below the root, the maximal ones the root's children.
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
		assertThat(r.maximal()).isEmpty();
		assertThat(r.cutVertices()).isZero();
		assertThat(r.bridges()).isZero();
	}

	@Test
	void aComponentWithoutRootsYieldsNothing() {
		boolean[] roots = { true, false, false, false };
		OversightCuts.Result r = OversightCuts.compute(graph(4, List.of(new int[] { 1, 2 }, new int[] { 2, 3 })),
				(v) -> roots[v], 10);
		assertThat(r.maximal()).isEmpty();
		assertThat(r.bridges()).isZero();
	}

	@Test
	void aRootIsNeverACutUnitAndANestedCutUnitIsListedNotReported() {
		// root 0 - 1 - 2 - 3, and 0 - 4: 1 cuts off 2 and 3; 2 (cutting off 3) is nested
		// in 1
		OversightCuts.Result r = OversightCuts.compute(
				graph(5, List.of(new int[] { 0, 1 }, new int[] { 1, 2 }, new int[] { 2, 3 }, new int[] { 0, 4 })),
				(v) -> v == 0, 10);
		assertThat(r.maximal()).extracting(OversightCuts.CutVertex::vertex).containsExactly(1);
		assertThat(r.maximal().get(0).cutOff()).isEqualTo(2);
		assertThat(r.maximal().get(0).nested()).containsExactly(2);
		assertThat(r.maximal().get(0).sample()).containsExactly(2, 3);
		assertThat(r.cutVertices()).isEqualTo(2);
		assertThat(r.bridges()).isEqualTo(4);
	}

	@ParameterizedTest(name = "k={0}, d={1}")
	@CsvSource({ "2,0", "2,1", "2,3", "3,2", "3,4", "4,3", "5,2" })
	void cutUnitsOfACompleteHierarchyAreItsNonLeafUnitsBelowTheRoot(int k, int d) {
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
		int nonLeaves = n - leaves;
		assertThat(r.cutVertices()).isEqualTo(Math.max(0, nonLeaves - 1));
		assertThat(r.bridges()).isEqualTo(n - 1);
		List<Integer> children = new ArrayList<>();
		if (d >= 2) {
			for (int v = 1; v <= k; v++) {
				children.add(v);
			}
		}
		assertThat(r.maximal()).extracting(OversightCuts.CutVertex::vertex).containsExactlyElementsOf(children);
		for (OversightCuts.CutVertex c : r.maximal()) {
			int subtree = (int) ((Math.pow(k, d) - 1) / (k - 1));
			assertThat(c.cutOff()).as("units below %d", c.vertex()).isEqualTo(subtree - 1);
			int innerBelow = (int) ((Math.pow(k, d - 1) - 1) / (k - 1)) - 1;
			assertThat(c.nested()).as("nested below %d", c.vertex()).hasSize(innerBelow);
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
		assertThat(r.cutVertices()).isEqualTo(n - 2);
		assertThat(r.maximal()).hasSize(1);
		assertThat(r.maximal().get(0).vertex()).isEqualTo(1);
		assertThat(r.maximal().get(0).cutOff()).isEqualTo(n - 2);
		assertThat(r.maximal().get(0).nested()).hasSize(n - 3);
		assertThat(r.maximal().get(0).sample()).containsExactly(2, 3, 4);
		assertThat(r.bridges()).isEqualTo(n - 1);
	}

	private static void check(String name, int n, List<int[]> edges, boolean[] roots) {
		Graph<Integer, Integer> g = graph(n, edges);
		OversightCuts.Result r = OversightCuts.compute(g, (v) -> roots[v], 4);
		Set<Integer> reachable = reach(n, edges, roots, -1, -1);
		Map<Integer, Set<Integer>> cuts = new HashMap<>();
		for (int v = 0; v < n; v++) {
			if (roots[v]) {
				continue;
			}
			Set<Integer> lost = new HashSet<>(reachable);
			lost.remove(v);
			lost.removeAll(reach(n, edges, roots, v, -1));
			if (!lost.isEmpty()) {
				cuts.put(v, lost);
			}
		}
		assertThat(r.cutVertices()).as(name + " cut units").isEqualTo(cuts.size());
		Map<Integer, Integer> expectedMaximal = new HashMap<>();
		Map<Integer, Set<Integer>> expectedNested = new HashMap<>();
		for (Map.Entry<Integer, Set<Integer>> c : cuts.entrySet()) {
			boolean nested = cuts.entrySet()
				.stream()
				.anyMatch((o) -> !o.getKey().equals(c.getKey()) && o.getValue().contains(c.getKey()));
			if (!nested) {
				expectedMaximal.put(c.getKey(), c.getValue().size());
				Set<Integer> inside = new HashSet<>(cuts.keySet());
				inside.retainAll(c.getValue());
				expectedNested.put(c.getKey(), inside);
			}
		}
		Map<Integer, Integer> actualMaximal = new HashMap<>();
		for (OversightCuts.CutVertex c : r.maximal()) {
			actualMaximal.put(c.vertex(), c.cutOff());
			assertThat(new HashSet<>(c.nested())).as(name + " nested in " + c.vertex())
				.isEqualTo(expectedNested.get(c.vertex()));
			assertThat(cuts.get(c.vertex())).as(name + " sample of " + c.vertex()).containsAll(c.sample());
			assertThat(c.sample()).as(name).hasSize(Math.min(4, c.cutOff()));
		}
		assertThat(actualMaximal).as(name + " maximal cut units").isEqualTo(expectedMaximal);
		int bridges = 0;
		for (int e = 0; e < edges.size(); e++) {
			Set<Integer> lost = new HashSet<>(reachable);
			lost.removeAll(reach(n, edges, roots, -1, e));
			if (!lost.isEmpty()) {
				bridges++;
			}
		}
		assertThat(r.bridges()).as(name + " bridges that cut units off").isEqualTo(bridges);
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
