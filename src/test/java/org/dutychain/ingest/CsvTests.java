package org.dutychain.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void readsQuotedFieldsWithCommasQuotesAndLineBreaks() {
		assertThat(Csv.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n"))
			.containsExactly(List.of("a", "b"), List.of("x, y", "say \"hi\""), List.of("two\nlines", ""));
	}

	@Test
	void keepsBlankLinesAsRecordsSoRowNumbersMatchExcel() {
		assertThat(Csv.parse("h\n\nv")).containsExactly(List.of("h"), List.of(""), List.of("v"));
	}

	@Test
	void handlesOldMacLineEndsAndNoFinalLineBreak() {
		assertThat(Csv.parse("a,b\rc,d")).containsExactly(List.of("a", "b"), List.of("c", "d"));
	}

	@Test
	void emptyTextHasNoRecords() {
		assertThat(Csv.parse("")).isEmpty();
	}

	@Test
	void quoteInsideAnUnquotedFieldIsKept() {
		assertThat(Csv.parse("5\" pipe,x")).containsExactly(List.of("5\" pipe", "x"));
	}

	@Test
	void cutsLongCellsAndReportsThemLikeTheCharacterByCharacterReader() throws IOException {
		List<String> cut = new ArrayList<>();
		List<List<String>> records = new ArrayList<>();
		Csv.parse(new StringReader("abcdef,\"ghij\"\"kl\"x,mn\nop,\"q\n"), 4, new Csv.Sink() {

			@Override
			public void record(int index, List<String> cells) {
				records.add(cells);
			}

			@Override
			public void cellTooLong(int index, int column) {
				cut.add(index + ":" + column);
			}

		});
		assertThat(records).containsExactly(List.of("abcd", "ghij", "mn"), List.of("op", "q\n"));
		assertThat(cut).containsExactly("0:0", "0:1");
	}

	/**
	 * Random texts of separators, quotes, line breaks and text, read through readers that
	 * hand out a few characters at a time (runs end at every buffer boundary): the same
	 * records and cut cells as the reader that went one character at a time.
	 */
	@Test
	void readsRandomTextLikeTheCharacterByCharacterReader() throws IOException {
		Random random = new Random(10);
		char[] alphabet = { 'a', 'b', '中', ' ', ',', ',', '"', '"', '\r', '\n', '\n' };
		for (int round = 0; round < 5000; round++) {
			String text = randomText(random, alphabet);
			int limit = 1 + random.nextInt(8);
			int chunk = 1 + random.nextInt(7);
			List<String> expected = new ArrayList<>();
			reference(new StringReader(text), limit, recorder(expected));
			List<String> actual = new ArrayList<>();
			Csv.parse(chunked(text, chunk), limit, recorder(actual));
			assertThat(actual).as("text %s, limit %d", text, limit).isEqualTo(expected);
		}
	}

	/**
	 * Records not wanted as cells (a first pass that only counts rows): the same records,
	 * blank or not, and the same cut cells as when their cells are read, on random text
	 * with white space, quotes and cut cells.
	 */
	@Test
	void aRecordNotWantedAsCellsHasTheShapeOfItsCells() throws IOException {
		Random random = new Random(11);
		char[] alphabet = { 'a', '中', ' ', ' ', '\t', '\u3000', ',', ',', '"', '"', '\r', '\n', '\n' };
		for (int round = 0; round < 5000; round++) {
			String text = randomText(random, alphabet);
			int limit = 1 + random.nextInt(8);
			int chunk = 1 + random.nextInt(7);
			long wanted = random.nextLong();
			List<String> expected = new ArrayList<>();
			Csv.parse(chunked(text, chunk), limit, shapes(expected, (index) -> true, wanted));
			List<String> actual = new ArrayList<>();
			Csv.parse(chunked(text, chunk), limit,
					shapes(actual, (index) -> ((wanted >>> (index & 63)) & 1) == 1, wanted));
			assertThat(actual).as("text %s, limit %d", text, limit).isEqualTo(expected);
		}
	}

	/**
	 * Events of the records: cells of the records picked by {@code pick}, blank or not
	 * for every other, whichever way the parser read them.
	 */
	private static Csv.Sink shapes(List<String> events, java.util.function.IntPredicate wants, long pick) {
		java.util.function.IntPredicate picked = (index) -> ((pick >>> (index & 63)) & 1) == 1;
		return new Csv.Sink() {

			@Override
			public void record(int index, List<String> cells) {
				events.add(picked.test(index) ? index + "=" + cells : index + " blank " + RowParser.blank(cells));
			}

			@Override
			public boolean wantsCells(int index) {
				return wants.test(index);
			}

			@Override
			public void shape(int index, boolean blank) {
				events.add(index + " blank " + blank);
			}

			@Override
			public void cellTooLong(int index, int column) {
				events.add("cut " + index + ":" + column);
			}

		};
	}

	/** Up to 60 characters of {@code alphabet}. */
	private static String randomText(Random random, char[] alphabet) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(60);
		for (int i = 0; i < length; i++) {
			text.append(alphabet[random.nextInt(alphabet.length)]);
		}
		return text.toString();
	}

	private static Csv.Sink recorder(List<String> events) {
		return new Csv.Sink() {

			@Override
			public void record(int index, List<String> cells) {
				events.add(index + "=" + cells);
			}

			@Override
			public void cellTooLong(int index, int column) {
				events.add("cut " + index + ":" + column);
			}

		};
	}

	/** A reader that returns at most {@code chunk} characters per read. */
	private static Reader chunked(String text, int chunk) {
		return new StringReader(text) {

			@Override
			public int read(char[] cbuf, int off, int len) throws IOException {
				return super.read(cbuf, off, Math.min(len, chunk));
			}

		};
	}

	/** The reader as it was before runs of text were copied at once. */
	private static void reference(Reader in, int cellLimit, Csv.Sink sink) throws IOException {
		char[] buffer = new char[1 << 16];
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
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
							cut |= appendOne(field, c, cellLimit);
							continue;
						}
						quoted = false;
					}
					else {
						if (c == '"') {
							quoteSeen = true;
						}
						else {
							cut |= appendOne(field, c, cellLimit);
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
						sink.cellTooLong(index, record.size());
						cut = false;
					}
					record.add(field.toString());
					field.setLength(0);
					fieldStarted = false;
				}
				else if (c == '\r' || c == '\n') {
					if (cut) {
						sink.cellTooLong(index, record.size());
						cut = false;
					}
					record.add(field.toString());
					sink.record(index++, record);
					record = new ArrayList<>();
					field.setLength(0);
					fieldStarted = false;
					pendingCr = (c == '\r');
				}
				else {
					cut |= appendOne(field, c, cellLimit);
					fieldStarted = true;
				}
			}
		}
		if (fieldStarted || !record.isEmpty() || field.length() > 0) {
			if (cut) {
				sink.cellTooLong(index, record.size());
			}
			record.add(field.toString());
			sink.record(index, record);
		}
	}

	private static boolean appendOne(StringBuilder field, char c, int limit) {
		if (field.length() >= limit) {
			return true;
		}
		field.append(c);
		return false;
	}

}
