package org.dutychain.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dutychain.config.Labeled;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.Column;
import org.dutychain.record.DatasetFormat.FileFormat;
import org.dutychain.record.GradingScheme;

/**
 * Builds the workbook a user would make from a CSV dataset folder: Chinese sheet names
 * for every other file, Chinese headers, Chinese enumeration labels and grades, real date
 * cells (ISO and Chinese date formats) and numeric cells.
 */
final class WorkbookFromCsv {

	private WorkbookFromCsv() {
	}

	static Path write(Path folder, Path xlsx) {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			CellStyle iso = book.createCellStyle();
			iso.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle chinese = book.createCellStyle();
			chinese.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			Sheet dataset = book.createSheet("dataset");
			Map<String, String> properties = properties(folder);
			Row name = dataset.createRow(0);
			name.createCell(0).setCellValue("name");
			name.createCell(1).setCellValue(properties.get("name"));
			Row asOf = dataset.createRow(1);
			asOf.createCell(0).setCellValue("as_of");
			asOf.createCell(1).setCellValue(LocalDate.parse(properties.get("as_of")));
			asOf.getCell(1).setCellStyle(iso);
			int fileIndex = 0;
			for (FileFormat format : DatasetFormat.FILES) {
				Path csv = folder.resolve(format.fileName());
				if (!Files.exists(csv)) {
					continue;
				}
				Sheet sheet = book.createSheet((fileIndex++ % 2 == 0) ? format.zh() : format.name());
				List<List<String>> records = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
				List<Column> columns = new ArrayList<>();
				Row header = sheet.createRow(0);
				for (int c = 0; c < records.get(0).size(); c++) {
					Column column = format.column(records.get(0).get(c)).orElseThrow();
					columns.add(column);
					header.createCell(c).setCellValue(column.zh());
				}
				for (int r = 1; r < records.size(); r++) {
					Row row = sheet.createRow(r);
					List<String> cells = records.get(r);
					String scheme = null;
					for (int c = 0; c < columns.size() && c < cells.size(); c++) {
						Column column = columns.get(c);
						String value = cells.get(c).strip();
						if (value.isEmpty()) {
							continue;
						}
						switch (column.type()) {
							case DATE -> {
								row.createCell(c).setCellValue(DatasetValidator.date(value).orElseThrow());
								row.getCell(c).setCellStyle((r % 2 == 0) ? iso : chinese);
							}
							case COUNT -> row.createCell(c).setCellValue(Double.parseDouble(value));
							case ENUM -> {
								String zh = label(column.enumeration(), value);
								if (column.name().equals("scheme")) {
									scheme = Labeled.parse(GradingScheme.class, value).orElseThrow().name();
								}
								row.createCell(c).setCellValue(zh);
							}
							case ENUM_LIST -> row.createCell(c)
								.setCellValue(String.join("、",
										DatasetValidator.split(value)
											.stream()
											.map((v) -> v.equals("ALL") ? "全部" : label(column.enumeration(), v))
											.toList()));
							case GRADE -> {
								String code = DatasetFormat.grade(GradingScheme.valueOf(scheme), value).orElseThrow();
								row.createCell(c)
									.setCellValue(
											DatasetFormat.GRADES.get(GradingScheme.valueOf(scheme)).get(code).get(0));
							}
							default -> row.createCell(c).setCellValue(value);
						}
					}
				}
			}
			try (OutputStream out = Files.newOutputStream(xlsx)) {
				book.write(out);
			}
			return xlsx;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static String label(Class<? extends Labeled> type, String value) {
		return ((Labeled) Labeled.parse((Class) type, value).orElseThrow()).zh();
	}

	private static Map<String, String> properties(Path folder) throws IOException {
		java.util.Properties p = new java.util.Properties();
		try (var reader = Files.newBufferedReader(folder.resolve("dataset.properties"), StandardCharsets.UTF_8)) {
			p.load(reader);
		}
		return Map.of("name", p.getProperty("name"), "as_of", p.getProperty("as_of"));
	}

}
