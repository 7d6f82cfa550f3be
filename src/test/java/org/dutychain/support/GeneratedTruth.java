package org.dutychain.support;

import java.io.IOException;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a generated dataset says it planted ({@code truth-codes.txt}, {@code truth.csv})
 * and the comparison of an audit's findings with it, for the tests that audit a generated
 * province.
 */
public final class GeneratedTruth {

	/** The codes computed per audited scope (AccessScope.SCOPE_LEVEL_CODES). */
	public static final Set<String> SCOPE_LEVEL_CODES = Set.of("QUOTA_SHORTFALL", "LEVEL_DECAY", "HOT_TOP_COLD_BOTTOM");

	private GeneratedTruth() {
	}

	/** The codes the generator controls ({@code truth-codes.txt}). */
	public static Set<String> controlledCodes(Path dataset) throws IOException {
		return Files.readAllLines(dataset.resolve("truth-codes.txt"), StandardCharsets.UTF_8)
			.stream()
			.map(String::strip)
			.filter((s) -> !s.isEmpty())
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** truth.csv rows (without the scope) by scope ("" = the whole dataset's audit). */
	public static Map<String, Set<String>> byScope(Path dataset) throws IOException {
		Map<String, Set<String>> rows = new TreeMap<>();
		List<String> lines = Files.readAllLines(dataset.resolve("truth.csv"), StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo("analysis,code,unit_id,post_id,person_id,scope");
		for (String line : lines.subList(1, lines.size())) {
			if (!line.isBlank()) {
				String[] c = (line + ",,,,,").split(",", -1);
				rows.computeIfAbsent(c[5], (k) -> new TreeSet<>()).add(String.join("|", c[0], c[1], c[2], c[3], c[4]));
			}
		}
		return rows;
	}

	/**
	 * Asserts that an audit document's findings of {@code codes} are exactly the
	 * {@code expected} rows (analysis|code|unit|post|person): nothing planted is missed
	 * (recall) and nothing else is found (precision).
	 */
	public static void assertMatches(JsonNode document, Set<String> codes, Set<String> expected, String what) {
		Set<String> actual = new TreeSet<>();
		for (JsonNode f : document.get("findings")) {
			if (codes.contains(f.get("code").asText())) {
				actual.add(String.join("|", f.get("analysis").asText(), f.get("code").asText(), text(f, "unitId"),
						text(f, "postId"), text(f, "personId")));
			}
		}
		List<String> missing = new ArrayList<>(expected);
		missing.removeAll(actual);
		List<String> extra = new ArrayList<>(actual);
		extra.removeAll(expected);
		assertThat(missing).as("%s: planted but not found (recall)", what).isEmpty();
		assertThat(extra).as("%s: found but not planted (precision)", what).isEmpty();
	}

	private static String text(JsonNode f, String field) {
		JsonNode n = f.get(field);
		return (n == null || n.isNull()) ? "" : n.asText();
	}

}
