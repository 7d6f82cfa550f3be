package org.dutychain.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template filled in the way a user would (Chinese labels from the drop-downs, Excel
 * dates) imports cleanly.
 */
@GraphIT
class ImportTemplateRoundTripIT {

	@Autowired
	private ImportTemplate template;

	@Autowired
	private DatasetImporter importer;

	@Autowired
	private GraphFixtures fixtures;

	@Test
	void filledTemplateImports() throws IOException {
		this.fixtures.wipe();
		ByteArrayOutputStream empty = new ByteArrayOutputStream();
		this.template.write(empty);
		ByteArrayOutputStream filled = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(empty.toByteArray()))) {
			XSSFSheet dataset = workbook.getSheet("dataset");
			dataset.getRow(0).getCell(1).setCellValue("模板测试");
			dataset.getRow(1).getCell(1).setCellValue(LocalDate.of(2025, 6, 30));
			row(workbook.getSheet("units"), 1, "U-1", "省直机关工委", "机关工委", null, "机关");
			row(workbook.getSheet("units"), 2, "U-2", "第一党支部", "党支部", "U-1", "机关");
			row(workbook.getSheet("people"), 1, "PE-1", "张三", "U-2", "支部书记");
			row(workbook.getSheet("posts"), 1, "P-1", "U-2", "BRANCH_SECRETARY", "支部书记", null);
			row(workbook.getSheet("appointments"), 1, "PE-1", "P-1", LocalDate.of(2024, 1, 1), null);
			row(workbook.getSheet("duties"), 1, "D-1", "U-2", null, "基层组织建设", "落实三会一课", null, "每月", null);
			workbook.write(filled);
		}
		ImportResult result = this.importer.importUpload("template.xlsx",
				new ByteArrayInputStream(filled.toByteArray()));
		assertThat(result.dataset()).isEqualTo("模板测试");
		assertThat(result.asOf()).isEqualTo(LocalDate.of(2025, 6, 30));
		assertThat(result.counts())
			.containsAllEntriesOf(Map.of("units", 2, "people", 1, "posts", 1, "appointments", 1, "duties", 1));
	}

	private static void row(XSSFSheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		for (int c = 0; c < values.length; c++) {
			Object v = values[c];
			if (v instanceof LocalDate d) {
				row.createCell(c).setCellValue(d);
			}
			else if (v != null) {
				row.createCell(c).setCellValue(String.valueOf(v));
			}
		}
	}

}
