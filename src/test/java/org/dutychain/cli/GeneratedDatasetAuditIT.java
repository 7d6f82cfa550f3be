package org.dutychain.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.DutychainApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through the CLI, as a user would: {@code generate} a province with planted
 * gaps, then {@code audit} it with {@code --format json}. For every code the generator
 * controls ({@code truth-codes.txt}) the audit's findings equal {@code truth.csv} exactly
 * (recall and precision 100 %), and stdout holds nothing but the JSON document.
 */
class GeneratedDatasetAuditIT {

	@TempDir
	static Path dir;

	static JsonNode audit;

	static int exitCode;

	static String stdout;

	@BeforeAll
	static void generateAndAudit() throws IOException {
		Path dataset = dir.resolve("province");
		assertThat(
				run("generate", "--units", "400", "--seed", "7", "--plant-rate", "0.05", "--out", dataset.toString()))
			.isZero();
		exitCode = run("audit", dataset.toString(), "--format", "json");
		stdout = lastStdout;
		audit = new ObjectMapper().readTree(stdout);
	}

	private static String lastStdout;

	static int run(String... args) {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			return DutychainCli.run(DutychainApplication.class, args);
		}
		finally {
			System.setOut(original);
			lastStdout = captured.toString(StandardCharsets.UTF_8);
		}
	}

	@Test
	void stdoutIsOneAuditDocument() {
		assertThat(audit.has("dataset")).isTrue();
		assertThat(audit.get("asOf").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(audit.get("findings").isArray()).isTrue();
		assertThat(audit.get("analyses")).hasSizeGreaterThanOrEqualTo(4);
		assertThat(stdout.strip()).startsWith("{").endsWith("}");
	}

	@Test
	void exitCodeSaysWhetherThereAreHighFindings() {
		boolean high = false;
		for (JsonNode f : audit.get("findings")) {
			high |= f.get("severity").asText().equals("HIGH");
		}
		assertThat(exitCode).isEqualTo(high ? 1 : 0);
	}

	/**
	 * No analysis drowns the rest (issue 11): on a planted province none contributes more
	 * than a third of all findings.
	 */
	@Test
	void noAnalysisContributesMoreThanAThirdOfTheFindings() {
		Map<String, Integer> perAnalysis = new TreeMap<>();
		for (JsonNode f : audit.get("findings")) {
			perAnalysis.merge(f.get("analysis").asText(), 1, Integer::sum);
		}
		int total = audit.get("findings").size();
		assertThat(total).isPositive();
		assertThat(perAnalysis).allSatisfy((analysis, count) -> assertThat(3 * count)
			.as("%s: %d of %d findings (%s)", analysis, count, total, perAnalysis)
			.isLessThanOrEqualTo(total));
	}

	@Test
	void findingsMatchTheGeneratorsTruthForEveryControlledCode() throws IOException {
		Path dataset = dir.resolve("province");
		Set<String> codes = Files.readAllLines(dataset.resolve("truth-codes.txt"), StandardCharsets.UTF_8)
			.stream()
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(codes).isNotEmpty();
		Set<String> expected = new TreeSet<>();
		List<String> lines = Files.readAllLines(dataset.resolve("truth.csv"), StandardCharsets.UTF_8);
		for (String line : lines.subList(1, lines.size())) {
			if (!line.isBlank()) {
				String[] c = (line + ",,,,").split(",", -1);
				expected.add(String.join("|", c[0], c[1], c[2], c[3], c[4]));
			}
		}
		Set<String> actual = new TreeSet<>();
		for (JsonNode f : audit.get("findings")) {
			if (codes.contains(f.get("code").asText())) {
				actual.add(String.join("|", f.get("analysis").asText(), f.get("code").asText(), text(f, "unitId"),
						text(f, "postId"), text(f, "personId")));
			}
		}
		List<String> missing = new ArrayList<>(expected);
		missing.removeAll(actual);
		List<String> extra = new ArrayList<>(actual);
		extra.removeAll(expected);
		assertThat(missing).as("planted but not found (recall)").isEmpty();
		assertThat(extra).as("found but not planted (precision)").isEmpty();
	}

	private static String text(JsonNode f, String field) {
		JsonNode n = f.get(field);
		return (n == null || n.isNull()) ? "" : n.asText();
	}

}
