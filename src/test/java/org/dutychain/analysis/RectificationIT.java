package org.dutychain.analysis;

import java.time.LocalDate;
import java.util.List;

import org.dutychain.ingest.DatasetImporter;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rectification analysis on the demo province (a copy of shared/data/demo-province):
 * at its as_of 2024-06-30 exactly the 13 issues past their due and not closed are
 * RECTIFICATION_OVERDUE (issue 12), each naming its unit and an owner post.
 */
@GraphIT
class RectificationIT {

	static final List<String> OVERDUE = List.of("i024", "i029", "i033", "i036", "i040", "i041", "i043", "i045", "i046",
			"i047", "i049", "i051", "i054");

	@Autowired
	AnalysisService analyses;

	@Autowired
	DatasetImporter importer;

	@Autowired
	GraphFixtures fixtures;

	@Test
	void theDemoProvinceHasExactlyThirteenOverdueIssues() {
		this.fixtures.wipe();
		this.importer.importPath(TestDatasets.folder("demo-province"));
		AnalysisResult result = this.analyses.run("rectification", null, LocalDate.of(2024, 6, 30));
		List<Finding> overdue = result.findings()
			.stream()
			.filter((f) -> f.code().equals("RECTIFICATION_OVERDUE"))
			.toList();
		assertThat(overdue).extracting(Finding::issueId).containsExactlyInAnyOrderElementsOf(OVERDUE);
		assertThat(overdue).extracting(Finding::key)
			.allMatch((k) -> k.matches("rectification/RECTIFICATION_OVERDUE/i0\\d\\d"));
		assertThat(overdue).allSatisfy((f) -> {
			assertThat(f.severity()).isEqualTo(Severity.HIGH);
			assertThat(f.unitId()).isNotNull();
			assertThat(f.messageZh()).contains("逾期").doesNotContain("{");
		});
		// a day before the earliest due, nothing was overdue yet
		AnalysisResult early = this.analyses.run("rectification", null, LocalDate.of(2024, 2, 1));
		assertThat(early.findings()).extracting(Finding::code).doesNotContain("RECTIFICATION_OVERDUE");
	}

}
