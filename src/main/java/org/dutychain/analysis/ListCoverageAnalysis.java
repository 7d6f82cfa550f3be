package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import org.dutychain.config.CypherFiles;
import org.dutychain.duty.DutyDomain;

import org.springframework.stereotype.Component;

/**
 * The coverage matrix of list-coverage (清单覆盖矩阵), built from the findings of the same run
 * so that it cannot disagree with them (issue 13 §1). A unit owes lists iff it holds a
 * post (the NO_TEAM_LIST predicate); units without posts (e.g. most 党小组) are left out of
 * the denominator. Cell (level L, domain d) is the share of the owing units of level L
 * that no finding leaves uncovered in d: NO_TEAM_LIST uncovers all eight domains,
 * NO_PERSONAL_LIST the domains of its post, DOMAIN_BLANK its domain. Reads the
 * {@code unit-posts} statement of {@code cypher/analysis/list-coverage.cypher} and the
 * shared {@link ScopedDuties} (from which it also finds DOMAIN_BLANK); one pass, O(units
 * × 8 + findings).
 *
 * <p>
 * Metrics: {@code coverage: [{level, units, excluded, domains: {DOMAIN: share}}]} (levels
 * with at least one owing unit, every domain present, ascending; the audit's level
 * summary reads it; {@code units} owing units, {@code excluded} units of the level that
 * owe no list) and {@code blanks: [{level, domain, missing, unitIds, units: [{id, name,
 * kind, codes}]}]} (one cell per level and domain, sorted by id and capped at
 * {@value #BLANK_IDS_CAP}, {@code missing} the full count).
 */
@Component
class ListCoverageAnalysis implements AnalysisExtension {

	static final String UNIT_POSTS = "unit-posts";

	/**
	 * At most this many units per blank cell; {@code missing} still counts them all.
	 */
	static final int BLANK_IDS_CAP = 200;

	static final Set<String> CODES = Set.of("NO_TEAM_LIST", "NO_PERSONAL_LIST", "DOMAIN_BLANK");

	/** One unit of the scope: its level, name, kind and its posts' domains by post id. */
	record UnitPosts(String unitId, int level, String name, String kind, Map<String, Set<String>> postDomains) {

		boolean owes() {
			return !this.postDomains.isEmpty();
		}

	}

	private final CypherFiles files;

	ListCoverageAnalysis(CypherFiles files) {
		this.files = files;
	}

	@Override
	public void contribute(AnalysisDefinition definition, AnalysisContext context, Consumer<Finding> findings,
			Map<String, Object> metrics) {
		contribute(definition, context, List.of(), findings, metrics);
	}

	@Override
	public void contribute(AnalysisDefinition definition, AnalysisContext context, List<Finding> statementFindings,
			Consumer<Finding> findings, Map<String, Object> metrics) {
		List<UnitPosts> units = new ArrayList<>();
		Map<String, String> titles = new HashMap<>();
		for (Map<String, Object> row : context.read(definition.file().statement(UNIT_POSTS))) {
			String unitId = (String) row.get("unitId");
			int level = (row.get("level") instanceof Number n) ? n.intValue() : context.level(unitId);
			Map<String, Set<String>> posts = new TreeMap<>();
			if (row.get("posts") instanceof Collection<?> c) {
				for (Object p : c) {
					if (p instanceof Map<?, ?> m && m.get("postId") != null) {
						String postId = String.valueOf(m.get("postId"));
						posts.put(postId, domains(m.get("domains")));
						titles.put(postId, (m.get("title") != null) ? String.valueOf(m.get("title")) : null);
					}
				}
			}
			units.add(new UnitPosts(unitId, level, (String) row.get("unitName"), (String) row.get("kind"), posts));
		}
		List<Finding> all = new ArrayList<>(statementFindings);
		ScopedDuties duties = ScopedDuties.of(context, this.files);
		for (Map<String, Object> row : domainBlanks(units, titles, duties::personalDomains)) {
			Finding finding = Findings.fromRow(definition, context, row);
			all.add(finding);
			findings.accept(finding);
		}
		metrics.putAll(matrix(units, all));
	}

	/**
	 * DOMAIN_BLANK (the rule is in the header of
	 * {@code cypher/analysis/list-coverage.cypher}): one row per post with at least one
	 * duty on its personal list and per domain of the post (its own, else its kind's; ALL
	 * = the eight) that no duty on that list has. Computed here from the shared duty
	 * lists, which duty-cascade reads as well, rather than by a statement of its own
	 * reading every post's duties a second time.
	 * @param titles post id → title (the post's, else its kind's name, else its kind)
	 * @param personalDomains post id → the domains of its personal list, null when empty
	 */
	static List<Map<String, Object>> domainBlanks(List<UnitPosts> units, Map<String, String> titles,
			Function<String, Set<String>> personalDomains) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (UnitPosts unit : units) {
			unit.postDomains().forEach((postId, domains) -> {
				Set<String> held = personalDomains.apply(postId);
				if (held == null) {
					return;
				}
				for (String domain : domains) {
					if (!held.contains(domain)) {
						Map<String, Object> row = new LinkedHashMap<>();
						row.put("code", "DOMAIN_BLANK");
						row.put("unitId", unit.unitId());
						row.put("postId", postId);
						row.put("evidenceIds", List.of(unit.unitId(), postId));
						row.put("unitName", unit.name());
						row.put("postTitle", titles.get(postId));
						row.put("domain", domain);
						rows.add(row);
					}
				}
			});
		}
		return rows;
	}

	private static Set<String> domains(Object value) {
		Set<String> domains = new TreeSet<>();
		if (value instanceof Collection<?> c) {
			for (Object d : c) {
				if ("ALL".equals(d)) {
					for (DutyDomain each : DutyDomain.values()) {
						domains.add(each.name());
					}
				}
				else if (d != null) {
					domains.add(String.valueOf(d));
				}
			}
		}
		return domains;
	}

	/**
	 * The domains each finding leaves uncovered: unit id → domain → responsible codes.
	 */
	static Map<String, Map<String, Set<String>>> uncovered(List<UnitPosts> units, List<Finding> findings) {
		Map<String, UnitPosts> byId = new LinkedHashMap<>();
		units.forEach((u) -> byId.put(u.unitId(), u));
		Map<String, Map<String, Set<String>>> uncovered = new TreeMap<>();
		for (Finding f : findings) {
			UnitPosts unit = byId.get(f.unitId());
			if (unit == null || !CODES.contains(f.code())) {
				continue;
			}
			Set<String> domains = switch (f.code()) {
				case "NO_TEAM_LIST" -> allDomains();
				case "NO_PERSONAL_LIST" -> unit.postDomains().getOrDefault(f.postId(), Set.of());
				default -> (f.subject().size() >= 3) ? Set.of(f.subject().get(f.subject().size() - 1)) : Set.of();
			};
			Map<String, Set<String>> byDomain = uncovered.computeIfAbsent(unit.unitId(), (k) -> new TreeMap<>());
			domains.forEach((d) -> byDomain.computeIfAbsent(d, (k) -> new TreeSet<>()).add(f.code()));
		}
		return uncovered;
	}

	private static Set<String> allDomains() {
		Set<String> all = new TreeSet<>();
		for (DutyDomain d : DutyDomain.values()) {
			all.add(d.name());
		}
		return all;
	}

	/** {@code coverage} and {@code blanks} for these units and list-coverage findings. */
	static Map<String, Object> matrix(List<UnitPosts> units, List<Finding> findings) {
		Map<String, Map<String, Set<String>>> uncovered = uncovered(units, findings);
		Map<Integer, List<UnitPosts>> owing = new TreeMap<>();
		Map<Integer, Integer> excluded = new TreeMap<>();
		for (UnitPosts u : units) {
			if (u.owes()) {
				owing.computeIfAbsent(u.level(), (l) -> new ArrayList<>()).add(u);
			}
			else {
				excluded.merge(u.level(), 1, Integer::sum);
			}
		}
		List<Map<String, Object>> coverage = new ArrayList<>();
		List<Map<String, Object>> blanks = new ArrayList<>();
		owing.forEach((level, members) -> {
			members.sort((a, b) -> a.unitId().compareTo(b.unitId()));
			Map<String, Object> shares = new LinkedHashMap<>();
			for (DutyDomain domain : DutyDomain.values()) {
				List<Map<String, Object>> missing = new ArrayList<>();
				for (UnitPosts u : members) {
					Set<String> codes = uncovered.getOrDefault(u.unitId(), Map.of()).get(domain.name());
					if (codes != null) {
						Map<String, Object> unit = new LinkedHashMap<>();
						unit.put("id", u.unitId());
						unit.put("name", u.name());
						unit.put("kind", u.kind());
						unit.put("codes", List.copyOf(codes));
						missing.add(unit);
					}
				}
				shares.put(domain.name(), (double) (members.size() - missing.size()) / members.size());
				Map<String, Object> cell = new LinkedHashMap<>();
				cell.put("level", level);
				cell.put("domain", domain.name());
				cell.put("missing", missing.size());
				List<Map<String, Object>> shown = missing.stream().limit(BLANK_IDS_CAP).toList();
				cell.put("unitIds", shown.stream().map((m) -> m.get("id")).toList());
				cell.put("units", shown);
				blanks.add(cell);
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("level", level);
			row.put("units", members.size());
			row.put("excluded", excluded.getOrDefault(level, 0));
			row.put("domains", shares);
			coverage.add(row);
		});
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put(AnalysisService.COVERAGE_METRIC, coverage);
		metrics.put("blanks", blanks);
		metrics.put("excluded", excluded);
		return metrics;
	}

}
