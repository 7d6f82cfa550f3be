package org.dutychain.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A small streaming RFC 4180 reader: comma-separated fields, optional double quotes
 * around a field, {@code ""} for a quote inside quotes, line breaks (CRLF, LF or CR)
 * inside quoted fields. Lenient where RFC 4180 is strict: a quote inside an unquoted
 * field is kept as written, text after a closing quote is appended, an unclosed quote
 * runs to the end. Records are handed to a {@link Sink} one at a time, so a file of
 * millions of rows is never held as text; a cell longer than the limit is cut there and
 * reported, so one huge cell cannot exhaust memory either.
 */
final class Csv {

	private Csv() {
	}

	/** Receives the records of a file. */
	interface Sink {

		/**
		 * One record; {@code index} 0 = the first record (Excel row {@code index + 1}).
		 */
		void record(int index, List<String> cells);

		/**
		 * The cell at {@code column} of record {@code index} had more than the limit of
		 * characters; it is cut there.
		 */
		default void cellTooLong(int index, int column) {
		}

		/**
		 * Whether record {@code index} is wanted as cells ({@link #record}); otherwise
		 * only its {@link #shape} is reported: no strings are made for it (a first pass
		 * that only counts rows reads millions of them).
		 */
		default boolean wantsCells(int index) {
			return true;
		}

		/**
		 * A record not wanted as cells: {@code blank} when every cell, as far as the cell
		 * limit, is blank ({@link String#isBlank()}), as its cells would be.
		 */
		default void shape(int index, boolean blank) {
		}

	}

	/**
	 * A field of a record not wanted as cells: how many characters it keeps (at most the
	 * limit) and whether the record so far holds a character that is not white space.
	 */
	private static final class Skim {

		int length;

		/** Fields of the record before this one. */
		int fields;

		boolean blank = true;

		void reset() {
			this.length = 0;
			this.fields = 0;
			this.blank = true;
		}

		/** As {@link Csv#append}: true when any character was beyond the limit. */
		boolean add(char[] chars, int from, int count, int limit) {
			int room = limit - this.length;
			int kept = Math.max(0, Math.min(room, count));
			if (this.blank) {
				for (int i = from; i < from + kept; i++) {
					if (!Character.isWhitespace(chars[i])) {
						this.blank = false;
						break;
					}
				}
			}
			this.length += kept;
			return kept < count;
		}

	}

	/** The text holds a NUL character: UTF-16 or a binary file, not CSV text. */
	static final class NotText extends RuntimeException {

		NotText() {
			super("NUL character in the text", null, false, false);
		}

	}

	/**
	 * Every record of the text, in order; a blank line is a record with one empty field
	 * (so record i is Excel row i + 1). A final line break does not start another record.
	 */
	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		try {
			parse(new StringReader(text), Integer.MAX_VALUE, (i, cells) -> records.add(cells));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return records;
	}

	/**
	 * Reads every record from {@code in}; cells are cut at {@code cellLimit} characters.
	 * Runs of ordinary characters are copied at once (the reader is on the path of every
	 * row, read more than once per import).
	 * @throws NotText at a NUL character
	 */
	static void parse(Reader in, int cellLimit, Sink sink) throws IOException {
		char[] buffer = new char[1 << 16];
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		Skim skim = new Skim();
		boolean cells = sink.wantsCells(0);
		boolean quoted = false;
		boolean fieldStarted = false;
		boolean cut = false;
		boolean pendingCr = false;
		boolean quoteSeen = false;
		int index = 0;
		int n;
		while ((n = in.read(buffer)) >= 0) {
			for (int i = 0; i < n; i++) {
				char c = buffer[i];
				if (c == '\u0000') {
					throw new NotText();
				}
				if (pendingCr) {
					pendingCr = false;
					if (c == '\n') {
						continue;
					}
				}
				if (quoted) {
					if (quoteSeen) {
						quoteSeen = false;
						if (c == '"') {
							cut |= cells ? append(field, buffer, i, 1, cellLimit) : skim.add(buffer, i, 1, cellLimit);
							continue;
						}
						quoted = false;
						// fall through: c is handled as unquoted text
					}
					else {
						if (c == '"') {
							quoteSeen = true;
						}
						else {
							// up to the next quote: commas and line breaks are text here
							int end = i + 1;
							while (end < n && buffer[end] != '"' && buffer[end] != '\u0000') {
								end++;
							}
							cut |= cells ? append(field, buffer, i, end - i, cellLimit)
									: skim.add(buffer, i, end - i, cellLimit);
							i = end - 1;
						}
						continue;
					}
				}
				if (c == '"' && !fieldStarted) {
					quoted = true;
					fieldStarted = true;
				}
				else if (c == ',') {
					if (cut) {
						sink.cellTooLong(index, cells ? record.size() : skim.fields);
						cut = false;
					}
					if (cells) {
						record.add(field.toString());
						field.setLength(0);
					}
					else {
						skim.fields++;
						skim.length = 0;
					}
					fieldStarted = false;
				}
				else if (c == '\r' || c == '\n') {
					if (cut) {
						sink.cellTooLong(index, cells ? record.size() : skim.fields);
						cut = false;
					}
					if (cells) {
						record.add(field.toString());
						sink.record(index++, record);
						record = new ArrayList<>();
						field.setLength(0);
					}
					else {
						sink.shape(index++, skim.blank);
						skim.reset();
					}
					cells = sink.wantsCells(index);
					fieldStarted = false;
					pendingCr = (c == '\r');
				}
				else {
					// up to the end of the field: a quote inside it is kept as written
					int end = i + 1;
					while (end < n && !ends(buffer[end])) {
						end++;
					}
					cut |= cells ? append(field, buffer, i, end - i, cellLimit)
							: skim.add(buffer, i, end - i, cellLimit);
					fieldStarted = true;
					i = end - 1;
				}
			}
		}
		if (cells ? (fieldStarted || !record.isEmpty() || field.length() > 0)
				: (fieldStarted || skim.fields > 0 || skim.length > 0)) {
			if (cut) {
				sink.cellTooLong(index, cells ? record.size() : skim.fields);
			}
			if (cells) {
				record.add(field.toString());
				sink.record(index, record);
			}
			else {
				sink.shape(index, skim.blank);
			}
		}
	}

	/** Whether {@code c} ends an unquoted run of text. */
	private static boolean ends(char c) {
		return c == ',' || c == '\r' || c == '\n' || c == '\u0000';
	}

	/**
	 * Appends {@code count} characters, as many as fit below the limit; true when any was
	 * dropped.
	 */
	private static boolean append(StringBuilder field, char[] chars, int from, int count, int limit) {
		int room = limit - field.length();
		if (room >= count) {
			field.append(chars, from, count);
			return false;
		}
		if (room > 0) {
			field.append(chars, from, room);
		}
		return true;
	}

}
