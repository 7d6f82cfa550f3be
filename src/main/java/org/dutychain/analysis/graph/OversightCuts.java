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
 * Cut units of an undirected graph (单点失效): a vertex that is not a root and whose removal
 * leaves some vertices without any path to a root. Only <em>maximal</em> cut units are
 * reported; a cut unit that lies in the cut-off set of another is listed among that one's
 * nested cut units. Also counts the bridges whose removal leaves vertices without a root.
 *
 * <p>
 * Algorithm: a virtual super-root S joined to every root, then one depth-first search
 * from S with Hopcroft–Tarjan low points ("Algorithm 447", CACM 16(6), 1973), iterative
 * (an explicit stack, so a 300k-unit chain needs no deep thread stack), O(|V| + |E|).
 * Removing a vertex c ≠ S disconnects from S exactly the DFS subtrees of its children w
 * with low(w) ≥ disc(c) (no back edge leaves such a subtree above c), so cutOff(c) is the
 * sum of their sizes; every cut-off set is a union of DFS subtrees below c. Hence c lies
 * in the cut-off set of c' only when c' is a DFS ancestor whose separated subtree holds
 * c, which a top-down pass over the preorder resolves: the maximal cut unit covering w is
 * that of its parent p, or p itself when p separates w's subtree and nothing covers p.
 * Nesting is a strict order (a shortest path from c to a root through c' cannot return
 * through c), so the maximal cut units are well defined. Vertices of a component without
 * any root are never reached and never reported. A tree edge (p, w), p ≠ S, with low(w) >
 * disc(p) is a bridge that cuts w's subtree off.
 *
 * <p>
 * JGraphT's {@code BiconnectivityInspector} is not used: in JGraphT 1.5.2 it materialises
 * every block as a subgraph, O(|V| · |E|) on a tree-like hierarchy;
 * {@code OversightCutsTests} checks this class against brute force.
 *
 * <p>
 * Assumed shape: a simple undirected graph with int vertices 0..n−1.
 */
final class OversightCuts {

	/**
	 * A maximal cut vertex.
	 *
	 * @param cutOff vertices that lose every root without it
	 * @param sample the nearest of them (breadth-first), at most the sample limit
	 * @param nested the cut vertices inside its cut-off set, in DFS preorder
	 */
	record CutVertex(int vertex, int cutOff, List<Integer> sample, List<Integer> nested) {
	}

	/**
	 * @param maximal the maximal cut vertices, by vertex
	 * @param cutVertices every cut vertex (maximal and nested)
	 * @param bridges the bridges whose removal leaves vertices without a root
	 */
	record Result(List<CutVertex> maximal, int cutVertices, int bridges) {
	}

	private OversightCuts() {
	}

	static Result compute(Graph<Integer, Integer> graph, IntPredicate isRoot, int sampleLimit) {
		int n = graph.vertexSet().size();
		int s = n;
		int[][] adj = new int[n + 1][];
		List<Integer> rootList = new ArrayList<>();
		for (int v = 0; v < n; v++) {
			int[] neighbours = Graphs.neighborListOf(graph, v).stream().mapToInt(Integer::intValue).sorted().toArray();
			if (isRoot.test(v)) {
				rootList.add(v);
				neighbours = Arrays.copyOf(neighbours, neighbours.length + 1);
				neighbours[neighbours.length - 1] = s;
			}
			adj[v] = neighbours;
		}
		adj[s] = rootList.stream().mapToInt(Integer::intValue).toArray();
		int[] disc = new int[n + 1];
		Arrays.fill(disc, -1);
		int[] low = new int[n + 1];
		int[] parent = new int[n + 1];
		int[] next = new int[n + 1];
		int[] size = new int[n + 1];
		int[] cutOff = new int[n + 1];
		int[] preorder = new int[n + 1];
		int visited = 0;
		int bridges = 0;
		int[] stack = new int[n + 1];
		int top = 0;
		int time = 0;
		stack[top++] = s;
		parent[s] = -1;
		disc[s] = time;
		low[s] = time++;
		size[s] = 1;
		preorder[visited++] = s;
		while (top > 0) {
			int v = stack[top - 1];
			if (next[v] < adj[v].length) {
				int w = adj[v][next[v]++];
				if (disc[w] < 0) {
					parent[w] = v;
					disc[w] = time;
					low[w] = time++;
					size[w] = 1;
					preorder[visited++] = w;
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
				size[p] += size[v];
				if (p != s && low[v] >= disc[p]) {
					cutOff[p] += size[v];
				}
				if (p != s && low[v] > disc[p]) {
					bridges++;
				}
			}
		}
		int[] cover = new int[n + 1];
		Arrays.fill(cover, -1);
		List<List<Integer>> nested = new ArrayList<>();
		for (int i = 0; i <= n; i++) {
			nested.add(null);
		}
		int cuts = 0;
		for (int i = 1; i < visited; i++) {
			int w = preorder[i];
			int p = parent[w];
			boolean separatedByP = p != s && cut(p, cutOff, isRoot) && low[w] >= disc[p];
			cover[w] = separatedByP ? ((cover[p] >= 0) ? cover[p] : p) : cover[p];
			if (cut(w, cutOff, isRoot)) {
				cuts++;
				if (cover[w] >= 0) {
					if (nested.get(cover[w]) == null) {
						nested.set(cover[w], new ArrayList<>());
					}
					nested.get(cover[w]).add(w);
				}
			}
		}
		List<CutVertex> maximal = new ArrayList<>();
		for (int c = 0; c < n; c++) {
			if (disc[c] >= 0 && cut(c, cutOff, isRoot) && cover[c] < 0) {
				List<Integer> inside = (nested.get(c) != null) ? List.copyOf(nested.get(c)) : List.of();
				maximal.add(new CutVertex(c, cutOff[c], sample(adj, c, disc, low, parent, sampleLimit), inside));
			}
		}
		return new Result(maximal, cuts, bridges);
	}

	private static boolean cut(int v, int[] cutOff, IntPredicate isRoot) {
		return cutOff[v] > 0 && !isRoot.test(v);
	}

	/**
	 * The nearest vertices that lose every root when c goes: breadth-first from c's DFS
	 * children whose subtrees it separates (no edge leaves such a subtree except to c).
	 */
	private static List<Integer> sample(int[][] adj, int c, int[] disc, int[] low, int[] parent, int limit) {
		Set<Integer> seen = new HashSet<>();
		seen.add(c);
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int w : adj[c]) {
			if (parent[w] == c && low[w] >= disc[c] && seen.add(w)) {
				queue.add(w);
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

}
