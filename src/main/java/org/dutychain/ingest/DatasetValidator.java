package org.dutychain.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.ObjectArrayList;

import org.dutychain.config.ImportLimits;
import org.dutychain.record.ActivityKind;
import org.dutychain.record.ActivitySubkind;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.Column;
import org.dutychain.record.DatasetFormat.FileFormat;
import org.dutychain.record.GradingScheme;

/**
 * Checks a {@link RawDataset} against {@link DatasetFormat} and import-format.md while
 * streaming its rows from the source. Collects every problem (never stops at the first):
 * missing files, columns and values, bad dates, numbers and enumeration values, duplicate
 * ids and natural keys, dangling references, a unit id equal to a person id, a unit that
 * leads itself, LEADS cycles over every edge (PRIMARY and leadership.csv), units too deep
 * and periods that end before they start.
 * <p>
 * Memory is bounded by ids, not by rows: no parsed row is kept. Unit ids are kept exactly
 * (with their parent, first row and depth, which the cycle and depth checks and the
 * writers need); the ids of the other files and the natural keys are kept as 64-bit
 * hashes, and a file whose hashes repeat is read once more to tell a duplicate from a
 * hash collision exactly. Files are read in {@link DatasetFormat#FILES} order, where
 * references point backwards, so a reference is checked while its row is read (the
 * self-references units → units and duties → duties after their file).
 */
final class DatasetValidator {

	/**
	 * Most characters of an id or a unit name: the database indexes them, and an index
	 * key holds at most about 8 KB (a CJK character is three bytes in UTF-8).
	 */
	static final int KEY_LENGTH = 500;

	/** Files with a since/until period. */
	private static final Set<FileFormat> PERIODS = Set.of(DatasetFormat.APPOINTMENTS, DatasetFormat.FIRST_SECRETARIES,
			DatasetFormat.ASSISTANCE);

	/** Files that other files reference by id (their hashes are kept until the end). */
	private static final Set<String> REFERENCED = Set.of("people", "posts", "duties", "issues");

	// the order problems are found in, within one row of one file (as they were listed
	// when validation worked on parsed rows)
	private static final int READING = 0;

	private static final int ROW = 1;

	private static final int REFERENCE = 2;

	private static final int CLASH = 3;

	private static final int LEADERSHIP = 4;

	private static final int DEPTH = 5;

	private static final int PERIOD = 6;

	private static final int KIND = 7;

	private final RawDataset raw;

	private final ImportLimits limits;

	private final RowSink sink;

	private final Collected problems;

	private final List<String> warnings = new ArrayList<>();

	/** Warnings about values, listed after those about files and columns. */
	private final List<String> ignoredValues = new ArrayList<>();

	private final List<String> otherUnitPosts = new ArrayList<>();

	private final Map<FileFormat, RowParser.Layout> layouts = new HashMap<>();

	private final Map<FileFormat, Long> counts = new HashMap<>();

	/** Whether a text (by its hash) is an id, per referenced file. */
	private final Map<String, java.util.function.LongPredicate> ids = new HashMap<>();

	private final Set<String> unknown = new HashSet<>();

	// units, exactly: id → index, index → id, first row, parent index, and the PRIMARY
	// edges (with where they were written)
	private final Object2IntOpenHashMap<String> unitIndex = new Object2IntOpenHashMap<>();

	private final ObjectArrayList<String> unitIds = new ObjectArrayList<>();

	private final IntArrayList unitRow = new IntArrayList();

	private final IntArrayList unitParent = new IntArrayList();

	private final Edges edges = new Edges();

	/** What a numbering sink learns of the ids read (shares {@link #unitIndex}). */
	private final Ids nodeIds = new Ids(this.unitIndex);

	/** Post (hash) → index of its unit (-1 when not a unit). */
	private final Long2IntOpenHashMap postUnits = new Long2IntOpenHashMap();

	private final Set<String> postKindKeys = new HashSet<>();

	private final Map<String, String> postKindNames = new HashMap<>();

	private int[] depths = new int[0];

	private DatasetValidator(RawDataset raw, ImportLimits limits, RowSink sink) {
		this.raw = raw;
		this.limits = limits;
		this.sink = sink;
		Map<String, Integer> order = new HashMap<>();
		for (int i = 0; i < DatasetFormat.FILES.size(); i++) {
			order.put(raw.label(DatasetFormat.FILES.get(i)), i + 1);
		}
		this.problems = new Collected(limits.errors(), order);
		this.unitIndex.defaultReturnValue(-1);
		this.postUnits.defaultReturnValue(-2);
	}

	/**
	 * The problems of one validation, in the order they are listed: by file
	 * ({@link DatasetFormat#FILES}), row, then the order the checks found them. Keeps a
	 * bounded number (ten times the errors listed, the first ones in that order) and
	 * counts the rest, so a file of millions of bad rows costs no more memory than a few
	 * thousand problems.
	 */
	private static final class Collected {

		private record Entry(ImportProblem problem, int file, int row, int phase, int sub, long seq) {
		}

		private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::file)
			.thenComparingInt(Entry::row)
			.thenComparingInt(Entry::phase)
			.thenComparingInt(Entry::sub)
			.thenComparingLong(Entry::seq);

		private final int keep;

		private final Map<String, Integer> order;

		private final PriorityQueue<Entry> kept = new PriorityQueue<>(ORDER.reversed());

		private long total;

		Collected(int listed, Map<String, Integer> order) {
			this.keep = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(1, listed) * 10L);
			this.order = order;
		}

		void add(ImportProblem problem, int phase, int sub) {
			this.total++;
			this.kept.add(new Entry(problem, this.order.getOrDefault(problem.file(), 0), problem.row(), phase, sub,
					this.total));
			if (this.kept.size() > this.keep) {
				this.kept.poll();
			}
		}

		boolean isEmpty() {
			return this.total == 0;
		}

		List<ImportProblem> sorted() {
			List<Entry> all = new ArrayList<>(this.kept);
			all.sort(ORDER);
			return all.stream().map(Entry::problem).toList();
		}

	}

	/** The LEADS edges between units, by index, with where each was written. */
	private static final class Edges {

		final IntArrayList from = new IntArrayList();

		final IntArrayList to = new IntArrayList();

		final IntArrayList row = new IntArrayList();

		/** 0 = units.parent_id, 1 = leadership.csv. */
		final IntArrayList file = new IntArrayList();

		void add(int from, int to, int row, int file) {
			this.from.add(from);
			this.to.add(to);
			this.row.add(row);
			this.file.add(file);
		}

	}

	/**
	 * The 64-bit hashes of a file's ids (or natural keys): appended while the file is
	 * read, then sorted, so that they cost 8 bytes each (a hash set costs two to three
	 * times that); a hash that occurs twice is a duplicate or a collision, which the
	 * validator tells apart by reading the file once more.
	 */
	static final class Hashes {

		private long[] hashes;

		/**
		 * When numbered: the ordinal of each hash (its row among the file's ids), kept
		 * beside it through the sort; else null.
		 */
		private int[] ordinals;

		private int size;

		Hashes() {
			this(256);
		}

		/**
		 * @param expected how many hashes will come (the file's non-blank rows): the
		 * array is allocated once at that size, with no copy on growth and no slack
		 * (growing by half from 16 M to 24 M activities held 320 MB at once)
		 */
		Hashes(long expected) {
			this(expected, false);
		}

		/**
		 * @param numbered whether each hash keeps its ordinal ({@link #ordinal}): 4 bytes
		 * more per id
		 */
		Hashes(long expected, boolean numbered) {
			this.hashes = new long[Math.max(capacity(expected), 16)];
			this.ordinals = numbered ? new int[this.hashes.length] : null;
		}

		/** An array length for {@code expected} elements, within what Java allows. */
		static int capacity(long expected) {
			return (int) Math.min(expected, Integer.MAX_VALUE - 16);
		}

		void add(long hash) {
			if (this.size == this.hashes.length) {
				this.hashes = java.util.Arrays.copyOf(this.hashes, this.size + (this.size >> 1) + 1);
				if (this.ordinals != null) {
					this.ordinals = java.util.Arrays.copyOf(this.ordinals, this.hashes.length);
				}
			}
			if (this.ordinals != null) {
				this.ordinals[this.size] = this.size;
			}
			this.hashes[this.size++] = hash;
		}

		/** Sorts the hashes; returns those that occur more than once. */
		LongOpenHashSet seal() {
			if (this.ordinals == null) {
				java.util.Arrays.sort(this.hashes, 0, this.size);
			}
			else {
				long[] h = this.hashes;
				int[] o = this.ordinals;
				it.unimi.dsi.fastutil.Arrays.quickSort(0, this.size, (a, b) -> Long.compare(h[a], h[b]), (a, b) -> {
					long t = h[a];
					h[a] = h[b];
					h[b] = t;
					int u = o[a];
					o[a] = o[b];
					o[b] = u;
				});
			}
			LongOpenHashSet repeated = new LongOpenHashSet();
			for (int i = 1; i < this.size; i++) {
				if (this.hashes[i] == this.hashes[i - 1]) {
					repeated.add(this.hashes[i]);
				}
			}
			return repeated;
		}

		/** Whether the hash is one of them (after {@link #seal}). */
		boolean contains(long hash) {
			return java.util.Arrays.binarySearch(this.hashes, 0, this.size, hash) >= 0;
		}

		/**
		 * The ordinal of the id with this hash (after {@link #seal}, when numbered): -1
		 * when none has it, -2 when several have (a duplicate, or two ids sharing a
		 * hash).
		 */
		int ordinal(long hash) {
			int i = java.util.Arrays.binarySearch(this.hashes, 0, this.size, hash);
			if (i < 0) {
				return -1;
			}
			if ((i > 0 && this.hashes[i - 1] == hash) || (i + 1 < this.size && this.hashes[i + 1] == hash)) {
				return -2;
			}
			return this.ordinals[i];
		}

		void clear() {
			this.hashes = new long[0];
			this.ordinals = null;
			this.size = 0;
		}

	}

	/**
	 * The ids validation has read so far, for a {@link RowSink} that numbers nodes (the
	 * bulk importer's actual node ids): units exactly, by index, and the rows of the
	 * files other files reference (people, posts, duties, issues) by the ordinal of their
	 * id among the file's rows, once the file has been read. Read from the sink's thread:
	 * the units are complete before any other file begins, and a file's ordinals are
	 * added, immutable, after it has been read.
	 */
	static final class Ids {

		private final Object2IntOpenHashMap<String> units;

		private final Map<String, Hashes> rows = new java.util.concurrent.ConcurrentHashMap<>();

		Ids(Object2IntOpenHashMap<String> units) {
			this.units = units;
		}

		boolean isUnit(String id) {
			return this.units.containsKey(id);
		}

		/** The unit's index (its row among the units), or -1. */
		int unit(String id) {
			return this.units.getInt(id);
		}

		/** How many units there are. */
		int units() {
			return this.units.size();
		}

		/**
		 * The ordinal of the row with this id in {@code file} (read before): -1 when
		 * none, -2 when the id's hash is shared (the ordinal cannot be told).
		 */
		int row(FileFormat file, String id) {
			Hashes hashes = this.rows.get(file.name());
			return (hashes != null) ? hashes.ordinal(RowParser.hash(id)) : -1;
		}

		/** Drops the ordinals (the units stay with the validated dataset). */
		void forgetRows() {
			this.rows.clear();
		}

	}

	/** The outcome: problems (empty = valid) and, when valid, the typed dataset. */
	record Result(List<ImportProblem> problems, ValidDataset dataset) {

		boolean valid() {
			return this.problems.isEmpty();
		}

	}

	/**
	 * Receives every row while validation reads it, file by file in
	 * {@link DatasetFormat#FILES} order, typed as {@link ValidDataset#forEach} hands it
	 * out (the bulk importer's files are written from them, {@link BulkFiles#stage}).
	 * Rows of an invalid dataset come too: what was made of them is thrown away.
	 */
	interface RowSink {

		RowSink NONE = new RowSink() {
		};

		/**
		 * Whether the sink numbers nodes by rows: then validation keeps the ordinal of
		 * each id of a referenced file ({@link Ids#row}) and hands over the duties'
		 * derived_from pairs ({@link #selfReferences}).
		 */
		default boolean numbered() {
			return false;
		}

		/**
		 * The rows of {@code format} follow; {@code ids} tells the unit ids (every unit
		 * is read by then) and, when numbered, the ordinals of the files read before.
		 */
		default void begin(FileFormat format, Ids ids) {
		}

		/** One non-blank row (a fresh map, no longer used by validation). */
		default void row(Map<String, Object> values) {
		}

		/** The rows of the file begun last are done. */
		default void end() {
		}

		/**
		 * When numbered, after the duties: the duty at ordinal {@code rows[i]} derives
		 * from the duty whose id has the hash {@code targets[i]}, whose ordinal
		 * {@code duties} tells ({@link Hashes#ordinal}); the arrays are no longer
		 * changed.
		 */
		default void selfReferences(FileFormat format, IntArrayList rows,
				it.unimi.dsi.fastutil.longs.LongArrayList targets, Hashes duties) {
		}

	}

	static Result validate(RawDataset raw) {
		return validate(raw, ImportLimits.DEFAULTS);
	}

	static Result validate(RawDataset raw, ImportLimits limits) {
		return validate(raw, limits, RowSink.NONE);
	}

	/** Validates and hands every row read to {@code sink}. */
	static Result validate(RawDataset raw, ImportLimits limits, RowSink sink) {
		return new DatasetValidator(raw, limits, sink).run();
	}

	private Result run() {
		for (ImportProblem p : this.raw.problems) {
			this.problems.add(p, READING, 0);
		}
		this.warnings.addAll(this.raw.warnings);
		boolean fatal = this.raw.fatal || this.raw.problems.stream().anyMatch((p) -> p.code().equals("NOT_A_DATASET"));
		if (fatal) {
			return new Result(capped(), null);
		}
		for (FileFormat format : DatasetFormat.FILES) {
			RawDataset.Table table = this.raw.tables.get(format);
			if (table != null) {
				readTable(table);
			}
			else if (format.required() && !this.raw.unreadable.contains(format)) {
				this.problems.add(Problems.missingFile(this.raw.label(format)), ROW, 0);
			}
			if (table == null && (this.raw.unreadable.contains(format) || format.required())) {
				this.unknown.add(format.name());
			}
			if (format == DatasetFormat.POST_KINDS && this.postKindKeys.isEmpty()) {
				// an absent or empty post_kinds (an unfilled template sheet) means the
				// default post kinds
				this.postKindNames.clear();
				for (DatasetFormat.DefaultPostKind kind : DatasetFormat.DEFAULT_POST_KINDS) {
					this.postKindNames.putIfAbsent(kind.name(), kind.key());
				}
			}
		}
		String name = Optional.ofNullable(this.raw.properties.get("name"))
			.map(RawDataset.Property::value)
			.filter((n) -> !n.isBlank())
			.orElse(this.raw.sourceName);
		LocalDate asOf = null;
		RawDataset.Property asOfProperty = this.raw.properties.get("as_of");
		if (asOfProperty != null && !asOfProperty.value().isBlank()) {
			asOf = RowParser.date(asOfProperty.value()).orElse(null);
			if (asOf == null) {
				this.problems.add(
						Problems.badDate(asOfProperty.file(), asOfProperty.row(), "as_of", asOfProperty.value()), ROW,
						0);
			}
		}
		findCycles();
		checkDepth();
		if (!this.problems.isEmpty()) {
			return new Result(capped(), null);
		}
		List<String> all = new ArrayList<>(this.warnings);
		all.addAll(this.ignoredValues);
		all.addAll(this.otherUnitPosts);
		return new Result(List.of(),
				ValidDataset.streamed(name, asOf, List.copyOf(all), this.raw, Map.copyOf(this.layouts),
						Map.copyOf(this.counts), this.postKindKeys.isEmpty() ? null : Set.copyOf(this.postKindKeys),
						Map.copyOf(this.postKindNames), this.unitIndex, this.depths));
	}

	// ---- one file
	// -------------------------------------------------------------------------------------------------

	/** What one pass over a file keeps between rows. */
	private final class FileState {

		final RowParser.Layout layout;

		final FileFormat format;

		/** The ID column, or null. */
		final Column idColumn;

		final Hashes idHashes;

		LongOpenHashSet idHits;

		final Hashes keyHashes;

		LongOpenHashSet keyHits;

		/**
		 * The hashes of duties.derived_from, checked against the file's ids after it (a
		 * duty may derive from one written below it); sized from the row count like
		 * {@link Hashes}. The rows are found again only when one of them dangles.
		 */
		final it.unimi.dsi.fastutil.longs.LongArrayList selfRefHashes;

		/**
		 * For a numbering sink: the ordinal of the duty of each of
		 * {@link #selfRefHashes}.
		 */
		final IntArrayList selfRefRows;

		/** Columns with a problem in the current row (as written). */
		final Set<String> rowProblems = new HashSet<>();

		/** Units: the rows with a parent, and the parent (index, or -1 and its id). */
		final IntArrayList parentRows = new IntArrayList();

		final IntArrayList parentChild = new IntArrayList();

		final IntArrayList parentOf = new IntArrayList();

		final Map<Integer, String> forwardParents = new HashMap<>();

		long rows;

		/**
		 * The reference columns checked row by row (by index): those whose target files
		 * are all known.
		 */
		final int[] references;

		/** Whether the file has a since/until period. */
		final boolean periods;

		FileState(RowParser.Layout layout, long rows) {
			this.layout = layout;
			this.format = layout.format();
			this.idColumn = this.format.columns()
				.stream()
				.filter((c) -> c.type() == DatasetFormat.Type.ID)
				.findFirst()
				.orElse(null);
			// (unit ids are kept exactly, in unitIndex)
			boolean numbered = DatasetValidator.this.sink.numbered() && REFERENCED.contains(this.format.name());
			this.idHashes = (this.idColumn != null && this.format != DatasetFormat.UNITS) ? new Hashes(rows, numbered)
					: new Hashes();
			this.keyHashes = this.format.naturalKey().isEmpty() ? new Hashes() : new Hashes(rows);
			this.selfRefHashes = new it.unimi.dsi.fastutil.longs.LongArrayList(
					(this.format == DatasetFormat.DUTIES) ? Hashes.capacity(rows) : 0);
			this.selfRefRows = new IntArrayList(
					(this.format == DatasetFormat.DUTIES && numbered) ? Hashes.capacity(rows) : 0);
			List<Column> columns = this.format.columns();
			IntArrayList checked = new IntArrayList();
			for (int c = 0; c < columns.size(); c++) {
				Column column = columns.get(c);
				if (column.type() == DatasetFormat.Type.REF
						&& column.references().stream().noneMatch(DatasetValidator.this.unknown::contains)) {
					checked.add(c);
				}
			}
			this.references = checked.toIntArray();
			this.periods = PERIODS.contains(this.format);
		}

	}

	private void readTable(RawDataset.Table table) {
		FileFormat format = table.format();
		RowParser.Layout layout = RowParser.layout(table, this.warnings::add);
		String label = layout.label();
		for (Column column : format.columns()) {
			if (column.required() && !layout.has(column.name())) {
				this.problems
					.add(layout.chinese() ? Problems.missingColumn(label, table.headerRow(), column.zh(), column.name())
							: Problems.missingColumn(label, table.headerRow(), column.name(), column.zh()), ROW, 0);
			}
		}
		this.layouts.put(format, layout);
		boolean noIdColumn = format.columns()
			.stream()
			.anyMatch((c) -> c.type() == DatasetFormat.Type.ID && !layout.has(c.name()));
		if (this.raw.unreadable.contains(format) || noIdColumn) {
			this.unknown.add(format.name());
		}
		boolean activities = format == DatasetFormat.ACTIVITIES;
		if (activities && !layout.has("kind") && !layout.has("subkind")) {
			boolean chinese = layout.headers().values().stream().anyMatch((h) -> !h.matches("[A-Za-z_ ]+"));
			Column kind = format.column("kind").orElseThrow();
			this.problems.add(chinese ? Problems.missingColumn(label, 1, kind.zh(), kind.name())
					: Problems.missingColumn(label, 1, kind.name(), kind.zh()), KIND, 0);
		}
		FileState state = new FileState(layout, table.count());
		Consumer<ImportProblem> problems = (p) -> {
			this.problems.add(p, ROW, 0);
			if (p.column() != null) {
				state.rowProblems.add(p.column());
			}
		};
		// the post kinds are known here: post_kinds.csv comes before the files that name
		// them
		Set<String> postKinds = this.postKindKeys.isEmpty() ? ValidDataset.defaultKeys()
				: Set.copyOf(this.postKindKeys);
		this.sink.begin(format, this.nodeIds);
		table.rows().forEach((row) -> {
			if (RowParser.blank(row)) {
				return;
			}
			state.rows++;
			state.rowProblems.clear();
			Map<String, Object> values = RowParser.parse(layout, row, problems);
			checkRow(state, row.row(), values);
			this.sink.row(ValidDataset.complete(format, values, postKinds, this.postKindNames));
		});
		this.sink.end();
		this.counts.put(format, state.rows);
		afterTable(table, state);
	}

	private void checkRow(FileState state, int row, Map<String, Object> values) {
		FileFormat format = state.format;
		RowParser.Layout layout = state.layout;
		String label = layout.label();
		// uniqueness
		if (state.idColumn != null && values.get(state.idColumn.name()) instanceof String id) {
			if (format == DatasetFormat.UNITS) {
				int known = this.unitIndex.getInt(id);
				if (known >= 0) {
					this.problems.add(
							Problems.duplicateId(label, row, layout.header("id"), id, this.unitRow.getInt(known)), ROW,
							1);
				}
				else {
					this.unitIndex.put(id, this.unitIds.size());
					this.unitIds.add(id);
					this.unitRow.add(row);
					this.unitParent.add(-1);
				}
			}
			else {
				state.idHashes.add(RowParser.hash(id));
			}
		}
		List<Object> key = naturalKey(format, values);
		if (key != null) {
			state.keyHashes.add(keyHash(key));
		}
		// references (backwards; self-references after the file)
		List<Column> columns = format.columns();
		for (int c : state.references) {
			Column column = columns.get(c);
			if (!(values.get(column.name()) instanceof String value)) {
				continue;
			}
			List<String> references = column.references();
			if (references.contains(format.name())) {
				if (format == DatasetFormat.DUTIES) {
					state.selfRefHashes.add(RowParser.hash(value));
					if (this.sink.numbered()) {
						state.selfRefRows.add((int) (state.rows - 1));
					}
				}
				continue;
			}
			if (isIdOfAny(references, value)) {
				continue;
			}
			if (references.size() == 1 && references.get(0).equals(DatasetFormat.POST_KINDS.name())
					&& this.postKindNames.containsKey(value)) {
				continue;
			}
			dangling(layout, row, column, value, c);
		}
		// what later checks need
		if (format == DatasetFormat.UNITS) {
			unitRow(state, row, values);
		}
		else if (format == DatasetFormat.LEADERSHIP) {
			if (values.get("leader_id") instanceof String leader && values.get("unit_id") instanceof String unit) {
				if (leader.equals(unit)) {
					this.problems.add(Problems.selfLeadership(label, row, layout.header("leader_id"), unit), LEADERSHIP,
							0);
				}
				else if (this.unitIndex.containsKey(leader) && this.unitIndex.containsKey(unit)) {
					this.edges.add(this.unitIndex.getInt(leader), this.unitIndex.getInt(unit), row, 1);
				}
			}
		}
		else if (format == DatasetFormat.POST_KINDS) {
			if (values.get("key") instanceof String k) {
				this.postKindKeys.add(k);
				if (values.get("name") instanceof String n) {
					this.postKindNames.putIfAbsent(n, k);
				}
			}
		}
		else if (format == DatasetFormat.PEOPLE) {
			if (values.get("id") instanceof String id && this.unitIndex.containsKey(id)) {
				this.problems.add(Problems.idClash(label, row, layout.header("id"), id), CLASH, 0);
			}
		}
		else if (format == DatasetFormat.POSTS) {
			if (values.get("id") instanceof String id && values.get("unit_id") instanceof String unit) {
				this.postUnits.putIfAbsent(RowParser.hash(id), this.unitIndex.getInt(unit));
			}
		}
		else if (format == DatasetFormat.DUTIES) {
			if (values.get("post_id") instanceof String post) {
				int unit = this.postUnits.get(RowParser.hash(post));
				if (unit != -2 && (unit < 0 || !this.unitIds.get(unit).equals(values.get("unit_id")))) {
					String owner = (unit >= 0) ? this.unitIds.get(unit) : "?";
					this.otherUnitPosts.add(label + ":" + row + ":" + layout.header("post_id") + ": POST_OF_OTHER_UNIT "
							+ "the post " + post + " belongs to " + owner + ", not to " + values.get("unit_id"));
				}
			}
		}
		else if (format == DatasetFormat.GRADINGS) {
			if (values.get("person_id") != null
					&& !GradingScheme.SECRETARY_REVIEW.name().equals(values.get("scheme"))) {
				this.ignoredValues.add(label + ":" + row + ":" + layout.header("person_id")
						+ ": IGNORED_VALUE person_id is only used for SECRETARY_REVIEW; ignored");
			}
		}
		else if (format == DatasetFormat.ACTIVITIES) {
			checkActivityKind(state, row, values);
		}
		if (state.periods && values.get("since") instanceof LocalDate since
				&& values.get("until") instanceof LocalDate until && until.isBefore(since)) {
			this.problems.add(Problems.untilBeforeSince(label, row, layout.header("until"), until, since), PERIOD, 0);
		}
	}

	private void unitRow(FileState state, int row, Map<String, Object> values) {
		if (!(values.get("id") instanceof String id)) {
			return;
		}
		if (!(values.get("parent_id") instanceof String parent)) {
			return;
		}
		if (parent.equals(id)) {
			this.problems.add(Problems.selfLeadership(state.layout.label(), row, state.layout.header("parent_id"), id),
					LEADERSHIP, 0);
			return;
		}
		int at = state.parentRows.size();
		state.parentRows.add(row);
		state.parentChild.add(this.unitIndex.getInt(id));
		int p = this.unitIndex.getInt(parent);
		state.parentOf.add(p);
		if (p < 0) {
			state.forwardParents.put(at, parent);
		}
	}

	private void afterTable(RawDataset.Table table, FileState state) {
		FileFormat format = state.format;
		RowParser.Layout layout = state.layout;
		state.idHits = state.idHashes.seal();
		state.keyHits = state.keyHashes.seal();
		state.keyHashes.clear();
		if (format == DatasetFormat.UNITS) {
			// parents written after their children, and the PRIMARY edges
			Column column = format.column("parent_id").orElseThrow();
			int c = format.columns().indexOf(column);
			boolean check = !this.unknown.contains(format.name());
			for (int i = 0; i < state.parentRows.size(); i++) {
				int p = state.parentOf.getInt(i);
				String forward = state.forwardParents.get(i);
				if (p < 0) {
					p = this.unitIndex.getInt(forward);
				}
				int child = state.parentChild.getInt(i);
				if (p < 0) {
					if (check) {
						dangling(layout, state.parentRows.getInt(i), column, forward, c);
					}
				}
				else {
					this.edges.add(p, child, state.parentRows.getInt(i), 0);
				}
				if (this.unitParent.getInt(child) < 0) {
					// the first row of the unit that names a parent; a parent that is not
					// a
					// unit ends the walk up
					this.unitParent.set(child, (p < 0) ? -2 : p);
				}
			}
		}
		if (format == DatasetFormat.DUTIES && !state.selfRefHashes.isEmpty() && !this.unknown.contains(format.name())) {
			Column column = format.column("derived_from").orElseThrow();
			boolean dangling = false;
			for (int i = 0; i < state.selfRefHashes.size(); i++) {
				if (!state.idHashes.contains(state.selfRefHashes.getLong(i))) {
					dangling = true;
				}
			}
			if (dangling) {
				int c = format.columns().indexOf(column);
				forEachParsed(table, layout, (row, values) -> {
					if (values.get("derived_from") instanceof String value
							&& !state.idHashes.contains(RowParser.hash(value))) {
						dangling(layout, row, column, value, c);
					}
				});
			}
		}
		if (!state.idHits.isEmpty() || !state.keyHits.isEmpty()) {
			recheckDuplicates(table, state);
		}
		if (REFERENCED.contains(format.name())) {
			this.ids.put(format.name(),
					(format == DatasetFormat.POSTS) ? this.postUnits::containsKey : state.idHashes::contains);
			if (this.sink.numbered()) {
				this.nodeIds.rows.put(format.name(), state.idHashes);
			}
		}
		if (format == DatasetFormat.DUTIES && this.sink.numbered()) {
			this.sink.selfReferences(format, state.selfRefRows, state.selfRefHashes, state.idHashes);
		}
	}

	/**
	 * Reads a file once more to report its duplicate ids and natural keys exactly: only
	 * the ids and keys whose hash repeated are compared as text.
	 */
	private void recheckDuplicates(RawDataset.Table table, FileState state) {
		FileFormat format = state.format;
		RowParser.Layout layout = state.layout;
		Map<String, Integer> firstIds = new HashMap<>();
		Map<List<Object>, Integer> firstKeys = new HashMap<>();
		forEachParsed(table, layout, (row, values) -> {
			if (state.idColumn != null && values.get(state.idColumn.name()) instanceof String id
					&& state.idHits.contains(RowParser.hash(id))) {
				Integer first = firstIds.putIfAbsent(id, row);
				if (first != null) {
					this.problems.add(
							Problems.duplicateId(layout.label(), row, layout.header(state.idColumn.name()), id, first),
							ROW, 1);
				}
			}
			List<Object> key = naturalKey(format, values);
			if (key != null && state.keyHits.contains(keyHash(key))) {
				Integer first = firstKeys.putIfAbsent(key, row);
				if (first != null) {
					String shown = format.naturalKey()
						.stream()
						.map((n) -> n + "=" + Objects.toString(values.get(n), ""))
						.collect(Collectors.joining(", "));
					this.problems.add(Problems.duplicateRow(layout.label(), row,
							layout.header(format.naturalKey().get(0)), shown, first), ROW, 2);
				}
			}
		});
	}

	private interface ParsedRow {

		void accept(int row, Map<String, Object> values);

	}

	/**
	 * Every non-blank row of a table, typed again (its problems are already reported).
	 */
	private static void forEachParsed(RawDataset.Table table, RowParser.Layout layout, ParsedRow action) {
		table.rows().forEach((row) -> {
			if (!RowParser.blank(row)) {
				action.accept(row.row(), RowParser.parse(layout, row, (p) -> {
				}));
			}
		});
	}

	/** The natural key of a row, or null when it has none or lacks a required part. */
	private static List<Object> naturalKey(FileFormat format, Map<String, Object> values) {
		if (format.naturalKey().isEmpty()) {
			return null;
		}
		List<Object> key = new ArrayList<>(format.naturalKey().size());
		for (String name : format.naturalKey()) {
			Object value = values.get(name);
			if (value == null && format.column(name).map(Column::required).orElse(false)) {
				return null;
			}
			key.add(value);
		}
		return key;
	}

	private static long keyHash(List<Object> key) {
		StringBuilder b = new StringBuilder();
		for (Object part : key) {
			b.append((part == null) ? "\u0000" : part.toString()).append('\u0001');
		}
		return RowParser.hash(b.toString());
	}

	/** Whether {@code value} is an id of one of the files (by name). */
	private boolean isIdOfAny(List<String> files, String value) {
		for (int i = 0; i < files.size(); i++) {
			if (isId(files.get(i), value)) {
				return true;
			}
		}
		return false;
	}

	/** Whether {@code value} is an id of the file {@code file} (by name). */
	private boolean isId(String file, String value) {
		if (file.equals(DatasetFormat.UNITS.name())) {
			return this.unitIndex.containsKey(value);
		}
		if (file.equals(DatasetFormat.POST_KINDS.name())) {
			if (this.postKindKeys.isEmpty()) {
				return DatasetFormat.DEFAULT_POST_KINDS.stream().anyMatch((k) -> k.key().equals(value));
			}
			return this.postKindKeys.contains(value);
		}
		java.util.function.LongPredicate set = this.ids.get(file);
		return set != null && set.test(RowParser.hash(value));
	}

	private void dangling(RowParser.Layout layout, int row, Column column, String value, int sub) {
		String target = column.references()
			.stream()
			.map((f) -> this.raw.label(DatasetFormat.file(f).orElseThrow()))
			.collect(Collectors.joining(" / "));
		this.problems.add(Problems.dangling(layout.label(), row, layout.header(column.name()), value, target),
				REFERENCE, sub);
	}

	/**
	 * activities.csv: {@code kind} may be left empty when {@code subkind} is given (it is
	 * derived from the subkind); a kind that differs from the subkind's is an error; one
	 * of the two is required.
	 */
	private void checkActivityKind(FileState state, int row, Map<String, Object> values) {
		RowParser.Layout layout = state.layout;
		if (!layout.has("kind") && !layout.has("subkind")) {
			return;
		}
		String label = layout.label();
		Object kind = values.get("kind");
		Object subkind = values.get("subkind");
		if (subkind instanceof String s) {
			ActivityKind expected = ActivitySubkind.valueOf(s).kind();
			if (kind != null && !expected.name().equals(kind)) {
				this.problems.add(Problems.kindMismatch(label, row, layout.header("kind"), (String) kind,
						ActivitySubkind.valueOf(s), expected), KIND, 0);
			}
		}
		else if (kind == null && layout.has("kind") && !hasProblem(state, row, "kind")
				&& !hasProblem(state, row, "subkind")) {
			this.problems.add(Problems.missingValue(label, row, layout.header("kind")), KIND, 0);
		}
		else if (kind == null && !layout.has("kind") && !hasProblem(state, row, "subkind")) {
			this.problems.add(Problems.missingValue(label, row, layout.header("subkind")), KIND, 0);
		}
	}

	/** Whether a problem is already reported for this cell (e.g. an unknown value). */
	private boolean hasProblem(FileState state, int row, String column) {
		String written = state.layout.header(column);
		if (state.rowProblems.contains(written)) {
			return true;
		}
		String file = state.layout.label();
		return this.raw.problems.stream()
			.anyMatch((p) -> file.equals(p.file()) && p.row() == row && written.equals(p.column()));
	}

	// ---- across files
	// ---------------------------------------------------------------------------------------------

	/**
	 * LEADS_CYCLE over every edge (PRIMARY from units.parent_id and leadership.csv):
	 * iterative depth-first search (no recursion limit on deep hierarchies) from every
	 * unit in file order; every back edge closes a cycle.
	 */
	private void findCycles() {
		int n = this.unitIds.size();
		int m = this.edges.from.size();
		if (m == 0) {
			return;
		}
		// out-edges per unit, in the order they were written (units first, then
		// leadership.csv)
		int[] start = new int[n + 1];
		for (int e = 0; e < m; e++) {
			start[this.edges.from.getInt(e) + 1]++;
		}
		for (int i = 0; i < n; i++) {
			start[i + 1] += start[i];
		}
		int[] out = new int[m];
		int[] fill = java.util.Arrays.copyOf(start, n);
		for (int pass = 0; pass <= 1; pass++) {
			for (int e = 0; e < m; e++) {
				if (this.edges.file.getInt(e) == pass) {
					out[fill[this.edges.from.getInt(e)]++] = e;
				}
			}
		}
		String unitsLabel = this.raw.label(DatasetFormat.UNITS);
		String leadershipLabel = this.raw.label(DatasetFormat.LEADERSHIP);
		String unitsColumn = header(DatasetFormat.UNITS, "parent_id");
		String leadershipColumn = header(DatasetFormat.LEADERSHIP, "leader_id");
		byte[] state = new byte[n];
		int[] position = new int[n];
		IntArrayList path = new IntArrayList();
		IntArrayList next = new IntArrayList();
		for (int s = 0; s < n; s++) {
			if (state[s] != 0) {
				continue;
			}
			path.add(s);
			next.add(start[s]);
			state[s] = 1;
			position[s] = 0;
			while (!path.isEmpty()) {
				int top = path.size() - 1;
				int node = path.getInt(top);
				int i = next.getInt(top);
				if (i >= start[node + 1]) {
					state[node] = 2;
					path.removeInt(top);
					next.removeInt(top);
					continue;
				}
				next.set(top, i + 1);
				int e = out[i];
				int to = this.edges.to.getInt(e);
				if (state[to] == 0) {
					state[to] = 1;
					position[to] = path.size();
					path.add(to);
					next.add(start[to]);
				}
				else if (state[to] == 1) {
					List<String> cycle = new ArrayList<>();
					for (int k = position[to]; k < path.size(); k++) {
						cycle.add(this.unitIds.get(path.getInt(k)));
					}
					cycle.add(this.unitIds.get(to));
					boolean units = this.edges.file.getInt(e) == 0;
					this.problems
						.add(Problems.leadsCycle(units ? unitsLabel : leadershipLabel, this.edges.row.getInt(e),
								units ? unitsColumn : leadershipColumn, String.join(" → ", cycle)), LEADERSHIP, 0);
				}
			}
		}
	}

	/**
	 * TOO_DEEP: a unit more than {@code limits.depth} levels below its root along
	 * units.parent_id, reported once per chain (at the first unit beyond the limit).
	 * Linear: every unit's depth is computed once, walking up iteratively until a unit of
	 * known depth (a cycle, reported as LEADS_CYCLE, stops the walk). The depths are the
	 * units' levels in the graph.
	 */
	private void checkDepth() {
		int n = this.unitIds.size();
		int[] depth = new int[n];
		boolean[] onWalk = new boolean[n];
		IntArrayList walk = new IntArrayList();
		String label = this.raw.label(DatasetFormat.UNITS);
		String column = header(DatasetFormat.UNITS, "parent_id");
		for (int unit = 0; unit < n; unit++) {
			walk.clear();
			int u = unit;
			while (u >= 0 && depth[u] == 0 && !onWalk[u]) {
				onWalk[u] = true;
				walk.add(u);
				u = this.unitParent.getInt(u);
			}
			int d = (u >= 0 && !onWalk[u]) ? depth[u] : 0;
			for (int i = 0; i < walk.size(); i++) {
				onWalk[walk.getInt(i)] = false;
			}
			for (int i = walk.size() - 1; i >= 0; i--) {
				d++;
				int at = walk.getInt(i);
				depth[at] = d;
				if (d == this.limits.depth() + 1) {
					this.problems.add(Problems.tooDeep(label, this.unitRow.getInt(at), column, this.unitIds.get(at),
							this.limits.depth()), DEPTH, 0);
				}
			}
		}
		this.depths = depth;
	}

	/**
	 * The first {@code limits.errors} problems, then one saying how many more there are.
	 */
	private List<ImportProblem> capped() {
		List<ImportProblem> sorted = this.problems.sorted();
		long total = Math.max(this.problems.total, sorted.size());
		int listed = this.limits.errors();
		if (total <= listed) {
			return sorted;
		}
		List<ImportProblem> first = new ArrayList<>(sorted.subList(0, Math.min(listed, sorted.size())));
		first.add(Problems.moreProblems(total - first.size()));
		return List.copyOf(first);
	}

	// ---- helpers
	// --------------------------------------------------------------------------------------------------

	private String header(FileFormat format, String column) {
		RowParser.Layout layout = this.layouts.get(format);
		return (layout != null) ? layout.header(column) : column;
	}

	static Optional<LocalDate> date(String text) {
		return RowParser.date(text);
	}

	static List<String> split(String cell) {
		return RowParser.split(cell);
	}

}
