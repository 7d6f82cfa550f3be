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

}
