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

	/**
	 * Reads {@code source}; {@code displayName} names it in problems (an upload's
	 * original file name).
	 */
	static RawDataset read(Path source, String displayName) {
		String lower = displayName.toLowerCase(Locale.ROOT);
		if (Files.isDirectory(source)) {
			RawDataset raw = new RawDataset(displayName, null);
			readFolder(source, raw);
			return raw;
		}
		if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
			RawDataset raw = new RawDataset(stem(displayName), displayName);
			if (!isZip(source)) {
				raw.problems.add(Problems.notADataset(displayName, "the file is not an Excel .xlsx workbook",
						"文件不是Excel .xlsx工作簿"));
				return raw;
			}
			try {
				XlsxReader.read(source, raw);
			}
			catch (Exception ex) {
				raw.problems.add(Problems.notADataset(displayName, "the workbook cannot be opened: " + ex.getMessage(),
						"无法打开工作簿：" + ex.getMessage()));
			}
			return raw;
		}
		RawDataset raw = new RawDataset(stem(displayName), null);
		if (!Files.isRegularFile(source)) {
			raw.problems.add(Problems.notADataset(displayName, "no such file or folder", "文件或文件夹不存在"));
		}
		else if (lower.endsWith(".zip") && isZip(source)) {
			readZip(source, displayName, raw);
		}
		else if (lower.endsWith(".xls")) {
			raw.problems.add(
					Problems.notADataset(displayName, "an old .xls workbook; save it as .xlsx", "旧版.xls工作簿，请另存为.xlsx"));
		}
		else {
			raw.problems.add(Problems.notADataset(displayName, "expected a folder, a .zip or an .xlsx file",
					"应为文件夹、.zip或.xlsx文件"));
		}
		return raw;
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

	private static void readFolder(Path folder, RawDataset raw) {
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
				try {
					accept(name, Files.readAllBytes(file), raw);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
	}

	private static void readZip(Path zip, String displayName, RawDataset raw) {
		try {
			try {
				readZip(zip, raw, StandardCharsets.UTF_8);
			}
			catch (ZipException | IllegalArgumentException ex) {
				// entry names that are not UTF-8: a zip made by a Chinese Windows tool
				// (GBK names)
				raw.tables.clear();
				raw.unreadable.clear();
				raw.properties.clear();
				raw.problems.clear();
				raw.warnings.clear();
				readZip(zip, raw, TextDecoding.GB18030);
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

	private static void readZip(Path zip, RawDataset raw, java.nio.charset.Charset names) throws IOException {
		try (ZipFile file = new ZipFile(zip.toFile(), names)) {
			List<ZipEntry> entries = new ArrayList<>();
			Enumeration<? extends ZipEntry> e = file.entries();
			while (e.hasMoreElements()) {
				entries.add(e.nextElement());
			}
			entries.sort(java.util.Comparator.comparing(ZipEntry::getName));
			for (ZipEntry entry : entries) {
				String path = entry.getName();
				String name = path.substring(path.lastIndexOf('/') + 1);
				if (entry.isDirectory() || path.startsWith("__MACOSX/") || name.startsWith(".") || name.isEmpty()) {
					continue;
				}
				if (wanted(name, raw)) {
					try (InputStream in = file.getInputStream(entry)) {
						accept(name, in.readAllBytes(), raw);
					}
				}
			}
		}
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

	private static void accept(String name, byte[] bytes, RawDataset raw) {
		if (name.equalsIgnoreCase(PROPERTIES)) {
			readProperties(name, bytes, raw);
			return;
		}
		FileFormat format = csvFormat(name).orElseThrow();
		Optional<String> text = TextDecoding.decode(bytes);
		if (text.isEmpty()) {
			raw.unreadable.add(format);
			raw.problems.add(Problems.badEncoding(name));
			return;
		}
		List<List<String>> records = Csv.parse(text.get());
		List<String> header = records.isEmpty() ? List.of() : records.get(0);
		List<RawDataset.Row> rows = new ArrayList<>(Math.max(0, records.size() - 1));
		for (int i = 1; i < records.size(); i++) {
			rows.add(new RawDataset.Row(i + 1, records.get(i)));
		}
		raw.tables.put(format, new RawDataset.Table(name, format, 1, header, rows));
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
