package org.dutychain.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dutychain.config.Labeled;
import org.dutychain.duty.DutyDomain;
import org.dutychain.organization.LeadKind;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.Column;
import org.dutychain.record.DatasetFormat.FileFormat;
import org.dutychain.record.GradingScheme;

/**
 * Converts the cells of one row to typed values (text as String, dates as LocalDate,
 * counts as Long, lists as List of String, enumerations and grades as their codes),
 * reporting every cell that does not convert. The validator and the writers (which type
 * the rows again while they stream them from the source) share it, so both see the same
 * values.
 */
final class RowParser {

	private static final Pattern DATE = Pattern
		.compile("^(\\d{4})(?:-(\\d{1,2})-(\\d{1,2})|/(\\d{1,2})/(\\d{1,2})|年(\\d{1,2})月(\\d{1,2})日)$");

	private static final Pattern COUNT = Pattern.compile("^[+-]?\\d+(?:\\.0*)?$");

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；、]");

	private RowParser() {
	}

	/**
	 * Where the columns of one table are: English column name → cell index and → header
	 * as written.
	 */
	record Layout(FileFormat format, String label, int headerRow, Map<String, Integer> index,
			Map<String, String> headers, boolean chinese) {

		String header(String column) {
			return this.headers.getOrDefault(column, column);
		}

		boolean has(String column) {
			return this.index.containsKey(column);
		}

	}

	/**
	 * The layout of a table's header; unknown and repeated columns are reported to
	 * {@code warnings} (as {@code file:row:column: CODE message}).
	 */
	static Layout layout(RawDataset.Table table, Consumer<String> warnings) {
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
				warnings.accept(label + ":" + table.headerRow() + ":" + h + ": UNKNOWN_COLUMN unknown column; ignored");
			}
			else if (index.containsKey(column.get().name())) {
				warnings.accept(label + ":" + table.headerRow() + ":" + h + ": UNKNOWN_COLUMN a second "
						+ column.get().name() + " column; ignored");
			}
			else {
				index.put(column.get().name(), c);
				headers.put(column.get().name(), h);
				chinese |= !h.equalsIgnoreCase(column.get().name());
			}
		}
		return new Layout(format, label, table.headerRow(), Map.copyOf(index), Map.copyOf(headers), chinese);
	}

	static boolean blank(RawDataset.Row row) {
		return blank(row.cells());
	}

	/** Whether every cell is blank. */
	static boolean blank(List<String> cells) {
		for (String cell : cells) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	/** The typed values of a non-blank row; problems go to {@code problems}. */
	static Map<String, Object> parse(Layout layout, RawDataset.Row row, Consumer<ImportProblem> problems) {
		FileFormat format = layout.format();
		String label = layout.label();
		Map<String, Object> values = new LinkedHashMap<>();
		for (Column column : format.columns()) {
			Integer c = layout.index().get(column.name());
			if (c == null) {
				continue;
			}
			String cell = (c < row.cells().size()) ? row.cells().get(c).strip() : "";
			String header = layout.headers().get(column.name());
			if (cell.isEmpty()) {
				if (column.required()) {
					problems.accept(Problems.missingValue(label, row.row(), header));
				}
				continue;
			}
			if (cell.length() > DatasetValidator.KEY_LENGTH && (column.type() == DatasetFormat.Type.ID
					|| (format == DatasetFormat.UNITS && column.name().equals("name")))) {
				problems.accept(Problems.keyTooLong(label, row.row(), header, DatasetValidator.KEY_LENGTH));
				continue;
			}
			Object value = convert(format, column, cell, values, label, row.row(), header, problems);
			if (value != null) {
				values.put(column.name(), value);
			}
		}
		return values;
	}

	private static Object convert(FileFormat format, Column column, String cell, Map<String, Object> row, String label,
			int rowNumber, String header, Consumer<ImportProblem> problems) {
		switch (column.type()) {
			case DATE -> {
				Optional<LocalDate> date = date(cell);
				if (date.isEmpty()) {
					problems.accept(Problems.badDate(label, rowNumber, header, cell));
				}
				return date.orElse(null);
			}
			case COUNT -> {
				String digits = cell.replace(",", "");
				if (!COUNT.matcher(digits).matches()) {
					problems.accept(Problems.badNumber(label, rowNumber, header, cell));
					return null;
				}
				int dot = digits.indexOf('.');
				String whole = (dot >= 0) ? digits.substring(0, dot) : digits;
				try {
					long n = Long.parseLong(whole);
					if (n < 0) {
						problems.accept(Problems.negativeCount(label, rowNumber, header, cell));
						return null;
					}
					return n;
				}
				catch (NumberFormatException ex) {
					problems.accept(Problems.badNumber(label, rowNumber, header, cell));
					return null;
				}
			}
			case ENUM -> {
				Optional<String> code = code(column.enumeration(), cell);
				if (format == DatasetFormat.LEADERSHIP && code.isPresent()
						&& code.get().equals(LeadKind.PRIMARY.name())) {
					problems.accept(Problems.unknownEnum(label, rowNumber, header, cell,
							"DUAL, GUIDANCE, DISCIPLINE_SUPERVISION (PRIMARY comes from units.parent_id)"));
					return null;
				}
				if (code.isEmpty()) {
					problems
						.accept(Problems.unknownEnum(label, rowNumber, header, cell, allowed(column.enumeration())));
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
						problems.accept(
								Problems.unknownEnum(label, rowNumber, header, item, allowed(column.enumeration())));
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
					problems.accept(Problems.unknownEnum(label, rowNumber, header, cell, allowed));
				}
				return grade.orElse(null);
			}
			default -> {
				return cell;
			}
		}
	}

	static Optional<LocalDate> date(String text) {
		String t = text.strip();
		if (isIsoDate(t)) {
			// yyyy-mm-dd, by far the most frequent: what the pattern below reads, without
			// it
			try {
				return Optional.of(LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10)));
			}
			catch (DateTimeException ex) {
				return Optional.empty();
			}
		}
		Matcher m = DATE.matcher(t);
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

	private static boolean isIsoDate(String t) {
		if (t.length() != 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
			return false;
		}
		for (int i = 0; i < 10; i++) {
			char c = t.charAt(i);
			if (i != 4 && i != 7 && (c < '0' || c > '9')) {
				return false;
			}
		}
		return true;
	}

	private static int digits(String t, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			n = n * 10 + (t.charAt(i) - '0');
		}
		return n;
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

	/**
	 * Codes of the values of each enumeration seen so far: an enumeration column holds a
	 * few values over millions of rows. Bounded, so that a file of distinct garbage
	 * values cannot fill the memory.
	 */
	private static final ClassValue<Map<String, Optional<String>>> CODES = new ClassValue<>() {

		@Override
		protected Map<String, Optional<String>> computeValue(Class<?> type) {
			return new java.util.concurrent.ConcurrentHashMap<>();
		}

	};

	private static final int CODES_KEPT = 1024;

	static Optional<String> code(Class<? extends Labeled> type, String value) {
		Map<String, Optional<String>> codes = CODES.get(type);
		Optional<String> code = codes.get(value);
		if (code == null) {
			code = parseCode(type, value);
			if (codes.size() < CODES_KEPT) {
				codes.put(value, code);
			}
		}
		return code;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Optional<String> parseCode(Class<? extends Labeled> type, String value) {
		Optional<?> parsed = Labeled.parse((Class) type, value);
		return parsed.map((e) -> ((Enum<?>) e).name());
	}

	private static String allowed(Class<? extends Labeled> type) {
		return Arrays.stream(type.getEnumConstants())
			.map((e) -> e.name() + " " + e.zh())
			.collect(Collectors.joining(", "));
	}

	/**
	 * A 64-bit hash of a text (FNV-1a over the UTF-16 units, finished with the
	 * MurmurHash3 mixer): the compact form of an id in the validator's sets. Equal texts
	 * hash equally; a shared hash of different texts is re-checked exactly where it
	 * matters.
	 */
	static long hash(String text) {
		long h = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			h ^= text.charAt(i);
			h *= 0x100000001b3L;
		}
		h ^= text.length();
		h ^= h >>> 33;
		h *= 0xff51afd7ed558ccdL;
		h ^= h >>> 33;
		h *= 0xc4ceb9fe1a85ec53L;
		h ^= h >>> 33;
		return h;
	}

}
