package org.dutychain.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dutychain.record.DatasetFormat.FileFormat;

/**
 * A dataset as read from its source, before validation: every recognized file or sheet
 * with its header and a source of its rows (read again from the file, zip entry or sheet
 * on every pass, so no row stays in memory), the dataset properties, and the problems and
 * warnings of reading (unknown files, undecodable text, not a dataset).
 */
final class RawDataset {

	/**
	 * One file or sheet.
	 *
	 * @param label the CSV name, or {@code workbook.xlsx!sheet}
	 * @param headerRow the Excel row of the header (1 for a CSV)
	 * @param header header cells as written
	 * @param rows the non-blank data rows, read again on every pass
	 * @param count the non-blank data rows the first read counted (as many as
	 * {@code rows} gives), so validation sizes its arrays once; a file of blank lines
	 * counts none
	 */
	record Table(String label, FileFormat format, int headerRow, List<String> header, Rows rows, long count) {
	}

	/**
	 * The data rows of one table, re-read from the source on every call (the source was
	 * checked against the import limits by the first read).
	 */
	interface Rows {

		/** Every non-blank data row, in file order. */
		void forEach(java.util.function.Consumer<Row> action);

		Rows NONE = (action) -> {
		};

		/** Rows held in memory (tests, small sheets). */
		static Rows of(List<Row> rows) {
			return rows::forEach;
		}

	}

	/** One data row: its number as Excel shows it, and its cells. */
	record Row(int row, List<String> cells) {
	}

	/**
	 * A value of dataset.properties (or of the {@code dataset} sheet) and where it was
	 * written.
	 */
	record Property(String value, String file, int row) {
	}

	/**
	 * The source's name without extension (the dataset name when dataset.properties has
	 * none).
	 */
	final String sourceName;

	/** The workbook's file name for an XLSX source, else null. */
	final String workbook;

	final Map<FileFormat, Table> tables = new LinkedHashMap<>();

	/**
	 * Files that exist but could not be read (their problem is already recorded; not also
	 * MISSING_FILE).
	 */
	final Set<FileFormat> unreadable = new HashSet<>();

	final Map<String, Property> properties = new LinkedHashMap<>();

	final List<ImportProblem> problems = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	/**
	 * Data rows the first read counted over every table (blank rows included): how large
	 * the dataset is before it is validated.
	 */
	long rows;

	/**
	 * Reading stopped early (a limit, an unsafe or nested zip entry): the dataset is
	 * rejected without validating what was read.
	 */
	boolean fatal;

	RawDataset(String sourceName, String workbook) {
		this.sourceName = sourceName;
		this.workbook = workbook;
	}

	/** How a file is named in problems: its CSV name, or {@code workbook.xlsx!sheet}. */
	String label(FileFormat format) {
		Table table = this.tables.get(format);
		if (table != null) {
			return table.label();
		}
		return (this.workbook != null) ? this.workbook + "!" + format.name() : format.fileName();
	}

	void warn(String file, int row, String column, String code, String message) {
		this.warnings.add(file + ":" + row + ":" + ((column != null) ? column : "") + ": " + code + " " + message);
	}

}
