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
 */
public final class CypherFiles {

	private static final Pattern HEADER_KEY = Pattern.compile("^//\\s?([A-Za-z][A-Za-z0-9_.\\-]*):\\s?(.*)$");

	private static final Pattern STATEMENT_NAME = Pattern.compile("^//\\s*statement:\\s*(\\S+)\\s*$");

	private final Map<String, CypherFile> files;

	private CypherFiles(Map<String, CypherFile> files) {
		this.files = files;
	}

	/** Loads and parses {@code classpath*:cypher/**}{@code /*.cypher}. */
	public static CypherFiles load(ResourcePatternResolver resolver) {
		try {
			Map<String, CypherFile> files = new LinkedHashMap<>();
			Resource[] resources = resolver.getResources("classpath*:cypher/**/*.cypher");
			List<Resource> sorted = new ArrayList<>(List.of(resources));
			sorted.sort(Comparator.comparing(CypherFiles::relativePath));
			for (Resource resource : sorted) {
				String path = relativePath(resource);
				String text = resource.getContentAsString(StandardCharsets.UTF_8);
				files.putIfAbsent(path, parse(path, text));
			}
			return new CypherFiles(files);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read cypher/ from the classpath", ex);
		}
	}

	/** For tests: files given directly. */
	public static CypherFiles of(List<CypherFile> files) {
		Map<String, CypherFile> map = new LinkedHashMap<>();
		files.forEach((f) -> map.put(f.path(), f));
		return new CypherFiles(map);
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
				statements.add(new CypherFile.Statement(n, current.toString().strip(), start));
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
