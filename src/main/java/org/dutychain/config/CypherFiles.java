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
 */
public final class CypherFiles {

	private static final Pattern HEADER_KEY = Pattern.compile("^//\\s?([A-Za-z][A-Za-z0-9_.\\-]*):\\s?(.*)$");

	private static final Pattern STATEMENT_NAME = Pattern.compile("^//\\s*statement:\\s*(\\S+)\\s*$");

	/** {@code {{fragment-name}}}. */
	public static final Pattern FRAGMENT = Pattern.compile("\\{\\{([a-z][a-z0-9-]*)}}");

	static final String FRAGMENT_FOLDER = "fragment/";

	private final Map<String, CypherFile> files;

	private final Map<String, String> fragments;

	private CypherFiles(Map<String, CypherFile> files, Map<String, String> fragments) {
		this.files = files;
		this.fragments = fragments;
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
			texts.forEach((path, text) -> files.put(path, parse(path, text, fragments)));
			return new CypherFiles(files, fragments);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read cypher/ from the classpath", ex);
		}
	}

	/** For tests: files given directly. */
	public static CypherFiles of(List<CypherFile> files) {
		Map<String, CypherFile> map = new LinkedHashMap<>();
		files.forEach((f) -> map.put(f.path(), f));
		return new CypherFiles(map, Map.of());
	}

	/**
	 * The fragments by name, each with its own placeholders resolved: the text after the
	 * leading comment lines.
	 */
	static Map<String, String> fragments(Map<String, String> texts) {
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
		Map<String, String> resolved = new LinkedHashMap<>();
		for (String name : bodies.keySet()) {
			resolved.put(name, expand("cypher/" + FRAGMENT_FOLDER + name + ".cypher", bodies.get(name), bodies,
					new ArrayList<>(List.of(name))));
		}
		return Map.copyOf(resolved);
	}

	private static String expand(String where, String text, Map<String, String> fragments, List<String> stack) {
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
			stack.add(name);
			String expanded = expand(where, body, fragments, stack);
			stack.remove(stack.size() - 1);
			m.appendReplacement(sb, Matcher.quoteReplacement(expanded));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	/** The fragment texts by name, placeholders resolved. */
	public Map<String, String> fragments() {
		return this.fragments;
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
				String cypher = expand("cypher/" + path + ":" + start, current.toString().strip(), fragments,
						new ArrayList<>());
				statements.add(new CypherFile.Statement(n, cypher, start));
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
