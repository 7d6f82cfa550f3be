package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dutychain.config.CypherFile;

/**
 * The parsed header of {@code cypher/analysis/<id>.cypher}.
 *
 * <pre>
 * // id:          post-vacancy                       (equal to the file name)
 * // title:       岗位空缺 | Post vacancy
 * // description: one paragraph
 * // engine:      cypher | jgrapht                    (jgrapht: a Java class adds findings)
 * // order:       20                                  (optional: catalogue position, see below)
 * // sensitive:   false                               (optional, default false: findings read gradings or
 * //                                                   personnel events; POST_VACANT.sensitive overrides per code)
 * // class:       SinglePointsAnalysis               (jgrapht only: the simple name of an AnalysisExtension bean)
 * // codes:       POST_VACANT HIGH: what it means     (one line per code, continuation lines indented)
 * // params:      what the statements read
 * // returns:     the columns of the finding statements
 * // POST_VACANT.title: 岗位空缺 | Post vacant         (a short name for the code, shown wherever the code is)
 * // POST_VACANT.subject: unitId, postId             (required: the names whose values make the finding key)
 * // POST_VACANT.zh: {unitName}的{postTitle}岗位在{asOf}无人任职
 * // POST_VACANT.en: Nobody holds {postTitle} at {unitName} on {asOf}
 * </pre>
 *
 * Statements named by an UPPER_SNAKE code ({@code // statement: POST_VACANT}) are finding
 * statements: the runner turns each row into a finding. Statements with other names are
 * data for the Java class.
 *
 * <p>
 * Finding key: {@code analysis/code/} and the values of the code's {@code subject:} names
 * joined by {@code /}. A name is a finding field ({@code unitId}, {@code postId},
 * {@code personId}, {@code dutyId}, {@code issueId}) or a column of the code's statement
 * (a Java class puts the same names in the row it builds); a null value is left out.
 *
 * <p>
 * Catalogue order: by {@code order:} (files without one after those with one), then by
 * id.
 *
 * @param sensitive whether any of its codes is sensitive (the header's {@code sensitive:}
 * or a code's own)
 */
public record AnalysisDefinition(String id, String titleZh, String titleEn, String description, String engine,
		Optional<String> className, int order, boolean sensitive, Map<String, CodeInfo> codes, CypherFile file) {

	/** The order of a file without {@code order:}: after every file that has one. */
	public static final int NO_ORDER = Integer.MAX_VALUE;

	private static final Pattern SUBJECT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	private static final Pattern CODE_LINE = Pattern.compile("^([A-Z][A-Z0-9_]*)\\s+(HIGH|MEDIUM|LOW)\\s*:\\s*(.*)$");

	static final Pattern FINDING_STATEMENT = Pattern.compile("^[A-Z][A-Z0-9_]*$");

	/**
	 * One finding code of the analysis.
	 *
	 * @param code UPPER_SNAKE code
	 * @param severity from design.md section 5
	 * @param description the header's line for it
	 * @param titleZh short Chinese name of the code (shown instead of the code)
	 * @param titleEn short English name of the code
	 * @param zh Chinese message template with {placeholders}
	 * @param en English message template
	 * @param subject the names whose values make the finding key, in key order
	 * @param sensitive whether the code's inputs include gradings or personnel events
	 */
	public record CodeInfo(String code, Severity severity, String description, String titleZh, String titleEn,
			String zh, String en, List<String> subject, boolean sensitive) {

		public CodeInfo {
			subject = List.copyOf(subject);
		}

	}

	/**
	 * Parses and checks a file; throws {@link IllegalStateException} naming the file on
	 * any defect.
	 */
	public static AnalysisDefinition of(CypherFile file) {
		String where = "cypher/" + file.path();
		String id = require(file, "id");
		if (!id.equals(file.stem())) {
			throw new IllegalStateException(where + ": id '" + id + "' differs from the file name");
		}
		String title = require(file, "title");
		String[] parts = title.split("\\|");
		if (parts.length != 2) {
			throw new IllegalStateException(where + ": title must be '中文 | English'");
		}
		String description = require(file, "description");
		String engine = require(file, "engine");
		if (!engine.equals("cypher") && !engine.equals("jgrapht")) {
			throw new IllegalStateException(where + ": engine must be cypher or jgrapht, not " + engine);
		}
		Optional<String> className = file.headerValue("class");
		if (engine.equals("jgrapht") && className.isEmpty()) {
			throw new IllegalStateException(where + ": engine jgrapht needs a class");
		}
		int order = file.headerValue("order").map((v) -> {
			try {
				return Integer.parseInt(v.strip());
			}
			catch (NumberFormatException ex) {
				throw new IllegalStateException(where + ": order must be an integer, not " + v);
			}
		}).orElse(NO_ORDER);
		boolean sensitive = bool(where, "sensitive", file.headerValue("sensitive").orElse("false"));
		Map<String, CodeInfo> codes = new LinkedHashMap<>();
		for (String line : require(file, "codes").split("\n")) {
			Matcher m = CODE_LINE.matcher(line.strip());
			if (m.matches()) {
				String code = m.group(1);
				String zh = file.headerValue(code + ".zh")
					.orElseThrow(() -> new IllegalStateException(where + ": no " + code + ".zh message"));
				String en = file.headerValue(code + ".en")
					.orElseThrow(() -> new IllegalStateException(where + ": no " + code + ".en message"));
				String[] codeTitle = file.headerValue(code + ".title")
					.orElseThrow(() -> new IllegalStateException(where + ": no " + code + ".title"))
					.split("\\|");
				if (codeTitle.length != 2 || codeTitle[0].isBlank() || codeTitle[1].isBlank()) {
					throw new IllegalStateException(where + ": " + code + ".title must be '中文 | English'");
				}
				List<String> subject = subject(where, code, file.headerValue(code + ".subject")
					.orElseThrow(() -> new IllegalStateException(where + ": no " + code + ".subject")));
				boolean codeSensitive = bool(where, code + ".sensitive",
						file.headerValue(code + ".sensitive").orElse(String.valueOf(sensitive)));
				codes.put(code, new CodeInfo(code, Severity.valueOf(m.group(2)), m.group(3).strip(),
						codeTitle[0].strip(), codeTitle[1].strip(), zh, en, subject, codeSensitive));
			}
		}
		if (codes.isEmpty()) {
			throw new IllegalStateException(where + ": codes lists no finding code");
		}
		List<String> unknown = new ArrayList<>();
		for (CypherFile.Statement s : file.statements()) {
			if (FINDING_STATEMENT.matcher(s.name()).matches() && !codes.containsKey(s.name())) {
				unknown.add(s.name());
			}
		}
		if (!unknown.isEmpty()) {
			throw new IllegalStateException(where + ": statements " + unknown + " are not listed under codes");
		}
		boolean anySensitive = codes.values().stream().anyMatch(CodeInfo::sensitive);
		return new AnalysisDefinition(id, parts[0].strip(), parts[1].strip(), description, engine, className, order,
				anySensitive, codes, file);
	}

	private static List<String> subject(String where, String code, String value) {
		List<String> names = new ArrayList<>();
		for (String name : value.split(",")) {
			String n = name.strip();
			if (!SUBJECT_NAME.matcher(n).matches()) {
				throw new IllegalStateException(where + ": " + code + ".subject has an invalid name '" + n + "'");
			}
			if (names.contains(n)) {
				throw new IllegalStateException(where + ": " + code + ".subject repeats '" + n + "'");
			}
			names.add(n);
		}
		return names;
	}

	private static boolean bool(String where, String key, String value) {
		return switch (value.strip()) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new IllegalStateException(where + ": " + key + " must be true or false, not " + value);
		};
	}

	private static String require(CypherFile file, String key) {
		return file.headerValue(key)
			.filter((v) -> !v.isBlank())
			.orElseThrow(() -> new IllegalStateException("cypher/" + file.path() + ": header has no '" + key + "'"));
	}

	/** "中文 | English". */
	public String title() {
		return this.titleZh + " | " + this.titleEn;
	}

	/** The highest severity among the codes. */
	public Severity severity() {
		return this.codes.values().stream().map(CodeInfo::severity).min(Enum::compareTo).orElse(Severity.LOW);
	}

	public CodeInfo code(String code) {
		CodeInfo info = this.codes.get(code);
		if (info == null) {
			throw new IllegalStateException("cypher/" + this.file.path() + ": code " + code + " is not declared");
		}
		return info;
	}

	/**
	 * A short fingerprint of each code's definition: its severity, key subject, header
	 * description and statement (fragments resolved), or the class that builds it. It
	 * changes when the rule does, not when only its title or message wording does; a
	 * snapshot keeps it so that a later diff can tell a rule change from a closure.
	 */
	public Map<String, String> codeVersions() {
		Map<String, String> versions = new LinkedHashMap<>();
		for (CodeInfo info : this.codes.values()) {
			String statement = this.file.statements()
				.stream()
				.filter((s) -> s.name().equals(info.code()))
				.map(CypherFile.Statement::cypher)
				.findFirst()
				.orElse("class " + this.className.orElse(""));
			String text = String.join("\n", info.code(), info.severity().name(), String.join(",", info.subject()),
					info.description(), statement);
			try {
				byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				versions.put(info.code(), java.util.HexFormat.of().formatHex(digest, 0, 6));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return versions;
	}

	/** The statements that yield findings directly, in file order. */
	public List<CypherFile.Statement> findingStatements() {
		return this.file.statements().stream().filter((s) -> FINDING_STATEMENT.matcher(s.name()).matches()).toList();
	}

}
