package org.dutychain.record;

/**
 * Formula text in exported cells (公式注入): a spreadsheet program runs a cell that starts
 * with {@code =}, {@code +}, {@code -}, {@code @}, TAB or CR as a formula
 * ({@code =HYPERLINK(…)}, {@code =cmd|' /C calc'!A0}). CSV exports write such text with
 * one leading apostrophe ({@link #neutralize}) and the CSV importer removes exactly one
 * such apostrophe ({@link #restore}), so an exported dataset re-imports to the same
 * values. XLSX exports keep the value and mark the string cell quote-prefixed
 * ({@link #startsLikeFormula}), which a spreadsheet program never evaluates.
 *
 * <p>
 * A value that already starts with an apostrophe followed by formula text gets one more
 * apostrophe, so {@code restore(neutralize(s)).equals(s)} for every {@code s}.
 */
public final class CellText {

	private CellText() {
	}

	/**
	 * Whether a spreadsheet program would read the text as a formula (or the text is an
	 * apostrophe-escaped form of such text).
	 */
	public static boolean isFormulaText(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		int i = 0;
		while (i < text.length() && text.charAt(i) == '\'') {
			i++;
		}
		if (i == text.length()) {
			return false;
		}
		char c = text.charAt(i);
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}

	/**
	 * Whether the text starts with a character that makes a typed cell a formula (XLSX:
	 * write it as a quote-prefixed string cell).
	 */
	public static boolean startsLikeFormula(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char c = text.charAt(0);
		return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
	}

	/** For a CSV export: the text with one leading apostrophe when it is formula text. */
	public static String neutralize(String text) {
		return isFormulaText(text) ? "'" + text : text;
	}

	/**
	 * For the importer: removes exactly one leading apostrophe that protects formula
	 * text; any other text is returned as it is.
	 */
	public static String restore(String text) {
		if (text != null && text.length() > 1 && text.charAt(0) == '\'' && isFormulaText(text.substring(1))) {
			return text.substring(1);
		}
		return text;
	}

}
