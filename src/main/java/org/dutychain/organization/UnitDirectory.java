package org.dutychain.organization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;

import org.springframework.stereotype.Service;

/**
 * Read access to the units of a generation and their LEADS edges (组织体系查询): search, one
 * unit, its leaders and primary ancestors, children for the lazy tree, and the roots.
 * Statements: {@code cypher/query/units.cypher}.
 */
@Service
public class UnitDirectory {

	private static final String FILE = "query/units.cypher";

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	public UnitDirectory(Neo4jGraph graph, CypherFiles cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	/**
	 * Units whose id or name contains {@code query} (case-insensitive), exact matches
	 * first, then by level and id.
	 */
	public List<UnitSummary> search(long generation, String query, int limit) {
		String q = (query != null) ? query.strip().toLowerCase(Locale.ROOT) : "";
		return read("search", Map.of("generation", generation, "query", q, "limit", (long) Math.max(0, limit))).stream()
			.map(UnitSummary::of)
			.toList();
	}

	public Optional<UnitDetails> find(long generation, String unitId) {
		return read("unit", Map.of("generation", generation, "unitId", unitId)).stream()
			.findFirst()
			.map(UnitDetails::of);
	}

	/**
	 * @throws UnknownUnitException when the generation has no such unit
	 */
	public UnitDetails require(long generation, String unitId) {
		return find(generation, unitId).orElseThrow(() -> new UnknownUnitException(unitId));
	}

	/** The units above along PRIMARY edges, root first (a breadcrumb). */
	public List<UnitSummary> primaryAncestors(long generation, String unitId) {
		return read("primary-ancestors", Map.of("generation", generation, "unitId", unitId)).stream()
			.map(UnitSummary::of)
			.toList();
	}

	/**
	 * Every unit leading this one, by edge kind (PRIMARY, DUAL, GUIDANCE,
	 * DISCIPLINE_SUPERVISION), in id order.
	 */
	public Map<String, List<UnitSummary>> leaders(long generation, String unitId) {
		Map<String, List<UnitSummary>> leaders = new LinkedHashMap<>();
		for (LeadKind kind : LeadKind.values()) {
			leaders.put(kind.name(), new ArrayList<>());
		}
		for (Map<String, Object> row : read("leaders", Map.of("generation", generation, "unitId", unitId))) {
			leaders.computeIfAbsent((String) row.get("edgeKind"), (k) -> new ArrayList<>()).add(UnitSummary.of(row));
		}
		return leaders;
	}

	/** The given units as tree nodes, in id order; unknown ids are left out. */
	public List<UnitNode> nodes(long generation, List<String> unitIds) {
		return read("nodes", Map.of("generation", generation, "unitIds", unitIds)).stream().map(UnitNode::of).toList();
	}

	/**
	 * The children (PRIMARY and DUAL) of the given units, by parent, PRIMARY first, then
	 * by id.
	 */
	public List<ChildLink> children(long generation, List<String> unitIds) {
		return read("children", Map.of("generation", generation, "unitIds", unitIds)).stream()
			.map((row) -> new ChildLink((String) row.get("parentId"), (String) row.get("edgeKind"), UnitNode.of(row)))
			.toList();
	}

	/**
	 * GUIDANCE and DISCIPLINE_SUPERVISION edges with either end among the given units.
	 */
	public List<UnitEdge> extraEdges(long generation, List<String> unitIds) {
		return read("extra-edges", Map.of("generation", generation, "unitIds", unitIds)).stream()
			.map((row) -> new UnitEdge((String) row.get("fromId"), (String) row.get("fromName"),
					(String) row.get("toId"), (String) row.get("toName"), (String) row.get("kind")))
			.toList();
	}

	/** Units without any leader (roots, and orphans the hierarchy analysis reports). */
	public List<UnitNode> roots(long generation) {
		return read("roots", Map.of("generation", generation)).stream().map(UnitNode::of).toList();
	}

	private List<Map<String, Object>> read(String statement, Map<String, Object> params) {
		return this.graph.read(this.cypher.statement(FILE, statement), params);
	}

}
