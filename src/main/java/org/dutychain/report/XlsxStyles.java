package org.dutychain.report;

import java.util.EnumMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

import org.dutychain.analysis.Severity;

/**
 * The few cell styles a workbook needs, created once (Excel allows about 64 000 per
 * workbook).
 */
final class XlsxStyles {

	private final CellStyle header;

	private final CellStyle date;

	private final CellStyle dateTime;

	private final CellStyle percent;

	private final CellStyle decimal;

	private final CellStyle wrap;

	private final Map<Severity, CellStyle> severity = new EnumMap<>(Severity.class);

	private final Workbook workbook;

	/** Quote-prefixed twins of the styles above (formula text stays text). */
	private final Map<CellStyle, CellStyle> quoted = new java.util.HashMap<>();

	private CellStyle plainQuoted;

	XlsxStyles(Workbook workbook) {
		this.workbook = workbook;
		Font bold = workbook.createFont();
		bold.setBold(true);
		this.header = workbook.createCellStyle();
		this.header.setFont(bold);
		fill(this.header, 0xD9, 0xE1, 0xF2);
		this.header.setVerticalAlignment(VerticalAlignment.CENTER);
		short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
		this.date = workbook.createCellStyle();
		this.date.setDataFormat(dateFormat);
		this.dateTime = workbook.createCellStyle();
		this.dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
		this.percent = workbook.createCellStyle();
		this.percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
		this.decimal = workbook.createCellStyle();
		this.decimal.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
		this.wrap = workbook.createCellStyle();
		this.wrap.setWrapText(true);
		this.wrap.setVerticalAlignment(VerticalAlignment.TOP);
		this.severity.put(Severity.HIGH, filled(workbook, 0xFF, 0xC7, 0xCE));
		this.severity.put(Severity.MEDIUM, filled(workbook, 0xFF, 0xEB, 0x9C));
		this.severity.put(Severity.LOW, filled(workbook, 0xDD, 0xEB, 0xF7));
	}

	/** A severity fill; long text wraps (the printed page is scaled to its width). */
	private static CellStyle filled(Workbook workbook, int r, int g, int b) {
		CellStyle style = workbook.createCellStyle();
		fill(style, r, g, b);
		style.setWrapText(true);
		style.setVerticalAlignment(VerticalAlignment.TOP);
		return style;
	}

	private static void fill(CellStyle style, int r, int g, int b) {
		((XSSFCellStyle) style)
			.setFillForegroundColor(new XSSFColor(new byte[] { (byte) r, (byte) g, (byte) b }, null));
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
	}

	CellStyle header() {
		return this.header;
	}

	CellStyle date() {
		return this.date;
	}

	CellStyle dateTime() {
		return this.dateTime;
	}

	CellStyle percent() {
		return this.percent;
	}

	CellStyle decimal() {
		return this.decimal;
	}

	CellStyle wrap() {
		return this.wrap;
	}

	CellStyle severity(Severity severity) {
		return this.severity.get(severity);
	}

	/**
	 * The style (null = the default) as a quote-prefixed string style: a spreadsheet
	 * program shows the text and never evaluates it, even after the cell is edited
	 * ({@code =HYPERLINK(…)}, {@code =cmd|…}).
	 */
	CellStyle quoted(CellStyle style) {
		if (style == null) {
			if (this.plainQuoted == null) {
				this.plainQuoted = this.workbook.createCellStyle();
				this.plainQuoted.setQuotePrefixed(true);
			}
			return this.plainQuoted;
		}
		return this.quoted.computeIfAbsent(style, (s) -> {
			CellStyle q = this.workbook.createCellStyle();
			q.cloneStyleFrom(s);
			q.setQuotePrefixed(true);
			return q;
		});
	}

}
