package org.dutychain.ingest;

import java.nio.file.Path;

import org.dutychain.config.ImportLimits;
import java.util.List;

/**
 * A dataset read from its source and validated, before any database exists: the CLI
 * rejects a broken dataset without starting Neo4j, and the import of a checked dataset
 * does not validate it again.
 */
public final class CheckedDataset {

	private final String displayName;

	private final DatasetValidator.Result result;

	private CheckedDataset(String displayName, DatasetValidator.Result result) {
		this.displayName = displayName;
		this.result = result;
	}

	/** Reads and validates a CSV folder, a .zip of it or an .xlsx workbook. */
	public static CheckedDataset check(Path source) {
		return check(source, displayName(source));
	}

	static CheckedDataset check(Path source, String displayName) {
		return check(source, displayName, ImportLimits.DEFAULTS);
	}

	/** Reads and validates within the import limits (dutychain.import.limits.*). */
	public static CheckedDataset check(Path source, String displayName, ImportLimits limits) {
		return new CheckedDataset(displayName,
				DatasetValidator.validate(DatasetSources.read(source, displayName, limits), limits));
	}

	static String displayName(Path source) {
		Path name = source.toAbsolutePath().normalize().getFileName();
		return (name != null) ? name.toString() : source.toString();
	}

	public boolean valid() {
		return this.result.valid();
	}

	/** Every problem, sorted (empty when valid). */
	public List<ImportProblem> problems() {
		return this.result.problems();
	}

	/** Ignored files and columns, as {@code file:row:column: CODE message} lines. */
	public List<String> warnings() {
		return valid() ? this.result.dataset().warnings() : List.of();
	}

	/** Rows over every file (0 when invalid). */
	public long rows() {
		return valid() ? this.result.dataset().rows().values().stream().mapToLong(List::size).sum() : 0;
	}

	public String displayName() {
		return this.displayName;
	}

	/** The typed dataset; only when valid. */
	ValidDataset dataset() {
		if (!valid()) {
			throw new InvalidDatasetException(problems());
		}
		return this.result.dataset();
	}

}
