package org.dutychain.ingest;

import java.io.InputStream;
import java.nio.file.Path;

import org.dutychain.config.Progress;

/**
 * Imports a dataset (import-format.md): validates everything first, then writes it under
 * a new generation and switches to it in one small transaction; on any problem nothing is
 * written. Implemented in this module.
 */
public interface DatasetImporter {

	/** A CSV folder, a .zip of it, or one .xlsx workbook. */
	default ImportResult importPath(Path source) throws InvalidDatasetException {
		return importChecked(CheckedDataset.check(source), Progress.NONE);
	}

	/** An upload: a .zip or .xlsx (by file name), as the REST endpoint receives it. */
	ImportResult importUpload(String fileName, InputStream content) throws InvalidDatasetException;

	/**
	 * A dataset validated beforehand ({@link CheckedDataset#check}); throws
	 * {@link InvalidDatasetException} when it is not valid. Reports the phase
	 * {@code write} (rows written of all rows) to {@code progress}.
	 */
	ImportResult importChecked(CheckedDataset dataset, Progress progress) throws InvalidDatasetException;

	/** Validates without writing; returns the problems (empty = valid). */
	default java.util.List<ImportProblem> validate(Path source) {
		return CheckedDataset.check(source).problems();
	}

	/**
	 * Whether {@code dataset} would be bulk-loaded into a new store and switched to
	 * (phases {@code write}, {@code import}, {@code schema}) rather than written as a new
	 * generation (phase {@code write} only): what a job's percentage is spread over.
	 */
	default boolean replacesStore(CheckedDataset dataset) {
		return false;
	}

	/**
	 * Whether an import is running now (edits in the tool are refused meanwhile, issue
	 * 12).
	 */
	default boolean importing() {
		return false;
	}

}
