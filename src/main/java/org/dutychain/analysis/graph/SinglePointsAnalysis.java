package org.dutychain.analysis.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * CUT_UNIT: units whose removal cuts others off from every root (单点失效), only the maximal
 * ones (a cut unit inside another's cut-off set is listed in that one's evidence and
 * metrics); the bridges that cut units off are counted in the metrics.
 *
 * <p>
 * Finds the cut units of the undirected oversight graph (design.md section 3: units as
 * vertices, every LEADS edge of every kind plus current assistance, a person assistant
 * standing for their home unit) with one depth-first search of Hopcroft and Tarjan (CACM
 * 16(6), 1973) from a virtual vertex joined to every root, O(|V| + |E|) time, iterative,
 * over a jgrapht-opt sparse graph (see {@link OversightCuts}). Input subgraph: the shared
 * {@link ScopedGraph} ({@code cypher/query/scoped-graph.cypher}); HUB_PERSON is a Cypher
 * statement of {@code cypher/analysis/single-points.cypher}.
 */
@Component
public class SinglePointsAnalysis implements AnalysisExtension {

	/**
	 * Cut-off units named in a finding's evidence besides the cut unit and its nested cut
	 * units (the count is always exact).
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
		for (OversightCuts.CutVertex cut : result.maximal()) {
			Map<String, Object> row = new LinkedHashMap<>();
			String id = graph.id(cut.vertex());
			List<String> nested = cut.nested().stream().map(graph::id).toList();
			Set<String> evidence = new LinkedHashSet<>();
			evidence.add(id);
			evidence.addAll(nested);
			cut.sample().forEach((v) -> evidence.add(graph.id(v)));
			row.put("code", "CUT_UNIT");
			row.put("unitId", id);
			row.put("evidenceIds", List.copyOf(evidence));
			Map<String, Object> cutMetrics = new LinkedHashMap<>(); // one order in every
																	// run
			cutMetrics.put("cutOff", cut.cutOff());
			cutMetrics.put("nestedCutUnits", nested.size());
			cutMetrics.put("nested", nested);
			row.put("metrics", cutMetrics);
			row.put("unitName", graph.name(cut.vertex()));
			row.put("cutOffCount", cut.cutOff());
			row.put("cutOffList", names(graph, cut.sample(), cut.cutOff()));
			row.put("nestedCount", nested.size());
			findings.accept(Findings.fromRow(definition, context, row));
		}
		metrics.put("cutUnits", result.cutVertices());
		metrics.put("maximalCutUnits", result.maximal().size());
		metrics.put("bridges", result.bridges());
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
