package org.dutychain.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes one sheet row by row (an SXSSF sheet keeps only a window of rows in memory): a
 * bold header row that stays frozen, typed cells (dates as real Excel dates), an
 * auto-filter over the header and column widths that fit Chinese text (a CJK character
 * counts twice).
 */
final class XlsxSheet {

	static final int MAX_WIDTH = 60;

	private final Sheet sheet;

	private final XlsxStyles styles;

	private final int[] widths;

	private int next;

	XlsxSheet(Sheet sheet, XlsxStyles styles, List<String> headers) {
		this.sheet = sheet;
		this.styles = styles;
		this.widths = new int[headers.size()];
		Row row = sheet.createRow(this.next++);
		for (int c = 0; c < headers.size(); c++) {
			Cell cell = row.createCell(c);
			cell.setCellValue(headers.get(c));
			cell.setCellStyle(styles.header());
			fit(c, headers.get(c));
		}
	}

	/**
	 * Appends a row; {@code style} (may be null) applies to the text cells, e.g. a
	 * severity fill.
	 */
	Row row(CellStyle style, Object... values) {
		Row row = this.sheet.createRow(this.next++);
		for (int c = 0; c < values.length; c++) {
			Object v = values[c];
			if (v == null) {
				continue;
			}
			Cell cell = row.createCell(c);
			if (v instanceof LocalDate d) {
				cell.setCellValue(d);
				cell.setCellStyle(this.styles.date());
				fit(c, "yyyy-mm-dd");
			}
			else if (v instanceof LocalDateTime t) {
				cell.setCellValue(t);
				cell.setCellStyle(this.styles.dateTime());
				fit(c, "yyyy-mm-dd hh:mm");
			}
			else if (v instanceof ZonedDateTime z) {
				cell.setCellValue(z.toLocalDateTime());
				cell.setCellStyle(this.styles.dateTime());
				fit(c, "yyyy-mm-dd hh:mm");
			}
			else if (v instanceof OffsetDateTime o) {
				cell.setCellValue(o.toLocalDateTime());
				cell.setCellStyle(this.styles.dateTime());
				fit(c, "yyyy-mm-dd hh:mm");
			}
			else if (v instanceof Percent p) {
				cell.setCellValue(p.share());
				cell.setCellStyle(this.styles.percent());
				fit(c, "100.0%");
			}
			else if (v instanceof Double d) {
				cell.setCellValue(d);
				cell.setCellStyle(this.styles.decimal());
				fit(c, "0000.00");
			}
			else if (v instanceof Number n) {
				cell.setCellValue(n.doubleValue());
				fit(c, String.valueOf(n));
			}
			else {
				String text = String.valueOf(v);
				cell.setCellValue(text);
				if (style != null) {
					cell.setCellStyle(style);
				}
				fit(c, text);
			}
		}
		return row;
	}

	/** Data rows written so far (the header not counted). */
	int rows() {
		return this.next - 1;
	}

	/** Freezes the header, sets the auto-filter and the widths. */
	void finish() {
		this.sheet.createFreezePane(0, 1);
		this.sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, this.next - 1), 0, this.widths.length - 1));
		for (int c = 0; c < this.widths.length; c++) {
			this.sheet.setColumnWidth(c, (Math.min(MAX_WIDTH, this.widths[c]) + 2) * 256);
		}
	}

	private void fit(int column, String text) {
		if (column >= this.widths.length) {
			return;
		}
		int width = 0;
		for (String line : text.split("\n")) {
			width = Math.max(width, displayWidth(line));
		}
		this.widths[column] = Math.max(this.widths[column], width);
	}

	/** Columns a text needs: CJK and full-width characters take two. */
	static int displayWidth(String text) {
		int width = 0;
		for (int i = 0; i < text.length(); i++) {
			width += wide(text.charAt(i)) ? 2 : 1;
		}
		return width;
	}

	private static boolean wide(char c) {
		Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
		return block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
				|| block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
				|| block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
				|| block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
				|| block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
				|| block == Character.UnicodeBlock.GENERAL_PUNCTUATION && c >= '\u2014' && c <= '\u201d';
	}

	/** A share shown as a percentage. */
	record Percent(double share) {
	}

}
