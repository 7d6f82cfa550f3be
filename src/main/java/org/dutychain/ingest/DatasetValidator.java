package org.dutychain.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dutychain.config.ImportLimits;
import org.dutychain.config.Labeled;
import org.dutychain.duty.DutyDomain;
import org.dutychain.organization.LeadKind;
import org.dutychain.record.ActivityKind;
import org.dutychain.record.ActivitySubkind;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.Column;
import org.dutychain.record.DatasetFormat.FileFormat;
import org.dutychain.record.GradingScheme;

/**
 * Checks a {@link RawDataset} against {@link DatasetFormat} and import-format.md and
 * converts its cells to typed values. Collects every problem (never stops at the first):
 * missing files, columns and values, bad dates, numbers and enumeration values, duplicate
 * ids and natural keys, dangling references, a unit id equal to a person id, a unit that
 * leads itself, LEADS cycles over every edge (PRIMARY and leadership.csv), and periods
 * that end before they start.
 */
final class DatasetValidator {

	private static final Pattern DATE = Pattern
		.compile("^(\\d{4})(?:-(\\d{1,2})-(\\d{1,2})|/(\\d{1,2})/(\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日)$");

	private static final Pattern COUNT = Pattern.compile("^[+-]?\\d+(?:\\.0*)?$");

	/**
	 * Most characters of an id or a unit name: the database indexes them, and an index
	 * key holds at most about 8 KB (a CJK character is three bytes in UTF-8).
	 */
	static final int KEY_LENGTH = 500;

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；、]");

	/** Files with a since/until period. */
	private static final List<FileFormat> PERIODS = List.of(DatasetFormat.APPOINTMENTS, DatasetFormat.FIRST_SECRETARIES,
			DatasetFormat.ASSISTANCE);

	/** A parsed row: its Excel row number and its typed values. */
	private record Parsed(int row, Map<String, Object> values) {
	}

	/** A LEADS edge and where it was written. */
	private record Edge(String from, String to, String file, int row, String column) {
	}

	private final RawDataset raw;

	private final ImportLimits limits;

	private final Capped problems;

	private final List<String> warnings = new ArrayList<>();

	private final Map<FileFormat, List<Parsed>> parsed = new LinkedHashMap<>();

	/** Per file: English column name → header as written. */
	private final Map<FileFormat, Map<String, String>> written = new HashMap<>();

	private DatasetValidator(RawDataset raw, ImportLimits limits) {
		this.raw = raw;
		this.limits = limits;
		this.problems = new Capped(limits.errors());
	}

	/**
	 * The problem list of one validation: keeps a bounded number (ten times the errors
	 * listed, so that sorting by file still shows the first ones) and counts the rest, so
	 * a file of millions of bad rows costs no more memory than a few thousand problems.
	 */
	private static final class Capped extends ArrayList<ImportProblem> {

		private final int keep;

		private long total;

		Capped(int listed) {
			this.keep = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, listed) * 10L);
		}

		@Override
		public boolean add(ImportProblem problem) {
			this.total++;
			if (size() < this.keep) {
				super.add(problem);
			}
			return true;
		}

		@Override
		public boolean addAll(java.util.Collection<? extends ImportProblem> all) {
			all.forEach(this::add);
			return !all.isEmpty();
		}

	}

	/** The outcome: problems (empty = valid) and, when valid, the typed dataset. */
	record Result(List<ImportProblem> problems, ValidDataset dataset) {

		boolean valid() {
			return this.problems.isEmpty();
		}

	}

	static Result validate(RawDataset raw) {
		return validate(raw, ImportLimits.DEFAULTS);
	}

	static Result validate(RawDataset raw, ImportLimits limits) {
		return new DatasetValidator(raw, limits).run();
	}

	private Result run() {
		this.problems.addAll(this.raw.problems);
		this.warnings.addAll(this.raw.warnings);
		boolean fatal = this.raw.fatal || this.raw.problems.stream().anyMatch((p) -> p.code().equals("NOT_A_DATASET"));
		if (fatal) {
			return new Result(capped(List.copyOf(this.problems)), null);
		}
		for (FileFormat format : DatasetFormat.FILES) {
			RawDataset.Table table = this.raw.tables.get(format);
			if (table != null) {
				parseTable(table);
			}
			else if (format.required() && !this.raw.unreadable.contains(format)) {
				this.problems.add(Problems.missingFile(this.raw.label(format)));
			}
		}
		String name = Optional.ofNullable(this.raw.properties.get("name"))
			.map(RawDataset.Property::value)
			.filter((n) -> !n.isBlank())
			.orElse(this.raw.sourceName);
		LocalDate asOf = null;
		RawDataset.Property asOfProperty = this.raw.properties.get("as_of");
		if (asOfProperty != null && !asOfProperty.value().isBlank()) {
			asOf = date(asOfProperty.value()).orElse(null);
			if (asOf == null) {
				this.problems
					.add(Problems.badDate(asOfProperty.file(), asOfProperty.row(), "as_of", asOfProperty.value()));
			}
		}
		checkReferences();
		checkIdClash();
		checkLeadership();
		checkDepth();
		checkPeriods();
		checkActivityKinds();
		warnAboutIgnoredValues();
		List<ImportProblem> sorted = sort(this.problems);
		if (!sorted.isEmpty()) {
			return new Result(capped(sorted), null);
		}
		Map<FileFormat, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		this.parsed.forEach((format, list) -> rows.put(format, list.stream().map(Parsed::values).toList()));
		return new Result(List.of(), new ValidDataset(name, asOf, rows, List.copyOf(this.warnings)));
	}

	// ---- one file
	// -------------------------------------------------------------------------------------------------

	private void parseTable(RawDataset.Table table) {
		FileFormat format = table.format();
		String label = table.label();
		Map<String, Integer> index = new HashMap<>();
		Map<String, String> headers = new HashMap<>();
		boolean chinese = false;
		for (int c = 0; c < table.header().size(); c++) {
			String h = table.header().get(c).strip();
			if (h.isEmpty()) {
				continue;
			}
			Optional<Column> column = format.column(h);
			if (column.isEmpty()) {
				warn(label, table.headerRow(), h, "UNKNOWN_COLUMN", "unknown column; ignored");
			}
			else if (index.containsKey(column.get().name())) {
				warn(label, table.headerRow(), h, "UNKNOWN_COLUMN",
						"a second " + column.get().name() + " column; ignored");
			}
			else {
				index.put(column.get().name(), c);
				headers.put(column.get().name(), h);
				chinese |= !h.equalsIgnoreCase(column.get().name());
			}
		}
		for (Column column : format.columns()) {
			if (column.required() && !index.containsKey(column.name())) {
				this.problems.add(chinese ? Problems.missingColumn(label, table.headerRow(), column.zh(), column.name())
						: Problems.missingColumn(label, table.headerRow(), column.name(), column.zh()));
			}
		}
		this.written.put(format, headers);
		List<Parsed> rows = new ArrayList<>(table.rows().size());
		Map<String, Integer> ids = new HashMap<>();
		Map<List<Object>, Integer> keys = new HashMap<>();
		for (RawDataset.Row row : table.rows()) {
			if (row.cells().stream().allMatch(String::isBlank)) {
				continue;
			}
			Map<String, Object> values = new LinkedHashMap<>();
			for (Column column : format.columns()) {
				Integer c = index.get(column.name());
				if (c == null) {
					continue;
				}
				String cell = (c < row.cells().size()) ? row.cells().get(c).strip() : "";
				String header = headers.get(column.name());
				if (cell.isEmpty()) {
					if (column.required()) {
						this.problems.add(Problems.missingValue(label, row.row(), header));
					}
					continue;
				}
				if (cell.length() > KEY_LENGTH && (column.type() == DatasetFormat.Type.ID
						|| (format == DatasetFormat.UNITS && column.name().equals("name")))) {
					this.problems.add(Problems.keyTooLong(label, row.row(), header, KEY_LENGTH));
					continue;
				}
				Object value = convert(format, column, cell, values, label, row.row(), header);
				if (value != null) {
					values.put(column.name(), value);
				}
			}
			checkUnique(format, label, row.row(), values, ids, keys);
			rows.add(new Parsed(row.row(), values));
		}
		this.parsed.put(format, rows);
	}

	private void checkUnique(FileFormat format, String label, int row, Map<String, Object> values,
			Map<String, Integer> ids, Map<List<Object>, Integer> keys) {
		for (Column column : format.columns()) {
			if (column.type() == DatasetFormat.Type.ID && values.get(column.name()) instanceof String id) {
				Integer first = ids.putIfAbsent(id, row);
				if (first != null) {
					this.problems.add(Problems.duplicateId(label, row, header(format, column.name()), id, first));
				}
			}
		}
		if (format.naturalKey().isEmpty()) {
			return;
		}
		List<Object> key = new ArrayList<>();
		for (String name : format.naturalKey()) {
			Object value = values.get(name);
			if (value == null && format.column(name).map(Column::required).orElse(false)) {
				return;
			}
			key.add(value);
		}
		Integer first = keys.putIfAbsent(key, row);
		if (first != null) {
			String shown = format.naturalKey()
				.stream()
				.map((n) -> n + "=" + Objects.toString(values.get(n), ""))
				.collect(Collectors.joining(", "));
			this.problems
				.add(Problems.duplicateRow(label, row, header(format, format.naturalKey().get(0)), shown, first));
		}
	}

	private Object convert(FileFormat format, Column column, String cell, Map<String, Object> row, String label,
			int rowNumber, String header) {
		switch (column.type()) {
			case DATE -> {
				Optional<LocalDate> date = date(cell);
				if (date.isEmpty()) {
					this.problems.add(Problems.badDate(label, rowNumber, header, cell));
				}
				return date.orElse(null);
			}
			case COUNT -> {
				String digits = cell.replace(",", "");
				if (!COUNT.matcher(digits).matches()) {
					this.problems.add(Problems.badNumber(label, rowNumber, header, cell));
					return null;
				}
				int dot = digits.indexOf('.');
				String whole = (dot >= 0) ? digits.substring(0, dot) : digits;
				try {
					long n = Long.parseLong(whole);
					if (n < 0) {
						this.problems.add(Problems.negativeCount(label, rowNumber, header, cell));
						return null;
					}
					return n;
				}
				catch (NumberFormatException ex) {
					this.problems.add(Problems.badNumber(label, rowNumber, header, cell));
					return null;
				}
			}
			case ENUM -> {
				Optional<String> code = code(column.enumeration(), cell);
				if (format == DatasetFormat.LEADERSHIP && code.isPresent()
						&& code.get().equals(LeadKind.PRIMARY.name())) {
					this.problems.add(Problems.unknownEnum(label, rowNumber, header, cell,
							"DUAL, GUIDANCE, DISCIPLINE_SUPERVISION (PRIMARY comes from units.parent_id)"));
					return null;
				}
				if (code.isEmpty()) {
					this.problems
						.add(Problems.unknownEnum(label, rowNumber, header, cell, allowed(column.enumeration())));
				}
				return code.orElse(null);
			}
			case ENUM_LIST -> {
				Set<String> codes = new LinkedHashSet<>();
				for (String item : split(cell)) {
					if (column.enumeration() == DutyDomain.class
							&& (item.equalsIgnoreCase("ALL") || item.equals("全部"))) {
						Arrays.stream(DutyDomain.values()).map(Enum::name).forEach(codes::add);
						continue;
					}
					Optional<String> code = code(column.enumeration(), item);
					if (code.isEmpty()) {
						this.problems
							.add(Problems.unknownEnum(label, rowNumber, header, item, allowed(column.enumeration())));
					}
					code.ifPresent(codes::add);
				}
				return List.copyOf(codes);
			}
			case TEXT_LIST -> {
				return split(cell);
			}
			case GRADE -> {
				if (!(row.get("scheme") instanceof String scheme)) {
					return cell;
				}
				GradingScheme gradingScheme = GradingScheme.valueOf(scheme);
				Optional<String> grade = DatasetFormat.grade(gradingScheme, cell);
				if (grade.isEmpty()) {
					String allowed = DatasetFormat.GRADES.get(gradingScheme)
						.entrySet()
						.stream()
						.map((e) -> e.getKey() + " " + String.join("/", e.getValue()))
						.collect(Collectors.joining(", "));
					this.problems.add(Problems.unknownEnum(label, rowNumber, header, cell, allowed));
				}
				return grade.orElse(null);
			}
			default -> {
				return cell;
			}
		}
	}

	// ---- across files
	// ---------------------------------------------------------------------------------------------

	private Set<String> ids(FileFormat format, String column) {
		Set<String> ids = new HashSet<>();
		for (Parsed row : this.parsed.getOrDefault(format, List.of())) {
			if (row.values().get(column) instanceof String id) {
				ids.add(id);
			}
		}
		return ids;
	}

	private void checkReferences() {
		Map<String, Set<String>> ids = new HashMap<>();
		for (FileFormat format : DatasetFormat.FILES) {
			format.columns()
				.stream()
				.filter((c) -> c.type() == DatasetFormat.Type.ID)
				.forEach((c) -> ids.put(format.name(), ids(format, c.name())));
		}
		Map<String, String> postKindNames = new HashMap<>();
		// an absent or empty post_kinds (an unfilled template sheet) means the default
		// post kinds
		if (this.parsed.containsKey(DatasetFormat.POST_KINDS) && !this.parsed.get(DatasetFormat.POST_KINDS).isEmpty()) {
			ids.put(DatasetFormat.POST_KINDS.name(), ids(DatasetFormat.POST_KINDS, "key"));
			for (Parsed row : this.parsed.get(DatasetFormat.POST_KINDS)) {
				if (row.values().get("name") instanceof String n && row.values().get("key") instanceof String k) {
					postKindNames.putIfAbsent(n, k);
				}
			}
		}
		else {
			Set<String> keys = new HashSet<>();
			for (DatasetFormat.DefaultPostKind kind : DatasetFormat.DEFAULT_POST_KINDS) {
				keys.add(kind.key());
				postKindNames.putIfAbsent(kind.name(), kind.key());
			}
			ids.put(DatasetFormat.POST_KINDS.name(), keys);
		}
		Set<String> unknown = unknownTargets();
		this.parsed.forEach((format, rows) -> {
			for (Column column : format.columns()) {
				if (column.type() != DatasetFormat.Type.REF
						|| column.references().stream().anyMatch(unknown::contains)) {
					continue;
				}
				for (Parsed row : rows) {
					if (!(row.values().get(column.name()) instanceof String value)) {
						continue;
					}
					if (column.references().stream().anyMatch((f) -> ids.getOrDefault(f, Set.of()).contains(value))) {
						continue;
					}
					if (column.references().equals(List.of(DatasetFormat.POST_KINDS.name()))
							&& postKindNames.containsKey(value)) {
						row.values().put(column.name(), postKindNames.get(value));
						continue;
					}
					String target = column.references()
						.stream()
						.map((f) -> this.raw.label(DatasetFormat.file(f).orElseThrow()))
						.collect(Collectors.joining(" / "));
					this.problems.add(Problems.dangling(this.raw.label(format), row.row(),
							header(format, column.name()), value, target));
				}
			}
		});
	}

	/**
	 * Files whose ids cannot be known because a problem is already reported for them
	 * (unreadable, required but missing, or without their id column): references into
	 * them are not reported once more per row.
	 */
	private Set<String> unknownTargets() {
		Set<String> unknown = new HashSet<>();
		for (FileFormat format : DatasetFormat.FILES) {
			boolean missing = !this.parsed.containsKey(format) && format.required();
			boolean noIdColumn = this.parsed.containsKey(format) && format.columns()
				.stream()
				.anyMatch((c) -> c.type() == DatasetFormat.Type.ID && !this.written.get(format).containsKey(c.name()));
			if (this.raw.unreadable.contains(format) || missing || noIdColumn) {
				unknown.add(format.name());
			}
		}
		return unknown;
	}

	private void checkIdClash() {
		Set<String> units = ids(DatasetFormat.UNITS, "id");
		for (Parsed row : this.parsed.getOrDefault(DatasetFormat.PEOPLE, List.of())) {
			if (row.values().get("id") instanceof String id && units.contains(id)) {
				this.problems.add(Problems.idClash(this.raw.label(DatasetFormat.PEOPLE), row.row(),
						header(DatasetFormat.PEOPLE, "id"), id));
			}
		}
	}

	/**
	 * SELF_LEADERSHIP, then LEADS_CYCLE over every edge (PRIMARY from units.parent_id and
	 * leadership.csv).
	 */
	private void checkLeadership() {
		List<String> units = new ArrayList<>();
		Set<String> known = new HashSet<>();
		Map<String, List<Edge>> out = new HashMap<>();
		String unitsLabel = this.raw.label(DatasetFormat.UNITS);
		for (Parsed row : this.parsed.getOrDefault(DatasetFormat.UNITS, List.of())) {
			if (row.values().get("id") instanceof String id && known.add(id)) {
				units.add(id);
			}
		}
		for (Parsed row : this.parsed.getOrDefault(DatasetFormat.UNITS, List.of())) {
			if (row.values().get("id") instanceof String id && row.values().get("parent_id") instanceof String parent) {
				String column = header(DatasetFormat.UNITS, "parent_id");
				if (parent.equals(id)) {
					this.problems.add(Problems.selfLeadership(unitsLabel, row.row(), column, id));
				}
				else if (known.contains(parent)) {
					out.computeIfAbsent(parent, (k) -> new ArrayList<>())
						.add(new Edge(parent, id, unitsLabel, row.row(), column));
				}
			}
		}
		String leadershipLabel = this.raw.label(DatasetFormat.LEADERSHIP);
		for (Parsed row : this.parsed.getOrDefault(DatasetFormat.LEADERSHIP, List.of())) {
			if (row.values().get("leader_id") instanceof String leader
					&& row.values().get("unit_id") instanceof String unit) {
				String column = header(DatasetFormat.LEADERSHIP, "leader_id");
				if (leader.equals(unit)) {
					this.problems.add(Problems.selfLeadership(leadershipLabel, row.row(), column, unit));
				}
				else if (known.contains(leader) && known.contains(unit)) {
					out.computeIfAbsent(leader, (k) -> new ArrayList<>())
						.add(new Edge(leader, unit, leadershipLabel, row.row(), column));
				}
			}
		}
		findCycles(units, out);
	}

	/**
	 * Iterative depth-first search (no recursion limit on deep hierarchies); every back
	 * edge closes a cycle.
	 */
	private void findCycles(List<String> units, Map<String, List<Edge>> out) {
		Map<String, Integer> state = new HashMap<>();
		for (String start : units) {
			if (state.containsKey(start)) {
				continue;
			}
			List<String> path = new ArrayList<>();
			List<Integer> next = new ArrayList<>();
			path.add(start);
			next.add(0);
			state.put(start, 1);
			while (!path.isEmpty()) {
				int top = path.size() - 1;
				String node = path.get(top);
				List<Edge> edges = out.getOrDefault(node, List.of());
				int i = next.get(top);
				if (i >= edges.size()) {
					state.put(node, 2);
					path.remove(top);
					next.remove(top);
					continue;
				}
				next.set(top, i + 1);
				Edge edge = edges.get(i);
				Integer s = state.get(edge.to());
				if (s == null) {
					state.put(edge.to(), 1);
					path.add(edge.to());
					next.add(0);
				}
				else if (s == 1) {
					List<String> cycle = new ArrayList<>(path.subList(path.indexOf(edge.to()), path.size()));
					cycle.add(edge.to());
					this.problems
						.add(Problems.leadsCycle(edge.file(), edge.row(), edge.column(), String.join(" → ", cycle)));
				}
			}
		}
	}

	/**
	 * TOO_DEEP: a unit more than {@code limits.depth} levels below its root along
	 * units.parent_id, reported once per chain (at the first unit beyond the limit).
	 * Linear: every unit's depth is computed once, walking up iteratively until a unit of
	 * known depth (a cycle, reported as LEADS_CYCLE, stops the walk).
	 */
	private void checkDepth() {
		Map<String, String> parent = new HashMap<>();
		Map<String, Integer> rowOf = new HashMap<>();
		for (Parsed row : this.parsed.getOrDefault(DatasetFormat.UNITS, List.of())) {
			if (row.values().get("id") instanceof String id) {
				rowOf.putIfAbsent(id, row.row());
				if (row.values().get("parent_id") instanceof String p && !p.equals(id)) {
					parent.putIfAbsent(id, p);
				}
			}
		}
		Map<String, Integer> depth = new HashMap<>();
		List<String> walk = new ArrayList<>();
		Set<String> onWalk = new HashSet<>();
		String label = this.raw.label(DatasetFormat.UNITS);
		String column = header(DatasetFormat.UNITS, "parent_id");
		for (String unit : rowOf.keySet()) {
			walk.clear();
			onWalk.clear();
			String u = unit;
			while (u != null && !depth.containsKey(u) && rowOf.containsKey(u) && onWalk.add(u)) {
				walk.add(u);
				u = parent.get(u);
			}
			int d = (u != null && depth.containsKey(u)) ? depth.get(u) : 0;
			if (u != null && onWalk.contains(u)) {
				d = 0;
			}
			for (int i = walk.size() - 1; i >= 0; i--) {
				d++;
				depth.put(walk.get(i), d);
				if (d == this.limits.depth() + 1) {
					String id = walk.get(i);
					this.problems.add(Problems.tooDeep(label, rowOf.get(id), column, id, this.limits.depth()));
				}
			}
		}
	}

	/**
	 * The first {@code limits.errors} problems, then one saying how many more there are.
	 */
	private List<ImportProblem> capped(List<ImportProblem> sorted) {
		long total = Math.max(this.problems.total, sorted.size());
		int listed = this.limits.errors();
		if (total <= listed) {
			return sorted;
		}
		List<ImportProblem> first = new ArrayList<>(sorted.subList(0, Math.min(listed, sorted.size())));
		first.add(Problems.moreProblems(total - first.size()));
		return List.copyOf(first);
	}

	private void checkPeriods() {
		for (FileFormat format : PERIODS) {
			for (Parsed row : this.parsed.getOrDefault(format, List.of())) {
				if (row.values().get("since") instanceof LocalDate since
						&& row.values().get("until") instanceof LocalDate until && until.isBefore(since)) {
					this.problems.add(Problems.untilBeforeSince(this.raw.label(format), row.row(),
							header(format, "until"), until, since));
				}
			}
		}
	}

	/**
	 * activities.csv: {@code kind} may be left empty when {@code subkind} is given (it is
	 * derived from the subkind); a kind that differs from the subkind's is an error; one
	 * of the two is required.
	 */
	private void checkActivityKinds() {
		FileFormat format = DatasetFormat.ACTIVITIES;
		if (!this.parsed.containsKey(format)) {
			return;
		}
		String label = this.raw.label(format);
		Map<String, String> headers = this.written.getOrDefault(format, Map.of());
		if (!headers.containsKey("kind") && !headers.containsKey("subkind")) {
			boolean chinese = headers.values().stream().anyMatch((h) -> !h.matches("[A-Za-z_ ]+"));
			Column kind = format.column("kind").orElseThrow();
			this.problems.add(chinese ? Problems.missingColumn(label, 1, kind.zh(), kind.name())
					: Problems.missingColumn(label, 1, kind.name(), kind.zh()));
			return;
		}
		for (Parsed row : this.parsed.get(format)) {
			Object kind = row.values().get("kind");
			Object subkind = row.values().get("subkind");
			if (subkind instanceof String s) {
				ActivityKind expected = ActivitySubkind.valueOf(s).kind();
				if (kind == null) {
					row.values().put("kind", expected.name());
				}
				else if (!expected.name().equals(kind)) {
					this.problems.add(Problems.kindMismatch(label, row.row(), header(format, "kind"), (String) kind,
							ActivitySubkind.valueOf(s), expected));
				}
			}
			else if (kind == null && headers.containsKey("kind") && !hasProblem(label, row.row(), "kind")
					&& !hasProblem(label, row.row(), "subkind")) {
				this.problems.add(Problems.missingValue(label, row.row(), header(format, "kind")));
			}
			else if (kind == null && !headers.containsKey("kind") && !hasProblem(label, row.row(), "subkind")) {
				this.problems.add(Problems.missingValue(label, row.row(), header(format, "subkind")));
			}
		}
	}

	/** Whether a problem is already reported for this cell (e.g. an unknown value). */
	private boolean hasProblem(String file, int row, String column) {
		String written = header(DatasetFormat.ACTIVITIES, column);
		return this.problems.stream()
			.anyMatch((p) -> file.equals(p.file()) && p.row() == row && written.equals(p.column()));
	}

	/**
	 * Values that are kept out of the graph or look inconsistent, but do not make the
	 * dataset invalid.
	 */
	private void warnAboutIgnoredValues() {
		String gradings = this.raw.label(DatasetFormat.GRADINGS);
		for (Parsed row : this.parsed.getOrDefault(DatasetFormat.GRADINGS, List.of())) {
			if (row.values().get("person_id") != null
					&& !GradingScheme.SECRETARY_REVIEW.name().equals(row.values().get("scheme"))) {
				warn(gradings, row.row(), header(DatasetFormat.GRADINGS, "person_id"), "IGNORED_VALUE",
						"person_id is only used for SECRETARY_REVIEW; ignored");
			}
		}
		Map<String, String> postUnits = new HashMap<>();
		for (Parsed row : this.parsed.getOrDefault(DatasetFormat.POSTS, List.of())) {
			if (row.values().get("id") instanceof String id && row.values().get("unit_id") instanceof String unit) {
				postUnits.putIfAbsent(id, unit);
			}
		}
		String duties = this.raw.label(DatasetFormat.DUTIES);
		for (Parsed row : this.parsed.getOrDefault(DatasetFormat.DUTIES, List.of())) {
			if (row.values().get("post_id") instanceof String post && postUnits.containsKey(post)
					&& !postUnits.get(post).equals(row.values().get("unit_id"))) {
				warn(duties, row.row(), header(DatasetFormat.DUTIES, "post_id"), "POST_OF_OTHER_UNIT", "the post "
						+ post + " belongs to " + postUnits.get(post) + ", not to " + row.values().get("unit_id"));
			}
		}
	}

	// ---- helpers
	// --------------------------------------------------------------------------------------------------

	private String header(FileFormat format, String column) {
		return this.written.getOrDefault(format, Map.of()).getOrDefault(column, column);
	}

	private void warn(String file, int row, String column, String code, String message) {
		this.warnings.add(file + ":" + row + ":" + column + ": " + code + " " + message);
	}

	/**
	 * Problems in file order (dataset.properties first, then the files of
	 * {@link DatasetFormat#FILES}), then row.
	 */
	private List<ImportProblem> sort(List<ImportProblem> list) {
		Map<String, Integer> order = new HashMap<>();
		for (int i = 0; i < DatasetFormat.FILES.size(); i++) {
			order.put(this.raw.label(DatasetFormat.FILES.get(i)), i + 1);
		}
		List<ImportProblem> sorted = new ArrayList<>(list);
		sorted.sort(Comparator.comparing((ImportProblem p) -> order.getOrDefault(p.file(), 0))
			.thenComparingInt(ImportProblem::row));
		return List.copyOf(sorted);
	}

	static Optional<LocalDate> date(String text) {
		Matcher m = DATE.matcher(text.strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		int year = Integer.parseInt(m.group(1));
		int month = Integer.parseInt(first(m, 2, 4, 6));
		int day = Integer.parseInt(first(m, 3, 5, 7));
		try {
			return Optional.of(LocalDate.of(year, month, day));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	private static String first(Matcher m, int... groups) {
		for (int g : groups) {
			if (m.group(g) != null) {
				return m.group(g);
			}
		}
		throw new IllegalStateException();
	}

	static List<String> split(String cell) {
		return Arrays.stream(LIST_SEPARATOR.split(cell)).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Optional<String> code(Class<? extends Labeled> type, String value) {
		Optional<?> parsed = Labeled.parse((Class) type, value);
		return parsed.map((e) -> ((Enum<?>) e).name());
	}

	private static String allowed(Class<? extends Labeled> type) {
		return Arrays.stream(type.getEnumConstants())
			.map((e) -> e.name() + " " + e.zh())
			.collect(Collectors.joining(", "));
	}

}
