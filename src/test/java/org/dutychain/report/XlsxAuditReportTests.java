package org.dutychain.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxAuditReportTests {

	private static XSSFWorkbook render(boolean withDiff) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxAuditReport.write(ReportSamples.content(withDiff), out);
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	@Test
	void writesOneSheetPerSection() throws IOException {
		try (XSSFWorkbook workbook = render(false)) {
			assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo(XlsxAuditReport.COVER);
			for (String name : new String[] { XlsxAuditReport.COVER, XlsxAuditReport.SCORES, XlsxAuditReport.COVERAGE,
					XlsxAuditReport.PRESSURE, XlsxAuditReport.FINDINGS, XlsxAuditReport.STAFFING, XlsxAuditReport.WEAK,
					XlsxAuditReport.SUPERVISIONS, XlsxAuditReport.RULES }) {
				assertThat(workbook.getSheet(name)).as(name).isNotNull();
			}
			assertThat(workbook.getSheet(XlsxAuditReport.CHANGES)).isNull();
		}
	}

	@Test
	void findingsSheetHasAFrozenFilteredHeaderAndOneRowPerFinding() throws IOException {
		try (XSSFWorkbook workbook = render(false)) {
			XSSFSheet sheet = workbook.getSheet(XlsxAuditReport.FINDINGS);
			Row header = sheet.getRow(0);
			assertThat(header.getCell(1).getStringCellValue()).isEqualTo("严重程度");
			assertThat(header.getCell(7).getStringCellValue()).isEqualTo("问题说明");
			assertThat(sheet.getLastRowNum()).isEqualTo(ReportSamples.findings().size());
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("高");
			assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("书记 —（空缺，主体责任）");
			assertThat(sheet.getRow(5).getCell(1).getStringCellValue()).isEqualTo("低");
			XSSFCellStyle high = (XSSFCellStyle) sheet.getRow(1).getCell(1).getCellStyle();
			assertThat(high.getFillForegroundColorColor().getARGBHex()).endsWith("FFC7CE");
			assertThat(sheet.getColumnWidth(7)).as("message column fits Chinese text").isGreaterThan(30 * 256);
		}
	}

	@Test
	void datesAreRealExcelDates() throws IOException {
		try (XSSFWorkbook workbook = render(false)) {
			Cell asOf = workbook.getSheet(XlsxAuditReport.COVER).getRow(4).getCell(1);
			assertThat(workbook.getSheet(XlsxAuditReport.COVER).getRow(4).getCell(0).getStringCellValue())
				.isEqualTo("评估日期");
			assertThat(asOf.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(asOf)).isTrue();
			assertThat(asOf.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(ReportSamples.AS_OF);
			Cell until = workbook.getSheet(XlsxAuditReport.STAFFING).getRow(2).getCell(7);
			assertThat(DateUtil.isCellDateFormatted(until)).isTrue();
			assertThat(until.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 8, 31));
			Cell deadline = workbook.getSheet(XlsxAuditReport.SUPERVISIONS).getRow(1).getCell(5);
			assertThat(DateUtil.isCellDateFormatted(deadline)).isTrue();
			assertThat(deadline.getLocalDateTimeCellValue().atZone(ZoneId.systemDefault()).toLocalDate())
				.isEqualTo(LocalDate.of(2025, 4, 1));
		}
	}

	@Test
	void coverageIsAPercentMatrixOfLevelsAndDomains() throws IOException {
		try (XSSFWorkbook workbook = render(false)) {
			XSSFSheet sheet = workbook.getSheet(XlsxAuditReport.COVERAGE);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("政治建设");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(0.5);
			assertThat(sheet.getRow(2).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
		}
	}

	@Test
	void includesTheChangesSinceASnapshotWhenOneIsChosen() throws IOException {
		try (XSSFWorkbook workbook = render(true)) {
			XSSFSheet sheet = workbook.getSheet(XlsxAuditReport.CHANGES);
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("新增");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("关闭");
			XSSFSheet levels = workbook.getSheet(XlsxAuditReport.LEVEL_CHANGES);
			assertThat(levels.getLastRowNum()).isEqualTo(2);
			assertThat(levels.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(-0.2);
			assertThat(levels.getRow(2).getCell(6).getNumericCellValue()).as("政治建设").isEqualTo(0.5);
			assertThat(workbook.getSheet(XlsxAuditReport.COVER).getRow(12).getCell(1).getStringCellValue())
				.startsWith("自上次检查以来：关闭 2 项，新增 1 项");
		}
	}

	@Test
	void appendixHoldsEveryLineOfTheRuleText() throws IOException {
		try (XSSFWorkbook workbook = render(false)) {
			XSSFSheet sheet = workbook.getSheet(XlsxAuditReport.RULES);
			assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("MATCH (u:Unit)");
		}
	}

}
