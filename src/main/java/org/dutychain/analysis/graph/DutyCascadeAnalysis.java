package org.dutychain.analysis.graph;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.dutychain.config.CypherFile;
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
 * following the LEADS hierarchy (a DERIVED_FROM cycle is tolerated). Input subgraph:
 * statement {@code duties} of {@code cypher/analysis/duty-cascade.cypher} plus the shared
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
		List<DutyCascade.DutyRow> rows = duties(context, definition.file().statement("duties"));
		ScopedGraph graph = ScopedGraph.of(context, this.files);
		DutyCascade.Result result = DutyCascade.compute(graph, rows, topUnits(context, graph));
		for (DutyCascade.Break b : result.breaks()) {
			String parent = graph.id(b.unit());
			String child = graph.id(b.child());
			List<String> evidence = new ArrayList<>(List.of(b.duty().dutyId(), parent, child));
			if (b.duty().postId() != null) {
				evidence.add(b.duty().postId());
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", "CASCADE_BREAK");
			row.put("unitId", child);
			row.put("dutyId", b.duty().dutyId());
			row.put("evidenceIds", evidence);
			row.put("paths", List.of(List.of(parent, child)));
			row.put("domain", b.duty().domain());
			row.put("parentName", graph.name(b.unit()));
			row.put("unitName", graph.name(b.child()));
			findings.accept(Findings.fromRow(definition, context, row));
		}
		metrics.put("cascade", DutyCascade.metrics(graph, result.reach()));
	}

	/**
	 * The duties in scope, one row each, in no particular order, from the compact rows of
	 * statement {@code duties} (a unit per row, an entry per DERIVED_FROM edge of each of
	 * its duties). A duty on several lists keeps the row that the old one-row-per-list
	 * statement ordered first (by unit id, then post id, a team list after the personal
	 * lists of its unit); its sources are those of every list.
	 */
	static List<DutyCascade.DutyRow> duties(AnalysisContext context, CypherFile.Statement statement) {
		Map<String, DutyAccumulator> byId = new HashMap<>();
		context.stream(statement, (r) -> {
			String unitId = str(r.get("unitId"));
			for (String column : List.of("team", "personal")) {
				if (r.get(column) instanceof List<?> entries) {
					for (Object e : entries) {
						List<?> entry = (List<?>) e;
						String postId = (entry.size() > 3) ? str(entry.get(3)) : null;
						byId.computeIfAbsent(str(entry.get(0)), DutyAccumulator::new)
							.add(unitId, postId, str(entry.get(1)), str(entry.get(2)));
					}
				}
			}
		});
		// in no particular order: DutyCascade.compute orders what it returns by duty id
		// (sorting millions of duty ids here cost more than the search itself)
		List<DutyCascade.DutyRow> rows = new ArrayList<>(byId.size());
		for (DutyAccumulator a : byId.values()) {
			rows.add(new DutyCascade.DutyRow(a.dutyId, a.unitId, a.postId, a.domain, a.sources));
		}
		return rows;
	}

	/** One duty while its entries arrive. */
	private static final class DutyAccumulator {

		private final String dutyId;

		private String unitId;

		private String postId;

		private String domain;

		// most duties derive from one duty or none: no list until the first
		private List<String> sources = List.of();

		DutyAccumulator(String dutyId) {
			this.dutyId = dutyId;
		}

		void add(String unit, String post, String dutyDomain, String source) {
			if (this.unitId == null || before(unit, post)) {
				this.unitId = unit;
				this.postId = post;
				this.domain = dutyDomain;
			}
			if (source != null && !this.sources.contains(source)) {
				if (this.sources.isEmpty()) {
					this.sources = new ArrayList<>(1);
				}
				this.sources.add(source);
			}
		}

		/**
		 * Whether (unit, post) sorts before the kept list: unit id, then post id, nulls
		 * last.
		 */
		private boolean before(String unit, String post) {
			int c = unit.compareTo(this.unitId);
			if (c != 0) {
				return c < 0;
			}
			if (post == null) {
				return false;
			}
			return this.postId == null || post.compareTo(this.postId) < 0;
		}

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

	private static String str(Object o) {
		return (o == null) ? null : String.valueOf(o);
	}

}
