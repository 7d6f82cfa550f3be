package org.dutychain.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import it.unimi.dsi.fastutil.objects.Object2IntMap;

import org.dutychain.record.ActivitySubkind;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.FileFormat;

/**
 * A dataset that passed validation: typed rows per file, keyed by the English column
 * names (text as String, dates as LocalDate, counts as Long, lists as List of String,
 * enumerations and grades as their codes; absent values are missing keys).
 * <p>
 * The rows are not held: {@link #forEach} reads them again from the source and types them
 * once more (the same conversion the validator checked), so writing a dataset costs
 * memory by ids, not by rows. What the writers need across files (which ids are units,
 * the units' levels) the validator kept in compact form.
 */
final class ValidDataset {

	/** Where the rows come from. */
	private interface Source {

		boolean has(FileFormat format);

		long count(FileFormat format);

		void forEach(FileFormat format, Consumer<Map<String, Object>> action);

		boolean isUnit(String id);

		/** Depth along PRIMARY parents, a unit without a parent = 1. */
		long level(String id);

	}

	private final String name;

	private final LocalDate asOf;

	private final List<String> warnings;

	private final Source source;

	/**
	 * A dataset held in memory.
	 * @param name the dataset name (dataset.properties, else the source's name)
	 * @param asOf the dataset's as_of, or null
	 * @param rows the rows of every file present, in file order
	 * @param warnings ignored files and columns, as {@code file:row:column: CODE message}
	 */
	ValidDataset(String name, LocalDate asOf, Map<FileFormat, List<Map<String, Object>>> rows, List<String> warnings) {
		this(name, asOf, warnings, new InMemory(rows));
	}

	private ValidDataset(String name, LocalDate asOf, List<String> warnings, Source source) {
		this.name = name;
		this.asOf = asOf;
		this.warnings = warnings;
		this.source = source;
	}

	/**
	 * A dataset streamed from its source: every pass reads the tables of {@code raw}
	 * again.
	 * @param postKindKeys the keys of post_kinds, or null for the default post kinds
	 * @param postKindNames post kind name → key (posts may name their kind)
	 * @param unitIndex unit id → index into {@code levels}
	 */
	static ValidDataset streamed(String name, LocalDate asOf, List<String> warnings, RawDataset raw,
			Map<FileFormat, RowParser.Layout> layouts, Map<FileFormat, Long> counts, Set<String> postKindKeys,
			Map<String, String> postKindNames, Object2IntMap<String> unitIndex, int[] levels) {
		Set<String> keys = (postKindKeys != null) ? postKindKeys : defaultKeys();
		return new ValidDataset(name, asOf, warnings, new Source() {

			@Override
			public boolean has(FileFormat format) {
				return layouts.containsKey(format);
			}

			@Override
			public long count(FileFormat format) {
				return counts.getOrDefault(format, 0L);
			}

			@Override
			public void forEach(FileFormat format, Consumer<Map<String, Object>> action) {
				RowParser.Layout layout = layouts.get(format);
				if (layout == null) {
					return;
				}
				Consumer<ImportProblem> changed = (p) -> {
					throw ImportAgainException.changedSinceValidated(p.file() + ":" + p.row());
				};
				raw.tables.get(format).rows().forEach((row) -> {
					if (RowParser.blank(row)) {
						return;
					}
					action.accept(complete(format, RowParser.parse(layout, row, changed), keys, postKindNames));
				});
			}

			@Override
			public boolean isUnit(String id) {
				return unitIndex.containsKey(id);
			}

			@Override
			public long level(String id) {
				int i = unitIndex.getOrDefault(id, -1);
				return (i >= 0) ? levels[i] : 0;
			}

		});
	}

	/**
	 * A typed row as the writers get it: a post's kind given by its post kind's name
	 * becomes the key, an activity without a kind gets its subkind's.
	 * @param keys the post kind keys (those of post_kinds, else the default ones)
	 * @param postKindNames post kind name → key
	 */
	static Map<String, Object> complete(FileFormat format, Map<String, Object> values, Set<String> keys,
			Map<String, String> postKindNames) {
		if (format == DatasetFormat.POSTS && values.get("kind") instanceof String kind && !keys.contains(kind)
				&& postKindNames.containsKey(kind)) {
			values.put("kind", postKindNames.get(kind));
		}
		if (format == DatasetFormat.ACTIVITIES && values.get("subkind") instanceof String s
				&& values.get("kind") == null) {
			values.put("kind", ActivitySubkind.valueOf(s).kind().name());
		}
		return values;
	}

	/** The keys of the default post kinds. */
	static Set<String> defaultKeys() {
		Set<String> keys = new HashSet<>();
		DatasetFormat.DEFAULT_POST_KINDS.forEach((k) -> keys.add(k.key()));
		return keys;
	}

	String name() {
		return this.name;
	}

	LocalDate asOf() {
		return this.asOf;
	}

	List<String> warnings() {
		return this.warnings;
	}

	/** Whether the file is part of the dataset (possibly without rows). */
	boolean has(FileFormat format) {
		return this.source.has(format);
	}

	/** Rows of the file (0 when absent). */
	long count(FileFormat format) {
		return this.source.count(format);
	}

	/** Rows over every file. */
	long rowCount() {
		long n = 0;
		for (FileFormat format : DatasetFormat.FILES) {
			n += count(format);
		}
		return n;
	}

	/**
	 * Every row of the file, in file order, typed (a fresh mutable map per row); nothing
	 * when the file is absent.
	 */
	void forEach(FileFormat format, Consumer<Map<String, Object>> action) {
		try {
			this.source.forEach(format, action);
		}
		finally {
			// a temporary source is deleted once the dataset is unreachable: not while
			// it is read
			java.lang.ref.Reference.reachabilityFence(this);
		}
	}

	boolean isUnit(String id) {
		return this.source.isUnit(id);
	}

	/** The unit's level: depth along PRIMARY parents, a unit without a parent = 1. */
	long level(String id) {
		return this.source.level(id);
	}

	/** The rows of one file, read into memory (tests and small files only). */
	List<Map<String, Object>> rows(FileFormat format) {
		if (!has(format)) {
			return List.of();
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		forEach(format, rows::add);
		return rows;
	}

	/** The rows of every file present, read into memory (tests only). */
	Map<FileFormat, List<Map<String, Object>>> rows() {
		Map<FileFormat, List<Map<String, Object>>> all = new LinkedHashMap<>();
		for (FileFormat format : DatasetFormat.FILES) {
			if (has(format)) {
				all.put(format, rows(format));
			}
		}
		return all;
	}

	private static final class InMemory implements Source {

		private final Map<FileFormat, List<Map<String, Object>>> rows;

		private Map<String, Long> levels;

		InMemory(Map<FileFormat, List<Map<String, Object>>> rows) {
			this.rows = rows;
		}

		@Override
		public boolean has(FileFormat format) {
			return this.rows.containsKey(format);
		}

		@Override
		public long count(FileFormat format) {
			return this.rows.getOrDefault(format, List.of()).size();
		}

		@Override
		public void forEach(FileFormat format, Consumer<Map<String, Object>> action) {
			this.rows.getOrDefault(format, List.of()).forEach(action);
		}

		@Override
		public boolean isUnit(String id) {
			return this.rows.getOrDefault(DatasetFormat.UNITS, List.of())
				.stream()
				.anyMatch((u) -> id.equals(u.get("id")));
		}

		@Override
		public long level(String id) {
			return levels().getOrDefault(id, 0L);
		}

		private synchronized Map<String, Long> levels() {
			if (this.levels == null) {
				this.levels = BulkFiles.levels(this.rows.getOrDefault(DatasetFormat.UNITS, List.of()));
			}
			return this.levels;
		}

	}

}
