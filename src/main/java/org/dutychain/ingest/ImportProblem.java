package org.dutychain.ingest;

/**
 * One problem found while validating a dataset, located as Excel shows it: {@code file}
 * is the CSV name or {@code workbook.xlsx!sheet}, {@code row} 1 = header (0 = a missing
 * file), {@code column} the header as written.
 *
 * @param code stable UPPER_SNAKE code (MISSING_FILE, MISSING_COLUMN, BAD_DATE,
 * UNKNOWN_ENUM, DUPLICATE_ID, …)
 * @param message English text
 * @param messageZh Chinese text
 */
public record ImportProblem(String file, int row, String column, String code, String message, String messageZh) {

	/** {@code file:row:column: CODE message}, the line the CLI prints. */
	@Override
	public String toString() {
		return this.file + ":" + this.row + ":" + ((this.column != null) ? this.column : "") + ": " + this.code + " "
				+ this.message;
	}

}
