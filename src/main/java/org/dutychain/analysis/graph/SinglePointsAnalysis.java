package org.dutychain.analysis.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.dutychain.analysis.AnalysisContext;
import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisExtension;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Findings;
import org.dutychain.config.CypherFiles;
import org.jgrapht.Graph;

import org.springframework.stereotype.Component;

/**
 * CUT_UNIT, BRIDGE_EDGE: units and links whose removal cuts others off from every root
 * (单点失效).
 *
 * <p>
 * Finds the articulation points and bridges of the undirected oversight graph (design.md
 * section 3: units as vertices, every LEADS edge of every kind plus current assistance, a
 * person assistant standing for their home unit) with the depth-first search of Hopcroft
 * and Tarjan (CACM 16(6), 1973), O(|V| + |E|) time, iterative, over a jgrapht-opt sparse
 * graph, and keeps only those that leave a part of their component without any root (see
 * {@link OversightCuts}, which also says why JGraphT's recursive
 * {@code BiconnectivityInspector} is only the test reference). Input subgraph: the shared
 * {@link ScopedGraph} ({@code cypher/query/scoped-graph.cypher}); HUB_PERSON is a Cypher
 * statement of {@code cypher/analysis/single-points.cypher}.
 */
@Component
public class SinglePointsAnalysis implements AnalysisExtension {

	/**
	 * Units named in a finding's evidence besides the cut unit itself (the count is
	 * always exact).
	 */
	static final int EVIDENCE_LIMIT = 20;

	private static final int NAMES_IN_MESSAGE = 5;

	private final CypherFiles files;

	public SinglePointsAnalysis(CypherFiles files) {
		this.files = files;
	}

	@Override
	public void contribute(AnalysisDefinition definition, AnalysisContext context, Consumer<Finding> findings,
			Map<String, Object> metrics) {
		ScopedGraph graph = ScopedGraph.of(context, this.files);
		Graph<Integer, Integer> oversight = graph.oversightGraph();
		OversightCuts.Result result = OversightCuts.compute(oversight, graph::isRoot, EVIDENCE_LIMIT);
		for (OversightCuts.CutVertex cut : result.cutVertices()) {
			Map<String, Object> row = new LinkedHashMap<>();
			String id = graph.id(cut.vertex());
			List<String> evidence = new ArrayList<>();
			evidence.add(id);
			cut.sample().forEach((v) -> evidence.add(graph.id(v)));
			row.put("code", "CUT_UNIT");
			row.put("unitId", id);
			row.put("evidenceIds", evidence);
			row.put("metrics", Map.of("cutOff", cut.cutOff()));
			row.put("unitName", graph.name(cut.vertex()));
			row.put("cutOffCount", cut.cutOff());
			row.put("cutOffList", names(graph, cut.sample(), cut.cutOff()));
			findings.accept(Findings.fromRow(definition, context, row));
		}
		for (OversightCuts.CutBridge bridge : result.bridges()) {
			String detached = graph.id(bridge.detached());
			String other = graph.id(bridge.other());
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", "BRIDGE_EDGE");
			row.put("unitId", detached);
			row.put("lowerId", (detached.compareTo(other) < 0) ? detached : other);
			row.put("upperId", (detached.compareTo(other) < 0) ? other : detached);
			row.put("evidenceIds", List.of(detached, other));
			row.put("paths", List.of(List.of(other, detached)));
			row.put("metrics", Map.of("cutOff", bridge.cutOff()));
			row.put("unitName", graph.name(bridge.detached()));
			row.put("otherName", graph.name(bridge.other()));
			row.put("cutOffCount", bridge.cutOff());
			findings.accept(Findings.fromRow(definition, context, row));
		}
		metrics.put("articulationPoints", result.articulationPoints().size());
		metrics.put("bridges", result.allBridges().size());
		metrics.put("cutUnits", result.cutVertices().size());
		metrics.put("cutBridges", result.bridges().size());
	}

	private static String names(ScopedGraph graph, List<Integer> sample, int total) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < Math.min(NAMES_IN_MESSAGE, sample.size()); i++) {
			names.add(graph.name(sample.get(i)));
		}
		String list = String.join("、", names);
		return (total > names.size()) ? list + " …" : list;
	}

}
