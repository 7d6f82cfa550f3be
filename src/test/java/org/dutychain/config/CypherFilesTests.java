package org.dutychain.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dutychain.analysis.AnalysisSettings;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every file under cypher/ without a database: it parses, every {@code $param} an
 * analysis statement uses is declared in its header's {@code params:} (or is a run
 * parameter every statement receives), and every {placeholder} of a message template of a
 * code with its own statement is a column some statement returns or a parameter.
 */
class CypherFilesTests {

	static final CypherFiles FILES = CypherFiles.load(new PathMatchingResourcePatternResolver());

	private static final Pattern PARAM = Pattern.compile("\\$([A-Za-z][A-Za-z0-9_]*)");

	private static final Pattern PLACEHOLDER = org.dutychain.analysis.Findings.PLACEHOLDER;

	private static final Pattern ALIAS = Pattern.compile("(?i)\\bAS\\s+([A-Za-z][A-Za-z0-9_]*)");

	@Test
	void everyFileParsesIntoStatements() {
		assertThat(FILES.all()).isNotEmpty();
		for (CypherFile file : FILES.all()) {
			if (file.statements().isEmpty()) {
				// only a rule file whose class reads nothing but shared loads
				// (duty-cascade: the duty lists and the unit graph of cypher/query/),
				// and then nothing but comments: Cypher without a statement marker
				// would be lost silently
				assertThat(file.path()).as("a file without statements").startsWith("analysis/");
				assertThat(file.headerValue("class")).as("cypher/" + file.path() + ": its class").isPresent();
				assertThat(file.text().lines().map(String::strip).filter((l) -> !l.isEmpty() && !l.startsWith("//")))
					.as("cypher/" + file.path() + ": text outside any statement")
					.isEmpty();
			}
		}
		assertThat(FILES.all().stream().filter((f) -> !f.statements().isEmpty())).isNotEmpty();
	}

	@Test
	void analysisParametersAreDeclaredInTheHeader() {
		Set<String> run = new LinkedHashSet<>(AnalysisSettings.defaults().toParameters().keySet());
		run.addAll(List.of("generation", "unitIds", "asOf"));
		List<String> undeclared = new ArrayList<>();
		for (CypherFile file : FILES.folder("analysis")) {
			String declared = file.headerValue("params").orElse("");
			for (CypherFile.Statement s : file.statements()) {
				Matcher m = PARAM.matcher(s.cypher());
				while (m.find()) {
					String p = m.group(1);
					if (!run.contains(p) && !declared.matches("(?s).*\\b" + p + "\\b.*")) {
						undeclared.add(file.path() + ": $" + p);
					}
				}
			}
		}
		assertThat(undeclared).isEmpty();
	}

	@Test
	void messagePlaceholdersAreColumnsOrParameters() {
		Set<String> params = new LinkedHashSet<>(AnalysisSettings.defaults().toParameters().keySet());
		params.addAll(List.of("generation", "unitIds", "asOf"));
		List<String> unknown = new ArrayList<>();
		for (CypherFile file : FILES.folder("analysis")) {
			Set<String> columns = new LinkedHashSet<>(params);
			file.statements().forEach((s) -> {
				Matcher m = ALIAS.matcher(s.cypher());
				while (m.find()) {
					columns.add(m.group(1));
				}
			});
			Set<String> statements = new LinkedHashSet<>();
			file.statements().forEach((s) -> statements.add(s.name()));
			file.header().forEach((key, value) -> {
				// codes without a statement of their own are built by the Java class;
				// AnalysisFixturesIT checks that
				// their rendered messages keep no placeholder
				boolean message = key.endsWith(".zh") || key.endsWith(".en");
				if (message && statements.contains(key.substring(0, key.length() - 3))) {
					Matcher m = PLACEHOLDER.matcher(value);
					while (m.find()) {
						if (!columns.contains(m.group(1))) {
							unknown.add(file.path() + " " + key + ": {" + m.group(1) + "}");
						}
						if (m.group(2) != null && !org.dutychain.analysis.MessageLabels.isType(m.group(2))) {
							unknown.add(file.path() + " " + key + ": label type " + m.group(2));
						}
					}
				}
			});
		}
		assertThat(unknown).isEmpty();
	}

	@Test
	void parserRejectsAStatementWithoutTerminator() {
		assertThatThrownBy(() -> CypherFiles.parse("x.cypher", "// id: x\n\nMATCH (n) RETURN n\n"))
			.hasMessageContaining("does not end with ';'");
	}

	@Test
	void parserReadsNamedStatementsAndContinuationLines() {
		CypherFile f = CypherFiles.parse("analysis/x.cypher", """
				// id:     x
				// codes:  A HIGH: first
				//         B LOW: second

				// statement: A
				MATCH (n) // a comment; not the end
				RETURN n;
				// statement: b-data
				RETURN 1 AS one;
				""");
		assertThat(f.header().get("codes")).isEqualTo("A HIGH: first\nB LOW: second");
		assertThat(f.statements()).extracting(CypherFile.Statement::name).containsExactly("A", "b-data");
		assertThat(f.statement("A").cypher()).startsWith("MATCH (n)").endsWith("RETURN n");
	}

	@Test
	void fragmentsArePutWhereAStatementNamesThem() {
		java.util.Map<String, String> fragments = CypherFiles.fragments(
				java.util.Map.of("scope", "// the units in scope\nMATCH (u:Unit)\nWHERE u.generation = $generation",
						"scoped-count", "{{scope}}\nRETURN count(u) AS n"));
		CypherFile f = CypherFiles.parse("analysis/x.cypher", """
				// id: x

				// statement: a
				{{scoped-count}};
				// statement: b
				{{scope}}
				  AND u.kind = 'BRANCH'
				RETURN u.id AS id;
				""", fragments);
		assertThat(f.statement("a").cypher())
			.isEqualTo("MATCH (u:Unit)\nWHERE u.generation = $generation\nRETURN count(u) AS n");
		assertThat(f.statement("b").cypher()).startsWith("MATCH (u:Unit)\nWHERE u.generation").contains("AND u.kind");
		assertThat(f.statement("b").line()).isEqualTo(6);
		assertThat(f.text()).contains("{{scope}}");
		assertThatThrownBy(() -> CypherFiles.parse("analysis/y.cypher", "// id: y\n\n{{nope}}\nRETURN 1;\n", fragments))
			.hasMessageContaining("cypher/analysis/y.cypher:3")
			.hasMessageContaining("no fragment cypher/fragment/nope.cypher");
		assertThatThrownBy(() -> CypherFiles.fragments(java.util.Map.of("a", "{{b}}", "b", "{{a}}")))
			.hasMessageContaining("circle");
	}

	@Test
	void aSharedFragmentIsReadFromItsParameterInTheSharedForm() {
		java.util.Map<String, String> texts = java.util.Map.of("scope",
				"MATCH (u:Unit)\nWHERE u.generation = $generation", "latest",
				"// the latest year\n// shared: latestYear\n// columns: year\n"
						+ "CALL () {\n  {{scope}}\n  RETURN max(u.year) AS year\n}",
				"latest-units", "// shared: latestUnits\n// columns: u:Unit, year\n"
						+ "CALL () {\n  {{latest}}\n  {{scope}}\n    AND u.year = year\n  RETURN u, year\n}");
		java.util.Map<String, String> fragments = CypherFiles.fragments(texts);
		java.util.Map<String, CypherFiles.Fact> facts = CypherFiles.facts(texts);
		assertThat(facts).containsOnlyKeys("latest", "latest-units");
		CypherFiles.Fact latest = facts.get("latest");
		assertThat(latest.parameter()).isEqualTo("latestYear");
		assertThat(latest.needs()).isEmpty();
		assertThat(latest.statement()).isEqualTo(fragments.get("latest") + "\nRETURN year");
		CypherFiles.Fact units = facts.get("latest-units");
		assertThat(units.columns()).containsExactly(new CypherFiles.Fact.Column("u", "Unit"),
				new CypherFiles.Fact.Column("year", null));
		assertThat(units.needs()).containsExactly("latestYear");
		assertThat(units.statement()).contains("UNWIND $latestYear AS shared_latestYear")
			.doesNotContain("max(u.year)")
			.endsWith("RETURN elementId(u) AS u, year");
		CypherFile f = CypherFiles.parse("analysis/x.cypher", """
				// id: x

				// statement: a
				{{latest-units}}
				RETURN u.id AS id;
				// statement: b
				{{scope}}
				RETURN u.id AS id;
				""", fragments, facts);
		CypherFile.Statement a = f.statement("a");
		assertThat(a.cypher()).contains("max(u.year)").doesNotContain("$latest");
		assertThat(a.facts()).containsExactly("latestUnits");
		assertThat(a.sharedCypher()).isEqualTo("""
				CALL () {
				  UNWIND $latestUnits AS shared_latestUnits
				  MATCH (u:Unit) WHERE elementId(u) = shared_latestUnits.u
				  RETURN u, shared_latestUnits.year AS year
				}
				RETURN u.id AS id""");
		CypherFile.Statement b = f.statement("b");
		assertThat(b.facts()).isEmpty();
		assertThat(b.sharedCypher()).isEqualTo(b.cypher());
		assertThatThrownBy(() -> CypherFiles.facts(java.util.Map.of("x", "// shared: x\nRETURN 1 AS one")))
			.hasMessageContaining("cypher/fragment/x.cypher")
			.hasMessageContaining("columns:");
		assertThatThrownBy(() -> CypherFiles.facts(java.util.Map.of("x", "// shared: p\n// columns: a\nRETURN 1 AS a",
				"y", "// shared: p\n// columns: b\nRETURN 1 AS b")))
			.hasMessageContaining("already shared");
	}

	@Test
	void theFactsOfTheRunAreDeclaredInFragments() {
		assertThat(FILES.facts()).containsKeys("weak-now", "weak-years");
		assertThat(FILES.facts().get("weak-now").needs()).containsExactly("weakYears");
		CypherFile.Statement statement = FILES.file("analysis/assistance-coverage.cypher").statement("WEAK_UNASSISTED");
		assertThat(statement.facts()).containsExactly("weakNow");
		assertThat(statement.sharedCypher()).contains("$weakNow").doesNotContain("GRADED");
		assertThat(statement.cypher()).doesNotContain("$weakNow").contains("GRADED");
	}

	@Test
	void sharedDefinitionsLiveOnceInFragments() {
		assertThat(FILES.fragments()).containsKeys("scope-units", "weak-years", "weak-now", "activity-weight",
				"expected-yearly");
		List<String> copies = new ArrayList<>();
		for (CypherFile file : FILES.folder("analysis")) {
			for (String text : List.of("u.id IN $unitIds)", "$weights[a.kind]", "$expected[u.kind]",
					"g.grade = 'D' AND g.year = abcdYear")) {
				if (file.text().contains(text)) {
					copies.add(file.path() + ": " + text);
				}
			}
		}
		assertThat(copies).as("write the fragment's {{name}} instead").isEmpty();
	}

}
