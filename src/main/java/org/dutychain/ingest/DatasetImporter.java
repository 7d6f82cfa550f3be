package org.dutychain.ingest;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Imports a dataset (import-format.md): validates everything first, then writes it under
 * a new generation and switches to it in one small transaction; on any problem nothing is
 * written. Implemented in this module.
 */
public interface DatasetImporter {

	/** A CSV folder, a .zip of it, or one .xlsx workbook. */
	ImportResult importPath(Path source) throws InvalidDatasetException;

	/** An upload: a .zip or .xlsx (by file name), as the REST endpoint receives it. */
	ImportResult importUpload(String fileName, InputStream content) throws InvalidDatasetException;

	/** Validates without writing; returns the problems (empty = valid). */
	java.util.List<ImportProblem> validate(Path source);

	/**
	 * Whether an import is running now (edits in the tool are refused meanwhile, issue
	 * 12).
	 */
	default boolean importing() {
		return false;
	}

}
