package org.dutychain.config;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaStatementsTests {

	@Test
	void constraintsAreToldFromIndexesPastLeadingComments() {
		assertThat(
				SchemaStatements.isConstraint("// why\n// more\nCREATE CONSTRAINT unit_key IF NOT EXISTS FOR (n:Unit)"))
			.isTrue();
		assertThat(SchemaStatements.isConstraint("  create constraint x FOR (n:X) REQUIRE n.id IS UNIQUE")).isTrue();
		assertThat(
				SchemaStatements.isConstraint("// CREATE CONSTRAINT in a comment\nCREATE INDEX unit_name FOR (n:Unit)"))
			.isFalse();
		assertThat(SchemaStatements.isConstraint("// only a comment")).isFalse();
	}

	@Test
	void statementsAreToldByTheLabelOfTheirFirstNodePattern() {
		assertThat(SchemaStatements.label("// (x:Comment)\nCREATE CONSTRAINT unit_key IF NOT EXISTS FOR (n:Unit) "
				+ "REQUIRE (n.generation, n.id) IS UNIQUE"))
			.isEqualTo("Unit");
		assertThat(SchemaStatements
			.label("MATCH (g:Grading)\nWHERE g.problems IS NULL\nCALL (g) {\n  SET g.problems = []\n}"))
			.isEqualTo("Grading");
		assertThat(SchemaStatements.label("CALL db.awaitIndexes(86400)")).isEmpty();
	}

	@Test
	void aFreshlyBulkLoadedStoreLeavesOutOnlyTheNamedLabelsKeys() {
		CypherFiles files = CypherFiles.load(new PathMatchingResourcePatternResolver());
		List<String> all = SchemaStatements.of(files, List.of());
		List<String> fewer = SchemaStatements.of(files, Set.of("Activity", "Duty"));
		assertThat(all).anyMatch((s) -> s.contains("activity_key")).anyMatch((s) -> s.contains("duty_key"));
		assertThat(fewer).noneMatch((s) -> s.contains("activity_key") || s.contains("duty_key"));
		// every other constraint and every index stays, in file order
		assertThat(fewer).containsExactlyElementsOf(
				all.stream().filter((s) -> !s.contains("activity_key") && !s.contains("duty_key")).toList());
		assertThat(all.size() - fewer.size()).isEqualTo(2);
		assertThat(fewer).anyMatch((s) -> s.contains("unit_key"));
	}

}
