package org.dutychain.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditDocument;

/**
 * The level summaries and analysis metrics of a user with several scopes: one view over
 * the audits of its scope roots (issue 9: a scoped user sees all its subtrees, and
 * numbers shown together agree). Levels are the dataset's levels (depth along PRIMARY
 * from the dataset root), so a level of two subtrees is one row:
 * <ul>
 * <li>units, owing units, excluded units, blank cells: sums;</li>
 * <li>coverage per domain: the mean of the roots' shares weighted by their owing units
 * (exact: the share of owing units with a duty of the domain);</li>
 * <li>pressure mean and cold share: weighted by the level's units (exact);</li>
 * <li>pressure median: exact when one root has units at the level; otherwise the mean of
 * the roots' medians weighted by units (a median cannot be merged exactly; each root's
 * own levels stay in the pressure-decay metrics under {@code roots});</li>
 * <li>ratioToAbove recomputed from the merged means; other metrics: numbers summed, lists
 * joined, maps merged key by key, anything else taken from the first root.</li>
 * </ul>
 * Roots inside another root's subtree are left out by the caller, so no unit counts
 * twice, except a unit under two disjoint roots by a DUAL edge.
 */
final class AuditMerge {

	private AuditMerge() {
	}

	/** One summary per analysis, metrics merged. */
	static List<AuditDocument.AnalysisSummary> analyses(List<String> roots, List<AuditDocument> documents) {
		Map<String, List<AuditDocument.AnalysisSummary>> byId = new LinkedHashMap<>();
		documents
			.forEach((d) -> d.analyses().forEach((a) -> byId.computeIfAbsent(a.id(), (k) -> new ArrayList<>()).add(a)));
		List<AuditDocument.AnalysisSummary> merged = new ArrayList<>();
		byId.forEach((id, list) -> {
			int examined = list.stream().mapToInt(AuditDocument.AnalysisSummary::examined).sum();
			long ms = list.stream().mapToLong(AuditDocument.AnalysisSummary::durationMs).max().orElse(0);
			List<Map<String, Object>> metrics = list.stream().map(AuditDocument.AnalysisSummary::metrics).toList();
			Map<String, Object> m = new LinkedHashMap<>();
			metrics.forEach((one) -> one.keySet().forEach((k) -> m.putIfAbsent(k, null)));
			for (String key : m.keySet()) {
				List<Object> values = metrics.stream()
					.map((one) -> one.get(key))
					.filter(java.util.Objects::nonNull)
					.toList();
				if (AnalysisService.COVERAGE_METRIC.equals(key) && id.equals("list-coverage")) {
					m.put(key, coverageRows(values));
				}
				else if ("blanks".equals(key) && id.equals("list-coverage")) {
					m.put(key, blanks(values));
				}
				else if (AnalysisService.PRESSURE_LEVELS_METRIC.equals(key) && id.equals("pressure-decay")) {
					m.put(key, pressureLevels(values));
				}
				else {
					m.put(key, merge(values));
				}
			}
			if (id.equals("pressure-decay") && list.size() > 1) {
				List<Map<String, Object>> perRoot = new ArrayList<>();
				for (int i = 0; i < list.size() && i < roots.size(); i++) {
					Map<String, Object> one = new LinkedHashMap<>();
					one.put("root", roots.get(i));
					one.put("levels", list.get(i).metrics().get(AnalysisService.PRESSURE_LEVELS_METRIC));
					perRoot.add(one);
				}
				m.put("roots", perRoot);
			}
			merged.add(new AuditDocument.AnalysisSummary(id, list.get(0).title(), examined, ms, m));
		});
		return merged;
	}

	/** The level summaries of several roots as one (see the class comment). */
	static List<AuditDocument.LevelSummary> levels(List<AuditDocument> documents) {
		Map<Integer, List<AuditDocument.LevelSummary>> byLevel = new TreeMap<>();
		documents.forEach(
				(d) -> d.levels().forEach((l) -> byLevel.computeIfAbsent(l.level(), (k) -> new ArrayList<>()).add(l)));
		List<AuditDocument.LevelSummary> merged = new ArrayList<>();
		byLevel.forEach((level, list) -> {
			int units = list.stream().mapToInt(AuditDocument.LevelSummary::units).sum();
			merged
				.add(new AuditDocument.LevelSummary(level, units, coverage(level, documents), weighted(list, units, 0),
						(list.size() == 1) ? list.get(0).pressureMedian() : weighted(list, units, 1),
						weighted(list, units, 2)));
		});
		return merged;
	}

	/** The coverage shares of a level, weighted by each root's owing units. */
	private static Map<String, Double> coverage(int level, List<AuditDocument> documents) {
		List<Object> rows = new ArrayList<>();
		for (AuditDocument d : documents) {
			for (AuditDocument.AnalysisSummary a : d.analyses()) {
				if (a.id().equals("list-coverage")) {
					rows.add(a.metrics().get(AnalysisService.COVERAGE_METRIC));
				}
			}
		}
		for (Map<String, Object> row : rows(coverageRows(rows))) {
			if (integer(row.get("level")) == level && row.get("domains") instanceof Map<?, ?> d) {
				Map<String, Double> shares = new TreeMap<>();
				d.forEach((k, v) -> shares.put(String.valueOf(k), ((Number) v).doubleValue()));
				return shares;
			}
		}
		// no list-coverage rows (the analysis did not run): the roots' own shares
		for (AuditDocument d : documents) {
			for (AuditDocument.LevelSummary l : d.levels()) {
				if (l.level() == level && !l.coverage().isEmpty()) {
					return l.coverage();
				}
			}
		}
		return Map.of();
	}

	private static double weighted(List<AuditDocument.LevelSummary> list, int units, int which) {
		if (units == 0) {
			return 0.0;
		}
		double sum = 0;
		for (AuditDocument.LevelSummary l : list) {
			double v = switch (which) {
				case 0 -> l.pressureMean();
				case 1 -> l.pressureMedian();
				default -> l.coldShare();
			};
			sum += v * l.units();
		}
		return sum / units;
	}

	/**
	 * list-coverage's coverage rows {level, units, excluded, domains} merged by level.
	 */
	static List<Map<String, Object>> coverageRows(List<Object> perRoot) {
		Map<Integer, List<Map<String, Object>>> byLevel = new TreeMap<>();
		perRoot.forEach((rows) -> rows(rows)
			.forEach((r) -> byLevel.computeIfAbsent(integer(r.get("level")), (k) -> new ArrayList<>()).add(r)));
		List<Map<String, Object>> merged = new ArrayList<>();
		byLevel.forEach((level, rows) -> {
			int units = rows.stream().mapToInt((r) -> integer(r.get("units"))).sum();
			Map<String, Double> shares = new TreeMap<>();
			Map<String, Double> weights = new TreeMap<>();
			for (Map<String, Object> r : rows) {
				if (r.get("domains") instanceof Map<?, ?> d) {
					int w = integer(r.get("units"));
					d.forEach((k, v) -> {
						shares.merge(String.valueOf(k), ((Number) v).doubleValue() * w, Double::sum);
						weights.merge(String.valueOf(k), (double) w, Double::sum);
					});
				}
			}
			Map<String, Double> domains = new TreeMap<>();
			shares.forEach((k, v) -> domains.put(k, (weights.get(k) > 0) ? v / weights.get(k) : 1.0));
			Map<String, Object> row = new LinkedHashMap<>(rows.get(0));
			row.put("level", level);
			row.put("units", units);
			row.put("excluded", rows.stream().mapToInt((r) -> integer(r.get("excluded"))).sum());
			row.put("domains", domains);
			merged.add(row);
		});
		return merged;
	}

	/** list-coverage's blank cells {level, domain, missing, unitIds, units} merged. */
	private static List<Map<String, Object>> blanks(List<Object> perRoot) {
		Map<String, Map<String, Object>> cells = new LinkedHashMap<>();
		perRoot.forEach((rows) -> rows(rows).forEach((r) -> {
			String key = r.get("level") + "/" + r.get("domain");
			Map<String, Object> cell = cells.get(key);
			if (cell == null) {
				cells.put(key, new LinkedHashMap<>(r));
				return;
			}
			cell.put("missing", integer(cell.get("missing")) + integer(r.get("missing")));
			for (String list : List.of("unitIds", "units")) {
				List<Object> joined = new ArrayList<>((Collection<?>) cell.getOrDefault(list, List.of()));
				if (r.get(list) instanceof Collection<?> c) {
					joined.addAll(c);
				}
				cell.put(list, joined);
			}
		}));
		return new ArrayList<>(cells.values());
	}

	/** pressure-decay's levels {level, units, mean, median, coldShare, ratioToAbove}. */
	private static List<Map<String, Object>> pressureLevels(List<Object> perRoot) {
		Map<Integer, List<Map<String, Object>>> byLevel = new TreeMap<>();
		perRoot.forEach((rows) -> rows(rows)
			.forEach((r) -> byLevel.computeIfAbsent(integer(r.get("level")), (k) -> new ArrayList<>()).add(r)));
		List<Map<String, Object>> merged = new ArrayList<>();
		Double above = null;
		int aboveLevel = -1;
		for (Map.Entry<Integer, List<Map<String, Object>>> e : byLevel.entrySet()) {
			List<Map<String, Object>> rows = e.getValue();
			int units = rows.stream().mapToInt((r) -> integer(r.get("units"))).sum();
			double mean = weightedRows(rows, units, "mean");
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("level", e.getKey());
			m.put("units", units);
			m.put("mean", mean);
			m.put("median", (rows.size() == 1) ? real(rows.get(0).get("median")) : weightedRows(rows, units, "median"));
			m.put("coldShare", weightedRows(rows, units, "coldShare"));
			m.put("ratioToAbove", (above != null && aboveLevel == e.getKey() - 1 && above > 0) ? mean / above : null);
			merged.add(m);
			above = mean;
			aboveLevel = e.getKey();
		}
		return merged;
	}

	private static double weightedRows(List<Map<String, Object>> rows, int units, String key) {
		if (units == 0) {
			return 0.0;
		}
		double sum = 0;
		for (Map<String, Object> r : rows) {
			sum += real(r.get(key)) * integer(r.get("units"));
		}
		return sum / units;
	}

	/** Numbers summed, lists joined, maps merged key by key, else the first value. */
	@SuppressWarnings("unchecked")
	static Object merge(List<Object> values) {
		if (values.isEmpty()) {
			return null;
		}
		Object first = values.get(0);
		if (values.size() == 1) {
			return first;
		}
		if (values.stream().allMatch((v) -> v instanceof Number)) {
			boolean integral = values.stream().allMatch((v) -> v instanceof Integer || v instanceof Long);
			return integral ? (Object) values.stream().mapToLong((v) -> ((Number) v).longValue()).sum()
					: (Object) values.stream().mapToDouble((v) -> ((Number) v).doubleValue()).sum();
		}
		if (values.stream().allMatch((v) -> v instanceof Collection<?>)) {
			List<Object> joined = new ArrayList<>();
			values.forEach((v) -> joined.addAll((Collection<Object>) v));
			return joined;
		}
		if (values.stream().allMatch((v) -> v instanceof Map<?, ?>)) {
			Map<Object, List<Object>> byKey = new LinkedHashMap<>();
			values.forEach((v) -> ((Map<Object, Object>) v).forEach((k, x) -> {
				if (x != null) {
					byKey.computeIfAbsent(k, (key) -> new ArrayList<>()).add(x);
				}
			}));
			Map<Object, Object> merged = new LinkedHashMap<>();
			byKey.forEach((k, v) -> merged.put(k, merge(v)));
			return merged;
		}
		return first;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Object metric) {
		List<Map<String, Object>> rows = new ArrayList<>();
		if (metric instanceof Collection<?> c) {
			c.forEach((r) -> {
				if (r instanceof Map<?, ?> m) {
					rows.add((Map<String, Object>) m);
				}
			});
		}
		return rows;
	}

	private static int integer(Object o) {
		return (o instanceof Number n) ? n.intValue() : 0;
	}

	private static double real(Object o) {
		return (o instanceof Number n) ? n.doubleValue() : 0.0;
	}

}
