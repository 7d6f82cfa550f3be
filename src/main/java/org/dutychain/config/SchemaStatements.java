package org.dutychain.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The statements of {@code cypher/schema/} a store gets, in file order. A store the bulk
 * importer has just filled for one read (the throw-away database of {@code audit} and
 * {@code accountable}) may leave out the uniqueness constraints of the labels named by
 * {@value #SKIP_KEYS}: its dataset's ids were checked unique by validation, nothing edits
 * it, and no statement it runs looks those nodes up by id — at 1 M units the Activity and
 * Duty keys are 78 % of the nodes the schema step indexes. Every other store (and a
 * throw-away store the transactional loader filled, whose statements seek duties through
 * their key) gets all of them.
 */
public final class SchemaStatements {

	/** Labels whose uniqueness constraints a freshly bulk-loaded store leaves out. */
	public static final String SKIP_KEYS = "dutychain.schema.skip-keys";

	private static final Pattern LABEL = Pattern.compile("\\(\\w*:(\\w+)");

	private SchemaStatements() {
	}

	/**
	 * Every statement of {@code cypher/schema/} but the constraints on the labels of
	 * {@code skipKeys}.
	 */
	public static List<String> of(CypherFiles files, Collection<String> skipKeys) {
		List<String> statements = new ArrayList<>();
		for (CypherFile file : files.folder("schema")) {
			for (CypherFile.Statement statement : file.statements()) {
				String cypher = statement.cypher();
				if (!(isConstraint(cypher) && skipKeys.contains(label(cypher)))) {
					statements.add(cypher);
				}
			}
		}
		return statements;
	}

	/**
	 * The label of a statement's first node pattern, e.g. {@code Unit} of
	 * {@code FOR (n:Unit)} or {@code MATCH (g:Unit)}; empty when it has none.
	 */
	public static String label(String cypher) {
		String code = cypher.lines().filter((line) -> !line.strip().startsWith("//")).collect(Collectors.joining("\n"));
		Matcher m = LABEL.matcher(code);
		return m.find() ? m.group(1) : "";
	}

	/** Whether the statement's first line of code creates a constraint. */
	public static boolean isConstraint(String cypher) {
		return firstLine(cypher).regionMatches(true, 0, "CREATE CONSTRAINT", 0, "CREATE CONSTRAINT".length());
	}

	/**
	 * A statement's first line of code (no comment), stripped; empty when it has none.
	 */
	public static String firstLine(String cypher) {
		return cypher.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("//"))
			.findFirst()
			.orElse("");
	}

}
