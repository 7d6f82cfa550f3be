package org.dutychain.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader: comma-separated fields, optional double quotes around a field,
 * {@code ""} for a quote inside quotes, line breaks (CRLF, LF or CR) inside quoted
 * fields. Lenient where RFC 4180 is strict: a quote inside an unquoted field is kept as
 * written, text after a closing quote is appended, an unclosed quote runs to the end.
 */
final class Csv {

	private Csv() {
	}

	/**
	 * Every record of the text, in order; a blank line is a record with one empty field
	 * (so record i is Excel row i + 1). A final line break does not start another record.
	 */
	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStarted = false;
		int n = text.length();
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < n && text.charAt(i + 1) == '"') {
						field.append('"');
						i += 2;
						continue;
					}
					quoted = false;
				}
				else {
					field.append(c);
				}
				i++;
				continue;
			}
			if (c == '"' && !fieldStarted) {
				quoted = true;
				fieldStarted = true;
			}
			else if (c == ',') {
				record.add(field.toString());
				field.setLength(0);
				fieldStarted = false;
			}
			else if (c == '\r' || c == '\n') {
				record.add(field.toString());
				records.add(record);
				record = new ArrayList<>();
				field.setLength(0);
				fieldStarted = false;
				if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
					i++;
				}
			}
			else {
				field.append(c);
				fieldStarted = true;
			}
			i++;
		}
		if (fieldStarted || !record.isEmpty() || field.length() > 0) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

}
