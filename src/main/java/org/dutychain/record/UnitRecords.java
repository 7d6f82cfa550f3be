package org.dutychain.record;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;

import org.springframework.stereotype.Service;

/**
 * The work records of a unit for its panel (工作记录查询): first secretaries, incoming
 * assistance, gradings, open issues, and the pressure of units. Statements:
 * {@code cypher/query/records.cypher}.
 */
@Service
public class UnitRecords {

	private static final String FILE = "query/records.cypher";

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	public UnitRecords(Neo4jGraph graph, CypherFiles cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	/**
	 * First secretaries (第一书记) posted to the unit, latest first.
	 *
	 * @param kind FirstSecretaryKind code
	 * @param current whether the posting is current on asOf ({@code until} inclusive)
	 */
	public record FirstSecretaryPosting(String personId, String name, String kind, LocalDate since, LocalDate until,
			String dispatchedBy, String dispatchedByName, boolean current) {
	}

	/**
	 * Assistance the unit receives (结对帮扶 / 五级包扶).
	 *
	 * @param assistantType PERSON or UNIT
	 * @param level AssistanceLevel code
	 */
	public record AssistanceRecord(String assistantId, String assistantName, String assistantType, String level,
			LocalDate since, LocalDate until, boolean current) {
	}

	/**
	 * One grading (考评) of the unit, or of its secretary (SECRETARY_REVIEW names the
	 * person).
	 *
	 * @param scheme GradingScheme code
	 * @param grade grade code of that scheme
	 */
	public record GradingRecord(String id, int year, String scheme, String grade, List<String> problems,
			String personId, String personName) {

		public GradingRecord {
			problems = List.copyOf(problems);
		}

	}

	/** An OPEN or RECTIFYING issue (问题) found in the unit. */
	public record OpenIssue(String id, String domain, String title, LocalDate foundOn, String source, String severity,
			String status, LocalDate due, List<String> dutyIds) {

		public OpenIssue {
			dutyIds = List.copyOf(dutyIds);
		}

	}

	public List<FirstSecretaryPosting> firstSecretaries(long generation, String unitId, LocalDate asOf) {
		return read("first-secretaries", generation, unitId, asOf).stream()
			.map((r) -> new FirstSecretaryPosting(str(r, "personId"), str(r, "name"), str(r, "kind"), date(r, "since"),
					date(r, "until"), str(r, "dispatchedBy"), str(r, "dispatchedByName"),
					Boolean.TRUE.equals(r.get("current"))))
			.toList();
	}

	public List<AssistanceRecord> assistance(long generation, String unitId, LocalDate asOf) {
		return read("assistance", generation, unitId, asOf).stream()
			.map((r) -> new AssistanceRecord(str(r, "assistantId"), str(r, "assistantName"), str(r, "assistantType"),
					str(r, "level"), date(r, "since"), date(r, "until"), Boolean.TRUE.equals(r.get("current"))))
			.toList();
	}

	/** Gradings, latest year first, then by scheme. */
	public List<GradingRecord> gradings(long generation, String unitId) {
		return read("gradings", generation, unitId, null).stream()
			.map((r) -> new GradingRecord(str(r, "id"), ((Number) r.get("year")).intValue(), str(r, "scheme"),
					str(r, "grade"), strings(r.get("problems")), str(r, "personId"), str(r, "personName")))
			.toList();
	}

	/** OPEN and RECTIFYING issues, oldest first. */
	public List<OpenIssue> openIssues(long generation, String unitId) {
		return read("open-issues", generation, unitId, null).stream()
			.map((r) -> new OpenIssue(str(r, "id"), str(r, "domain"), str(r, "title"), date(r, "foundOn"),
					str(r, "source"), str(r, "severity"), str(r, "status"), date(r, "due"), strings(r.get("dutyIds"))))
			.toList();
	}

	/**
	 * Pressure of each unit (design.md section 3): weighted activity count of the
	 * trailing year divided by the expected yearly count of its kind; null for a kind
	 * without an expected count.
	 * @param weights weight per ActivityKind code
	 * @param expected expected yearly weighted count per UnitKind code
	 */
	public Map<String, Double> pressure(long generation, List<String> unitIds, LocalDate asOf,
			Map<String, Double> weights, Map<String, Double> expected) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("generation", generation);
		params.put("unitIds", unitIds);
		params.put("asOf", asOf);
		params.put("weights", weights);
		params.put("expected", expected);
		Map<String, Double> pressure = new LinkedHashMap<>();
		for (Map<String, Object> row : this.graph.read(this.cypher.statement(FILE, "pressure"), params)) {
			Object p = row.get("pressure");
			pressure.put(str(row, "id"), (p instanceof Number n) ? n.doubleValue() : null);
		}
		return pressure;
	}

	private List<Map<String, Object>> read(String statement, long generation, String unitId, LocalDate asOf) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("generation", generation);
		params.put("unitId", unitId);
		if (asOf != null) {
			params.put("asOf", asOf);
		}
		return this.graph.read(this.cypher.statement(FILE, statement), params);
	}

	private static String str(Map<String, Object> row, String key) {
		Object o = row.get(key);
		return (o != null) ? String.valueOf(o) : null;
	}

	private static LocalDate date(Map<String, Object> row, String key) {
		return (LocalDate) row.get(key);
	}

	private static List<String> strings(Object o) {
		if (o instanceof String s) {
			return List.of(s);
		}
		return (o instanceof Collection<?> c)
				? c.stream().filter(java.util.Objects::nonNull).map(String::valueOf).toList() : List.of();
	}

}
