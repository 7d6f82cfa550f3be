package org.dutychain.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Validation of the small dataset and of one planted problem per code: each must come out
 * with its exact file, row (as Excel shows it, header = 1), column (as written) and code.
 * No database is needed.
 */
class DatasetValidationTests {

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

	private List<ImportProblem> problems() {
		return validate().problems();
	}

	@Test
	void smallDatasetIsValid() {
		DatasetValidator.Result result = validate();
		assertThat(result.problems()).isEmpty();
		ValidDataset data = result.dataset();
		assertThat(data.name()).isEqualTo("小型测试数据集");
		assertThat(data.asOf()).isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(data.rows(DatasetFormat.UNITS)).hasSize(16);
		assertThat(data.rows(DatasetFormat.DUTIES)).hasSize(12);
		assertThat(data.warnings()).isEmpty();
	}

	@Test
	void convertsLabelsDatesListsAndQuotedText() {
		ValidDataset data = validate().dataset();
		Map<String, Object> fgwZ02 = data.rows(DatasetFormat.UNITS).get(6);
		assertThat(fgwZ02).containsEntry("id", "fgw-z02").containsEntry("kind", "BRANCH").containsEntry("members", 2L);
		assertThat(data.rows(DatasetFormat.UNITS).get(14)).containsEntry("sector", "VILLAGE");
		assertThat(data.rows(DatasetFormat.APPOINTMENTS).get(5)).containsEntry("since", LocalDate.of(2022, 3, 5));
		assertThat(data.rows(DatasetFormat.APPOINTMENTS).get(12)).containsEntry("since", LocalDate.of(2020, 9, 1));
		assertThat(data.rows(DatasetFormat.POST_KINDS).get(0).get("domains")).asList().hasSize(8);
		assertThat(data.rows(DatasetFormat.POST_KINDS).get(2)).containsEntry("domains",
				List.of("ORGANIZATION", "MEMBER_EDUCATION"));
		assertThat(data.rows(DatasetFormat.POST_KINDS).get(5)).containsEntry("required_in",
				List.of("BRANCH", "JOINT_BRANCH"));
		assertThat(data.rows(DatasetFormat.POSTS).get(10)).containsEntry("kind", "BRANCH_SECRETARY");
		assertThat(data.rows(DatasetFormat.DUTIES).get(1)).containsEntry("text", "把党的政治建设摆在首位, 落实\"第一议题\"制度");
		assertThat((String) data.rows(DatasetFormat.DUTIES).get(4).get("text")).contains("\n");
		assertThat(data.rows(DatasetFormat.DUTIES).get(6)).containsEntry("cadence", "MONTHLY");
	}

	@Test
	void resolvesGradesPerScheme() throws IOException {
		TestDatasets.append(this.dir, "gradings.csv", "jyt-z01,2023,ABCD,一般,,");
		TestDatasets.append(this.dir, "gradings.csv", "jyt-z01,2023,述职评议,一般,p14,");
		TestDatasets.append(this.dir, "gradings.csv", "jyt-z01,2023,ANNUAL,基本合格,,");
		List<Map<String, Object>> gradings = validate().dataset().rows(DatasetFormat.GRADINGS);
		assertThat(gradings.subList(9, 12)).extracting((g) -> g.get("scheme"), (g) -> g.get("grade"))
			.containsExactly(tuple("ABCD", "C"), tuple("SECRETARY_REVIEW", "AVERAGE"), tuple("ANNUAL", "BASIC_PASS"));
	}

	@Test
	void workbookReadsLikeTheCsvFolder() {
		ValidDataset csv = validate().dataset();
		Path xlsx = WorkbookFromCsv.write(this.dir, this.temp.resolve("small.xlsx"));
		DatasetValidator.Result workbook = DatasetValidator.validate(DatasetSources.read(xlsx, "small.xlsx"));
		assertThat(workbook.problems()).isEmpty();
		assertThat(workbook.dataset().name()).isEqualTo(csv.name());
		assertThat(workbook.dataset().asOf()).isEqualTo(csv.asOf());
		assertThat(workbook.dataset().rows()).isEqualTo(csv.rows());
	}

	@Test
	void missingSheetOfAWorkbook() throws IOException {
		Files.delete(this.dir.resolve("units.csv"));
		Path xlsx = WorkbookFromCsv.write(this.dir, this.temp.resolve("book.xlsx"));
		assertThat(DatasetValidator.validate(DatasetSources.read(xlsx, "book.xlsx")).problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.contains(tuple("book.xlsx!units", 0, null, "MISSING_FILE"));
	}

	@Test
	void chineseFileNamesAreDatasetFiles() throws IOException {
		Files.move(this.dir.resolve("units.csv"), this.dir.resolve("单位.csv"));
		TestDatasets.append(this.dir, "单位.csv", "u-x,,BRANCH,wc,,,,,");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("单位.csv", 18, "name", "MISSING_VALUE"));
	}

	@Test
	void zipWithGbkEntryNamesInAFolder() throws IOException {
		Path zip = this.temp.resolve("数据.zip");
		try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip),
				java.nio.charset.Charset.forName("GBK"))) {
			try (var files = Files.list(this.dir)) {
				for (Path file : files.sorted().toList()) {
					String name = file.getFileName().toString().equals("units.csv") ? "单位.csv"
							: file.getFileName().toString();
					out.putNextEntry(new java.util.zip.ZipEntry("数据/" + name));
					out.write(Files.readAllBytes(file));
					out.closeEntry();
				}
			}
		}
		DatasetValidator.Result result = DatasetValidator.validate(DatasetSources.read(zip, "数据.zip"));
		assertThat(result.problems()).isEmpty();
		assertThat(result.dataset().rows()).isEqualTo(validate().dataset().rows());
	}

	@Test
	void missingFile() throws IOException {
		Files.delete(this.dir.resolve("units.csv"));
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("units.csv", 0, null, "MISSING_FILE"));
	}

	@Test
	void missingColumnAndUnknownColumnWarning() {
		TestDatasets.replaceLine(this.dir, "people.csv", 1, "id,nam,unit_id,title");
		DatasetValidator.Result result = validate();
		assertThat(result.problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("people.csv", 1, "name", "MISSING_COLUMN"));
		assertThat(DatasetValidator.validate(DatasetSources.read(this.dir, "small")).problems().get(0).messageZh())
			.contains("姓名");
	}

	@Test
	void unknownColumnsAndFilesAreWarningsOnly() throws IOException {
		TestDatasets.replaceLine(this.dir, "people.csv", 1, "id,name,unit_id,title,备注");
		Files.writeString(this.dir.resolve("README.md"), "notes");
		DatasetValidator.Result result = validate();
		assertThat(result.problems()).isEmpty();
		assertThat(result.dataset().warnings()).containsExactlyInAnyOrder(
				"README.md:0:: UNKNOWN_FILE not a dataset file; ignored",
				"people.csv:1:备注: UNKNOWN_COLUMN unknown column; ignored");
	}

	@Test
	void warnsAboutValuesKeptOutOfTheGraph() {
		TestDatasets.append(this.dir, "gradings.csv", "jyt-z01,2023,ABCD,B,p14,");
		TestDatasets.append(this.dir, "duties.csv", "d13,jyt,wc.sj,POLITICAL,带头落实,,,");
		DatasetValidator.Result result = validate();
		assertThat(result.problems()).isEmpty();
		assertThat(result.dataset().warnings()).containsExactly(
				"gradings.csv:11:person_id: IGNORED_VALUE person_id is only used for SECRETARY_REVIEW; ignored",
				"duties.csv:14:post_id: POST_OF_OTHER_UNIT the post wc.sj belongs to wc, not to jyt");
	}

	@Test
	void missingValue() {
		TestDatasets.append(this.dir, "units.csv", "u-x,,BRANCH,wc,,,,,");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("units.csv", 18, "name", "MISSING_VALUE"));
	}

	@Test
	void badDate() {
		TestDatasets.replaceLine(this.dir, "appointments.csv", 3, "p02,wc.zz,2020-13-15,");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("appointments.csv", 3, "since", "BAD_DATE"));
	}

	@Test
	void badNumberAndNegativeCount() {
		TestDatasets.replaceLine(this.dir, "units.csv", 4, "fgw,省发展和改革委员会党组,LEADING_PARTY_GROUP,wc,ORGAN,省直机关,很多,200,");
		TestDatasets.append(this.dir, "activities.csv", "a13,wc,MEETING,2024-01-01,-1,,");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("units.csv", 4, "members", "BAD_NUMBER"),
					tuple("activities.csv", 14, "count", "NEGATIVE_COUNT"));
	}

	@Test
	void unknownEnumValues() {
		TestDatasets.append(this.dir, "units.csv", "u-x,俱乐部,CLUB,wc,,,,,");
		TestDatasets.append(this.dir, "leadership.csv", "wc,u-x,PRIMARY");
		TestDatasets.append(this.dir, "gradings.csv", "xz-c01,2024,ABCD,AVERAGE,,");
		TestDatasets.append(this.dir, "posts.csv", "u-x.sj,u-x,BRANCH_SECRETARY,书记,ORGANIZATION;PARTY");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("units.csv", 18, "kind", "UNKNOWN_ENUM"),
					tuple("leadership.csv", 8, "kind", "UNKNOWN_ENUM"),
					tuple("posts.csv", 21, "domains", "UNKNOWN_ENUM"),
					tuple("gradings.csv", 11, "grade", "UNKNOWN_ENUM"));
	}

	@Test
	void duplicateId() {
		TestDatasets.append(this.dir, "people.csv", "p01,重名,wc,");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code,
					ImportProblem::message)
			.containsExactly(tuple("people.csv", 22, "id", "DUPLICATE_ID", "the id 'p01' is already used in row 2"));
	}

	@Test
	void duplicateRowsByNaturalKey() {
		TestDatasets.append(this.dir, "appointments.csv", "p01,wc.sj,2021/3/1,2024-01-01");
		TestDatasets.append(this.dir, "leadership.csv", "wc,fgw-jgdw,双重领导");
		TestDatasets.append(this.dir, "gradings.csv", "fgw-z01,2023,SECRETARY_REVIEW,GOOD,p09,");
		TestDatasets.append(this.dir, "personnel_events.csv", "p09,2024-05-10,提拔,again");
		TestDatasets.append(this.dir, "post_kinds.csv", "SECRETARY,书记,PRINCIPAL,,ALL");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("leadership.csv", 8, "leader_id", "DUPLICATE_ROW"),
					tuple("post_kinds.csv", 9, "key", "DUPLICATE_ROW"),
					tuple("appointments.csv", 22, "person_id", "DUPLICATE_ROW"),
					tuple("gradings.csv", 11, "unit_id", "DUPLICATE_ROW"),
					tuple("personnel_events.csv", 5, "person_id", "DUPLICATE_ROW"));
	}

	@Test
	void danglingReferences() {
		TestDatasets.append(this.dir, "posts.csv", "x.sj,nowhere,SECRETARY,书记,");
		TestDatasets.append(this.dir, "assistance.csv", "nobody,xz-v02,PAIRING,2024-01-01,");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("posts.csv", 21, "unit_id", "DANGLING_REFERENCE"),
					tuple("assistance.csv", 6, "assistant_id", "DANGLING_REFERENCE"));
	}

	@Test
	void derivedFromIsCheckedAfterTheFileSoADutyMayDeriveFromOneBelowIt() {
		// d90 derives from d91, written after it (valid); d92 from a duty that does not
		// exist (row 16)
		TestDatasets.append(this.dir, "duties.csv", "d90,wc,,ORGANIZATION,上级事项,d91,,");
		TestDatasets.append(this.dir, "duties.csv", "d91,wc,,ORGANIZATION,下级事项,,,");
		TestDatasets.append(this.dir, "duties.csv", "d92,wc,,ORGANIZATION,无源事项,d404,,");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("duties.csv", 16, "derived_from", "DANGLING_REFERENCE"));
	}

	@Test
	void unitLeadingItself() {
		TestDatasets.replaceLine(this.dir, "units.csv", 6,
				"fgw-jgjw,机关纪委,ORGAN_DISCIPLINE_COMMITTEE,fgw-jgjw,ORGAN,,,,");
		TestDatasets.append(this.dir, "leadership.csv", "xz,xz,GUIDANCE");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("units.csv", 6, "parent_id", "SELF_LEADERSHIP"),
					tuple("leadership.csv", 8, "leader_id", "SELF_LEADERSHIP"));
	}

	@Test
	void leadsCycleOverPrimaryAndLeadershipEdges() {
		TestDatasets.append(this.dir, "leadership.csv", "fgw-z01,fgw,GUIDANCE");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code,
					ImportProblem::message)
			.containsExactly(tuple("leadership.csv", 8, "leader_id", "LEADS_CYCLE",
					"this leading edge closes a cycle: fgw → fgw-jgdw → fgw-jgjw → fgw-z01 → fgw"));
	}

	@Test
	void primaryCycleWithoutRoot() {
		TestDatasets.append(this.dir, "units.csv", "c1,循环一,BRANCH,c2,,,,,");
		TestDatasets.append(this.dir, "units.csv", "c2,循环二,BRANCH,c1,,,,,");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("units.csv", 18, "parent_id", "LEADS_CYCLE"));
	}

	@Test
	void untilBeforeSince() {
		TestDatasets.replaceLine(this.dir, "appointments.csv", 8, "p07,fgw-jgdw.fsj,2020-01-01,2019-12-31");
		TestDatasets.append(this.dir, "first_secretaries.csv",
				"p18,xz-v01,VILLAGE_STATIONED,fgw,2024-03-01,2024-02-28");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("appointments.csv", 8, "until", "UNTIL_BEFORE_SINCE"),
					tuple("first_secretaries.csv", 4, "until", "UNTIL_BEFORE_SINCE"));
	}

	@Test
	void personIdEqualToUnitId() {
		TestDatasets.append(this.dir, "people.csv", "fgw,某人,,");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("people.csv", 22, "id", "ID_CLASH"));
	}

	@Test
	void notADataset() throws IOException {
		Path pdf = this.temp.resolve("report.pdf");
		Files.writeString(pdf, "%PDF-1.4");
		Path fakeXlsx = this.temp.resolve("book.xlsx");
		Files.writeString(fakeXlsx, "id,name\n");
		Path fakeZip = this.temp.resolve("data.zip");
		Files.write(fakeZip, new byte[] { 'P', 'K', 3, 4, 0, 0 });
		for (Path file : List.of(pdf, fakeXlsx, fakeZip)) {
			List<ImportProblem> problems = DatasetValidator
				.validate(DatasetSources.read(file, file.getFileName().toString()))
				.problems();
			assertThat(problems)
				.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
				.containsExactly(tuple(file.getFileName().toString(), 0, null, "NOT_A_DATASET"));
		}
	}

	@Test
	void undecodableTextIsBadEncoding() throws IOException {
		Files.write(this.dir.resolve("people.csv"), new byte[] { (byte) 0xFF, (byte) 0xFE, 'i', 0, 'd', 0 });
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.as("references to people.csv are not reported row by row once more")
			.containsExactly(tuple("people.csv", 0, null, "BAD_ENCODING"));
	}

	@Test
	void gbkAndUtf8WithBomDecodeToTheSameRows() {
		// a valid dataset streams its rows from the files: read them before re-encoding
		ValidDataset plain = inMemory(validate().dataset());
		TestDatasets.reencode(this.dir, "units.csv", java.nio.charset.Charset.forName("GBK"), false);
		TestDatasets.reencode(this.dir, "people.csv", StandardCharsets.UTF_8, true);
		TestDatasets.reencode(this.dir, "duties.csv", java.nio.charset.Charset.forName("GB18030"), false);
		DatasetValidator.Result result = validate();
		assertThat(result.problems()).isEmpty();
		assertThat(result.dataset().rows()).isEqualTo(plain.rows());
	}

	private static ValidDataset inMemory(ValidDataset data) {
		return new ValidDataset(data.name(), data.asOf(), data.rows(), data.warnings());
	}

	@Test
	void reportsEveryProblemAtOnceInFileOrder() {
		TestDatasets.append(this.dir, "people.csv", "p01,重名,nowhere,");
		TestDatasets.replaceLine(this.dir, "units.csv", 3, "dwc,纪检监察工委,DISCIPLINE_WORK_COMMITTEE,wc,ORGAN,省直机关,-5,,");
		TestDatasets.replaceLine(this.dir, "dataset.properties", 3, "as_of=2024-06-31");
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("dataset.properties", 3, "as_of", "BAD_DATE"),
					tuple("units.csv", 3, "members", "NEGATIVE_COUNT"), tuple("people.csv", 22, "id", "DUPLICATE_ID"),
					tuple("people.csv", 22, "unit_id", "DANGLING_REFERENCE"));
	}

	@Test
	void problemLineAsTheCliPrintsIt() {
		TestDatasets.replaceLine(this.dir, "appointments.csv", 3, "p02,wc.zz,someday,");
		assertThat(problems()).extracting(ImportProblem::toString)
			.containsExactly(
					"appointments.csv:3:since: BAD_DATE 'someday' is not a date (write yyyy-MM-dd, yyyy/M/d or yyyy年M月d日)");
	}

	@Test
	void activitySubkindDerivesTheKindAndAMismatchIsAnError() throws IOException {
		Path file = this.dir.resolve("activities.csv");
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
		lines.set(0, lines.get(0) + ",subkind");
		for (int i = 1; i < lines.size(); i++) {
			lines.set(i, lines.get(i) + ",");
		}
		lines.add("a20,xz-c01,,2024-05-10,1,,,支委会");
		lines.add("a21,xz-c01,STUDY,2024-05-20,1,,,PARTY_LECTURE");
		lines.add("a22,xz-c01,,2024-06-01,1,,,月末履职台账");
		Files.write(file, lines, StandardCharsets.UTF_8);
		DatasetValidator.Result valid = validate();
		assertThat(valid.problems()).isEmpty();
		List<Map<String, Object>> rows = valid.dataset().rows(DatasetFormat.ACTIVITIES);
		assertThat(rows.subList(rows.size() - 3, rows.size())).extracting((r) -> r.get("kind"), (r) -> r.get("subkind"))
			.containsExactly(tuple("MEETING", "BRANCH_COMMITTEE_MEETING"), tuple("STUDY", "PARTY_LECTURE"),
					tuple("REPORT", "MONTHLY_LEDGER"));
		lines.add("a23,xz-c01,CHECK,2024-06-02,1,,,党课");
		lines.add("a24,xz-c01,,2024-06-03,1,,,");
		lines.add("a25,xz-c01,,2024-06-04,1,,,茶话会");
		Files.write(file, lines, StandardCharsets.UTF_8);
		assertThat(problems())
			.extracting(ImportProblem::file, ImportProblem::row, ImportProblem::column, ImportProblem::code)
			.containsExactly(tuple("activities.csv", 17, "kind", "KIND_MISMATCH"),
					tuple("activities.csv", 18, "kind", "MISSING_VALUE"),
					tuple("activities.csv", 19, "subkind", "UNKNOWN_ENUM"));
		assertThat(problems().get(0).messageZh()).contains("党课").contains("学习").doesNotContain("PARTY_LECTURE");
	}

	@Test
	void theFirstReadCountsOnlyNonBlankRowsForSizingValidation() {
		// blank lines (and rows of empty cells) would otherwise size the hash arrays
		for (int i = 0; i < 50; i++) {
			TestDatasets.append(this.dir, "duties.csv", (i % 2 == 0) ? "" : ",,,,,,,");
		}
		RawDataset raw = DatasetSources.read(this.dir, "small");
		assertThat(raw.tables.get(DatasetFormat.DUTIES).count()).isEqualTo(12);
		assertThat(DatasetValidator.validate(raw).problems()).isEmpty();
	}

	@Test
	void hashesSizedFromTheRowCountTakeMoreThanCountedAndFindRepeats() {
		// the first read's count sizes the array; should more rows come, it still grows
		DatasetValidator.Hashes hashes = new DatasetValidator.Hashes(20);
		for (long h = 0; h < 40; h++) {
			hashes.add(h * 7);
		}
		hashes.add(21);
		hashes.add(280);
		assertThat(hashes.seal()).containsExactlyInAnyOrder(21L);
		assertThat(hashes.contains(273)).isTrue();
		assertThat(hashes.contains(280)).isTrue();
		assertThat(hashes.contains(22)).isFalse();
	}

}
