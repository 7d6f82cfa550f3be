package org.dutychain.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One file under {@code cypher/}: its header block ({@code // key: value} lines before
 * the first statement, with indented continuation lines) and its statements, each ending
 * in {@code ;} at the end of a line and optionally named by a {@code // statement: NAME}
 * line above it.
 *
 * @param path path below {@code cypher/}, e.g. {@code analysis/post-vacancy.cypher}
 * @param header header keys in file order; continuation lines are joined with a newline
 * @param statements the statements in file order
 * @param text the whole file as written (shown by the API and the report appendix)
 */
public record CypherFile(String path, Map<String, String> header, List<Statement> statements, String text) {

	public CypherFile {
		header = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(header));
		statements = List.copyOf(statements);
	}

	/** The file name without folder and {@code .cypher}. */
	public String stem() {
		String name = this.path.substring(this.path.lastIndexOf('/') + 1);
		return name.substring(0, name.length() - ".cypher".length());
	}

	public Optional<String> headerValue(String key) {
		return Optional.ofNullable(this.header.get(key));
	}

	/** The statement named {@code name}; fails naming the file when it is absent. */
	public Statement statement(String name) {
		return this.statements.stream()
			.filter((s) -> name.equals(s.name()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("cypher/" + this.path + " has no statement named " + name));
	}

	/**
	 * One statement.
	 *
	 * @param name the {@code // statement:} name, or {@code statement-N} (1-based) when
	 * unnamed
	 * @param cypher the statement without its trailing semicolon, every fragment written
	 * out (the statement computes everything itself)
	 * @param line the 1-based line where it starts
	 * @param sharedCypher the same statement with every shared fragment (a fact of the
	 * run, see {@link CypherFiles.Fact}) replaced by a read of its parameter; equal to
	 * {@code cypher} when it uses none
	 * @param facts the parameters {@code sharedCypher} reads facts from, in order of
	 * first use; empty when it uses none
	 */
	public record Statement(String name, String cypher, int line, String sharedCypher, List<String> facts) {

		public Statement {
			facts = List.copyOf(facts);
		}

		/** A statement that uses no shared fragment. */
		public Statement(String name, String cypher, int line) {
			this(name, cypher, line, cypher, List.of());
		}

	}

}
