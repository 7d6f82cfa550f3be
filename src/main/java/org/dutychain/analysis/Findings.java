package org.dutychain.analysis;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds findings from rows and message templates. Row columns a finding statement
 * returns: {@code code}, {@code unitId}, {@code evidenceIds} (list), and where they apply
 * {@code postId}, {@code personId}, {@code dutyId}, {@code issueId}, {@code paths} (list
 * of id lists), {@code metrics} (map); any other column is available to the message
 * templates as {@code {column}}, or as {@code {column:Type}} to show the label of a code
 * (see {@link MessageLabels}). The key subject is the values of the code's header
 * {@code subject:} names (an old {@code subject} column is ignored).
 */
public final class Findings {

	/** {@code {name}} or {@code {name:LabelType}}. */
	public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)(?::([A-Za-z]+))?}");

	/** Severity, then level, then unit id, then key: the order of design.md section 5. */
	public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
		.thenComparingInt(Finding::level)
		.thenComparing((Finding f) -> (f.unitId() != null) ? f.unitId() : "")
		.thenComparing(Finding::key);

	private Findings() {
	}

	/**
	 * A finding from one row of a finding statement (or a Java class that builds the same
	 * kind of row).
	 */
	public static Finding fromRow(AnalysisDefinition definition, AnalysisContext context, Map<String, Object> row) {
		String code = string(row.get("code"));
		AnalysisDefinition.CodeInfo info = definition.code(code);
		Map<String, Object> values = new LinkedHashMap<>(context.parameters());
		values.putAll(row);
		String unitId = string(row.get("unitId"));
		List<String> evidenceIds = strings(row.get("evidenceIds"));
		if (evidenceIds.isEmpty() && unitId != null) {
			evidenceIds = List.of(unitId);
		}
		List<List<String>> paths = new ArrayList<>();
		if (row.get("paths") instanceof Collection<?> ps) {
			for (Object p : ps) {
				paths.add(strings(p));
			}
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> metrics = (row.get("metrics") instanceof Map<?, ?> m) ? (Map<String, Object>) m : Map.of();
		return new Finding(definition.id(), code, info.severity(), unitId, context.level(unitId),
				string(row.get("postId")), string(row.get("personId")), string(row.get("dutyId")),
				string(row.get("issueId")), subject(definition, info, row), message(info, values),
				new Evidence(evidenceIds, paths), metrics);
	}

	/**
	 * The key subject of a finding: the values of the code's {@code subject:} names in
	 * {@code values} (a row), nulls left out; fails when every value is null.
	 */
	public static List<String> subject(AnalysisDefinition definition, AnalysisDefinition.CodeInfo info,
			Map<String, Object> values) {
		List<String> subject = new ArrayList<>();
		for (String name : info.subject()) {
			Object value = values.get(name);
			if (value != null) {
				subject.add(keyPart(value));
			}
		}
		if (subject.isEmpty()) {
			throw new IllegalStateException("cypher/" + definition.file().path() + ": a " + info.code()
					+ " finding has no value for any subject name " + info.subject() + ": " + values);
		}
		return subject;
	}

	private static String keyPart(Object value) {
		if (value instanceof Collection<?> c) {
			return String.join(",", c.stream().map(Findings::keyPart).toList());
		}
		return (value instanceof Double || value instanceof Float) ? format(value) : String.valueOf(value);
	}

	/** Both messages of a code rendered with the values of a row and the parameters. */
	public static Message message(AnalysisDefinition.CodeInfo info, Map<String, Object> values) {
		Map<String, Object> used = new LinkedHashMap<>();
		for (String template : new String[] { info.zh(), info.en() }) {
			Matcher m = PLACEHOLDER.matcher(template);
			while (m.find()) {
				if (values.containsKey(m.group(1))) {
					used.put(m.group(1), values.get(m.group(1)));
				}
			}
		}
		return new Message(render(info.zh(), values, true), render(info.en(), values, false), used);
	}

	/**
	 * Replaces {name} by the value of that column or parameter, and {name:Type} by the
	 * Chinese ({@code zh}) or English label of the code in it.
	 */
	public static String render(String template, Map<String, Object> values, boolean zh) {
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			String type = m.group(2);
			String value;
			if (!values.containsKey(name)) {
				value = m.group();
			}
			else if (type == null) {
				value = format(values.get(name));
			}
			else {
				value = labels(type, values.get(name), zh);
			}
			m.appendReplacement(sb, Matcher.quoteReplacement(value));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	private static String labels(String type, Object value, boolean zh) {
		if (value == null) {
			return "—";
		}
		if (value instanceof Collection<?> c) {
			return String.join(zh ? "、" : ", ", c.stream().map((v) -> labels(type, v, zh)).toList());
		}
		return MessageLabels.text(type, String.valueOf(value), zh);
	}

	static String format(Object value) {
		if (value == null) {
			return "—";
		}
		if (value instanceof Double d) {
			return (d == Math.rint(d) && Math.abs(d) < 1e9) ? String.valueOf(d.longValue())
					: String.format(Locale.ROOT, "%.2f", d);
		}
		if (value instanceof Float f) {
			return format(f.doubleValue());
		}
		if (value instanceof LocalDate d) {
			return d.toString();
		}
		if (value instanceof TemporalAccessor t) {
			return t.toString();
		}
		if (value instanceof Collection<?> c) {
			return String.join("、", c.stream().map(Findings::format).toList());
		}
		return String.valueOf(value);
	}

	static String string(Object value) {
		return (value == null) ? null : String.valueOf(value);
	}

	static List<String> strings(Object value) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> c) {
			return c.stream().filter(java.util.Objects::nonNull).map(String::valueOf).distinct().toList();
		}
		return List.of(String.valueOf(value));
	}

}
