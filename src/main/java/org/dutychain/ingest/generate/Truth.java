package org.dutychain.ingest.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

	int size() {
		return this.rows.size();
	}

	void write(Path folder) {
		List<String> lines = new ArrayList<>();
		lines.add(HEADER);
		lines.addAll(this.rows);
		try {
			Files.write(folder.resolve("truth.csv"), lines, StandardCharsets.UTF_8);
			Files.write(folder.resolve("truth-codes.txt"), this.codes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
