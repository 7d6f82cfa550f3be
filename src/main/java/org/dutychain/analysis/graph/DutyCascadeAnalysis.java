package org.dutychain.analysis.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.dutychain.analysis.AnalysisContext;
import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisExtension;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Findings;
import org.dutychain.analysis.ScopedDuties;
import org.dutychain.config.CypherFiles;

import org.springframework.stereotype.Component;

/**
 * CASCADE_BREAK and the cascade-depth metrics (责任分解, 沙滩流水不到头).
 *
 * <p>
 * Algorithm: breadth-first reachability over the DERIVED_FROM graph, reversed so that
 * edges point from a duty to the duties derived from it, held in compressed sparse rows
 * (int arrays; the subtrees and levels come from the shared JGraphT-side
 * {@link ScopedGraph}); see {@link DutyCascade}. Cost: O(m + Σ_d |derived(d)|) time for m
 * duties, i.e. linear in the duties times the derivation depth, and O(m + |E|) memory; no
 * per-duty query reaches the database. Assumed shape: a forest or DAG of derivations
 * following the LEADS hierarchy (a DERIVED_FROM cycle is tolerated). Input subgraph: the
 * shared {@link ScopedDuties} (also read by list-coverage) and the shared
 * {@link ScopedGraph}.
 */
@Component
public class DutyCascadeAnalysis implements AnalysisExtension {

	private final CypherFiles files;

	public DutyCascadeAnalysis(CypherFiles files) {
		this.files = files;
	}

	@Override
	public void contribute(AnalysisDefinition definition, AnalysisContext context, Consumer<Finding> findings,
			Map<String, Object> metrics) {
		// duties before the shared graph: in an audit another analysis loads it meanwhile
		List<ScopedDuties.Duty> duties = ScopedDuties.of(context, this.files).takeDuties();
		ScopedGraph graph = ScopedGraph.of(context, this.files);
		DutyCascade.Result result = DutyCascade.compute(graph, duties, topUnits(context, graph));
		// the business ids of the duties the findings and metrics name (a few thousand of
		// the 1.4 M at 100k units), then both in duty id order: a stable sort keeps each
		// duty's breaks in the order of its unit's children
		List<ScopedDuties.Duty> named = new ArrayList<>();
		result.breaks().forEach((b) -> named.add(b.duty()));
		result.reach().forEach((r) -> named.add(r.duty()));
		Map<Long, String> ids = ScopedDuties.dutyIds(context, this.files, named);
		List<DutyCascade.Break> breaks = new ArrayList<>(result.breaks());
		breaks.sort(Comparator.comparing((DutyCascade.Break b) -> ids.get(b.duty().key())));
		List<DutyCascade.Reach> reach = new ArrayList<>(result.reach());
		reach.sort(Comparator.comparing((DutyCascade.Reach r) -> ids.get(r.duty().key())));
		for (DutyCascade.Break b : breaks) {
			String dutyId = ids.get(b.duty().key());
			String parent = graph.id(b.unit());
			String child = graph.id(b.child());
			List<String> evidence = new ArrayList<>(List.of(dutyId, parent, child));
			if (b.duty().postId() != null) {
				evidence.add(b.duty().postId());
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", "CASCADE_BREAK");
			row.put("unitId", child);
			row.put("dutyId", dutyId);
			row.put("evidenceIds", evidence);
			row.put("paths", List.of(List.of(parent, child)));
			row.put("domain", b.duty().domain());
			row.put("parentName", graph.name(b.unit()));
			row.put("unitName", graph.name(b.child()));
			findings.accept(Findings.fromRow(definition, context, row));
		}
		metrics.put("cascade", DutyCascade.metrics(graph, reach, ids));
	}

	/** The scope unit, or every level-1 unit when the scope is every unit. */
	private static Set<String> topUnits(AnalysisContext context, ScopedGraph graph) {
		Set<String> top = new HashSet<>();
		if (context.scope().unitId() != null) {
			top.add(context.scope().unitId());
		}
		else {
			for (int u = 0; u < graph.size(); u++) {
				if (graph.level(u) == 1) {
					top.add(graph.id(u));
				}
			}
		}
		return top;
	}

}
