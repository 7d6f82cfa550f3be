package org.dutychain.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dutychain.record.DatasetFormat;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The ledger's part of the format (issue 12): the optional measures.csv with Chinese
 * headers and labels, issues.csv closed_on / look_back_on and duties.csv status; old
 * datasets stay valid.
 */
class MeasuresValidationTests {

	@TempDir
	Path temp;

	Path dir;

	@BeforeEach
	void copySmallDataset() {
		this.dir = TestDatasets.copy("small", this.temp.resolve("small"));
	}

	private DatasetValidator.Result validate() {
		return DatasetValidator.validate(DatasetSources.read(this.dir, "small"));
	}

	private void write(String header) {
		try {
			java.nio.file.Files.writeString(this.dir.resolve("measures.csv"), header + "\n");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void aDatasetWithoutMeasuresIsStillValid() {
		DatasetValidator.Result result = validate();
		assertThat(result.problems()).isEmpty();
		assertThat(result.dataset().rows(DatasetFormat.MEASURES)).isEmpty();
	}

	@Test
	void chineseHeadersAndStatusLabelsAreRead() {
		write("编号,问题,措施内容,责任岗位,完成时限,状态,整改佐证,验收人,验收日期");
		TestDatasets.append(this.dir, "measures.csv", "m1,i01,按期完成换届选举,wc.sj,2024-09-30,整改中,,,");
		TestDatasets.append(this.dir, "measures.csv", "m2,i02,建立组织生活会台账,,2023-10-31,验收通过,台账照片,p01,2023年11月2日");
		TestDatasets.append(this.dir, "measures.csv", "m3,i03,补建流动党员台账,,,申请销号,台账已建立,,");
		TestDatasets.append(this.dir, "measures.csv", "m4,i03,谈话提醒,,,退回,,,");
		TestDatasets.append(this.dir, "measures.csv", "m5,i03,开展自查,,,计划,,,");
		DatasetValidator.Result result = validate();
		assertThat(result.problems()).isEmpty();
		List<Map<String, Object>> rows = result.dataset().rows(DatasetFormat.MEASURES);
		assertThat(rows).extracting((r) -> r.get("status"))
			.containsExactly("IN_PROGRESS", "VERIFIED", "SUBMITTED", "RETURNED", "PLANNED");
		assertThat(rows.get(1)).containsEntry("verified_on", LocalDate.of(2023, 11, 2))
			.containsEntry("verified_by", "p01")
			.containsEntry("issue_id", "i02");
		assertThat(rows.get(0)).containsEntry("owner_post_id", "wc.sj");
	}

	@Test
	void danglingIdsBadDatesAndUnknownLabelsAreReportedWhereTheyAre() {
		write("id,issue_id,text,owner_post_id,due,status,evidence,verified_by,verified_on");
		TestDatasets.append(this.dir, "measures.csv", "m1,i99,措施,nope.sj,2024-13-01,完成,,p99,");
		TestDatasets.append(this.dir, "measures.csv", "m1,i01,措施,,,PLANNED,,,");
		assertThat(validate().problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactlyInAnyOrder(tuple("measures.csv", 2, "issue_id", "DANGLING_REFERENCE"),
					tuple("measures.csv", 2, "owner_post_id", "DANGLING_REFERENCE"),
					tuple("measures.csv", 2, "due", "BAD_DATE"), tuple("measures.csv", 2, "status", "UNKNOWN_ENUM"),
					tuple("measures.csv", 2, "verified_by", "DANGLING_REFERENCE"),
					tuple("measures.csv", 3, "id", "DUPLICATE_ID"));
	}

	@Test
	void issuesCarryClosedAndLookBackDatesAndDutiesAStatus() {
		TestDatasets.replaceLine(this.dir, "issues.csv", 1,
				"id,unit_id,domain,title,found_on,source,severity,status,due,duty_id,closed_on,look_back_on");
		TestDatasets.replaceLine(this.dir, "issues.csv", 3,
				"i02,fgw-z02,ORGANIZATION,组织生活会质量不高,2023-06-10,INSPECTION,LOW,CLOSED,2023-12-31,,2023-12-20,2024-05-01");
		TestDatasets.replaceLine(this.dir, "duties.csv", 1,
				"id,unit_id,post_id,domain,text,derived_from,cadence,due,status");
		TestDatasets.append(this.dir, "duties.csv", "dx1,wc,,ORGANIZATION,草稿任务,,,,草稿");
		DatasetValidator.Result result = validate();
		assertThat(result.problems()).isEmpty();
		assertThat(result.dataset().rows(DatasetFormat.ISSUES).get(1))
			.containsEntry("closed_on", LocalDate.of(2023, 12, 20))
			.containsEntry("look_back_on", LocalDate.of(2024, 5, 1));
		List<Map<String, Object>> duties = result.dataset().rows(DatasetFormat.DUTIES);
		assertThat(duties.get(duties.size() - 1)).containsEntry("status", "DRAFT");
		assertThat(duties.get(0)).doesNotContainKey("status");
	}

}
