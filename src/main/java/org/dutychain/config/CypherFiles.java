package org.dutychain.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The only reader of the {@code cypher/} folder (shipped in the jar as {@code cypher/}).
 * Parses every {@code .cypher} file once at start-up; a file that cannot be parsed fails
 * start-up, naming the file.
 *
 * <p>
 * Shared definitions live once, in {@code cypher/fragment/<name>.cypher} (leading
 * {@code //} lines document it, the rest is the fragment): a statement writes
 * {@code {{name}}} where the fragment belongs and the loader puts its text there (a
 * fragment may use other fragments). Fragments are not statements: {@link #all()} and
 * {@link #folder(String)} do not list them; {@link CypherFile#text()} keeps the
 * placeholders as written, {@link CypherFile.Statement#cypher()} has them resolved.
 *
 * <p>
 * A fragment whose leading comment lines include {@code // shared: <parameter>} and
 * {@code // columns: <name>[:<Label>], …} is a <em>fact of the run</em> (e.g.
 * {@code weak-now}): it reads only the run's parameters, never a variable of the
 * statement around it, and binds the listed columns (a column with a label is a node).
 * Written into a statement it is expanded like any fragment
 * ({@link CypherFile.Statement#cypher()}: the statement computes it itself). An audit
 * instead evaluates each fact once ({@link Fact}) and runs
 * {@link CypherFile.Statement#sharedCypher()}, in which the fragment is replaced by a
 * read of the rows handed over as {@code $<parameter>} (a node column travels as its
 * element id and is matched again by it). Declaring a fact is all it takes: every
 * statement that writes its {@code {{name}}} shares it.
 */
public final class CypherFiles {

	private static final Pattern HEADER_KEY = Pattern.compile("^//\\s?([A-Za-z][A-Za-z0-9_.\\-]*):\\s?(.*)$");

	private static final Pattern STATEMENT_NAME = Pattern.compile("^//\\s*statement:\\s*(\\S+)\\s*$");

	/** {@code {{fragment-name}}}. */
	public static final Pattern FRAGMENT = Pattern.compile("\\{\\{([a-z][a-z0-9-]*)}}");

	static final String FRAGMENT_FOLDER = "fragment/";

	private static final Pattern SHARED = Pattern.compile("^//\\s*shared:\\s*(.*?)\\s*$");

	private static final Pattern COLUMNS = Pattern.compile("^//\\s*columns:\\s*(.*?)\\s*$");

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	private final Map<String, CypherFile> files;

	private final Map<String, String> fragments;

	private final Map<String, Fact> facts;

	private CypherFiles(Map<String, CypherFile> files, Map<String, String> fragments, Map<String, Fact> facts) {
		this.files = files;
		this.fragments = fragments;
		this.facts = facts;
	}

	/**
	 * A shared fragment: a fact of the run, evaluated once per audit and handed to every
	 * statement that uses it as a parameter (see the class comment).
	 *
	 * @param fragment the fragment's name ({@code cypher/fragment/<fragment>.cypher})
	 * @param parameter the parameter that carries its rows
	 * @param columns what it binds, in order
	 * @param statement the statement that evaluates it: the fragment (other facts it uses
	 * read from their parameters) and {@code RETURN} of its columns, a node as its
	 * element id
	 * @param needs the parameters of the other facts {@code statement} reads
	 */
	public record Fact(String fragment, String parameter, List<Column> columns, String statement, List<String> needs) {

		public Fact {
			columns = List.copyOf(columns);
			needs = List.copyOf(needs);
		}

		/**
		 * One column of a fact.
		 *
		 * @param name the variable it binds
		 * @param label the node label when the column is a node, else null
		 */
		public record Column(String name, String label) {
		}

		/**
		 * What takes the fragment's place in {@link CypherFile.Statement#sharedCypher()}:
		 * a subquery that binds the same columns from the rows in {@code $parameter}.
		 */
		String reader() {
			String row = "shared_" + this.parameter;
			StringBuilder sb = new StringBuilder("CALL () {\n  UNWIND $").append(this.parameter)
				.append(" AS ")
				.append(row)
				.append('\n');
			List<String> returns = new ArrayList<>();
			for (Column c : this.columns) {
				if (c.label() != null) {
					sb.append("  MATCH (")
						.append(c.name())
						.append(':')
						.append(c.label())
						.append(") WHERE elementId(")
						.append(c.name())
						.append(") = ")
						.append(row)
						.append('.')
						.append(c.name())
						.append('\n');
					returns.add(c.name());
				}
				else {
					returns.add(row + "." + c.name() + " AS " + c.name());
				}
			}
			return sb.append("  RETURN ").append(String.join(", ", returns)).append("\n}").toString();
		}

	}

	/** Loads and parses {@code classpath*:cypher/**}{@code /*.cypher}. */
	public static CypherFiles load(ResourcePatternResolver resolver) {
		try {
			Map<String, CypherFile> files = new LinkedHashMap<>();
			Resource[] resources = resolver.getResources("classpath*:cypher/**/*.cypher");
			List<Resource> sorted = new ArrayList<>(List.of(resources));
			sorted.sort(Comparator.comparing(CypherFiles::relativePath));
			Map<String, String> fragmentTexts = new LinkedHashMap<>();
			Map<String, String> texts = new LinkedHashMap<>();
			for (Resource resource : sorted) {
				String path = relativePath(resource);
				String text = resource.getContentAsString(StandardCharsets.UTF_8);
				if (path.startsWith(FRAGMENT_FOLDER)) {
					fragmentTexts.putIfAbsent(
							path.substring(FRAGMENT_FOLDER.length(), path.length() - ".cypher".length()), text);
				}
				else {
					texts.putIfAbsent(path, text);
				}
			}
			Map<String, String> fragments = fragments(fragmentTexts);
			Map<String, Fact> facts = facts(fragmentTexts);
			texts.forEach((path, text) -> files.put(path, parse(path, text, fragments, facts)));
			return new CypherFiles(files, fragments, facts);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read cypher/ from the classpath", ex);
		}
	}

	/** For tests: files given directly. */
	public static CypherFiles of(List<CypherFile> files) {
		Map<String, CypherFile> map = new LinkedHashMap<>();
		files.forEach((f) -> map.put(f.path(), f));
		return new CypherFiles(map, Map.of(), Map.of());
	}

	/**
	 * The fragments by name, each with its own placeholders resolved: the text after the
	 * leading comment lines.
	 */
	static Map<String, String> fragments(Map<String, String> texts) {
		Map<String, String> bodies = bodies(texts);
		Map<String, String> resolved = new LinkedHashMap<>();
		for (String name : bodies.keySet()) {
			resolved.put(name, expand("cypher/" + FRAGMENT_FOLDER + name + ".cypher", bodies.get(name), bodies,
					new ArrayList<>(List.of(name)), Map.of(), new ArrayList<>()));
		}
		return Map.copyOf(resolved);
	}

	/**
	 * The shared fragments (facts of the run) by fragment name: those whose leading
	 * comment lines declare {@code shared:} and {@code columns:}.
	 */
	static Map<String, Fact> facts(Map<String, String> texts) {
		Map<String, String> bodies = bodies(texts);
		Map<String, Fact> declared = new LinkedHashMap<>();
		Map<String, String> parameters = new LinkedHashMap<>();
		texts.forEach((name, text) -> {
			String where = "cypher/" + FRAGMENT_FOLDER + name + ".cypher";
			String parameter = null;
			String columns = null;
			for (String line : text.split("\r?\n", -1)) {
				String l = line.strip();
				if (!l.isEmpty() && !l.startsWith("//")) {
					break;
				}
				Matcher shared = SHARED.matcher(l);
				Matcher cols = COLUMNS.matcher(l);
				if (shared.matches()) {
					parameter = shared.group(1);
				}
				else if (cols.matches()) {
					columns = cols.group(1);
				}
			}
			if (parameter == null && columns == null) {
				return;
			}
			if (parameter == null || columns == null || !NAME.matcher(parameter).matches()) {
				throw new IllegalStateException(where
						+ ": a shared fragment needs '// shared: <parameter>' and '// columns: <name>[:<Label>], ...'");
			}
			String other = parameters.putIfAbsent(parameter, name);
			if (other != null) {
				throw new IllegalStateException(where + ": parameter " + parameter + " is already shared by " + other);
			}
			List<Fact.Column> list = new ArrayList<>();
			for (String c : columns.split(",")) {
				String[] parts = c.strip().split(":", -1);
				if (parts.length > 2 || !NAME.matcher(parts[0]).matches()
						|| (parts.length == 2 && !NAME.matcher(parts[1]).matches())) {
					throw new IllegalStateException(where + ": invalid column '" + c.strip() + "'");
				}
				list.add(new Fact.Column(parts[0], (parts.length == 2) ? parts[1] : null));
			}
			declared.put(name, new Fact(name, parameter, list, "", List.of()));
		});
		Map<String, Fact> facts = new LinkedHashMap<>();
		declared.forEach((name, fact) -> {
			List<String> needs = new ArrayList<>();
			String body = expand("cypher/" + FRAGMENT_FOLDER + name + ".cypher", bodies.get(name), bodies,
					new ArrayList<>(List.of(name)), declared, needs);
			List<String> returns = fact.columns()
				.stream()
				.map((c) -> (c.label() != null) ? "elementId(" + c.name() + ") AS " + c.name() : c.name())
				.toList();
			facts.put(name, new Fact(name, fact.parameter(), fact.columns(),
					body + "\nRETURN " + String.join(", ", returns), needs));
		});
		return Map.copyOf(facts);
	}

	/** Each fragment's text after its leading comment lines. */
	private static Map<String, String> bodies(Map<String, String> texts) {
		Map<String, String> bodies = new LinkedHashMap<>();
		texts.forEach((name, text) -> {
			List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
			while (!lines.isEmpty() && (lines.get(0).isBlank() || lines.get(0).strip().startsWith("//"))) {
				lines.remove(0);
			}
			String body = String.join("\n", lines).strip();
			if (body.isEmpty()) {
				throw new IllegalStateException("cypher/" + FRAGMENT_FOLDER + name + ".cypher: empty fragment");
			}
			bodies.put(name, body);
		});
		return bodies;
	}

	/**
	 * Puts each fragment's text where {@code text} names it; a fragment of {@code facts}
	 * (by fragment name) is replaced by its {@link Fact#reader()} instead, and its
	 * parameter added to {@code used}.
	 */
	private static String expand(String where, String text, Map<String, String> fragments, List<String> stack,
			Map<String, Fact> facts, List<String> used) {
		Matcher m = FRAGMENT.matcher(text);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			String body = fragments.get(name);
			if (body == null) {
				throw new IllegalStateException(where + ": no fragment cypher/" + FRAGMENT_FOLDER + name + ".cypher");
			}
			if (stack.contains(name)) {
				throw new IllegalStateException(where + ": fragments use each other in a circle: " + stack);
			}
			String expanded;
			Fact fact = facts.get(name);
			if (fact != null) {
				expanded = fact.reader();
				if (!used.contains(fact.parameter())) {
					used.add(fact.parameter());
				}
			}
			else {
				stack.add(name);
				expanded = expand(where, body, fragments, stack, facts, used);
				stack.remove(stack.size() - 1);
			}
			m.appendReplacement(sb, Matcher.quoteReplacement(expanded));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	/** The fragment texts by name, placeholders resolved. */
	public Map<String, String> fragments() {
		return this.fragments;
	}

	/** The facts of the run (shared fragments) by fragment name. */
	public Map<String, Fact> facts() {
		return this.facts;
	}

	private static String relativePath(Resource resource) {
		try {
			String url = resource.getURL().toString();
			int i = url.lastIndexOf("/cypher/");
			return url.substring(i + "/cypher/".length());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Parses one file; throws {@link IllegalStateException} naming the file and line on
	 * malformed text.
	 */
	public static CypherFile parse(String path, String text) {
		return parse(path, text, Map.of());
	}

	/**
	 * Parses one file, putting the text of {@code fragments} (by name) where a statement
	 * writes {@code {{name}}}; an unknown fragment fails naming the file and line.
	 */
	public static CypherFile parse(String path, String text, Map<String, String> fragments) {
		return parse(path, text, fragments, Map.of());
	}

	/**
	 * Parses one file as {@link #parse(String, String, Map)}; a statement that uses a
	 * fragment of {@code facts} (by fragment name) also gets its
	 * {@link CypherFile.Statement#sharedCypher()} form.
	 */
	public static CypherFile parse(String path, String text, Map<String, String> fragments, Map<String, Fact> facts) {
		String[] lines = text.split("\r?\n", -1);
		Map<String, String> header = new LinkedHashMap<>();
		int i = 0;
		String lastKey = null;
		for (; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				if (!header.isEmpty()) {
					i++;
					break;
				}
				continue;
			}
			if (!line.startsWith("//") || STATEMENT_NAME.matcher(line).matches()) {
				break;
			}
			String raw = lines[i].stripLeading();
			Matcher key = HEADER_KEY.matcher(raw);
			boolean continuation = raw.startsWith("//  ") || raw.startsWith("//\t");
			if (key.matches() && !continuation) {
				lastKey = key.group(1);
				if (header.containsKey(lastKey)) {
					throw new IllegalStateException(
							"cypher/" + path + ":" + (i + 1) + ": header key '" + lastKey + "' repeated");
				}
				header.put(lastKey, key.group(2).strip());
			}
			else if (lastKey != null) {
				header.put(lastKey, header.get(lastKey) + "\n" + raw.substring(2).strip());
			}
		}
		List<CypherFile.Statement> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		String name = null;
		int start = -1;
		for (; i < lines.length; i++) {
			String line = lines[i];
			String stripped = line.strip();
			Matcher named = STATEMENT_NAME.matcher(stripped);
			if (named.matches()) {
				if (current.toString().strip().length() > 0) {
					throw new IllegalStateException("cypher/" + path + ":" + (i + 1)
							+ ": statement name inside a statement (missing ';' above?)");
				}
				name = named.group(1);
				continue;
			}
			if (current.isEmpty() && (stripped.isEmpty() || stripped.startsWith("//"))) {
				continue;
			}
			if (start < 0) {
				start = i + 1;
			}
			String code = stripComment(line);
			if (code.strip().endsWith(";")) {
				String last = code.substring(0, code.lastIndexOf(';'));
				current.append(last);
				String n = (name != null) ? name : "statement-" + (statements.size() + 1);
				String where = "cypher/" + path + ":" + start;
				String written = current.toString().strip();
				String cypher = expand(where, written, fragments, new ArrayList<>(), Map.of(), new ArrayList<>());
				List<String> used = new ArrayList<>();
				String shared = expand(where, written, fragments, new ArrayList<>(), facts, used);
				statements.add(new CypherFile.Statement(n, cypher, start, used.isEmpty() ? cypher : shared, used));
				current.setLength(0);
				name = null;
				start = -1;
			}
			else {
				current.append(line).append('\n');
			}
		}
		if (!current.toString().strip().isEmpty()) {
			throw new IllegalStateException("cypher/" + path + ":" + start + ": last statement does not end with ';'");
		}
		return new CypherFile(path, header, statements, text);
	}

	/** Drops a trailing {@code //} comment that is not inside a string literal. */
	private static String stripComment(String line) {
		boolean single = false;
		boolean dbl = false;
		for (int c = 0; c < line.length() - 1; c++) {
			char ch = line.charAt(c);
			if (ch == '\'' && !dbl) {
				single = !single;
			}
			else if (ch == '"' && !single) {
				dbl = !dbl;
			}
			else if (ch == '/' && line.charAt(c + 1) == '/' && !single && !dbl) {
				return line.substring(0, c);
			}
		}
		return line;
	}

	/**
	 * The file at {@code path} below {@code cypher/} (e.g. {@code query/tree.cypher}).
	 */
	public CypherFile file(String path) {
		return find(path).orElseThrow(() -> new IllegalStateException("Missing file cypher/" + path));
	}

	public Optional<CypherFile> find(String path) {
		return Optional.ofNullable(this.files.get(path));
	}

	/**
	 * Every file in a folder below {@code cypher/}, e.g. {@code analysis}, in file-name
	 * order.
	 */
	public List<CypherFile> folder(String folder) {
		String prefix = folder.endsWith("/") ? folder : folder + "/";
		return this.files.values().stream().filter((f) -> f.path().startsWith(prefix)).toList();
	}

	public List<CypherFile> all() {
		return List.copyOf(this.files.values());
	}

	/** Shortcut: the text of a named statement of a file. */
	public String statement(String path, String name) {
		return file(path).statement(name).cypher();
	}

}
