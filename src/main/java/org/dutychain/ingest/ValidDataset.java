package org.dutychain.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dutychain.record.DatasetFormat.FileFormat;

/**
 * A dataset that passed validation: typed rows per file, keyed by the English column
 * names (text as String, dates as LocalDate, counts as Long, lists as List of String,
 * enumerations and grades as their codes; absent values are missing keys).
 *
 * @param name the dataset name (dataset.properties, else the source's name)
 * @param asOf the dataset's as_of, or null
 * @param rows the rows of every file present, in file order
 * @param warnings ignored files and columns, as {@code file:row:column: CODE message}
 */
record ValidDataset(String name, LocalDate asOf, Map<FileFormat, List<Map<String, Object>>> rows,
		List<String> warnings) {

	List<Map<String, Object>> rows(FileFormat format) {
		return this.rows.getOrDefault(format, List.of());
	}

}
