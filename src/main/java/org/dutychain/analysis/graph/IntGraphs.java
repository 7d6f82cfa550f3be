package org.dutychain.analysis.graph;

import java.util.List;

import org.jgrapht.Graph;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.graph.SimpleGraph;
import org.jgrapht.opt.graph.sparse.SparseIntUndirectedGraph;
import org.jgrapht.util.SupplierUtil;

/**
 * Compact int graphs: jgrapht-opt's sparse (CSR) graphs, whose vertices are 0..n−1 and
 * edges 0..m−1. They cannot hold a graph without edges (their matrix needs a column), so
 * an edgeless graph is an ordinary JGraphT graph of isolated vertices.
 */
final class IntGraphs {

	private IntGraphs() {
	}

	static Graph<Integer, Integer> undirected(int n, List<Pair<Integer, Integer>> edges) {
		return edges.isEmpty() ? isolated(new SimpleGraph<>(null, SupplierUtil.createIntegerSupplier(), false), n)
				: new SparseIntUndirectedGraph(n, edges);
	}

	private static Graph<Integer, Integer> isolated(Graph<Integer, Integer> graph, int n) {
		for (int v = 0; v < n; v++) {
			graph.addVertex(v);
		}
		return graph;
	}

}
