package org.dutychain.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BulkLoaderTests {

	@Test
	void constraintsAreToldFromIndexesPastLeadingComments() {
		assertThat(BulkLoader.isConstraint("// why\n// more\nCREATE CONSTRAINT unit_key IF NOT EXISTS FOR (n:Unit)"))
			.isTrue();
		assertThat(BulkLoader.isConstraint("  create constraint x FOR (n:X) REQUIRE n.id IS UNIQUE")).isTrue();
		assertThat(BulkLoader.isConstraint("// CREATE CONSTRAINT in a comment\nCREATE INDEX unit_name FOR (n:Unit)"))
			.isFalse();
		assertThat(BulkLoader.isConstraint("// only a comment")).isFalse();
	}

	@Test
	void statementsAreToldByTheLabelOfTheirFirstNodePattern() {
		assertThat(BulkLoader.label("// (x:Comment)\nCREATE CONSTRAINT unit_key IF NOT EXISTS FOR (n:Unit) "
				+ "REQUIRE (n.generation, n.id) IS UNIQUE"))
			.isEqualTo("Unit");
		assertThat(
				BulkLoader.label("MATCH (g:Grading)\nWHERE g.problems IS NULL\nCALL (g) {\n  SET g.problems = []\n}"))
			.isEqualTo("Grading");
		assertThat(BulkLoader.label("CALL db.awaitIndexes(86400)")).isEmpty();
	}

}
