package org.dutychain.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dutychain.analysis.Evidence;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Findings;
import org.dutychain.analysis.Message;

/**
 * A finding as a scoped caller may see it (issue 9: "evidence outside the subtrees is
 * dropped and messages are rendered at read time from structured fields, naming units
 * outside the scope only as 范围外单位").
 * <ul>
 * <li>A unit is outside when it is not in the scope; a dataset record (post, person,
 * duty, activity, grading, issue, supervision, measure, personnel event) is outside when
 * none of the units it belongs to is inside ({@code owners} in
 * {@code cypher/security/scope.cypher}; a person belongs to its home unit, to the unit of
 * every post it holds or held, and to the units it is first secretary of or assists —
 * past appointments count, so the former holders an inside unit's own history names stay
 * readable, whatever the audit date).</li>
 * <li>Evidence ids and paths touching an outside unit or record are dropped; the
 * finding's post, person, duty and issue ids are cleared when outside, outside ids and
 * names in its metrics replaced; an outside id in the key subject is replaced by a keyed
 * digest ({@code outside-…}), stable across restarts (its key is system data), so keys
 * stay unique without naming the record.</li>
 * <li>The message is rendered again from its template and the values it was built from: a
 * value that is an outside unit's id or name becomes {@value AccessScope#OUTSIDE_ZH}, an
 * outside person's id or name {@value #PERSON_ZH}, an outside record's id
 * {@value #RECORD_ZH}; a value of several names has each replaced. A message without
 * values (read back from JSON) has the names and ids of the outside units and records its
 * finding refers to replaced in its text. An outside post's title is hidden
 * ({@value #POST_ZH}) only as a whole value and only when no inside post of the finding
 * carries it.</li>
 * </ul>
 */
final class ScopeMask {

	static final String PERSON_ZH = "范围外人员";

	static final String PERSON_EN = "a person outside your scope";

	static final String RECORD_ZH = "范围外事项";

	static final String RECORD_EN = "an item outside your scope";

	static final String POST_ZH = "范围外岗位";

	static final String POST_EN = "a post outside your scope";

	/**
	 * The units and, for a person or a post, the name of a dataset record.
	 *
	 * @param name the person's name or the post's title; null for other records
	 * @param units the ids of the units the record belongs to (may be empty)
	 * @param person whether the record is a person
	 */
	record Owner(String name, Set<String> units, boolean person) {

		Owner {
			units = Set.copyOf(units);
		}

	}

	private final Set<String> inside;

	private final Map<String, String> outsideUnits;

	private final Set<String> outsideUnitNames;

	private final Function<String, Owner> owners;

	private final BiFunction<String, String, String[]> templates;

	private final Mac mac;

	/**
	 * @param inside the unit ids of the scope
	 * @param outsideUnits id → name of every unit outside the scope
	 * @param outsideUnitNames the names of outside units that no inside unit carries (two
	 * branches called 第一党支部: the inside one keeps its name)
	 * @param owners the owner of a record id, null when the id is no record (a unit, a
	 * code, a value)
	 * @param templates the Chinese and English templates of (analysis, code), null when
	 * unknown
	 * @param secret the key of the subject digest
	 */
	ScopeMask(Set<String> inside, Map<String, String> outsideUnits, Set<String> outsideUnitNames,
			Function<String, Owner> owners, BiFunction<String, String, String[]> templates, byte[] secret) {
		this.inside = inside;
		this.outsideUnits = outsideUnits;
		this.outsideUnitNames = outsideUnitNames;
		this.owners = owners;
		this.templates = templates;
		try {
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(secret, "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The ids a finding refers to whose owners are needed: evidence, paths, the finding's
	 * own ids, the subject and the id placeholders of its message.
	 */
	static Set<String> referencedIds(Finding f) {
		Set<String> ids = new LinkedHashSet<>(f.evidence().nodeIds());
		f.evidence().paths().forEach(ids::addAll);
		for (String id : new String[] { f.postId(), f.personId(), f.dutyId(), f.issueId() }) {
			if (id != null) {
				ids.add(id);
			}
		}
		for (String part : f.subject()) {
			ids.add(part);
			if (part.indexOf(',') >= 0) {
				ids.addAll(List.of(part.split(",")));
			}
		}
		f.message().values().forEach((name, value) -> {
			if (name.endsWith("Id") || name.endsWith("Ids")) {
				strings(value).forEach(ids::add);
			}
		});
		f.metrics().values().forEach((value) -> ids.addAll(strings(value)));
		return ids;
	}

	private static List<String> strings(Object value) {
		if (value instanceof Collection<?> c) {
			List<String> out = new ArrayList<>();
			c.forEach((v) -> out.addAll(strings(v)));
			return out;
		}
		if (value instanceof Map<?, ?> m) {
			List<String> out = new ArrayList<>();
			m.values().forEach((v) -> out.addAll(strings(v)));
			return out;
		}
		return (value instanceof String s) ? List.of(s) : List.of();
	}

	/** Whether the id names a unit or a record outside the scope. */
	boolean outside(String id) {
		if (id == null) {
			return false;
		}
		if (this.outsideUnits.containsKey(id)) {
			return true;
		}
		Owner owner = this.owners.apply(id);
		return owner != null && owner.units().stream().noneMatch(this.inside::contains);
	}

	/** The finding with everything outside the scope dropped or masked. */
	Finding clip(Finding f) {
		Set<String> referenced = referencedIds(f);
		Map<String, Boolean> hiddenNames = new LinkedHashMap<>();
		Set<String> hiddenTitles = new java.util.HashSet<>();
		Set<String> insideTitles = new java.util.HashSet<>();
		Map<String, String[]> hiddenIds = new LinkedHashMap<>();
		for (String id : referenced) {
			if (!outside(id)) {
				Owner owner = this.owners.apply(id);
				if (owner != null && !owner.person() && owner.name() != null) {
					insideTitles.add(owner.name());
				}
				continue;
			}
			String unitName = this.outsideUnits.get(id);
			Owner owner = (unitName != null) ? null : this.owners.apply(id);
			if (unitName != null) {
				hiddenIds.put(id, new String[] { AccessScope.OUTSIDE_ZH, AccessScope.OUTSIDE_EN });
				if (!unitName.isBlank() && this.outsideUnitNames.contains(unitName)) {
					hiddenNames.put(unitName, false);
				}
			}
			else if (owner.person()) {
				hiddenIds.put(id, new String[] { PERSON_ZH, PERSON_EN });
				if (!owner.name().isBlank()) {
					hiddenNames.put(owner.name(), true);
				}
			}
			else if (owner.name() != null) {
				hiddenIds.put(id, new String[] { POST_ZH, POST_EN });
				hiddenTitles.add(owner.name());
			}
			else {
				hiddenIds.put(id, new String[] { RECORD_ZH, RECORD_EN });
			}
		}
		// a post title names a kind of post (书记): hidden only as a whole value, and never
		// when an inside post of the finding carries it too
		hiddenTitles.removeAll(insideTitles);
		if (hiddenIds.isEmpty() && !mentionsOutsideName(f.message().values()) && !mentionsOutsideName(f.metrics())) {
			return f;
		}
		List<String> nodeIds = f.evidence().nodeIds().stream().filter((id) -> !hiddenIds.containsKey(id)).toList();
		List<List<String>> paths = f.evidence()
			.paths()
			.stream()
			.filter((p) -> p.stream().noneMatch(hiddenIds::containsKey))
			.toList();
		List<String> subject = f.subject().stream().map((part) -> maskSubject(part, hiddenIds)).toList();
		return new Finding(f.analysis(), f.code(), f.severity(), f.unitId(), f.level(), keep(f.postId(), hiddenIds),
				keep(f.personId(), hiddenIds), keep(f.dutyId(), hiddenIds), keep(f.issueId(), hiddenIds), subject,
				message(f, hiddenIds, hiddenNames, hiddenTitles), new Evidence(nodeIds, paths),
				maskMetrics(f.metrics(), hiddenIds, hiddenNames));
	}

	/**
	 * Metrics with outside ids replaced by their digests and outside names by
	 * {@value AccessScope#OUTSIDE_ZH} / {@value #PERSON_ZH}.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> maskMetrics(Map<String, Object> metrics, Map<String, String[]> hiddenIds,
			Map<String, Boolean> hiddenNames) {
		return (Map<String, Object>) maskMetric(metrics, hiddenIds, hiddenNames);
	}

	private Object maskMetric(Object value, Map<String, String[]> hiddenIds, Map<String, Boolean> hiddenNames) {
		if (value instanceof Map<?, ?> m) {
			Map<Object, Object> out = new LinkedHashMap<>();
			m.forEach((k, v) -> out.put(k, maskMetric(v, hiddenIds, hiddenNames)));
			return out;
		}
		if (value instanceof Collection<?> c) {
			List<Object> out = new ArrayList<>(c.size());
			c.forEach((v) -> out.add(maskMetric(v, hiddenIds, hiddenNames)));
			return out;
		}
		if (value instanceof String s) {
			if (hiddenIds.containsKey(s)) {
				return digest(s);
			}
			if (this.outsideUnitNames.contains(s)) {
				return AccessScope.OUTSIDE_ZH;
			}
			Boolean person = hiddenNames.get(s);
			return (person != null) ? label(person, true) : s;
		}
		return value;
	}

	private boolean mentionsOutsideName(Map<String, Object> values) {
		for (Object value : values.values()) {
			for (String s : strings(value)) {
				if (this.outsideUnitNames.contains(s)) {
					return true;
				}
			}
		}
		return false;
	}

	private static String keep(String id, Map<String, String[]> hidden) {
		return (id == null || hidden.containsKey(id)) ? null : id;
	}

	private String maskSubject(String part, Map<String, String[]> hidden) {
		if (hidden.containsKey(part)) {
			return digest(part);
		}
		if (part.indexOf(',') < 0) {
			return part;
		}
		return String.join(",",
				List.of(part.split(",")).stream().map((p) -> hidden.containsKey(p) ? digest(p) : p).toList());
	}

	private String digest(String id) {
		byte[] hash;
		synchronized (this.mac) {
			hash = this.mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
		}
		return "outside-" + HexFormat.of().formatHex(hash, 0, 6);
	}

	private Message message(Finding f, Map<String, String[]> hiddenIds, Map<String, Boolean> hiddenNames,
			Set<String> hiddenTitles) {
		Message m = f.message();
		String[] templates = m.values().isEmpty() ? null : this.templates.apply(f.analysis(), f.code());
		if (templates == null) {
			return new Message(replace(m.zh(), hiddenIds, hiddenNames, true),
					replace(m.en(), hiddenIds, hiddenNames, false));
		}
		Map<String, Object> zh = new LinkedHashMap<>();
		Map<String, Object> en = new LinkedHashMap<>();
		m.values().forEach((name, value) -> {
			zh.put(name, mask(value, hiddenIds, hiddenNames, hiddenTitles, true));
			en.put(name, mask(value, hiddenIds, hiddenNames, hiddenTitles, false));
		});
		// no values kept: they would name what the texts hide
		return new Message(Findings.render(templates[0], zh, true), Findings.render(templates[1], en, false));
	}

	private Object mask(Object value, Map<String, String[]> hiddenIds, Map<String, Boolean> hiddenNames,
			Set<String> hiddenTitles, boolean zh) {
		if (value instanceof Collection<?> c) {
			List<Object> out = new ArrayList<>(c.size());
			c.forEach((v) -> out.add(mask(v, hiddenIds, hiddenNames, hiddenTitles, zh)));
			return out;
		}
		if (!(value instanceof String s)) {
			return value;
		}
		String[] id = hiddenIds.get(s);
		if (id != null) {
			return id[zh ? 0 : 1];
		}
		if (this.outsideUnitNames.contains(s)) {
			return zh ? AccessScope.OUTSIDE_ZH : AccessScope.OUTSIDE_EN;
		}
		Boolean person = hiddenNames.get(s);
		if (person != null) {
			return label(person, zh);
		}
		if (hiddenTitles.contains(s)) {
			return zh ? POST_ZH : POST_EN;
		}
		return replace(s, Map.of(), hiddenNames, zh);
	}

	private static String label(boolean person, boolean zh) {
		if (person) {
			return zh ? PERSON_ZH : PERSON_EN;
		}
		return zh ? AccessScope.OUTSIDE_ZH : AccessScope.OUTSIDE_EN;
	}

	/**
	 * Replaces the names (longest first, so a name inside a longer one is not cut) and
	 * ids in a text.
	 */
	private static String replace(String text, Map<String, String[]> hiddenIds, Map<String, Boolean> hiddenNames,
			boolean zh) {
		if (text == null) {
			return null;
		}
		List<Map.Entry<String, Boolean>> names = new ArrayList<>(hiddenNames.entrySet());
		names.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
		String out = text;
		for (Map.Entry<String, Boolean> name : names) {
			out = out.replace(name.getKey(), label(name.getValue(), zh));
		}
		List<Map.Entry<String, String[]>> ids = new ArrayList<>(hiddenIds.entrySet());
		ids.sort((a, b) -> Integer.compare(b.getKey().length(), a.getKey().length()));
		for (Map.Entry<String, String[]> id : ids) {
			out = replaceToken(out, id.getKey(), id.getValue()[zh ? 0 : 1]);
		}
		return out;
	}

	/**
	 * Replaces an id only where it stands alone (not inside a longer id or word: "A" in
	 * "ABC" stays).
	 */
	static String replaceToken(String text, String token, String replacement) {
		if (token.isEmpty()) {
			return text;
		}
		StringBuilder sb = new StringBuilder();
		int from = 0;
		int at;
		while ((at = text.indexOf(token, from)) >= 0) {
			int end = at + token.length();
			boolean before = at == 0 || !idChar(text.charAt(at - 1));
			boolean after = end == text.length() || !idChar(text.charAt(end));
			sb.append(text, from, at).append((before && after) ? replacement : token);
			from = end;
		}
		return sb.append(text.substring(from)).toString();
	}

	private static boolean idChar(char c) {
		return Character.isLetterOrDigit(c) && c < 0x80 || c == '-' || c == '_' || c == '.' || c == ':';
	}

}
