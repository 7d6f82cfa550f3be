package org.dutychain.analysis.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.dutychain.analysis.AnalysisContext;
import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisExtension;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Findings;
import org.dutychain.config.CypherFiles;

import org.springframework.stereotype.Component;

/**
 * LEVEL_DECAY, MIDDLE_BLOCKAGE and the pressure profile (压力传导逐级递减, 中梗阻).
 *
 * <p>
 * The database sums each unit's weighted activity over the trailing year (statement
 * {@code unit-pressure} of {@code cypher/analysis/pressure-decay.cypher}, one row per
 * unit, O(units + activities)); this class puts the pressures on the shared
 * {@link ScopedGraph} (children = PRIMARY and DUAL targets) and compares levels and each
 * unit with its parent and children: O(|V| + |E|) time and memory. No graph algorithm
 * beyond adjacency is needed; the class lives here because it needs the scoped hierarchy.
 * Ratios are compared with a tolerance of {@value #EPSILON}.
 */
@Component
public class PressureDecayAnalysis implements AnalysisExtension {

	static final double EPSILON = 1e-9;

	private static final int EVIDENCE_LIMIT = 20;

	private final CypherFiles files;

	public PressureDecayAnalysis(CypherFiles files) {
		this.files = files;
	}

	/** One unit's pressure row. */
	record UnitPressure(String unitId, int level, long activities, double pressure, Set<String> aimedChildren,
			String parentId, String parentName, Double parentPressure) {
	}

	@Override
	public void contribute(AnalysisDefinition definition, AnalysisContext context, Consumer<Finding> findings,
			Map<String, Object> metrics) {
		// the statement before the shared graph: in an audit another analysis loads it
		// meanwhile
		List<Map<String, Object>> rows = context.read(definition.file().statement("unit-pressure"));
		ScopedGraph graph = ScopedGraph.of(context, this.files);
		UnitPressure[] byUnit = new UnitPressure[graph.size()];
		for (Map<String, Object> r : rows) {
			Set<String> aimed = new HashSet<>();
			if (r.get("aimedChildren") instanceof List<?> l) {
				l.forEach((o) -> aimed.add(String.valueOf(o)));
			}
			UnitPressure p = new UnitPressure(String.valueOf(r.get("unitId")), integer(r.get("level")),
					integer(r.get("activities")), real(r.get("pressure")), aimed, (String) r.get("parentId"),
					(String) r.get("parentName"),
					(r.get("parentPressure") instanceof Number n) ? n.doubleValue() : null);
			OptionalInt i = graph.indexOf(p.unitId());
			if (i.isPresent()) {
				byUnit[i.getAsInt()] = p;
			}
		}
		Map<String, Object> params = context.parameters();
		double decayRatio = real(params.get("levelDecayRatio"));
		double parentRatio = real(params.get("blockageParentRatio"));
		double childRatio = real(params.get("blockageChildRatio"));
		// the PRIMARY parent inside the scope from the shared graph (the statement names
		// only a parent outside it)
		for (int u = 0; u < graph.size(); u++) {
			UnitPressure p = byUnit[u];
			OptionalInt parent = graph.primaryParent(u);
			if (p != null && parent.isPresent() && byUnit[parent.getAsInt()] != null) {
				int q = parent.getAsInt();
				String name = (graph.name(q) != null) ? graph.name(q) : graph.id(q);
				byUnit[u] = new UnitPressure(p.unitId(), p.level(), p.activities(), p.pressure(), p.aimedChildren(),
						graph.id(q), name, byUnit[q].pressure());
			}
		}
		List<Map<String, Object>> units = new ArrayList<>();
		for (int u = 0; u < graph.size(); u++) {
			UnitPressure p = byUnit[u];
			int[] children = Arrays.stream(graph.children(u)).filter((c) -> byUnit[c] != null).toArray();
			if (p == null || children.length == 0) {
				continue;
			}
			double sum = 0;
			int aimed = 0;
			for (int c : children) {
				sum += byUnit[c].pressure();
				aimed += p.aimedChildren().contains(graph.id(c)) ? 1 : 0;
			}
			double childrenMean = sum / children.length;
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("unitId", p.unitId());
			m.put("level", p.level());
			m.put("pressure", p.pressure());
			m.put("childrenMean", childrenMean);
			m.put("downwardShare", (double) aimed / children.length);
			units.add(m);
			if (p.parentPressure() != null && p.pressure() >= parentRatio * p.parentPressure() - EPSILON
					&& childrenMean < childRatio * p.pressure() - EPSILON) {
				findings.accept(blockage(definition, context, graph, u, p, children, childrenMean));
			}
		}
		List<Map<String, Object>> levels = levels(graph, byUnit);
		for (int i = 1; i < levels.size(); i++) {
			Map<String, Object> upper = levels.get(i - 1);
			Map<String, Object> lower = levels.get(i);
			int level = (int) lower.get("level");
			double upperMean = (double) upper.get("mean");
			double lowerMean = (double) lower.get("mean");
			if ((int) upper.get("level") == level - 1 && lowerMean < decayRatio * upperMean - EPSILON) {
				findings.accept(decay(definition, context, graph, byUnit, level, upperMean, lowerMean));
			}
		}
		hotTopColdBottom(definition, context, graph, byUnit, levels).ifPresent(findings);
		metrics.put("levels", levels);
		metrics.put("units", units);
	}

	private static Finding blockage(AnalysisDefinition definition, AnalysisContext context, ScopedGraph graph, int u,
			UnitPressure p, int[] children, double childrenMean) {
		List<String> evidence = new ArrayList<>();
		evidence.add(p.unitId());
		evidence.add(p.parentId());
		for (int i = 0; i < Math.min(EVIDENCE_LIMIT, children.length); i++) {
			evidence.add(graph.id(children[i]));
		}
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("code", "MIDDLE_BLOCKAGE");
		row.put("unitId", p.unitId());
		row.put("evidenceIds", evidence);
		row.put("paths", List.of(List.of(p.parentId(), p.unitId())));
		row.put("metrics",
				Map.of("pressure", p.pressure(), "parentPressure", p.parentPressure(), "childrenMean", childrenMean));
		row.put("unitName", graph.name(u));
		row.put("parentName", p.parentName());
		row.put("pressure", p.pressure());
		row.put("parentPressure", p.parentPressure());
		row.put("childrenMean", childrenMean);
		return Findings.fromRow(definition, context, row);
	}

	private static Finding decay(AnalysisDefinition definition, AnalysisContext context, ScopedGraph graph,
			UnitPressure[] byUnit, int level, double upperMean, double lowerMean) {
		List<String> ofLevel = new ArrayList<>();
		for (int u = 0; u < graph.size(); u++) {
			if (byUnit[u] != null && byUnit[u].level() == level) {
				ofLevel.add(graph.id(u));
			}
		}
		String unitId = (context.scope().unitId() != null) ? context.scope().unitId() : ofLevel.get(0);
		List<String> evidence = new ArrayList<>();
		evidence.add(unitId);
		ofLevel.stream().filter((id) -> !id.equals(unitId)).limit(EVIDENCE_LIMIT).forEach(evidence::add);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("code", "LEVEL_DECAY");
		row.put("unitId", unitId);
		row.put("evidenceIds", evidence);
		row.put("metrics", Map.of("level", level, "mean", lowerMean, "upperMean", upperMean, "ratio",
				(upperMean > 0) ? lowerMean / upperMean : 0.0));
		row.put("level", level);
		row.put("upperLevel", level - 1);
		row.put("lowerMean", lowerMean);
		row.put("upperMean", upperMean);
		return Findings.fromRow(definition, context, row);
	}

	/**
	 * HOT_TOP_COLD_BOTTOM over the profile: the first level hot, the deepest level with
	 * at least {@code minLevelUnits} units cold, every level between them warm.
	 */
	private static java.util.Optional<Finding> hotTopColdBottom(AnalysisDefinition definition, AnalysisContext context,
			ScopedGraph graph, UnitPressure[] byUnit, List<Map<String, Object>> levels) {
		Map<String, Object> params = context.parameters();
		double hot = real(params.get("hotLevel"));
		double cold = real(params.get("coldLevel"));
		int minUnits = integer(params.get("minLevelUnits"));
		int deepest = -1;
		for (int i = 0; i < levels.size(); i++) {
			if ((int) levels.get(i).get("units") >= minUnits) {
				deepest = i;
			}
		}
		if (deepest < 1) {
			return java.util.Optional.empty();
		}
		double top = (double) levels.get(0).get("mean");
		double bottom = (double) levels.get(deepest).get("mean");
		if (top < hot - EPSILON || bottom >= cold - EPSILON) {
			return java.util.Optional.empty();
		}
		List<String> middle = new ArrayList<>();
		for (int i = 1; i < deepest; i++) {
			double mean = (double) levels.get(i).get("mean");
			if (mean < cold - EPSILON || mean >= hot - EPSILON) {
				return java.util.Optional.empty();
			}
			middle.add("L" + levels.get(i).get("level") + " "
					+ Findings.render("{m}", Map.<String, Object>of("m", mean), true));
		}
		int topLevel = (int) levels.get(0).get("level");
		List<String> ofTop = new ArrayList<>();
		for (int u = 0; u < graph.size(); u++) {
			if (byUnit[u] != null && byUnit[u].level() == topLevel) {
				ofTop.add(graph.id(u));
			}
		}
		java.util.Collections.sort(ofTop);
		String unitId = (context.scope().unitId() != null) ? context.scope().unitId() : ofTop.get(0);
		List<String> evidence = new ArrayList<>();
		evidence.add(unitId);
		ofTop.stream().filter((id) -> !id.equals(unitId)).limit(EVIDENCE_LIMIT).forEach(evidence::add);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("code", "HOT_TOP_COLD_BOTTOM");
		row.put("unitId", unitId);
		row.put("subject", List.of(unitId));
		row.put("evidenceIds", evidence);
		row.put("metrics",
				Map.of("topLevel", topLevel, "topMean", top, "bottomLevel", levels.get(deepest).get("level"),
						"bottomMean", bottom, "levels",
						levels.subList(0, deepest + 1).stream().map((l) -> l.get("mean")).toList()));
		row.put("topLevel", topLevel);
		row.put("topMean", top);
		row.put("bottomLevel", levels.get(deepest).get("level"));
		row.put("bottomMean", bottom);
		row.put("middleZh", middle.isEmpty() ? "（无中间层级）" : "介于两者之间：" + String.join("，", middle));
		row.put("middleEn", middle.isEmpty() ? "(none)" : "lie between them: " + String.join(", ", middle));
		return java.util.Optional.of(Findings.fromRow(definition, context, row));
	}

	/**
	 * The profile by level: units, mean, median, coldShare, ratioToAbove (levels below 1
	 * are left out).
	 */
	static List<Map<String, Object>> levels(ScopedGraph graph, UnitPressure[] byUnit) {
		TreeMap<Integer, List<UnitPressure>> byLevel = new TreeMap<>();
		for (int u = 0; u < graph.size(); u++) {
			if (byUnit[u] != null && byUnit[u].level() >= 1) {
				byLevel.computeIfAbsent(byUnit[u].level(), (k) -> new ArrayList<>()).add(byUnit[u]);
			}
		}
		List<Map<String, Object>> out = new ArrayList<>();
		Double above = null;
		int aboveLevel = -1;
		for (Map.Entry<Integer, List<UnitPressure>> e : byLevel.entrySet()) {
			double[] values = e.getValue().stream().mapToDouble(UnitPressure::pressure).sorted().toArray();
			double mean = Arrays.stream(values).sum() / values.length;
			int mid = values.length / 2;
			double median = (values.length % 2 == 1) ? values[mid] : (values[mid - 1] + values[mid]) / 2;
			long cold = e.getValue().stream().filter((p) -> p.activities() == 0).count();
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("level", e.getKey());
			m.put("units", values.length);
			m.put("mean", mean);
			m.put("median", median);
			m.put("coldShare", (double) cold / values.length);
			m.put("ratioToAbove", (above != null && aboveLevel == e.getKey() - 1 && above > 0) ? mean / above : null);
			out.add(m);
			above = mean;
			aboveLevel = e.getKey();
		}
		return out;
	}

	private static int integer(Object o) {
		return (o instanceof Number n) ? n.intValue() : 0;
	}

	private static double real(Object o) {
		return (o instanceof Number n) ? n.doubleValue() : 0.0;
	}

}
