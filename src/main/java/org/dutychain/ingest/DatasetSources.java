package org.dutychain.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.dutychain.config.ImportLimits;
import org.dutychain.record.CellText;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.FileFormat;

/**
 * Reads a dataset source into a {@link RawDataset}: a folder of CSV files, a .zip of it,
 * or one .xlsx workbook (import-format.md). Recognizes files by name (English or
 * Chinese), decodes text (UTF-8 with or without BOM, else GBK/GB18030), parses RFC 4180
 * and records reading problems; nothing is validated here.
 */
final class DatasetSources {

	static final String PROPERTIES = "dataset.properties";

	private DatasetSources() {
	}

	/** Reads {@code source} within the default {@link ImportLimits}. */
	static RawDataset read(Path source, String displayName) {
		return read(source, displayName, ImportLimits.DEFAULTS);
	}

	/**
	 * Reads {@code source}; {@code displayName} names it in problems (an upload's
	 * original file name). Reading stops at the first limit reached (the dataset is then
	 * {@link RawDataset#fatal}).
	 */
	static RawDataset read(Path source, String displayName, ImportLimits limits) {
		String lower = displayName.toLowerCase(Locale.ROOT);
		Budget budget = new Budget(limits, displayName);
		RawDataset raw;
		if (Files.isDirectory(source)) {
			raw = new RawDataset(displayName, null);
		}
		else if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
			raw = new RawDataset(stem(displayName), displayName);
		}
		else {
			raw = new RawDataset(stem(displayName), null);
		}
		try {
			readInto(source, displayName, lower, raw, budget);
		}
		catch (ImportLimitException ex) {
			raw.problems.add(ex.problem());
			raw.fatal = true;
		}
		return raw;
	}

	private static void readInto(Path source, String displayName, String lower, RawDataset raw, Budget budget) {
		if (Files.isDirectory(source)) {
			readFolder(source, raw, budget);
			return;
		}
		if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
			if (!isZip(source)) {
				raw.problems.add(Problems.notADataset(displayName, "the file is not an Excel .xlsx workbook",
						"文件不是Excel .xlsx工作簿"));
				return;
			}
			try {
				XlsxReader.read(source, raw, budget);
			}
			catch (ImportLimitException ex) {
				throw ex;
			}
			catch (Exception ex) {
				raw.problems.add(Problems.notADataset(displayName, "the workbook cannot be opened: " + ex.getMessage(),
						"无法打开工作簿：" + ex.getMessage()));
			}
			return;
		}
		if (!Files.isRegularFile(source)) {
			raw.problems.add(Problems.notADataset(displayName, "no such file or folder", "文件或文件夹不存在"));
		}
		else if (lower.endsWith(".zip") && isZip(source)) {
			readZip(source, displayName, raw, budget);
		}
		else if (lower.endsWith(".xls")) {
			raw.problems.add(
					Problems.notADataset(displayName, "an old .xls workbook; save it as .xlsx", "旧版.xls工作簿，请另存为.xlsx"));
		}
		else {
			raw.problems.add(Problems.notADataset(displayName, "expected a folder, a .zip or an .xlsx file",
					"应为文件夹、.zip或.xlsx文件"));
		}
	}

	static String stem(String name) {
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		int dot = base.lastIndexOf('.');
		return (dot > 0) ? base.substring(0, dot) : base;
	}

	private static boolean isZip(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(4);
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void readFolder(Path folder, RawDataset raw, Budget budget) {
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (Path file : files) {
			String name = file.getFileName().toString();
			if (name.startsWith(".")) {
				continue;
			}
			if (Files.isDirectory(file)) {
				raw.warn(name, 0, null, "UNKNOWN_FILE", "folder ignored");
				continue;
			}
			if (wanted(name, raw)) {
				accept(name, () -> budget.count(Files.newInputStream(file), name, -1), () -> Files.newInputStream(file),
						raw, budget);
			}
		}
	}

	private static void readZip(Path zip, String displayName, RawDataset raw, Budget budget) {
		try {
			try {
				readZip(zip, displayName, raw, budget, StandardCharsets.UTF_8);
			}
			catch (ZipException | IllegalArgumentException ex) {
				// entry names that are not UTF-8: a zip made by a Chinese Windows tool
				// (GBK names)
				raw.tables.clear();
				raw.unreadable.clear();
				raw.properties.clear();
				raw.problems.clear();
				raw.warnings.clear();
				budget.used = 0;
				readZip(zip, displayName, raw, budget, TextDecoding.GB18030);
			}
		}
		catch (ZipException | IllegalArgumentException ex) {
			raw.problems.add(Problems.notADataset(displayName, "the zip file cannot be read: " + ex.getMessage(),
					"无法读取zip文件：" + ex.getMessage()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A dataset has about fifteen files; a zip of thousands of entries is not one. */
	static final int MAX_ENTRIES = 1000;

	private static void readZip(Path zip, String displayName, RawDataset raw, Budget budget,
			java.nio.charset.Charset names) throws IOException {
		try (ZipFile file = new ZipFile(zip.toFile(), names)) {
			List<ZipEntry> entries = new ArrayList<>();
			Enumeration<? extends ZipEntry> e = file.entries();
			while (e.hasMoreElements()) {
				ZipEntry entry = e.nextElement();
				if (entries.size() >= MAX_ENTRIES) {
					raw.problems.add(Problems.notADataset(displayName,
							"the zip holds more than " + MAX_ENTRIES + " entries", "压缩包条目超过" + MAX_ENTRIES + "个"));
					raw.fatal = true;
					return;
				}
				String path = entry.getName();
				if (unsafe(path)) {
					raw.problems.add(Problems.unsafeZipEntry(displayName, path));
					raw.fatal = true;
					return;
				}
				if (!entry.isDirectory() && archive(path)) {
					raw.problems.add(Problems.nestedZip(displayName, path));
					raw.fatal = true;
					return;
				}
				entries.add(entry);
			}
			entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
			for (ZipEntry entry : entries) {
				String path = entry.getName();
				String name = path.substring(path.lastIndexOf('/') + 1);
				if (entry.isDirectory() || path.startsWith("__MACOSX/") || name.startsWith(".") || name.isEmpty()) {
					continue;
				}
				if (wanted(name, raw)) {
					String entryName = entry.getName();
					accept(name, () -> budget.count(file.getInputStream(entry), name, entry.getCompressedSize()),
							() -> openEntry(zip, names, entryName), raw, budget);
					if (raw.fatal) {
						return;
					}
				}
			}
		}
	}

	/**
	 * A zip entry's bytes, read again after the first pass: the zip file stays open until
	 * the stream is closed.
	 */
	private static InputStream openEntry(Path zip, java.nio.charset.Charset names, String entryName)
			throws IOException {
		ZipFile file = new ZipFile(zip.toFile(), names);
		try {
			ZipEntry entry = file.getEntry(entryName);
			if (entry == null) {
				throw new IOException("the zip entry " + entryName + " is gone since the dataset was checked");
			}
			return new java.io.FilterInputStream(file.getInputStream(entry)) {

				@Override
				public void close() throws IOException {
					try {
						super.close();
					}
					finally {
						file.close();
					}
				}

			};
		}
		catch (IOException | RuntimeException ex) {
			file.close();
			throw ex;
		}
	}

	/** An absolute path, a drive letter or a {@code ..} step: never a dataset file. */
	static boolean unsafe(String path) {
		String p = path.replace('\\', '/');
		if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.indexOf('\u0000') >= 0) {
			return true;
		}
		for (String step : p.split("/")) {
			if (step.equals("..")) {
				return true;
			}
		}
		return false;
	}

	private static boolean archive(String path) {
		String p = path.toLowerCase(Locale.ROOT);
		return p.endsWith(".zip") || p.endsWith(".jar") || p.endsWith(".7z") || p.endsWith(".rar") || p.endsWith(".gz")
				|| p.endsWith(".tgz") || p.endsWith(".tar") || p.endsWith(".xlsx") || p.endsWith(".xlsm");
	}

	/** Whether a file is one of the dataset's; warns about any other file. */
	private static boolean wanted(String name, RawDataset raw) {
		if (name.equalsIgnoreCase(PROPERTIES)) {
			return true;
		}
		Optional<FileFormat> format = csvFormat(name);
		if (format.isEmpty()) {
			raw.warn(name, 0, null, "UNKNOWN_FILE", "not a dataset file; ignored");
			return false;
		}
		if (raw.tables.containsKey(format.get()) || raw.unreadable.contains(format.get())) {
			raw.warn(name, 0, null, "UNKNOWN_FILE", "a second " + format.get().fileName() + "; ignored");
			return false;
		}
		return true;
	}

	private static Optional<FileFormat> csvFormat(String name) {
		if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
			return Optional.empty();
		}
		return DatasetFormat.file(name.substring(0, name.length() - 4));
	}

	/** Opens a file's bytes again (a second pass decodes GBK text). */
	interface Opener {

		InputStream open() throws IOException;

	}

	/** Most bytes of dataset.properties read. */
	private static final int MAX_PROPERTIES = 1 << 20;

	private static void accept(String name, Opener opener, Opener again, RawDataset raw, Budget budget) {
		try {
			if (name.equalsIgnoreCase(PROPERTIES)) {
				try (InputStream in = opener.open()) {
					readProperties(name, in.readNBytes(MAX_PROPERTIES), raw);
				}
				return;
			}
			FileFormat format = csvFormat(name).orElseThrow();
			long before = budget.used;
			boolean bom;
			try (InputStream in = opener.open()) {
				byte[] head = in.readNBytes(4);
				if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
					raw.problems.add(Problems.nestedZip(raw.sourceName, name));
					raw.fatal = true;
					return;
				}
				bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
						&& (head[2] & 0xFF) == 0xBF;
			}
			budget.used = before;
			TableReader table = readCsv(name, format, opener, StandardCharsets.UTF_8, bom, budget);
			if (table == null && !bom) {
				budget.used = before;
				table = readCsv(name, format, opener, TextDecoding.GB18030, false, budget);
			}
			if (table == null) {
				raw.unreadable.add(format);
				raw.problems.add(Problems.badEncoding(name));
				return;
			}
			raw.problems.addAll(table.problems);
			java.nio.charset.Charset charset = table.charset;
			boolean skipBom = bom;
			int cellLength = budget.limits.cellLength();
			RawDataset.Rows rows = table.keep ? (action) -> reread(again, charset, skipBom, cellLength, action)
					: RawDataset.Rows.NONE;
			raw.tables.put(format, new RawDataset.Table(name, format, 1, table.header, rows, table.nonBlank));
			raw.rows += table.count;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The table, or null when the text is not valid in this charset. */
	private static TableReader readCsv(String name, FileFormat format, Opener opener, java.nio.charset.Charset charset,
			boolean bom, Budget budget) throws IOException {
		TableReader table = new TableReader(name, format, budget);
		table.charset = charset;
		try (InputStream in = opener.open()) {
			if (bom) {
				in.readNBytes(3);
			}
			java.io.Reader reader = new java.io.InputStreamReader(in,
					charset.newDecoder()
						.onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
						.onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
			Csv.parse(reader, budget.limits.cellLength(), table);
			return table;
		}
		catch (java.nio.charset.CharacterCodingException | Csv.NotText ex) {
			return null;
		}
	}

	/**
	 * Reads a CSV file again in the charset the first read found: every non-blank data
	 * row, with formula text protected by an exporter's apostrophe restored.
	 */
	private static void reread(Opener opener, java.nio.charset.Charset charset, boolean bom, int cellLength,
			java.util.function.Consumer<RawDataset.Row> action) {
		try (InputStream in = opener.open()) {
			if (bom) {
				in.readNBytes(3);
			}
			java.io.Reader reader = new java.io.InputStreamReader(in, charset);
			Csv.parse(reader, cellLength, (index, cells) -> {
				if (index == 0) {
					return;
				}
				if (restore(cells)) {
					action.accept(new RawDataset.Row(index + 1, cells));
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Restores formula text protected by an exporter's apostrophe; whether the row holds
	 * a non-blank cell.
	 */
	private static boolean restore(List<String> cells) {
		boolean blank = true;
		for (int i = 0; i < cells.size(); i++) {
			String cell = cells.get(i);
			if (!cell.isBlank()) {
				blank = false;
			}
			String restored = CellText.restore(cell);
			if (restored != cell) {
				cells.set(i, restored);
			}
		}
		return !blank;
	}

	/**
	 * Reads the header of one CSV file and counts its rows within the row limit and the
	 * time limit (the rows themselves are read again by each pass).
	 */
	private static final class TableReader implements Csv.Sink {

		final String name;

		final FileFormat format;

		final Budget budget;

		List<String> header = List.of();

		/**
		 * Whether the header names at least one column of the file; without one, the rows
		 * cannot hold a value and are only counted (a garbage or bomb file costs no
		 * memory).
		 */
		boolean keep;

		java.nio.charset.Charset charset;

		final List<ImportProblem> problems = new ArrayList<>();

		private long count;

		/**
		 * The rows holding a non-blank cell (what each pass hands out): validation sizes
		 * its arrays by it, so a file of blank lines allocates nothing.
		 */
		long nonBlank;

		TableReader(String name, FileFormat format, Budget budget) {
			this.name = name;
			this.format = format;
			this.budget = budget;
		}

		@Override
		public void record(int index, List<String> cells) {
			if (index == 0) {
				this.header = cells;
				this.keep = cells.stream().anyMatch((h) -> this.format.column(h.strip()).isPresent());
				return;
			}
			shape(index, RowParser.blank(cells));
		}

		/** The header's cells only: the rows are counted, not read (see Csv.Sink). */
		@Override
		public boolean wantsCells(int index) {
			return index == 0;
		}

		@Override
		public void shape(int index, boolean blank) {
			if (++this.count > this.budget.limits.rowsPerFile()) {
				throw new ImportLimitException(
						Problems.tooManyRows(this.name, index + 1, this.budget.limits.rowsPerFile()));
			}
			if ((this.count & 0xFFF) == 0) {
				this.budget.checkTime();
			}
			if (!blank) {
				this.nonBlank++;
			}
		}

		@Override
		public void cellTooLong(int index, int column) {
			String header = (index > 0 && column < this.header.size()) ? this.header.get(column).strip()
					: String.valueOf(column + 1);
			if (this.problems.size() < this.budget.limits.errors()) {
				this.problems.add(Problems.cellTooLong(this.name, index + 1, header, this.budget.limits.cellLength()));
			}
		}

	}

	/**
	 * What one read may still consume: bytes decompressed in total, the inflate ratio of
	 * a zip entry, and the time.
	 */
	static final class Budget {

		final ImportLimits limits;

		final String source;

		final long deadline;

		long used;

		Budget(ImportLimits limits, String source) {
			this.limits = limits;
			this.source = source;
			this.deadline = System.nanoTime() + limits.importTime().toNanos();
		}

		void checkTime() {
			if (System.nanoTime() - this.deadline > 0) {
				throw new ImportLimitException(Problems.timeout(this.source, this.limits.importTime()));
			}
		}

		/**
		 * Counts what is read from {@code in} against the limits; {@code compressed} is
		 * the zip entry's compressed size (-1 = not compressed).
		 */
		InputStream count(InputStream in, String file, long compressed) {
			return new java.io.FilterInputStream(in) {

				private long entry;

				@Override
				public int read() throws IOException {
					int b = super.read();
					if (b >= 0) {
						consumed(1);
					}
					return b;
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					int n = super.read(b, off, len);
					if (n > 0) {
						consumed(n);
					}
					return n;
				}

				@Override
				public long skip(long n) throws IOException {
					long skipped = super.skip(n);
					consumed(skipped);
					return skipped;
				}

				private void consumed(long n) {
					Budget.this.used += n;
					this.entry += n;
					if (Budget.this.used > Budget.this.limits.decompressed().toBytes()) {
						throw new ImportLimitException(
								Problems.tooLarge(Budget.this.source, Budget.this.limits.decompressed().toBytes()));
					}
					if (compressed >= 0 && this.entry > (1 << 20)
							&& this.entry > Budget.this.limits.inflateRatio() * Math.max(1, compressed)) {
						throw new ImportLimitException(Problems.zipBomb(file, Budget.this.limits.inflateRatio()));
					}
				}

			};
		}

	}

	/**
	 * dataset.properties, read as UTF-8: {@code key=value} (or {@code key: value}) lines,
	 * # and ! comments.
	 */
	private static void readProperties(String name, byte[] bytes, RawDataset raw) {
		byte[] b = bytes;
		if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
			b = java.util.Arrays.copyOfRange(b, 3, b.length);
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(b))
				.toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			raw.problems.add(Problems.badEncoding(name));
			return;
		}
		String[] lines = text.split("\r\n|\r|\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
				continue;
			}
			int eq = firstSeparator(line);
			String key = ((eq < 0) ? line : line.substring(0, eq)).strip();
			String value = (eq < 0) ? "" : line.substring(eq + 1).strip();
			raw.properties.put(key.toLowerCase(Locale.ROOT), new RawDataset.Property(value, name, i + 1));
		}
	}

	private static int firstSeparator(String line) {
		int eq = line.indexOf('=');
		int colon = line.indexOf(':');
		if (eq < 0) {
			return colon;
		}
		return (colon < 0) ? eq : Math.min(eq, colon);
	}

}
