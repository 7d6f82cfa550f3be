package org.dutychain.ingest;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.FileFormat;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an .xlsx workbook with POI's streaming event API (XSSFReader + SAX, read-only
 * shared strings), so a sheet of 100 000 rows needs no more memory than its cell text.
 * One sheet per dataset file (named like the file, English or Chinese), plus an optional
 * {@code dataset} sheet of name / as_of rows. Real date cells become {@code yyyy-MM-dd}
 * text; whole numbers lose Excel's {@code .0}.
 */
final class XlsxReader {

	private XlsxReader() {
	}

	static void read(Path file, RawDataset raw, DatasetSources.Budget budget) throws Exception {
		// POI's zip-bomb guard: entries may expand at most to the decompressed limit
		ZipSecureFile.setMaxEntrySize(Math.min(budget.limits.decompressed().toBytes(), 0xFFFFFFFFL));
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			while (sheets.hasNext()) {
				try (InputStream in = sheets.next()) {
					String sheet = sheets.getSheetName();
					String label = raw.workbook + "!" + sheet;
					boolean properties = isPropertiesSheet(sheet);
					Optional<FileFormat> format = properties ? Optional.empty() : DatasetFormat.file(sheet.strip());
					if (!properties && format.isEmpty()) {
						raw.warn(label, 0, null, "UNKNOWN_FILE", "not a dataset sheet; ignored");
						continue;
					}
					if (format.isPresent() && raw.tables.containsKey(format.get())) {
						raw.warn(label, 0, null, "UNKNOWN_FILE", "a second " + format.get().name() + " sheet; ignored");
						continue;
					}
					Rows rows = new Rows(label, budget, raw);
					XMLReader xml = XMLHelper.newXMLReader();
					xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new IsoDates(), false));
					xml.parse(new InputSource(in));
					if (properties) {
						for (RawDataset.Row row : rows.rows) {
							if (row.cells().size() >= 2 && !row.cells().get(0).isBlank()) {
								String key = propertyKey(row.cells().get(0));
								raw.properties.put(key,
										new RawDataset.Property(row.cells().get(1).strip(), label, row.row()));
							}
						}
					}
					else if (rows.rows.isEmpty()) {
						raw.tables.put(format.get(),
								new RawDataset.Table(label, format.get(), 1, List.of(), List.of()));
					}
					else {
						RawDataset.Row header = rows.rows.get(0);
						raw.tables.put(format.get(), new RawDataset.Table(label, format.get(), header.row(),
								header.cells(), rows.rows.subList(1, rows.rows.size())));
					}
				}
			}
		}
	}

	private static boolean isPropertiesSheet(String sheet) {
		String s = sheet.strip().toLowerCase(Locale.ROOT);
		return s.equals("dataset") || s.equals("数据集");
	}

	/** name / as_of, also written in Chinese (名称, 评估日期). */
	private static String propertyKey(String cell) {
		String k = cell.strip().toLowerCase(Locale.ROOT);
		return switch (k) {
			case "名称", "数据集名称" -> "name";
			case "评估日期", "基准日期", "as of", "asof" -> "as_of";
			default -> k;
		};
	}

	/**
	 * Collects the non-blank rows of one sheet (a missing cell is an empty string) within
	 * the row, cell and time limits.
	 */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		final List<RawDataset.Row> rows = new ArrayList<>();

		private final String label;

		private final DatasetSources.Budget budget;

		private final RawDataset raw;

		private List<String> current;

		private long count;

		Rows(String label, DatasetSources.Budget budget, RawDataset raw) {
			this.label = label;
			this.budget = budget;
			this.raw = raw;
		}

		@Override
		public void startRow(int rowNum) {
			this.current = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			if (this.current.stream().allMatch(String::isBlank) && !this.rows.isEmpty()) {
				return;
			}
			if (!this.rows.isEmpty() && ++this.count > this.budget.limits.rowsPerFile()) {
				throw new ImportLimitException(
						Problems.tooManyRows(this.label, rowNum + 1, this.budget.limits.rowsPerFile()));
			}
			if ((this.count & 0xFFF) == 0) {
				this.budget.checkTime();
			}
			this.rows.add(new RawDataset.Row(rowNum + 1, this.current));
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : this.current.size();
			while (this.current.size() < column) {
				this.current.add("");
			}
			String text = (value != null) ? value : "";
			int limit = this.budget.limits.cellLength();
			if (text.length() > limit) {
				String header = (!this.rows.isEmpty() && column < this.rows.get(0).cells().size())
						? this.rows.get(0).cells().get(column).strip() : new CellReference(reference).formatAsString();
				this.raw.problems.add(Problems.cellTooLong(this.label,
						(reference != null) ? new CellReference(reference).getRow() + 1 : 0, header, limit));
				text = text.substring(0, limit);
			}
			this.current.add(text);
		}

	}

	/**
	 * Formats date cells as yyyy-MM-dd and numbers plainly (no grouping, no scientific
	 * notation, no trailing .0).
	 */
	private static final class IsoDates extends DataFormatter {

		IsoDates() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, false);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
			if (isDate(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
			}
			if (value == Math.rint(value) && Math.abs(value) < 1e15) {
				return Long.toString((long) value);
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

		/**
		 * Built-in and custom date formats, including the CJK built-ins 27–36 and 50–58
		 * (yyyy年m月d日 …).
		 */
		private static boolean isDate(int formatIndex, String formatString) {
			if ((formatIndex >= 27 && formatIndex <= 36) || (formatIndex >= 50 && formatIndex <= 58)) {
				return true;
			}
			return formatString != null && DateUtil.isADateFormat(formatIndex, formatString);
		}

	}

}
