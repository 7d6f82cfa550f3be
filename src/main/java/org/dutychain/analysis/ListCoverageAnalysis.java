package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.dutychain.duty.DutyDomain;

import org.springframework.stereotype.Component;

/**
 * The coverage matrix of list-coverage (清单覆盖矩阵): for every level of the scope and each of
 * the eight domains, the share of the level's units that have at least one duty of that
 * domain on any of their lists (team or personal), and the units that have none. Reads
 * the {@code unit-domains} statement of {@code cypher/analysis/list-coverage.cypher}; one
 * pass over its rows, O(units × 8).
 *
 * <p>
 * Metrics: {@code coverage: [{level, units, domains: {DOMAIN: share}}]} (every domain
 * always present, levels ascending; the audit's level summary reads it) and
 * {@code blanks: [{level, domain, missing, unitIds}]} (one cell per level and domain,
 * {@code unitIds} sorted and capped at {@value #BLANK_IDS_CAP}, {@code missing} the full
 * count).
 */
@Component
class ListCoverageAnalysis implements AnalysisExtension {

	static final String UNIT_DOMAINS = "unit-domains";

	/**
	 * At most this many unit ids per blank cell; {@code missing} still counts them all.
	 */
	static final int BLANK_IDS_CAP = 200;

	/** One unit of the scope: its level and the domains found on its lists. */
	record UnitDomains(String unitId, int level, Set<String> domains) {
	}

	@Override
	public void contribute(AnalysisDefinition definition, AnalysisContext context, Consumer<Finding> findings,
			Map<String, Object> metrics) {
		List<UnitDomains> units = new ArrayList<>();
		for (Map<String, Object> row : context.read(definition.file().statement(UNIT_DOMAINS).cypher())) {
			String unitId = (String) row.get("unitId");
			int level = (row.get("level") instanceof Number n) ? n.intValue() : context.level(unitId);
			Set<String> domains = new TreeSet<>();
			if (row.get("domains") instanceof Collection<?> c) {
				c.stream().filter((d) -> d != null).forEach((d) -> domains.add(String.valueOf(d)));
			}
			units.add(new UnitDomains(unitId, level, domains));
		}
		metrics.putAll(matrix(units));
	}

	/** {@code coverage} and {@code blanks} for these units. */
	static Map<String, Object> matrix(List<UnitDomains> units) {
		Map<Integer, List<UnitDomains>> byLevel = new TreeMap<>();
		for (UnitDomains u : units) {
			byLevel.computeIfAbsent(u.level(), (l) -> new ArrayList<>()).add(u);
		}
		List<Map<String, Object>> coverage = new ArrayList<>();
		List<Map<String, Object>> blanks = new ArrayList<>();
		byLevel.forEach((level, members) -> {
			Map<String, Object> shares = new LinkedHashMap<>();
			for (DutyDomain domain : DutyDomain.values()) {
				TreeSet<String> missing = new TreeSet<>();
				for (UnitDomains u : members) {
					if (!u.domains().contains(domain.name())) {
						missing.add(u.unitId());
					}
				}
				shares.put(domain.name(), (double) (members.size() - missing.size()) / members.size());
				Map<String, Object> cell = new LinkedHashMap<>();
				cell.put("level", level);
				cell.put("domain", domain.name());
				cell.put("missing", missing.size());
				cell.put("unitIds", missing.stream().limit(BLANK_IDS_CAP).toList());
				blanks.add(cell);
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("level", level);
			row.put("units", members.size());
			row.put("domains", shares);
			coverage.add(row);
		});
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put(AnalysisService.COVERAGE_METRIC, coverage);
		metrics.put("blanks", blanks);
		return metrics;
	}

}
