package org.dutychain.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.dutychain.config.Labeled;
import org.dutychain.organization.UnitKind;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.Column;
import org.dutychain.record.DatasetFormat.FileFormat;

import static org.assertj.core.api.Assertions.assertThat;

class ImportTemplateTests {

	private static XSSFWorkbook template() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new XlsxImportTemplate().write(out);
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	@Test
	void hasInstructionsDatasetAndOneSheetPerDatasetFile() throws IOException {
		try (XSSFWorkbook workbook = template()) {
			List<String> names = new ArrayList<>();
			workbook.forEach((s) -> names.add(s.getSheetName()));
			List<String> expected = new ArrayList<>(List.of("说明", "dataset"));
			DatasetFormat.FILES.forEach((f) -> expected.add(f.name()));
			assertThat(names).containsExactlyElementsOf(expected);
			XSSFSheet dataset = workbook.getSheet("dataset");
			assertThat(dataset.getRow(0).getCell(0).getStringCellValue()).isEqualTo("name");
			assertThat(dataset.getRow(1).getCell(0).getStringCellValue()).isEqualTo("as_of");
			assertThat(workbook.getSheet("说明").getRow(0).getCell(0).getStringCellValue()).contains("导入模板");
		}
	}

	@Test
	void headersAreChineseWithTheEnglishNameInTheirComment() throws IOException {
		try (XSSFWorkbook workbook = template()) {
			for (FileFormat file : DatasetFormat.FILES) {
				XSSFSheet sheet = workbook.getSheet(file.name());
				Row header = sheet.getRow(0);
				assertThat(header.getLastCellNum()).as(file.name()).isEqualTo((short) file.columns().size());
				for (int c = 0; c < file.columns().size(); c++) {
					Column column = file.columns().get(c);
					assertThat(header.getCell(c).getStringCellValue()).isEqualTo(column.zh());
					assertThat(file.column(header.getCell(c).getStringCellValue())).as("the importer resolves it")
						.contains(column);
					assertThat(header.getCell(c).getCellComment().getString().getString())
						.startsWith(column.name() + "\n");
				}
				assertThat(sheet.getLastRowNum()).as("no data rows").isZero();
				assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			}
		}
	}

	@Test
	void everyEnumerationColumnHasADropDownOfLabels() throws IOException {
		try (XSSFWorkbook workbook = template()) {
			for (FileFormat file : DatasetFormat.FILES) {
				XSSFSheet sheet = workbook.getSheet(file.name());
				List<? extends DataValidation> validations = sheet.getDataValidations();
				for (int c = 0; c < file.columns().size(); c++) {
					Column column = file.columns().get(c);
					int col = c;
					List<? extends DataValidation> here = validations.stream()
						.filter((v) -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == col)
						.toList();
					boolean enumerated = column.type() == DatasetFormat.Type.ENUM
							|| column.type() == DatasetFormat.Type.ENUM_LIST
							|| column.type() == DatasetFormat.Type.GRADE;
					assertThat(here).as(file.name() + "." + column.name()).hasSize(enumerated ? 1 : 0);
					if (enumerated && column.enumeration() != null) {
						String[] values = here.get(0).getValidationConstraint().getExplicitListValues();
						for (String v : values) {
							if (!v.equals("ALL")) {
								assertThat(Labeled.class.cast(parse(column, v))).as(v).isNotNull();
							}
						}
					}
				}
			}
			String[] kinds = workbook.getSheet("units")
				.getDataValidations()
				.get(0)
				.getValidationConstraint()
				.getExplicitListValues();
			assertThat(kinds).contains(UnitKind.BRANCH.zh(), UnitKind.ORGAN_WORK_COMMITTEE.zh())
				.hasSize(UnitKind.values().length);
		}
	}

	@Test
	void dateColumnsAreDateFormatted() throws IOException {
		try (XSSFWorkbook workbook = template()) {
			XSSFSheet sheet = workbook.getSheet("appointments");
			int since = DatasetFormat.APPOINTMENTS.columns()
				.indexOf(DatasetFormat.APPOINTMENTS.column("since").orElseThrow());
			assertThat(DateUtil.isADateFormat(sheet.getColumnStyle(since).getDataFormat(),
					sheet.getColumnStyle(since).getDataFormatString()))
				.isTrue();
			assertThat(sheet.getColumnStyle(0) == null || !DateUtil
				.isADateFormat(sheet.getColumnStyle(0).getDataFormat(), sheet.getColumnStyle(0).getDataFormatString()))
				.as("person column has no date style")
				.isTrue();
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object parse(Column column, String value) {
		return Labeled.parse((Class) column.enumeration(), value).orElse(null);
	}

}
