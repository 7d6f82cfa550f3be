package org.dutychain.ingest.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dutychain.record.DatasetFormat.Column;
import org.dutychain.record.DatasetFormat.FileFormat;

/**
 * A CSV file written row by row in the column order of
 * {@link org.dutychain.record.DatasetFormat} (RFC 4180).
 */
final class CsvFile implements AutoCloseable {

	private final BufferedWriter out;

	private final int columns;

	private int rows;

	CsvFile(Path folder, FileFormat format) {
		try {
			this.out = Files.newBufferedWriter(folder.resolve(format.fileName()), StandardCharsets.UTF_8);
			this.columns = format.columns().size();
			StringBuilder header = new StringBuilder();
			for (Column c : format.columns()) {
				if (header.length() > 0) {
					header.append(',');
				}
				header.append(c.name());
			}
			this.out.write(header.toString());
			this.out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One row; {@code null} is an empty cell. */
	void row(Object... values) {
		if (values.length != this.columns) {
			throw new IllegalArgumentException("expected " + this.columns + " values, got " + values.length);
		}
		try {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					this.out.write(',');
				}
				if (values[i] != null) {
					this.out.write(quote(values[i].toString()));
				}
			}
			this.out.write('\n');
			this.rows++;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int rows() {
		return this.rows;
	}

	static String quote(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

	@Override
	public void close() {
		try {
			this.out.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
