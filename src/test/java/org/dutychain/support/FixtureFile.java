package org.dutychain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;

/**
 * A fixture: a {@code .cypher} file whose header says what must come out.
 *
 * <pre>
 * // fixture:  post-vacancy / POST_VACANT / positive
 * // scope:    U-1                 (optional; absent = every unit)
 * // asOf:     2025-06-30
 * // expect:   post-vacancy/POST_VACANT/U-2/P-2   (one finding key per line, or "(none)")
 * </pre>
 *
 * Nodes are created without {@code generation}: the loader stamps generation 1, adds the
 * active {@code Dataset} node and computes unit levels (unless a Unit sets {@code level}
 * itself), as the import does.
 */
public record FixtureFile(Path path, String scope, LocalDate asOf, List<String> expect, CypherFile cypher) {

	public static FixtureFile read(Path path) {
		try {
			String text = Files.readString(path, StandardCharsets.UTF_8);
			CypherFile file = CypherFiles.parse(path.getFileName().toString(), text);
			String scope = file.headerValue("scope").filter((s) -> !s.isBlank()).orElse(null);
			LocalDate asOf = LocalDate.parse(file.headerValue("asOf")
				.orElseThrow(() -> new IllegalStateException(path + ": fixture header needs asOf")));
			List<String> expect = new ArrayList<>();
			for (String line : file.headerValue("expect").orElse("(none)").split("\n")) {
				String key = line.strip();
				if (!key.isEmpty() && !key.equals("(none)")) {
					expect.add(key);
				}
			}
			return new FixtureFile(path, scope, asOf, expect, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
