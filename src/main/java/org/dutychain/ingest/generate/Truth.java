package org.dutychain.ingest.generate;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import org.dutychain.ingest.generate.Model.Person;
import org.dutychain.ingest.generate.Model.Post;
import org.dutychain.ingest.generate.Model.Unit;

/**
 * The findings the planted gaps must produce ({@code truth.csv}) and the codes they cover
 * ({@code truth-codes.txt}). Column {@code scope} is empty for a finding of the audit of
 * the whole dataset, and names the scope unit of the audit that must produce it for a
 * scope-level code (HOT_TOP_COLD_BOTTOM: a finding about the level profile of one scope).
 */
final class Truth {

	static final String HEADER = "analysis,code,unit_id,post_id,person_id,scope";

	private final Set<String> rows = new TreeSet<>();

	private final Set<String> codes = new TreeSet<>();

	void control(String code) {
		this.codes.add(code);
	}

	/** A finding of the audit of the whole dataset. */
	void add(String analysis, String code, Unit unit, Post post, Person person) {
		this.codes.add(code);
		this.rows.add(String.join(",", analysis, code, unit.id, (post != null) ? post.id : "",
				(person != null) ? person.id : "", ""));
	}

	/**
	 * A finding of a scope-level code (computed per audited scope) of the audit of
	 * {@code scope} and everything it leads ({@code audit --scope}); the whole dataset's
	 * audit does not have it.
	 */
	void addScoped(String analysis, String code, Unit unit, Unit scope) {
		this.codes.add(code);
		this.rows.add(String.join(",", analysis, code, unit.id, "", "", scope.id));
	}

	/** Sorted runs of earlier segments' rows, merged by {@link #write}. */
	private final List<Path> runs = new ArrayList<>();

	private int size = -1;

	/**
	 * The number of distinct rows written by {@link #write} (before it, of the rows in
	 * memory).
	 */
	int size() {
		return (this.size >= 0) ? this.size : this.rows.size();
	}

	/**
	 * Moves the rows of the segment just planted to a sorted run in {@code folder}, so
	 * that only one segment's rows are in memory.
	 */
	void endSegment(Path folder) {
		if (this.rows.isEmpty()) {
			return;
		}
		try {
			Path run = Files.createTempFile(folder, ".truth-", ".run");
			Files.write(run, this.rows, StandardCharsets.UTF_8);
			this.runs.add(run);
			this.rows.clear();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void write(Path folder) {
		try {
			if (this.runs.isEmpty()) {
				List<String> lines = new ArrayList<>();
				lines.add(HEADER);
				lines.addAll(this.rows);
				Files.write(folder.resolve("truth.csv"), lines, StandardCharsets.UTF_8);
				this.size = this.rows.size();
			}
			else {
				endSegment(folder);
				this.size = merge(folder.resolve("truth.csv"));
			}
			Files.write(folder.resolve("truth-codes.txt"), this.codes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Merges the sorted runs into one sorted file without repeats, and deletes them. */
	private int merge(Path target) throws IOException {
		List<BufferedReader> readers = new ArrayList<>();
		PriorityQueue<Map.Entry<String, Integer>> heads = new PriorityQueue<>(Map.Entry.comparingByKey());
		int written = 0;
		try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
			for (Path run : this.runs) {
				BufferedReader reader = Files.newBufferedReader(run, StandardCharsets.UTF_8);
				readers.add(reader);
				String line = reader.readLine();
				if (line != null) {
					heads.add(Map.entry(line, readers.size() - 1));
				}
			}
			out.write(HEADER);
			out.write(System.lineSeparator());
			String last = null;
			while (!heads.isEmpty()) {
				Map.Entry<String, Integer> head = heads.poll();
				if (!head.getKey().equals(last)) {
					out.write(head.getKey());
					out.write(System.lineSeparator());
					last = head.getKey();
					written++;
				}
				String next = readers.get(head.getValue()).readLine();
				if (next != null) {
					heads.add(Map.entry(next, head.getValue()));
				}
			}
		}
		finally {
			for (BufferedReader reader : readers) {
				reader.close();
			}
			for (Path run : this.runs) {
				Files.deleteIfExists(run);
			}
			this.runs.clear();
		}
		return written;
	}

}
