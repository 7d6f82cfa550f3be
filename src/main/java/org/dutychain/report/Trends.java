package org.dutychain.report;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;
import org.dutychain.organization.UnknownUnitException;
import org.dutychain.record.DatasetFormat;

import org.springframework.stereotype.Service;

/**
 * The trend view's numbers (趋势对比, issue 12): a {@link SnapshotDiff} counted per code,
 * level and department; the grade history of a unit and its children; the first date of
 * each kind of record. Queries: {@code cypher/query/trend.cypher}.
 */
@Service
public class Trends {

	private static final String FILE = "query/trend.cypher";

	/** Deeper than any hierarchy the import accepts (64 levels). */
	private static final int MAX_WALK = 256;

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final Datasets datasets;

	private volatile Hierarchy hierarchy = new Hierarchy(-1, null, Map.of());

	public Trends(Neo4jGraph graph, CypherFiles cypher, Datasets datasets) {
		this.graph = graph;
		this.cypher = cypher;
		this.datasets = datasets;
	}

	/** A unit of the active dataset with its PRIMARY leader (null for a top unit). */
	record UnitRow(String id, String name, String kind, int level, String parentId) {
	}

	private record Hierarchy(long generation, ZonedDateTime importedAt, Map<String, UnitRow> units) {
	}

	/**
	 * Counts a comparison per code, level and department. Departments are the units
	 * directly under {@code scope} on the PRIMARY path of the finding's unit (with no
	 * scope: the units directly under the top of that path, e.g. the 部门党组 under the work
	 * committee); a finding at the scope unit (or a top unit) counts under that unit.
	 * Units are named as the active dataset names them.
	 */
	public Trend summarize(SnapshotDiff diff, String scope) {
		return summarize(diff, (scope != null) ? List.of(scope) : List.of());
	}

	/**
	 * {@link #summarize(SnapshotDiff, String)} over several scopes (a user's subtrees): a
	 * finding's department is the unit directly under the scope its unit lies in; no
	 * scope as there.
	 */
	public Trend summarize(SnapshotDiff diff, List<String> scopes) {
		String scope = scopes.isEmpty() ? null : String.join(",", scopes);
		Map<String, UnitRow> units = units();
		Function<SnapshotDiff.FindingRef, Trend.Item> item = (f) -> {
			UnitRow unit = (f.unitId() != null) ? units.get(f.unitId()) : null;
			String department = (f.unitId() != null) ? department(f.unitId(), scopes, units) : null;
			UnitRow d = (department != null) ? units.get(department) : null;
			return new Trend.Item(f.key(), f.analysis(), f.code(), f.severity(), f.unitId(),
					(unit != null) ? unit.name() : null, f.level(), department, (d != null) ? d.name() : null,
					f.messageZh(), f.messageEn());
		};
		List<Trend.Item> added = diff.added().stream().map(item).toList();
		List<Trend.Item> resolved = diff.resolved().stream().map(item).toList();
		List<Trend.Item> ruleChanged = diff.ruleChanged().stream().map(item).toList();
		List<Trend.Item> unchanged = diff.unchanged().stream().map(item).toList();

		Map<String, Trend.Group> byCode = new TreeMap<>();
		Map<Integer, Trend.Group> byLevel = new TreeMap<>();
		Map<String, Trend.Group> byDepartment = new TreeMap<>();
		Trend.Counts totals = new Trend.Counts(0, 0, 0, 0);
		List<List<Trend.Item>> sides = List.of(added, resolved, ruleChanged, unchanged);
		for (int side = 0; side < sides.size(); side++) {
			Trend.Counts one = new Trend.Counts((side == 0) ? 1 : 0, (side == 1) ? 1 : 0, (side == 2) ? 1 : 0,
					(side == 3) ? 1 : 0);
			for (Trend.Item i : sides.get(side)) {
				totals = totals.plus(one);
				byCode.merge(i.code(), new Trend.Group(i.code(), null, i.analysis(), i.severity(), one), Trends::plus);
				byLevel.merge(i.level(), new Trend.Group(String.valueOf(i.level()), null, null, null, one),
						Trends::plus);
				String key = (i.departmentId() != null) ? i.departmentId() : "";
				byDepartment.merge(key, new Trend.Group(key, i.departmentName(), null, null, one), Trends::plus);
			}
		}
		Comparator<Trend.Group> mostChanges = Comparator.comparingInt((Trend.Group g) -> -g.counts().changes())
			.thenComparing((Trend.Group g) -> -g.counts().unchanged())
			.thenComparing(Trend.Group::key);
		return new Trend(diff.from(), diff.to(), scope, totals, byCode.values().stream().sorted(mostChanges).toList(),
				List.copyOf(byLevel.values()), byDepartment.values().stream().sorted(mostChanges).toList(),
				diff.levels(), added, resolved, ruleChanged);
	}

	private static Trend.Group plus(Trend.Group a, Trend.Group b) {
		return new Trend.Group(a.key(), (a.name() != null) ? a.name() : b.name(), a.analysis(), a.severity(),
				a.counts().plus(b.counts()));
	}

	/**
	 * The unit directly under {@code scope} on the unit's PRIMARY path (the unit itself
	 * when it is the scope); with no scope the unit directly under the top of that path
	 * (a top unit is its own department). Null when the path does not pass the scope (a
	 * unit in scope through dual leadership only) or the unit is unknown.
	 */
	static String department(String unitId, List<String> scopes, Map<String, UnitRow> units) {
		if (scopes.isEmpty()) {
			return department(unitId, (String) null, units);
		}
		for (String scope : scopes) {
			String department = department(unitId, scope, units);
			if (department != null) {
				return department;
			}
		}
		return null;
	}

	static String department(String unitId, String scope, Map<String, UnitRow> units) {
		UnitRow unit = units.get(unitId);
		if (unit == null) {
			return null;
		}
		if (unitId.equals(scope)) {
			return unitId;
		}
		for (int i = 0; i < MAX_WALK; i++) {
			String parentId = unit.parentId();
			if (parentId == null) {
				return (scope == null) ? unit.id() : null;
			}
			if (parentId.equals(scope)) {
				return unit.id();
			}
			UnitRow parent = units.get(parentId);
			if (parent == null) {
				return null;
			}
			if (scope == null && parent.parentId() == null) {
				return unit.id();
			}
			unit = parent;
		}
		return null;
	}

	/** The units of the active dataset by id, read once per dataset. */
	Map<String, UnitRow> units() {
		DatasetInfo dataset = this.datasets.active();
		Hierarchy h = this.hierarchy;
		if (h.generation() == dataset.generation() && java.util.Objects.equals(h.importedAt(), dataset.importedAt())) {
			return h.units();
		}
		Map<String, UnitRow> units = new HashMap<>();
		this.graph.read(this.cypher.statement(FILE, "primary-parents"), Map.of("generation", dataset.generation()))
			.forEach((r) -> units.put((String) r.get("id"),
					new UnitRow((String) r.get("id"), (String) r.get("name"), (String) r.get("kind"),
							(r.get("level") instanceof Number n) ? n.intValue() : 0, (String) r.get("parentId"))));
		Map<String, UnitRow> frozen = java.util.Collections.unmodifiableMap(units);
		this.hierarchy = new Hierarchy(dataset.generation(), dataset.importedAt(), frozen);
		return frozen;
	}

	/** A unit's grade in one scheme and year (考评). */
	public record Grade(String scheme, int year, String grade) {
	}

	/**
	 * One unit's gradings.
	 *
	 * @param selected whether this is the unit asked for (the others are its children)
	 */
	public record UnitGrades(String id, String name, String kind, int level, boolean selected, List<Grade> grades) {
	}

	/**
	 * The grade trajectory of a unit and of its PRIMARY children.
	 *
	 * @param hidden true when the caller may not see gradings (VIEWER): every list of
	 * grades is empty
	 * @param years every year with a grading among these units, ascending
	 * @param schemes every scheme with a grading among these units, sorted
	 * @param scales per scheme its grades from best to worst (分类定级 A B C D)
	 */
	public record GradeHistory(String unitId, boolean hidden, List<Integer> years, List<String> schemes,
			Map<String, List<String>> scales, List<UnitGrades> units) {
	}

	/**
	 * Gradings of the unit and its PRIMARY children by scheme and year.
	 * @param visible the units the caller sees (null = every unit); children outside are
	 * left out
	 * @param hidden whether gradings are hidden from the caller
	 * @throws UnknownUnitException when the unit is not in the active dataset
	 */
	public GradeHistory grades(String unitId, Set<String> visible, boolean hidden) {
		Map<String, UnitRow> units = units();
		UnitRow unit = units.get(unitId);
		if (unit == null) {
			throw new UnknownUnitException(unitId);
		}
		List<UnitRow> rows = new ArrayList<>();
		rows.add(unit);
		units.values()
			.stream()
			.filter((u) -> unitId.equals(u.parentId()) && !u.id().equals(unitId))
			.filter((u) -> visible == null || visible.contains(u.id()))
			.sorted(Comparator.comparing(UnitRow::name, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(UnitRow::id))
			.forEach(rows::add);
		Map<String, List<Grade>> grades = new LinkedHashMap<>();
		TreeSet<Integer> years = new TreeSet<>();
		TreeSet<String> schemes = new TreeSet<>();
		if (!hidden) {
			this.graph
				.read(this.cypher.statement(FILE, "gradings"), Map.of("generation", this.datasets.active().generation(),
						"unitIds", rows.stream().map(UnitRow::id).toList()))
				.forEach((r) -> {
					int year = ((Number) r.get("year")).intValue();
					years.add(year);
					schemes.add((String) r.get("scheme"));
					grades.computeIfAbsent((String) r.get("unitId"), (k) -> new ArrayList<>())
						.add(new Grade((String) r.get("scheme"), year, (String) r.get("grade")));
				});
		}
		List<UnitGrades> out = rows.stream()
			.map((u) -> new UnitGrades(u.id(), u.name(), u.kind(), u.level(), u.id().equals(unitId),
					List.copyOf(grades.getOrDefault(u.id(), List.of()))))
			.toList();
		Map<String, List<String>> scales = new LinkedHashMap<>();
		for (String scheme : schemes) {
			DatasetFormat.GRADES.entrySet()
				.stream()
				.filter((e) -> e.getKey().name().equals(scheme))
				.findFirst()
				.ifPresent((e) -> scales.put(scheme, List.copyOf(e.getValue().keySet())));
		}
		return new GradeHistory(unitId, hidden, List.copyOf(years), List.copyOf(schemes), scales, out);
	}

	/**
	 * The first date of one kind of record.
	 *
	 * @param kind APPOINTMENT, ACTIVITY or GRADING (a grading of year Y counts from 1
	 * January of Y)
	 * @param date null when the dataset has none
	 */
	public record FirstRecord(String kind, String labelZh, String labelEn, LocalDate date) {
	}

	private static final Map<String, String[]> RECORD_LABELS = Map.of("APPOINTMENT",
			new String[] { "任职", "appointments" }, "ACTIVITY", new String[] { "活动", "activities" }, "GRADING",
			new String[] { "考评", "gradings" });

	/** The first appointment, activity and grading of the active dataset. */
	public List<FirstRecord> firstRecords() {
		return this.graph
			.read(this.cypher.statement(FILE, "first-records"),
					Map.of("generation", this.datasets.active().generation()))
			.stream()
			.map((r) -> {
				String kind = (String) r.get("kind");
				String[] label = RECORD_LABELS.getOrDefault(kind, new String[] { kind, kind });
				return new FirstRecord(kind, label[0], label[1], (LocalDate) r.get("first"));
			})
			.toList();
	}

}
