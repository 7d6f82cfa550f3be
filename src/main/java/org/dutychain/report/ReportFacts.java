package org.dutychain.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.analysis.AnalysisSettings;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Labeled;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.organization.Sector;
import org.dutychain.record.AssistanceLevel;

import org.springframework.stereotype.Component;

/** Reads the facts the report lists beside the findings (cypher/query/report.cypher). */
@Component
class ReportFacts {

	private static final String FILE = "query/report.cypher";

	/**
	 * Levels every weak unit needs (design.md "Weak now"); a VILLAGE also needs
	 * FIRST_SECRETARY.
	 */
	static final List<AssistanceLevel> REQUIRED = List.of(AssistanceLevel.LEADER_CONTACT,
			AssistanceLevel.ORG_DEPT_GUIDANCE, AssistanceLevel.ORGAN_CO_BUILD, AssistanceLevel.COMMITTEE_SUPERVISOR);

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final AnalysisSettings settings;

	ReportFacts(Neo4jGraph graph, CypherFiles cypher, AnalysisSettings settings) {
		this.graph = graph;
		this.cypher = cypher;
		this.settings = settings;
	}

	/**
	 * The scope a statement reads: the generation, the unit ids (null = every unit) and
	 * asOf.
	 */
	record Scope(long generation, List<String> unitIds, LocalDate asOf) {

		Map<String, Object> parameters() {
			Map<String, Object> p = new HashMap<>();
			p.put("generation", this.generation);
			p.put("unitIds", this.unitIds);
			p.put("asOf", this.asOf);
			return p;
		}

	}

	Map<String, String> unitNames(Scope scope) {
		Map<String, String> names = new LinkedHashMap<>();
		for (Map<String, Object> row : read("unit-names", scope.parameters())) {
			names.put((String) row.get("id"), (String) row.get("name"));
		}
		return names;
	}

	/**
	 * Unit id → "书记 张三（主体责任）" (or "书记 —（空缺，主体责任）") for the PRINCIPAL posts of the given
	 * units.
	 */
	Map<String, String> principals(Scope scope, Collection<String> unitIds) {
		Map<String, Object> p = scope.parameters();
		p.put("unitIds", new ArrayList<>(unitIds));
		Map<String, List<String>> holders = new LinkedHashMap<>();
		for (Map<String, Object> row : read("principals", p)) {
			String name = (String) row.get("personName");
			holders.computeIfAbsent((String) row.get("unitId"), (k) -> new ArrayList<>())
				.add(row.get("postTitle") + " " + ((name != null) ? name + "（主体责任）" : "—（空缺，主体责任）"));
		}
		Map<String, String> text = new LinkedHashMap<>();
		holders.forEach((unit, list) -> text.put(unit, String.join("；", list)));
		return text;
	}

	List<ReportContent.Staffing> staffing(Scope scope) {
		List<ReportContent.Staffing> rows = new ArrayList<>();
		for (Map<String, Object> row : read("vacant-posts", scope.parameters())) {
			rows.add(new ReportContent.Staffing((String) row.get("unitId"), (String) row.get("unitName"),
					(String) row.get("postId"), (String) row.get("postTitle"), null, null, null, true));
		}
		Map<String, Object> p = scope.parameters();
		p.put("expiresBy", scope.asOf().plusDays(ReportContent.EXPIRY_DAYS));
		for (Map<String, Object> row : read("expiring-appointments", p)) {
			rows.add(new ReportContent.Staffing((String) row.get("unitId"), (String) row.get("unitName"),
					(String) row.get("postId"), (String) row.get("postTitle"), (String) row.get("personId"),
					(String) row.get("personName"), (LocalDate) row.get("until"), false));
		}
		return rows;
	}

	List<ReportContent.WeakUnit> weakUnits(Scope scope) {
		List<ReportContent.WeakUnit> units = new ArrayList<>();
		for (Map<String, Object> row : read("weak-units", scope.parameters())) {
			List<String> basis = new ArrayList<>();
			for (Object b : list(row.get("basis"))) {
				Map<?, ?> m = (Map<?, ?>) b;
				basis.add(("DESIGNATED_WEAK".equals(m.get("scheme")) ? "整顿名单 " : "评定 D ") + m.get("year"));
			}
			List<String> levels = list(row.get("levels")).stream().map(String::valueOf).toList();
			List<String> secretaries = list(row.get("firstSecretaries")).stream().map(String::valueOf).toList();
			String sector = (String) row.get("sector");
			List<AssistanceLevel> required = new ArrayList<>(REQUIRED);
			if ("VILLAGE".equals(sector)) {
				required.add(AssistanceLevel.FIRST_SECRETARY);
			}
			List<String> missing = new ArrayList<>();
			for (AssistanceLevel level : required) {
				boolean met = levels.contains(level.name())
						|| (level == AssistanceLevel.FIRST_SECRETARY && !secretaries.isEmpty());
				if (!met) {
					missing.add(level.zh());
				}
			}
			List<String> current = levels.stream()
				.sorted()
				.map((l) -> ReportScores.label(AssistanceLevel.class, l))
				.toList();
			units.add(new ReportContent.WeakUnit((String) row.get("unitId"), (String) row.get("unitName"),
					(sector != null) ? Labeled.parse(Sector.class, sector).map(Sector::zh).orElse(sector) : "",
					String.join("；", basis), current, missing,
					secretaries.isEmpty() ? null : String.join("、", secretaries)));
		}
		return units;
	}

	List<ReportContent.Listing> supervisions(Scope scope) {
		Map<String, Object> p = scope.parameters();
		p.put("supervisionDefaultMonths", this.settings.supervisionDefaultMonths());
		List<ReportContent.Listing> listings = new ArrayList<>();
		for (Map<String, Object> row : read("supervisions", p)) {
			listings.add(new ReportContent.Listing((String) row.get("id"), (String) row.get("unitId"),
					(String) row.get("unitName"), (String) row.get("listedBy"), (LocalDate) row.get("listedOn"),
					(LocalDate) row.get("deadline"), (String) row.get("stage"), (String) row.get("outcome"),
					(LocalDate) row.get("outcomeOn"), Boolean.TRUE.equals(row.get("overdue"))));
		}
		return listings;
	}

	private List<Map<String, Object>> read(String statement, Map<String, Object> parameters) {
		return this.graph.read(this.cypher.statement(FILE, statement), parameters);
	}

	private static List<?> list(Object value) {
		return (value instanceof List<?> l) ? l : List.of();
	}

}
