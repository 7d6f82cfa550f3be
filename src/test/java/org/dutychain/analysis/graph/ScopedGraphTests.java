package org.dutychain.analysis.graph;

import java.util.List;

import org.jgrapht.Graph;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Roots, children and the oversight graph of {@link ScopedGraph}. */
class ScopedGraphTests {

	static final List<ScopedGraph.UnitRow> UNITS = List.of(
			new ScopedGraph.UnitRow("U-1", "工委", "ORGAN_WORK_COMMITTEE", 1, 1),
			new ScopedGraph.UnitRow("U-2", "党组", "LEADING_PARTY_GROUP", 2, 1),
			new ScopedGraph.UnitRow("U-3", "支部", "BRANCH", 3, 1),
			new ScopedGraph.UnitRow("U-7", "孤立支部", "BRANCH", 1, 0),
			new ScopedGraph.UnitRow("U-9", "纪委", "DISCIPLINE_COMMISSION", 1, 1));

	static final List<ScopedGraph.LeadRow> LEADS = List.of(new ScopedGraph.LeadRow("U-1", "U-2", "PRIMARY"),
			new ScopedGraph.LeadRow("U-2", "U-3", "PRIMARY"), new ScopedGraph.LeadRow("U-1", "U-3", "DUAL"),
			new ScopedGraph.LeadRow("U-9", "U-2", "DISCIPLINE_SUPERVISION"),
			new ScopedGraph.LeadRow("U-9", "U-2", "GUIDANCE"), new ScopedGraph.LeadRow("U-1", "U-8", "PRIMARY"));

	@Test
	void rootsAreLeaderlessUnitsOfAHeadingKind() {
		ScopedGraph graph = ScopedGraph.of(null, UNITS, LEADS, List.of());
		assertThat(roots(graph)).containsExactly("U-1", "U-9");
	}

	@Test
	void theScopeUnitIsTheOnlyRootOfAScopedRun() {
		ScopedGraph graph = ScopedGraph.of("U-2", UNITS, LEADS, List.of());
		assertThat(roots(graph)).containsExactly("U-2");
	}

	@Test
	void childrenArePrimaryAndDualTargetsOnly() {
		ScopedGraph graph = ScopedGraph.of(null, UNITS, LEADS, List.of());
		assertThat(ids(graph, graph.children(index(graph, "U-1")))).containsExactly("U-2", "U-3");
		assertThat(ids(graph, graph.children(index(graph, "U-9")))).isEmpty();
		assertThat(graph.primaryParent(index(graph, "U-3")).getAsInt()).isEqualTo(index(graph, "U-2"));
		assertThat(graph.primaryParent(index(graph, "U-1"))).isEmpty();
	}

	@Test
	void oversightGraphCollapsesParallelLinksAndAddsAssistance() {
		ScopedGraph graph = ScopedGraph.of(null, UNITS, LEADS, List.of(new ScopedGraph.AssistRow("PER-1", "U-9", "U-7"),
				new ScopedGraph.AssistRow("U-3", "U-3", "U-3"), new ScopedGraph.AssistRow("PER-2", "U-404", "U-7")));
		Graph<Integer, Integer> g = graph.oversightGraph();
		assertThat(g.vertexSet()).hasSize(5);
		// U-1–U-2, U-2–U-3, U-1–U-3, U-9–U-2 (two kinds, one edge), U-9–U-7 (assistance);
		// the edge to the absent
		// U-8, the self-assistance and the assistant outside the graph are dropped
		assertThat(g.edgeSet()).hasSize(5);
		assertThat(g.containsEdge(index(graph, "U-9"), index(graph, "U-7"))).isTrue();
	}

	private static List<String> roots(ScopedGraph graph) {
		return java.util.stream.IntStream.range(0, graph.size()).filter(graph::isRoot).mapToObj(graph::id).toList();
	}

	private static List<String> ids(ScopedGraph graph, int[] units) {
		return java.util.Arrays.stream(units).mapToObj(graph::id).toList();
	}

	private static int index(ScopedGraph graph, String id) {
		return graph.indexOf(id).getAsInt();
	}

}
