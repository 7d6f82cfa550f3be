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
		int cellLength = budget.limits.cellLength();
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			int index = -1;
			while (sheets.hasNext()) {
				index++;
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
					List<RawDataset.Row> kept = new ArrayList<>();
					Rows rows = new Rows(label, budget, raw, cellLength, properties ? kept::add : null, false);
					XMLReader xml = XMLHelper.newXMLReader();
					xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new IsoDates(), false));
					xml.parse(new InputSource(in));
					if (properties) {
						for (RawDataset.Row row : kept) {
							if (row.cells().size() >= 2 && !row.cells().get(0).isBlank()) {
								String key = propertyKey(row.cells().get(0));
								raw.properties.put(key,
										new RawDataset.Property(row.cells().get(1).strip(), label, row.row()));
							}
						}
					}
					else if (rows.header == null) {
						raw.tables.put(format.get(),
								new RawDataset.Table(label, format.get(), 1, List.of(), RawDataset.Rows.NONE, 0));
					}
					else {
						int sheetIndex = index;
						raw.tables.put(format.get(),
								new RawDataset.Table(label, format.get(), rows.headerRow, rows.header,
										(action) -> reread(file, sheetIndex, label, cellLength, action), rows.count));
						raw.rows += rows.count;
					}
				}
			}
		}
	}

	/**
	 * The data rows of the sheet at {@code sheetIndex}, read again (after the first read
	 * checked the limits).
	 */
	private static void reread(Path file, int sheetIndex, String label, int cellLength,
			java.util.function.Consumer<RawDataset.Row> action) {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			for (int i = 0; sheets.hasNext(); i++) {
				try (InputStream in = sheets.next()) {
					if (i != sheetIndex) {
						continue;
					}
					Rows rows = new Rows(label, null, null, cellLength, action, true);
					XMLReader xml = XMLHelper.newXMLReader();
					xml.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows, new IsoDates(), false));
					xml.parse(new InputSource(in));
					return;
				}
			}
			throw ImportAgainException.changedSinceValidated("the sheet " + label + " is gone");
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("the workbook cannot be read again: " + ex.getMessage(), ex);
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
	 * Reads one sheet: its first row is the header, later blank rows are skipped. The
	 * first read ({@code budget} given) checks the row, cell and time limits; every read
	 * hands the data rows ({@code skipHeader}) or all rows to {@code action}.
	 */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		List<String> header;

		int headerRow;

		private final String label;

		private final DatasetSources.Budget budget;

		private final RawDataset raw;

		private final int cellLength;

		private final java.util.function.Consumer<RawDataset.Row> action;

		private final boolean skipHeader;

		private List<String> current;

		private long count;

		Rows(String label, DatasetSources.Budget budget, RawDataset raw, int cellLength,
				java.util.function.Consumer<RawDataset.Row> action, boolean skipHeader) {
			this.label = label;
			this.budget = budget;
			this.raw = raw;
			this.cellLength = cellLength;
			this.action = action;
			this.skipHeader = skipHeader;
		}

		@Override
		public void startRow(int rowNum) {
			this.current = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			boolean first = this.header == null;
			if (!first && this.current.stream().allMatch(String::isBlank)) {
				return;
			}
			if (first) {
				this.header = this.current;
				this.headerRow = rowNum + 1;
			}
			else if (this.budget != null) {
				if (++this.count > this.budget.limits.rowsPerFile()) {
					throw new ImportLimitException(
							Problems.tooManyRows(this.label, rowNum + 1, this.budget.limits.rowsPerFile()));
				}
				if ((this.count & 0xFFF) == 0) {
					this.budget.checkTime();
				}
			}
			if (this.action != null && !(first && this.skipHeader)) {
				this.action.accept(new RawDataset.Row(rowNum + 1, this.current));
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = (reference != null) ? new CellReference(reference).getCol() : this.current.size();
			while (this.current.size() < column) {
				this.current.add("");
			}
			String text = (value != null) ? value : "";
			int limit = this.cellLength;
			if (text.length() > limit) {
				if (this.raw != null) {
					String header = (this.header != null && column < this.header.size())
							? this.header.get(column).strip() : new CellReference(reference).formatAsString();
					this.raw.problems.add(Problems.cellTooLong(this.label,
							(reference != null) ? new CellReference(reference).getRow() + 1 : 0, header, limit));
				}
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
