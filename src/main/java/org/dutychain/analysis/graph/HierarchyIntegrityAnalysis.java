package org.dutychain.analysis.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.dutychain.analysis.AnalysisContext;
import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisExtension;
import org.dutychain.analysis.Evidence;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Findings;
import org.dutychain.config.CypherFiles;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

import org.springframework.stereotype.Component;

/**
 * LEADS_CYCLE: LEADS edges that run in a circle (领导关系闭环). The import rejects such graphs,
 * so this guards graphs written by other tools. Vertices are unit ids, edges every LEADS
 * edge of the scope whatever its kind (parallel edges of different kinds collapse into
 * one), taken from the run's shared {@link ScopedGraph}, whose {@code leads} statement
 * reads exactly the LEADS edges with both ends in scope.
 *
 * <p>
 * Strongly connected components come from JGraphT's
 * {@link KosarajuStrongConnectivityInspector}: Kosaraju–Sharir (Sharir, Comput. Math.
 * Appl. 7(1), 1981), two depth-first passes, O(|V| + |E|) time and space. A component
 * holds a cycle when it has two or more units or a unit leading itself. Each such
 * component is one finding keyed by its smallest unit id; its witness cycle is a shortest
 * closed walk from that unit back to itself inside the component (breadth-first search,
 * O(|V| + |E|) per component, so O(|V| + |E|) overall). Assumed shape: a forest-like
 * hierarchy with few extra DUAL/GUIDANCE edges and, normally, no cycle at all.
 */
@Component
class HierarchyIntegrityAnalysis implements AnalysisExtension {

	static final String CODE = "LEADS_CYCLE";

	/** A directed LEADS edge between two unit ids. */
	record Edge(String source, String target) {
	}

	/**
	 * A strongly connected component that contains a cycle.
	 *
	 * @param units the component's unit ids, sorted
	 * @param cycle a closed walk from the smallest id back to it, e.g. [A, B, A]
	 */
	record Cycle(List<String> units, List<String> cycle) {

		String unitId() {
			return this.units.get(0);
		}

	}

	private final CypherFiles files;

	HierarchyIntegrityAnalysis(CypherFiles files) {
		this.files = files;
	}

	@Override
	public void contribute(AnalysisDefinition definition, AnalysisContext context, Consumer<Finding> findings,
			Map<String, Object> metrics) {
		ScopedGraph graph = ScopedGraph.of(context, this.files);
		List<Edge> edges = new ArrayList<>(graph.leadCount());
		for (int e = 0; e < graph.leadCount(); e++) {
			edges.add(new Edge(graph.id(graph.leadFrom(e)), graph.id(graph.leadTo(e))));
		}
		List<Cycle> cycles = cycles(edges);
		AnalysisDefinition.CodeInfo info = definition.code(CODE);
		for (Cycle c : cycles) {
			Map<String, Object> values = new LinkedHashMap<>(context.parameters());
			values.put("unitId", c.unitId());
			values.put("unitName",
					Objects.requireNonNullElse(graph.name(graph.indexOf(c.unitId()).orElseThrow()), c.unitId()));
			values.put("size", c.units().size());
			values.put("cycle", String.join(" → ", c.cycle()));
			// built directly, not through Findings.fromRow, so the witness path keeps its
			// closing edge back to the start
			findings.accept(new Finding(definition.id(), CODE, info.severity(), c.unitId(), context.level(c.unitId()),
					null, null, null, null, Findings.subject(definition, info, values), Findings.message(info, values),
					new Evidence(c.units(), List.of(c.cycle())), Map.of()));
		}
		metrics.put("leadsEdges", edges.size());
		metrics.put("cycles", cycles.size());
	}

	/** Every strongly connected component with a cycle, ordered by smallest unit id. */
	static List<Cycle> cycles(List<Edge> edges) {
		Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
		for (Edge e : edges) {
			graph.addVertex(e.source());
			graph.addVertex(e.target());
			if (!graph.containsEdge(e.source(), e.target())) {
				graph.addEdge(e.source(), e.target());
			}
		}
		List<Cycle> cycles = new ArrayList<>();
		for (Set<String> component : new KosarajuStrongConnectivityInspector<>(graph).stronglyConnectedSets()) {
			String first = Collections.min(component);
			if (component.size() == 1 && !graph.containsEdge(first, first)) {
				continue;
			}
			cycles.add(new Cycle(List.copyOf(new TreeSet<>(component)), witness(graph, component, first)));
		}
		cycles.sort((a, b) -> a.unitId().compareTo(b.unitId()));
		return cycles;
	}

	/**
	 * A shortest closed walk start → … → start inside the component; ties broken by
	 * smaller ids first.
	 */
	private static List<String> witness(Graph<String, DefaultEdge> graph, Set<String> component, String start) {
		if (graph.containsEdge(start, start)) {
			return List.of(start, start);
		}
		Map<String, String> previous = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>();
		queue.add(start);
		previous.put(start, null);
		while (!queue.isEmpty()) {
			String v = queue.poll();
			for (String w : successors(graph, v)) {
				if (w.equals(start)) {
					List<String> walk = new ArrayList<>();
					walk.add(start);
					for (String x = v; x != null; x = previous.get(x)) {
						walk.add(x);
					}
					Collections.reverse(walk);
					return List.copyOf(walk);
				}
				if (component.contains(w) && !previous.containsKey(w)) {
					previous.put(w, v);
					queue.add(w);
				}
			}
		}
		throw new IllegalStateException("no cycle through " + start + " in its strongly connected component");
	}

	private static List<String> successors(Graph<String, DefaultEdge> graph, String v) {
		List<String> next = new ArrayList<>();
		for (DefaultEdge e : graph.outgoingEdgesOf(v)) {
			next.add(graph.getEdgeTarget(e));
		}
		Collections.sort(next);
		return next;
	}

}
