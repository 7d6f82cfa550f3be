package org.dutychain.analysis.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

import org.jgrapht.Graph;
import org.jgrapht.Graphs;

/**
 * Cut units and bridges of an undirected graph that leave some vertices without any root
 * (单点失效).
 *
 * <p>
 * Algorithm: the depth-first search of Hopcroft and Tarjan ("Algorithm 447: efficient
 * algorithms for graph manipulation", CACM 16(6), 1973) with low points, written
 * iteratively (an explicit stack, so a 300k-unit chain needs no deep thread stack). O(|V|
 * + |E|) time and O(|V|) memory besides the graph. While the search unwinds it also sums
 * the roots and vertices of every DFS subtree. Removing vertex c splits its component
 * into one part per child w with low(w) ≥ disc(c) (that child's subtree, a contiguous
 * preorder range) plus, unless c started the search, the rest of the component. c is
 * reported only if its component has a root and at least one part has none: an
 * articulation point whose parts each keep a root is harmless. A tree edge (v, w) with
 * low(w) > disc(v) is a bridge; its sides are w's subtree and the rest.
 *
 * <p>
 * Why not JGraphT's {@code BiconnectivityInspector} (same algorithm, recursive): in
 * JGraphT 1.5.2 it materialises every block as
 * {@code new AsSubgraph(graph, blockVertices)}, which scans all edges of the graph, so a
 * tree-like hierarchy (one block per edge) costs O(|V| · |E|): a 100k-unit chain did not
 * finish in minutes. The inspector stays the reference implementation in
 * {@code OversightCutsTests}, which checks this class against it and against brute force.
 *
 * <p>
 * Assumed shape: a simple undirected graph with int vertices 0..n−1 (parallel edges
 * collapsed, no self-loops).
 */
final class OversightCuts {

	/**
	 * A cut vertex whose removal leaves {@code cutOff} vertices without a root;
	 * {@code sample} lists the nearest.
	 */
	record CutVertex(int vertex, int cutOff, List<Integer> sample) {
	}

	/**
	 * A bridge whose removal leaves {@code cutOff} vertices, on the side of
	 * {@code detached}, without a root.
	 */
	record CutBridge(int detached, int other, int cutOff) {
	}

	/**
	 * The harmful cut vertices and bridges, and every articulation point and bridge
	 * (pairs sorted).
	 */
	record Result(List<CutVertex> cutVertices, List<CutBridge> bridges, Set<Integer> articulationPoints,
			Set<List<Integer>> allBridges) {
	}

	private OversightCuts() {
	}

	static Result compute(Graph<Integer, Integer> graph, IntPredicate isRoot, int sampleLimit) {
		int n = graph.vertexSet().size();
		int[][] adj = new int[n][];
		for (int v = 0; v < n; v++) {
			adj[v] = Graphs.neighborListOf(graph, v).stream().mapToInt(Integer::intValue).sorted().toArray();
		}
		int[] disc = new int[n];
		Arrays.fill(disc, -1);
		int[] low = new int[n];
		int[] parent = new int[n];
		int[] next = new int[n];
		int[] roots = new int[n];
		int[] size = new int[n];
		int[] children = new int[n];
		int[] sepRoots = new int[n];
		int[] sepSize = new int[n];
		int[] sepCutOff = new int[n];
		int[] compRoots = new int[n];
		int[] compSize = new int[n];
		boolean[] articulation = new boolean[n];
		List<int[]> treeBridges = new ArrayList<>();
		List<Integer> component = new ArrayList<>();
		int time = 0;
		int[] stack = new int[n];
		for (int s = 0; s < n; s++) {
			if (disc[s] >= 0) {
				continue;
			}
			component.clear();
			int top = 0;
			stack[top++] = s;
			parent[s] = -1;
			disc[s] = time;
			low[s] = time++;
			roots[s] = isRoot.test(s) ? 1 : 0;
			size[s] = 1;
			component.add(s);
			while (top > 0) {
				int v = stack[top - 1];
				if (next[v] < adj[v].length) {
					int w = adj[v][next[v]++];
					if (disc[w] < 0) {
						parent[w] = v;
						disc[w] = time;
						low[w] = time++;
						roots[w] = isRoot.test(w) ? 1 : 0;
						size[w] = 1;
						component.add(w);
						stack[top++] = w;
					}
					else if (w != parent[v]) {
						low[v] = Math.min(low[v], disc[w]);
					}
					continue;
				}
				top--;
				int p = parent[v];
				if (p >= 0) {
					low[p] = Math.min(low[p], low[v]);
					roots[p] += roots[v];
					size[p] += size[v];
					children[p]++;
					if (low[v] >= disc[p]) {
						sepRoots[p] += roots[v];
						sepSize[p] += size[v];
						sepCutOff[p] += (roots[v] == 0) ? size[v] : 0;
						articulation[p] |= parent[p] >= 0;
					}
					if (low[v] > disc[p]) {
						treeBridges.add(new int[] { p, v });
					}
				}
			}
			articulation[s] = children[s] >= 2;
			for (int v : component) {
				compRoots[v] = roots[s];
				compSize[v] = size[s];
			}
		}
		List<CutVertex> cutVertices = new ArrayList<>();
		Set<Integer> articulationPoints = new HashSet<>();
		for (int c = 0; c < n; c++) {
			if (!articulation[c]) {
				continue;
			}
			articulationPoints.add(c);
			if (compRoots[c] == 0) {
				continue;
			}
			boolean started = parent[c] < 0;
			int restRoots = compRoots[c] - (isRoot.test(c) ? 1 : 0) - sepRoots[c];
			int restSize = compSize[c] - 1 - sepSize[c];
			boolean restCutOff = !started && restSize > 0 && restRoots == 0;
			int cutOff = sepCutOff[c] + (restCutOff ? restSize : 0);
			if (cutOff > 0) {
				cutVertices.add(new CutVertex(c, cutOff,
						sample(adj, c, restCutOff, disc, low, parent, roots, size, sampleLimit)));
			}
		}
		List<CutBridge> bridges = new ArrayList<>();
		Set<List<Integer>> allBridges = new HashSet<>();
		for (int[] e : treeBridges) {
			int p = e[0];
			int w = e[1];
			allBridges.add(List.of(Math.min(p, w), Math.max(p, w)));
			int total = compRoots[w];
			if (total == 0) {
				continue;
			}
			if (roots[w] == 0) {
				bridges.add(new CutBridge(w, p, size[w]));
			}
			else if (total - roots[w] == 0) {
				bridges.add(new CutBridge(p, w, compSize[w] - size[w]));
			}
		}
		bridges.sort((x, y) -> (x.detached() != y.detached()) ? Integer.compare(x.detached(), y.detached())
				: Integer.compare(x.other(), y.other()));
		return new Result(cutVertices, bridges, articulationPoints, allBridges);
	}

	/**
	 * The nearest vertices that lose every root when c goes: breadth-first, never through
	 * c, from c's neighbours that lie in a cut-off part (a separated child's subtree
	 * without roots, or the rest of the component when it has none).
	 */
	private static List<Integer> sample(int[][] adj, int c, boolean restCutOff, int[] disc, int[] low, int[] parent,
			int[] roots, int[] size, int limit) {
		int[] kids = Arrays.stream(adj[c]).filter((w) -> parent[w] == c && disc[w] > disc[c]).toArray();
		Integer[] sortedKids = Arrays.stream(kids).boxed().toArray(Integer[]::new);
		Arrays.sort(sortedKids, (a, b) -> Integer.compare(disc[a], disc[b]));
		Set<Integer> seen = new HashSet<>();
		seen.add(c);
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int u : adj[c]) {
			int kid = childContaining(sortedKids, u, disc, size);
			boolean cutOff = (kid >= 0 && low[kid] >= disc[c]) ? roots[kid] == 0 : restCutOff;
			if (cutOff && seen.add(u)) {
				queue.add(u);
			}
		}
		List<Integer> out = new ArrayList<>();
		while (!queue.isEmpty() && out.size() < limit) {
			int v = queue.poll();
			out.add(v);
			for (int w : adj[v]) {
				if (seen.add(w)) {
					queue.add(w);
				}
			}
		}
		return out;
	}

	/**
	 * The DFS child of c whose subtree (a preorder range) holds u, or −1 when u is
	 * outside c's subtree.
	 */
	private static int childContaining(Integer[] kidsByDisc, int u, int[] disc, int[] size) {
		int lo = 0;
		int hi = kidsByDisc.length - 1;
		while (lo <= hi) {
			int mid = (lo + hi) >>> 1;
			int k = kidsByDisc[mid];
			if (disc[u] < disc[k]) {
				hi = mid - 1;
			}
			else if (disc[u] >= disc[k] + size[k]) {
				lo = mid + 1;
			}
			else {
				return k;
			}
		}
		return -1;
	}

}
