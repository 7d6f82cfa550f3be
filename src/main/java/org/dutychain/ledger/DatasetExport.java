package org.dutychain.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.Workbooks;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.Column;
import org.dutychain.record.DatasetFormat.FileFormat;

import org.springframework.stereotype.Service;

/**
 * The active dataset, with every edit made in the tool, back in the import format
 * (导出数据集): a zip of the CSV files plus dataset.properties, or one XLSX workbook with a
 * sheet per file and a {@code dataset} sheet. English headers, codes for enumerations,
 * yyyy-MM-dd dates, lists joined by {@code ;}. Importing the export gives the same graph.
 * Dataset data only (no change records).
 */
@Service
public class DatasetExport {

	private static final String FILE = "ledger/export.cypher";

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final Edits edits;

	DatasetExport(Neo4jGraph graph, CypherFiles cypher, Edits edits) {
		this.graph = graph;
		this.cypher = cypher;
		this.edits = edits;
	}

	/** The dataset's name (for the download's file name). */
	public String name() {
		String name = this.edits.active().name();
		return (name != null) ? name : "dataset";
	}

	/**
	 * Every file's rows as cells, in {@link DatasetFormat#FILES} order, read in one
	 * snapshot.
	 */
	private Map<FileFormat, List<List<String>>> read(long generation, String[] properties) {
		return this.graph.inReadOnlyTransaction((tx) -> {
			Map<FileFormat, List<List<String>>> files = new java.util.LinkedHashMap<>();
			Map<String, Object> p = Map.of("generation", generation);
			for (FileFormat format : DatasetFormat.FILES) {
				List<List<String>> rows = new ArrayList<>();
				tx.run(this.cypher.statement(FILE, format.name()), p).forEach((r) -> {
					List<String> cells = new ArrayList<>(format.columns().size());
					for (Column c : format.columns()) {
						cells.add(cell(r.get(c.name())));
					}
					rows.add(cells);
				});
				files.put(format, rows);
			}
			tx.run(this.cypher.statement(FILE, "dataset"), p).stream().findFirst().ifPresent((r) -> {
				properties[0] = cell(r.get("name"));
				properties[1] = cell(r.get("as_of"));
			});
			return files;
		});
	}

	/** A zip of the CSV files (UTF-8, RFC 4180) and dataset.properties. */
	public void zip(OutputStream out) {
		DatasetInfo active = this.edits.active();
		String[] properties = new String[2];
		Map<FileFormat, List<List<String>>> files = read(active.generation(), properties);
		try {
			ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
			zip.putNextEntry(new ZipEntry("dataset.properties"));
			StringBuilder props = new StringBuilder();
			if (!properties[0].isEmpty()) {
				props.append("name=").append(properties[0].replace("\n", " ")).append('\n');
			}
			if (!properties[1].isEmpty()) {
				props.append("as_of=").append(properties[1]).append('\n');
			}
			zip.write(props.toString().getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			for (Map.Entry<FileFormat, List<List<String>>> e : files.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey().fileName()));
				StringBuilder csv = new StringBuilder();
				csv.append(String.join(",", e.getKey().columns().stream().map(Column::name).toList())).append('\n');
				for (List<String> row : e.getValue()) {
					for (int i = 0; i < row.size(); i++) {
						if (i > 0) {
							csv.append(',');
						}
						csv.append(quote(row.get(i)));
					}
					csv.append('\n');
				}
				zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			zip.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One workbook: a {@code dataset} sheet (name, as_of) and a sheet per file. */
	public void xlsx(OutputStream out) {
		DatasetInfo active = this.edits.active();
		String[] properties = new String[2];
		Map<FileFormat, List<List<String>>> files = read(active.generation(), properties);
		Workbooks.write(500, out, (workbook) -> {
			Sheet dataset = workbook.createSheet("dataset");
			Row name = dataset.createRow(0);
			name.createCell(0).setCellValue("name");
			name.createCell(1).setCellValue(properties[0]);
			Row asOf = dataset.createRow(1);
			asOf.createCell(0).setCellValue("as_of");
			asOf.createCell(1).setCellValue(properties[1]);
			for (Map.Entry<FileFormat, List<List<String>>> e : files.entrySet()) {
				Sheet sheet = workbook.createSheet(e.getKey().name());
				Row header = sheet.createRow(0);
				List<Column> columns = e.getKey().columns();
				for (int c = 0; c < columns.size(); c++) {
					header.createCell(c).setCellValue(columns.get(c).name());
				}
				int r = 1;
				for (List<String> cells : e.getValue()) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < cells.size(); c++) {
						if (!cells.get(c).isEmpty()) {
							row.createCell(c).setCellValue(cells.get(c));
						}
					}
				}
			}
		});
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Collection<?> list) {
			return String.join(";", list.stream().map(String::valueOf).toList());
		}
		return String.valueOf(value);
	}

	static String quote(String value) {
		if (value.isEmpty()) {
			return value;
		}
		boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
				|| value.indexOf('\r') >= 0 || value.startsWith(" ") || value.endsWith(" ");
		return needs ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

}
