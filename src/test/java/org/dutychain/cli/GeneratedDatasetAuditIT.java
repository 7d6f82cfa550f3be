package org.dutychain.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.support.GeneratedTruth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.dutychain.support.InProcessCli;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end through the CLI, as a user would: {@code generate} a province with planted
 * gaps, then {@code audit} it with {@code --format json}. For every code the generator
 * controls ({@code truth-codes.txt}) the audit's findings equal {@code truth.csv} exactly
 * (recall and precision 100 %) — a scope-level code's in the audit of the scope its truth
 * row names — and stdout holds nothing but the JSON document.
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
		assertThat(InProcessCli
			.run("generate", "--units", "400", "--seed", "7", "--plant-rate", "0.05", "--out", dataset.toString())
			.code()).isZero();
		InProcessCli.Run run = InProcessCli.run("audit", dataset.toString(), "--format", "json");
		exitCode = run.code();
		stdout = run.out();
		audit = new ObjectMapper().readTree(stdout);
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
		Set<String> codes = GeneratedTruth.controlledCodes(dir.resolve("province"));
		assertThat(codes).isNotEmpty();
		Map<String, Set<String>> truth = GeneratedTruth.byScope(dir.resolve("province"));
		GeneratedTruth.assertMatches(audit, codes, truth.getOrDefault("", Set.of()), "whole dataset");
	}

	/**
	 * A scope-level code (HOT_TOP_COLD_BOTTOM) is planted as a finding of the audit of
	 * one scope (truth column {@code scope}): {@code audit --scope} of each such scope
	 * gives exactly its truth rows of the controlled scope-level codes — and the whole
	 * dataset's audit, compared above, none of them.
	 */
	@Test
	void scopedAuditsMatchTheTruthOfTheScopeLevelCodes() throws IOException {
		Set<String> codes = new TreeSet<>(GeneratedTruth.controlledCodes(dir.resolve("province")));
		codes.retainAll(GeneratedTruth.SCOPE_LEVEL_CODES);
		assertThat(codes).contains("HOT_TOP_COLD_BOTTOM");
		Map<String, Set<String>> truth = GeneratedTruth.byScope(dir.resolve("province"));
		truth.remove("");
		assertThat(truth).as("scopes with planted scope-level findings").isNotEmpty();
		for (Map.Entry<String, Set<String>> scope : truth.entrySet()) {
			InProcessCli.Run run = InProcessCli.run("audit", dir.resolve("province").toString(), "--scope",
					scope.getKey(), "--format", "json");
			assertThat(run.code()).isBetween(0, 1);
			JsonNode scoped = new ObjectMapper().readTree(run.out());
			assertThat(scoped.get("scope").asText()).isEqualTo(scope.getKey());
			GeneratedTruth.assertMatches(scoped, codes, scope.getValue(), "scope " + scope.getKey());
		}
	}

}
