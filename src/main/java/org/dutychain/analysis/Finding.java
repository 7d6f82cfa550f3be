package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One finding (分析发现). Serialized flat as design.md section 3 and 5 fix it: analysis,
 * code, severity, key, the subject ids, subject, messageZh, messageEn, evidence, metrics.
 *
 * @param analysis analysis id (kebab-case)
 * @param code finding code (UPPER_SNAKE)
 * @param severity from the analysis header
 * @param unitId the unit the finding is about (where the gap sits)
 * @param level that unit's level (depth along PRIMARY, root = 1); 0 when the finding has
 * no unit
 * @param subject the values that make the key (section 5); never empty
 * @param message Chinese and English text
 * @param evidence node ids and paths proving it
 * @param metrics optional numbers behind the finding (ratios, counts); empty when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(String analysis, String code, Severity severity, String unitId, int level, String postId,
		String personId, String dutyId, String issueId, List<String> subject, @JsonIgnore Message message,
		Evidence evidence, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> metrics) {

	public Finding {
		Objects.requireNonNull(analysis, "analysis");
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
		Objects.requireNonNull(evidence, "evidence");
		subject = (subject == null || subject.isEmpty()) ? defaultSubject(unitId, postId, personId, dutyId, issueId)
				: subject.stream().map(String::valueOf).toList();
		// a Map.of map (it iterates in a per-JVM order) is sorted by key,
		// so the same audit writes the same JSON in every run
		metrics = (metrics == null) ? Map.of()
				: java.util.Collections
					.unmodifiableMap(metrics.getClass().getName().startsWith("java.util.ImmutableCollections")
							? new java.util.LinkedHashMap<>(new java.util.TreeMap<>(metrics))
							: new java.util.LinkedHashMap<>(metrics));
		if (subject.isEmpty()) {
			throw new IllegalArgumentException(analysis + "/" + code + ": a finding needs a subject");
		}
	}

	/**
	 * Identity across runs and snapshots: {@code analysis/code/} and the subject joined
	 * by {@code /}.
	 */
	@JsonProperty("key")
	public String key() {
		return this.analysis + "/" + this.code + "/" + String.join("/", this.subject);
	}

	@JsonProperty("messageZh")
	public String messageZh() {
		return this.message.zh();
	}

	@JsonProperty("messageEn")
	public String messageEn() {
		return this.message.en();
	}

	private static List<String> defaultSubject(String... ids) {
		List<String> subject = new ArrayList<>();
		for (String id : ids) {
			if (id != null) {
				subject.add(id);
			}
		}
		return subject;
	}

	@Override
	public String toString() {
		return key() + " " + this.severity + " evidence="
				+ this.evidence.nodeIds().stream().collect(Collectors.joining(","));
	}

}
