package org.dutychain.ingest.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.support.GeneratedTruth;
import org.dutychain.support.InProcessCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province generated in many segments of 300 units (as a national dataset is, in
 * segments of {@value ProvinceGenerator#SEGMENT_UNITS}), audited through the CLI: for
 * every code the generator controls the audit's findings equal {@code truth.csv} exactly
 * — a scope-level code's in the audit of the scope its truth row names — and no unit,
 * person, post or record id repeats across segments.
 */
class SegmentedDatasetAuditIT {

	@TempDir
	static Path dir;

	static JsonNode audit;

	@BeforeAll
	static void generateAndAudit() throws IOException {
		new ProvinceGenerator().generate(1500, 7, 0.05, dataset(), 300);
		InProcessCli.Run run = InProcessCli.run("audit", dataset().toString(), "--format", "json");
		assertThat(run.code()).as(run.err()).isBetween(0, 1);
		audit = new ObjectMapper().readTree(run.out());
	}

	private static Path dataset() {
		return dir.resolve("province");
	}

	@Test
	void noIdRepeatsAcrossSegments() throws IOException {
		for (String file : List.of("units.csv", "people.csv", "posts.csv", "duties.csv", "activities.csv", "issues.csv",
				"supervisions.csv")) {
			List<String> lines = Files.readAllLines(dataset().resolve(file), StandardCharsets.UTF_8);
			Set<String> ids = new HashSet<>();
			for (String line : lines.subList(1, lines.size())) {
				String id = line.substring(0, line.indexOf(','));
				assertThat(ids.add(id)).as("%s: %s repeats", file, id).isTrue();
			}
			assertThat(ids).as(file).isNotEmpty();
		}
	}

	@Test
	void findingsMatchTheGeneratorsTruthForEveryControlledCode() throws IOException {
		Set<String> codes = GeneratedTruth.controlledCodes(dataset());
		assertThat(codes).isNotEmpty();
		Map<String, Set<String>> truth = GeneratedTruth.byScope(dataset());
		assertThat(truth.getOrDefault("", Set.of())).hasSizeGreaterThan(50);
		GeneratedTruth.assertMatches(audit, codes, truth.getOrDefault("", Set.of()), "whole dataset");
	}

	@Test
	void scopedAuditsMatchTheTruthOfTheScopeLevelCodes() throws IOException {
		Set<String> codes = new TreeSet<>(GeneratedTruth.controlledCodes(dataset()));
		codes.retainAll(GeneratedTruth.SCOPE_LEVEL_CODES);
		Map<String, Set<String>> truth = GeneratedTruth.byScope(dataset());
		truth.remove("");
		assertThat(truth).as("scopes with planted scope-level findings").isNotEmpty();
		for (Map.Entry<String, Set<String>> scope : truth.entrySet()) {
			InProcessCli.Run run = InProcessCli.run("audit", dataset().toString(), "--scope", scope.getKey(),
					"--format", "json");
			assertThat(run.code()).as(run.err()).isBetween(0, 1);
			GeneratedTruth.assertMatches(new ObjectMapper().readTree(run.out()), codes, scope.getValue(),
					"scope " + scope.getKey());
		}
	}

}
