package org.dutychain.ingest.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.record.DatasetFormat;

/**
 * A generated dataset folder read back: header and rows (by column name) of every file.
 */
final class Dataset {

	final Map<String, List<String>> headers = new LinkedHashMap<>();

	final Map<String, List<Map<String, String>>> rows = new LinkedHashMap<>();

	final Path folder;

	private Dataset(Path folder) {
		this.folder = folder;
	}

	static Dataset read(Path folder) {
		Dataset d = new Dataset(folder);
		for (DatasetFormat.FileFormat f : DatasetFormat.FILES) {
			d.readFile(f.name(), folder.resolve(f.fileName()));
		}
		d.readFile("truth", folder.resolve("truth.csv"));
		return d;
	}

	List<Map<String, String>> rows(String file) {
		return this.rows.get(file);
	}

	private void readFile(String name, Path file) {
		try {
			List<List<String>> records = parse(Files.readString(file, StandardCharsets.UTF_8));
			List<String> header = records.get(0);
			this.headers.put(name, header);
			List<Map<String, String>> out = new ArrayList<>();
			for (List<String> r : records.subList(1, records.size())) {
				if (r.size() != header.size()) {
					throw new IllegalStateException(name + ": " + r.size() + " cells instead of " + header.size());
				}
				Map<String, String> row = new LinkedHashMap<>();
				for (int i = 0; i < header.size(); i++) {
					row.put(header.get(i), r.get(i));
				}
				out.add(row);
			}
			this.rows.put(name, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** RFC 4180. */
	static List<List<String>> parse(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				record.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n') {
				record.add(cell.toString());
				cell.setLength(0);
				records.add(record);
				record = new ArrayList<>();
			}
			else if (c != '\r') {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !record.isEmpty()) {
			record.add(cell.toString());
			records.add(record);
		}
		return records;
	}

}
