package org.dutychain.ingest;

import java.util.List;

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

}
