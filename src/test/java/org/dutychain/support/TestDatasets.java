package org.dutychain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hand-written datasets under {@code src/test/resources/datasets/}. {@code small}: 16
 * units over four levels (work committee → party groups / township committee → organ
 * committees and village branches → branches), dual leadership, discipline bodies, a weak
 * village with assistance and a first secretary, every file of import-format.md and a
 * dataset.properties with as_of 2024-06-30. Copy it before changing it.
 */
public final class TestDatasets {

	private TestDatasets() {
	}

	/** The folder of a dataset on the test classpath, e.g. {@code small}. */
	public static Path folder(String name) {
		URL url = TestDatasets.class.getResource("/datasets/" + name);
		if (url == null) {
			throw new IllegalArgumentException("No dataset " + name + " under src/test/resources/datasets/");
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Path small() {
		return folder("small");
	}

	/** Copies a dataset's files into {@code target} (created) and returns it. */
	public static Path copy(String name, Path target) {
		try (Stream<Path> files = Files.list(folder(name))) {
			Files.createDirectories(target);
			for (Path file : files.toList()) {
				Files.copy(file, target.resolve(file.getFileName()));
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Appends a line (a data row) to a CSV file of a copied dataset. */
	public static void append(Path folder, String file, String line) {
		try {
			String text = Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
			String sep = text.endsWith("\n") ? "" : "\n";
			Files.writeString(folder.resolve(file), text + sep + line + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Appends two measures (a generated dataset has none) to the last issue of a copied
	 * dataset: one verified, owned by the last post and verified by the last person, one
	 * planned, with neither.
	 */
	public static void appendMeasures(Path folder) {
		String issue = lastId(folder, "issues.csv");
		append(folder, "measures.csv", "m-verified," + issue + ",按期完成换届选举," + lastId(folder, "posts.csv")
				+ ",2024-09-30,验收通过,换届材料," + lastId(folder, "people.csv") + ",2024-10-08,");
		append(folder, "measures.csv", "m-planned," + issue + ",开展自查,,,计划,,,,");
	}

	private static String lastId(Path folder, String file) {
		try {
			List<String> lines = Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8);
			return lines.get(lines.size() - 1).split(",", 2)[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Replaces line {@code number} (1 = header, as Excel counts rows of a file without
	 * multi-line cells).
	 */
	public static void replaceLine(Path folder, String file, int number, String line) {
		try {
			List<String> lines = new ArrayList<>(Files.readAllLines(folder.resolve(file), StandardCharsets.UTF_8));
			lines.set(number - 1, line);
			Files.write(folder.resolve(file), lines, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Re-encodes a UTF-8 file of a copied dataset, optionally with a UTF-8 byte order
	 * mark.
	 */
	public static void reencode(Path folder, String file, Charset charset, boolean bom) {
		try {
			String text = Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
			byte[] body = text.getBytes(charset);
			byte[] bytes = body;
			if (bom) {
				bytes = new byte[body.length + 3];
				bytes[0] = (byte) 0xEF;
				bytes[1] = (byte) 0xBB;
				bytes[2] = (byte) 0xBF;
				System.arraycopy(body, 0, bytes, 3, body.length);
			}
			Files.write(folder.resolve(file), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
