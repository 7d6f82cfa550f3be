package org.dutychain.ingest;

import java.time.LocalDate;
import java.util.Optional;

import org.dutychain.organization.UnitKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowParserTests {

	@Test
	void readsIsoDatesWithoutThePatternAsThePatternReadsThem() {
		assertThat(RowParser.date("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
		assertThat(RowParser.date(" 2025-12-31 ")).contains(LocalDate.of(2025, 12, 31));
		assertThat(RowParser.date("0000-01-01")).contains(LocalDate.of(0, 1, 1));
		assertThat(RowParser.date("2023-02-29")).isEmpty();
		assertThat(RowParser.date("2024-13-01")).isEmpty();
		assertThat(RowParser.date("2024-00-10")).isEmpty();
		assertThat(RowParser.date("2024-01-32")).isEmpty();
		assertThat(RowParser.date("２０２４-01-01")).isEmpty();
		assertThat(RowParser.date("2024-01-0x")).isEmpty();
		// the other spellings still go through the pattern
		assertThat(RowParser.date("2024-1-5")).contains(LocalDate.of(2024, 1, 5));
		assertThat(RowParser.date("2024/01/05")).contains(LocalDate.of(2024, 1, 5));
		assertThat(RowParser.date("2024年1月5日")).contains(LocalDate.of(2024, 1, 5));
		assertThat(RowParser.date("20240105")).isEmpty();
	}

	@Test
	void anEnumerationValueReadsTheSameWhenSeenAgain() {
		for (int i = 0; i < 3; i++) {
			assertThat(code("BRANCH")).contains("BRANCH");
			assertThat(code(" branch ")).contains("BRANCH");
			assertThat(code("no such kind")).isEmpty();
		}
	}

	private static Optional<String> code(String value) {
		return RowParser.code(UnitKind.class, value);
	}

}
