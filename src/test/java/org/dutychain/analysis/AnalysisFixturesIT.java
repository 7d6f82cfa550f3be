package org.dutychain.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dutychain.config.Neo4jGraph;
import org.dutychain.support.FixtureFile;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every planted fixture under {@code fixtures/analysis/<id>/<CODE>/}: on
 * {@code positive.cypher} the keys of that code's findings equal {@code expect:} exactly
 * and every evidence id exists; on {@code near-miss.cypher} no finding of that code comes
 * out. Running twice gives equal results.
 */
@GraphIT
class AnalysisFixturesIT {

	static final Path ROOT = Path.of("src/test/resources/fixtures/analysis");

	@Autowired
	AnalysisService analyses;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	Neo4jGraph graph;

	static Stream<Arguments> fixtureFiles() throws IOException {
		try (Stream<Path> files = Files.walk(ROOT)) {
			List<Path> all = files.filter((p) -> p.toString().endsWith(".cypher")).sorted().toList();
			return all.stream().map((p) -> Arguments.of(ROOT.relativize(p).toString(), p));
		}
	}

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z][A-Z_]{2,}");

	/**
	 * Messages show labels, never enum codes (GH-11): the codes of any label type found
	 * in a text.
	 */
	static List<String> codesIn(String text) {
		java.util.Set<String> codes = MessageLabels.codes();
		List<String> found = new java.util.ArrayList<>();
		java.util.regex.Matcher m = CODE.matcher(text);
		while (m.find()) {
			if (codes.contains(m.group())) {
				found.add(m.group());
			}
		}
		return found;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("fixtureFiles")
	void fixtureYieldsExactlyTheExpectedFindings(String name, Path path) {
		FixtureFile fixture = this.fixtures.load(path);
		String analysis = path.getParent().getParent().getFileName().toString();
		String code = path.getParent().getFileName().toString();
		AnalysisResult result = this.analyses.run(analysis, fixture.scope(), fixture.asOf());
		List<Finding> ofCode = result.findings().stream().filter((f) -> f.code().equals(code)).toList();
		assertThat(ofCode).extracting(Finding::key).containsExactlyInAnyOrderElementsOf(fixture.expect());
		for (Finding f : ofCode) {
			assertThat(f.messageZh()).doesNotContain("{").isNotBlank();
			assertThat(f.messageEn()).doesNotContain("{").isNotBlank();
			assertThat(codesIn(f.messageZh() + " " + f.messageEn()))
				.as("enum codes in the messages of %s: %s | %s", f.key(), f.messageZh(), f.messageEn())
				.isEmpty();
			assertThat(f.evidence().nodeIds()).as("evidence of %s", f.key()).isNotEmpty();
			for (String id : f.evidence().nodeIds()) {
				assertThat(this.graph.read("MATCH (n {id: $id}) RETURN n.id AS id LIMIT 1", Map.of("id", id)))
					.as("evidence id %s of %s exists", id, f.key())
					.isNotEmpty();
			}
		}
		AnalysisResult again = this.analyses.run(analysis, fixture.scope(), fixture.asOf());
		assertThat(again.findings()).isEqualTo(result.findings());
	}

}
