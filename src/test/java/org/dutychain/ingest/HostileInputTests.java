package org.dutychain.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dutychain.record.DatasetFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile corpus (issue 9) through the reader and the validator: every case is either
 * rejected with a clear {@code file:row:column: CODE message} problem or accepted with
 * its text exactly as written (formula text, Cypher fragments and markup stay inert
 * strings). The heavy cases (a zip bomb expanding to 4 GiB, 10^6 invalid rows, a
 * 5-million-character cell) run once each and must stay within a bounded heap.
 * {@code HostileInputIT} feeds the same corpus to the importer against a database.
 */
class HostileInputTests {

	@TempDir
	static Path dir;

	static List<HostileCorpus.Case> corpus;

	@BeforeAll
	static void generate() {
		corpus = HostileCorpus.generate(dir, true);
	}

	@AfterAll
	static void release() {
		corpus = null;
	}

	static Stream<HostileCorpus.Case> light() {
		return HostileCorpus.generate(dir.resolve("light"), false).stream();
	}

	static DatasetValidator.Result check(HostileCorpus.Case c) {
		DatasetValidator.Result result = DatasetValidator
			.validate(DatasetSources.read(c.source(), c.displayName(), c.limits()), c.limits());
		if (c.outcome() == HostileCorpus.Outcome.REJECTED) {
			assertThat(result.valid()).as("%s is rejected", c).isFalse();
			assertThat(result.problems()).as("%s: %s", c, result.problems())
				.anySatisfy((p) -> assertThat(p.code()).isEqualTo(c.code()));
			assertThat(result.problems()).as("at most the listed errors and one count")
				.hasSizeLessThanOrEqualTo(c.limits().errors() + 1);
			result.problems().forEach((p) -> {
				assertThat(p.message()).isNotBlank();
				assertThat(p.messageZh()).isNotBlank();
				assertThat(p.toString()).matches("(?s)[^:]*:\\d+:[^:]*: [A-Z_]+ .+");
			});
		}
		else {
			assertThat(result.problems()).as("%s is accepted", c).isEmpty();
			List<Map<String, Object>> units = result.dataset().rows(DatasetFormat.UNITS);
			assertThat(units).as("%s", c)
				.anySatisfy((u) -> assertThat(u).containsEntry("id", c.id()).containsEntry("name", c.name()));
		}
		return result;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("light")
	void everyHostileFileIsRejectedClearlyOrStoredAsText(HostileCorpus.Case c) {
		check(c);
	}

	@Test
	void theCorpusHasMoreThanAHundredFiles() {
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
		assertThat(corpus.stream().filter((c) -> c.outcome() == HostileCorpus.Outcome.STORED)).hasSizeGreaterThan(30);
	}

	@Test
	void heavyCasesStopAtTheirLimitWithinABoundedHeap() {
		for (HostileCorpus.Case c : corpus.stream().filter(HostileCorpus.Case::heavy).toList()) {
			System.gc();
			List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter((p) -> p.getType() == MemoryType.HEAP)
				.toList();
			heap.forEach(MemoryPoolMXBean::resetPeakUsage);
			DatasetValidator.Result result = check(c);
			long peak = heap.stream().mapToLong((p) -> p.getPeakUsage().getUsed()).sum();
			assertThat(peak).as("%s: peak heap in bytes", c).isLessThan(1536L << 20);
			if (c.code().equals("MORE_PROBLEMS")) {
				assertThat(result.problems()).hasSize(1001);
				assertThat(result.problems().get(1000).message()).contains("more problem");
			}
		}
	}

	@Test
	void aDeepChainIsReportedOnceAtTheFirstUnitBeyondTheLimit() {
		HostileCorpus.Case deep = corpus.stream()
			.filter((c) -> c.label().equals("a chain 50000 levels deep"))
			.findFirst()
			.orElseThrow();
		List<ImportProblem> problems = check(deep).problems();
		assertThat(problems).hasSize(1);
		assertThat(problems.get(0).toString()).startsWith("units.csv:66:parent_id: TOO_DEEP the unit 'u64'");
	}

}
