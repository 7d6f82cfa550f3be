package org.dutychain.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.dutychain.record.CellText;

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
				CellStyle textStyle = (style == null && (displayWidth(text) > WRAP_WIDTH || text.indexOf('\n') >= 0))
						? this.styles.wrap() : style;
				if (CellText.startsLikeFormula(text)) {
					cell.setCellStyle(this.styles.quoted(textStyle));
				}
				else if (textStyle != null) {
					cell.setCellStyle(textStyle);
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

	/** Freezes the header, sets the auto-filter, the widths and the print set-up. */
	void finish() {
		finish(null);
	}

	/**
	 * Freezes the header, sets the auto-filter and the widths, and sets the sheet up to
	 * print as a cadre expects: A4 landscape, scaled to the page width (never a column on
	 * a page of its own), the header row repeated on every page (print titles), and the
	 * mark (内部资料 注意保密, who, when) in the page header with page numbers in the footer.
	 * @param mark the page header text (null = none)
	 */
	void finish(String mark) {
		this.sheet.createFreezePane(0, 1);
		this.sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, this.next - 1), 0, this.widths.length - 1));
		for (int c = 0; c < this.widths.length; c++) {
			this.sheet.setColumnWidth(c, (Math.min(WRAP_WIDTH, this.widths[c]) + 2) * 256);
		}
		PrintSetup print = this.sheet.getPrintSetup();
		print.setPaperSize(PrintSetup.A4_PAPERSIZE);
		print.setLandscape(true);
		print.setFitWidth((short) 1);
		print.setFitHeight((short) 0);
		this.sheet.setFitToPage(true);
		this.sheet.setAutobreaks(true);
		this.sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
		this.sheet.setMargin(PageMargin.LEFT, 0.4);
		this.sheet.setMargin(PageMargin.RIGHT, 0.4);
		this.sheet.setMargin(PageMargin.TOP, 0.6);
		this.sheet.setMargin(PageMargin.BOTTOM, 0.6);
		if (mark != null) {
			this.sheet.getHeader().setCenter(escapeHeader(mark));
		}
		this.sheet.getFooter().setCenter("第 &P 页 / 共 &N 页");
	}

	/** A literal {@code &} in a page header is written {@code &&}. */
	private static String escapeHeader(String text) {
		return text.replace("&", "&&");
	}

	/**
	 * Text columns wider than this wrap instead of widening the printed page (the page is
	 * scaled to its width).
	 */
	static final int WRAP_WIDTH = 40;

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
