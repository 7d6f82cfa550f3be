package org.dutychain.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import org.dutychain.config.Labeled;
import org.dutychain.duty.DutyDomain;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.Column;
import org.dutychain.record.DatasetFormat.FileFormat;

/**
 * The empty import workbook (导入模板), drawn from {@link DatasetFormat} so it cannot drift
 * from the importer: a sheet {@value #INSTRUCTIONS} with instructions, a sheet
 * {@value #DATASET} with the {@code name}/{@code as_of} rows, then one sheet per dataset
 * file named like the file. Row 1 holds the Chinese headers (the importer accepts them);
 * each header cell carries a comment with the English header, whether it is required and
 * what it holds. Enumeration columns get a drop-down of the Chinese labels, date columns
 * a date format.
 */
@Component
class XlsxImportTemplate implements ImportTemplate {

	static final String INSTRUCTIONS = "说明";

	static final String DATASET = "dataset";

	/** Rows (after the header) that carry drop-downs and formats. */
	static final int ROWS = 5000;

	/**
	 * Grade values of every grading scheme (ABCD, SECRETARY_REVIEW, ANNUAL,
	 * DESIGNATED_WEAK).
	 */
	static final List<String> GRADES = List.of("A", "B", "C", "D", "好", "较好", "一般", "差", "合格", "基本合格", "不合格", "Y");

	/** Excel refuses an explicit list longer than this (characters of the formula). */
	private static final int MAX_LIST = 250;

	@Override
	public void write(OutputStream out) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Styles styles = new Styles(workbook);
			instructions(workbook, styles);
			dataset(workbook, styles);
			for (FileFormat file : DatasetFormat.FILES) {
				file(workbook, styles, file);
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void instructions(XSSFWorkbook workbook, Styles styles) {
		XSSFSheet sheet = workbook.createSheet(INSTRUCTIONS);
		List<String> lines = new ArrayList<>(List.of("dutychain 数据导入模板", "",
				"1. 每个工作表对应一个数据文件，工作表名称即文件名（如 units = 单位），请勿改名；不需要的工作表可以留空或删除。",
				"2. 只有 units（单位）为必填；其他工作表按需填写。第 1 行为中文表头，请勿修改；表头批注中有英文列名和说明。",
				"3. 表头为红色的列为必填列。编号（id）在同一工作表内不得重复，引用其他表的编号必须存在。", "4. 类型、领域等枚举列请从下拉列表选择中文名称；也可直接填写英文代码（如 BRANCH）。",
				"5. 日期格式为 yyyy-MM-dd（也接受 yyyy/M/d、yyyy年M月d日 和 Excel 日期）。",
				"6. 一个单元格内的多个值用分号“;”分隔（也接受“；”和“、”），如 负责领域：组织建设;党员教育。",
				"7. dataset 工作表填写数据集名称（name）和评估日期（as_of）；as_of 是所有分析默认的评估日期。",
				"8. 导入会整体替换现有数据：导入前先检查所有错误，任一错误则不写入任何数据，原数据保持不变。", "9. 说明 工作表和其他非数据工作表在导入时会被忽略（并给出提示）。",
				"10. activities（工作记录）的子类型（支委会、党员大会、党小组会、党课、主题党日、组织生活会、民主评议党员、月初工作计划、月末履职台账、通报）为选填；填写子类型时类型可留空，自动推定（党课→学习，月初工作计划/月末履职台账→述职报告，通报→其他，其余→会议部署），类型与子类型不符为错误。",
				"", "工作表一览："));
		for (FileFormat file : DatasetFormat.FILES) {
			lines.add(file.name() + "（" + file.zh() + "）" + (file.required() ? "：必填" : "：选填") + "，列："
					+ String.join("、", file.columns().stream().map(Column::zh).toList()));
		}
		for (int i = 0; i < lines.size(); i++) {
			Cell cell = sheet.createRow(i).createCell(0);
			cell.setCellValue(lines.get(i));
			if (i == 0) {
				cell.setCellStyle(styles.title);
			}
		}
		sheet.setColumnWidth(0, 120 * 256);
	}

	private static void dataset(XSSFWorkbook workbook, Styles styles) {
		XSSFSheet sheet = workbook.createSheet(DATASET);
		Drawing<?> drawing = sheet.createDrawingPatriarch();
		Row name = sheet.createRow(0);
		name.createCell(0).setCellValue("name");
		name.getCell(0).setCellComment(comment(workbook, drawing, name.getCell(0), "数据集名称（如：省直机关 2025 年）"));
		name.createCell(1);
		Row asOf = sheet.createRow(1);
		asOf.createCell(0).setCellValue("as_of");
		asOf.getCell(0)
			.setCellComment(comment(workbook, drawing, asOf.getCell(0), "评估日期 yyyy-MM-dd：分析默认在这一天评估（任期、期限、近一年窗口）"));
		asOf.createCell(1).setCellStyle(styles.date);
		sheet.setColumnWidth(0, 12 * 256);
		sheet.setColumnWidth(1, 30 * 256);
	}

	private static void file(XSSFWorkbook workbook, Styles styles, FileFormat file) {
		XSSFSheet sheet = workbook.createSheet(file.name());
		Drawing<?> drawing = sheet.createDrawingPatriarch();
		DataValidationHelper helper = sheet.getDataValidationHelper();
		Row header = sheet.createRow(0);
		List<Column> columns = file.columns();
		for (int c = 0; c < columns.size(); c++) {
			Column column = columns.get(c);
			Cell cell = header.createCell(c);
			cell.setCellValue(column.zh());
			cell.setCellStyle(column.required() ? styles.required : styles.header);
			cell.setCellComment(comment(workbook, drawing, cell, describe(file, column)));
			int width = Math.max(XlsxSheet.displayWidth(column.zh()), 12);
			if (column.type() == DatasetFormat.Type.DATE) {
				sheet.setDefaultColumnStyle(c, styles.date);
				width = Math.max(width, 12);
			}
			List<String> values = dropDown(column);
			if (!values.isEmpty()) {
				DataValidation validation = helper.createValidation(
						helper.createExplicitListConstraint(values.toArray(String[]::new)),
						new CellRangeAddressList(1, ROWS, c, c));
				boolean list = column.type() == DatasetFormat.Type.ENUM_LIST;
				validation.setErrorStyle(list ? DataValidation.ErrorStyle.INFO : DataValidation.ErrorStyle.STOP);
				validation.setShowErrorBox(true);
				validation.createErrorBox("取值不在列表中", list ? "多个值请用分号“;”分隔" : "请从下拉列表中选择，或填写英文代码");
				validation.setShowPromptBox(true);
				validation.createPromptBox(column.zh(), list ? "从列表选择，多个值用分号“;”分隔" : "从列表选择");
				sheet.addValidationData(validation);
				for (String v : values) {
					width = Math.max(width, XlsxSheet.displayWidth(v));
				}
			}
			sheet.setColumnWidth(c, (Math.min(width, 40) + 4) * 256);
		}
		sheet.createFreezePane(0, 1);
	}

	/**
	 * The drop-down of a column: the Chinese labels of its enumeration (with ALL for
	 * domain lists), or grades.
	 */
	static List<String> dropDown(Column column) {
		List<String> values = new ArrayList<>();
		if (column.type() == DatasetFormat.Type.GRADE) {
			values.addAll(GRADES);
		}
		else if ((column.type() == DatasetFormat.Type.ENUM || column.type() == DatasetFormat.Type.ENUM_LIST)
				&& column.enumeration() != null) {
			for (Labeled e : column.enumeration().getEnumConstants()) {
				values.add(e.zh());
			}
			if (column.type() == DatasetFormat.Type.ENUM_LIST && column.enumeration() == DutyDomain.class) {
				values.add("ALL");
			}
			if (String.join(",", values).length() > MAX_LIST) {
				values.clear();
				for (Labeled e : column.enumeration().getEnumConstants()) {
					values.add(e.name());
				}
			}
		}
		return values;
	}

	private static String describe(FileFormat file, Column column) {
		StringBuilder sb = new StringBuilder();
		sb.append(column.name()).append('\n').append(column.required() ? "必填" : "选填").append("；");
		sb.append(switch (column.type()) {
			case TEXT -> "文本";
			case ID -> "编号，本表内唯一";
			case REF -> "引用 " + String.join(" 或 ", column.references()) + " 的编号";
			case DATE -> "日期 yyyy-MM-dd";
			case COUNT -> "非负整数";
			case ENUM -> "从下拉列表选择";
			case ENUM_LIST -> "可多选，用分号分隔";
			case TEXT_LIST -> "多个值用分号分隔";
			case GRADE -> "等次，按考评方式：A/B/C/D，好/较好/一般/差，好/合格/基本合格/不合格，或 Y";
		});
		if (column.enumeration() != null) {
			Set<String> codes = new LinkedHashSet<>();
			for (Labeled e : column.enumeration().getEnumConstants()) {
				codes.add(e.name() + "=" + e.zh());
			}
			sb.append('\n').append(String.join(", ", codes));
		}
		if (!file.naturalKey().isEmpty()) {
			sb.append("\n（同一 ").append(String.join("+", file.naturalKey())).append(" 不得重复）");
		}
		return sb.toString();
	}

	private static Comment comment(XSSFWorkbook workbook, Drawing<?> drawing, Cell cell, String text) {
		ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
		anchor.setCol1(cell.getColumnIndex());
		anchor.setCol2(cell.getColumnIndex() + 4);
		anchor.setRow1(cell.getRowIndex());
		anchor.setRow2(cell.getRowIndex() + 6);
		Comment comment = drawing.createCellComment(anchor);
		comment.setString(new XSSFRichTextString(text));
		comment.setAuthor("dutychain");
		return comment;
	}

	/** Header, required-header, title and date styles. */
	private static final class Styles {

		private final CellStyle header;

		private final CellStyle required;

		private final CellStyle title;

		private final CellStyle date;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.required = workbook.createCellStyle();
			this.required.cloneStyleFrom(this.header);
			this.required.setFillForegroundColor(IndexedColors.ROSE.getIndex());
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			this.title = workbook.createCellStyle();
			this.title.setFont(big);
			this.date = workbook.createCellStyle();
			this.date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
		}

	}

}
