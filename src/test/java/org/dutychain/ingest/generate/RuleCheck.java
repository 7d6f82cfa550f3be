package org.dutychain.ingest.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules of design.md section 3 for the codes the generator controls, computed in
 * plain Java over a generated folder, as rows in the form of truth.csv. An independent
 * reading of the rules: the clean base must give none, a planted dataset exactly its
 * truth.csv.
 */
final class RuleCheck {

	private static final List<String> DOMAINS = List.of("POLITICAL", "THEORY", "ORGANIZATION", "MEMBER_EDUCATION",
			"DISCIPLINE", "MASS_ORGS", "SUPERVISION_CHECK", "SUPPORT");

	private static final Set<String> ROOT_KINDS = Set.of("ORGAN_WORK_COMMITTEE", "PARTY_COMMITTEE",
			"LEADING_PARTY_GROUP", "DISCIPLINE_WORK_COMMITTEE", "DISCIPLINE_COMMISSION");

	private static final Set<String> DISCIPLINE_KINDS = Set.of("DISCIPLINE_COMMISSION", "DISCIPLINE_WORK_COMMITTEE",
			"ORGAN_DISCIPLINE_COMMITTEE", "STATIONED_DISCIPLINE_TEAM");

	private static final Map<String, Integer> RANK = Map.ofEntries(Map.entry("ORGAN_WORK_COMMITTEE", 0),
			Map.entry("LEADING_PARTY_GROUP", 1), Map.entry("PARTY_COMMITTEE", 1),
			Map.entry("DISCIPLINE_WORK_COMMITTEE", 1), Map.entry("DISCIPLINE_COMMISSION", 1),
			Map.entry("ORGAN_PARTY_COMMITTEE", 2), Map.entry("ORGAN_DISCIPLINE_COMMITTEE", 2),
			Map.entry("STATIONED_DISCIPLINE_TEAM", 2), Map.entry("GENERAL_BRANCH", 3), Map.entry("BRANCH", 4),
			Map.entry("JOINT_BRANCH", 4), Map.entry("PARTY_CELL", 5));

	private final LocalDate asOf;

	private final Map<String, Map<String, String>> units = new HashMap<>();

	private final Map<String, List<String[]>> leaders = new HashMap<>();

	private final Map<String, List<String>> children = new HashMap<>();

	private final Map<String, Map<String, String>> posts = new HashMap<>();

	private final Map<String, List<String>> postsOfUnit = new HashMap<>();

	private final Map<String, Map<String, String>> kinds = new HashMap<>();

	private final Map<String, List<Map<String, String>>> appointments = new HashMap<>();

	private final Map<String, Map<String, String>> people = new HashMap<>();

	private final Map<String, Map<String, String>> duties = new HashMap<>();

	private final Map<String, List<String>> dutiesOfUnit = new HashMap<>();

	private final Map<String, List<String>> dutiesOfPost = new HashMap<>();

	private final Dataset d;

	private final Set<String> out = new TreeSet<>();

	RuleCheck(Dataset d, LocalDate asOf) {
		this.d = d;
		this.asOf = asOf;
		for (Map<String, String> u : d.rows("units")) {
			this.units.put(u.get("id"), u);
			if (!u.get("parent_id").isEmpty()) {
				link(u.get("parent_id"), u.get("id"), "PRIMARY");
			}
		}
		for (Map<String, String> l : d.rows("leadership")) {
			link(l.get("leader_id"), l.get("unit_id"), l.get("kind"));
		}
		for (Map<String, String> k : d.rows("post_kinds")) {
			this.kinds.put(k.get("key"), k);
		}
		for (Map<String, String> p : d.rows("posts")) {
			this.posts.put(p.get("id"), p);
			this.postsOfUnit.computeIfAbsent(p.get("unit_id"), (x) -> new ArrayList<>()).add(p.get("id"));
		}
		for (Map<String, String> a : d.rows("appointments")) {
			this.appointments.computeIfAbsent(a.get("post_id"), (x) -> new ArrayList<>()).add(a);
		}
		for (Map<String, String> p : d.rows("people")) {
			this.people.put(p.get("id"), p);
		}
		for (Map<String, String> t : d.rows("duties")) {
			this.duties.put(t.get("id"), t);
			if (t.get("post_id").isEmpty()) {
				this.dutiesOfUnit.computeIfAbsent(t.get("unit_id"), (x) -> new ArrayList<>()).add(t.get("id"));
			}
			else {
				this.dutiesOfPost.computeIfAbsent(t.get("post_id"), (x) -> new ArrayList<>()).add(t.get("id"));
			}
		}
	}

	private void link(String leader, String unit, String kind) {
		this.leaders.computeIfAbsent(unit, (x) -> new ArrayList<>()).add(new String[] { leader, kind });
		if (kind.equals("PRIMARY") || kind.equals("DUAL")) {
			this.children.computeIfAbsent(leader, (x) -> new ArrayList<>()).add(unit);
		}
	}

	Set<String> findings() {
		hierarchy();
		posts();
		lists();
		cascade();
		pressure();
		hotTopColdBottom();
		accountability();
		assistance();
		supervision();
		reviews();
		weakTwoYears();
		leadership();
		structure();
		cadence();
		gradesAndReviews();
		return this.out;
	}

	private void add(String analysis, String code, String unit, String post, String person) {
		this.out.add(
				String.join(",", analysis, code, unit, (post != null) ? post : "", (person != null) ? person : "", ""));
	}

	/** A finding of the audit of {@code scope} as scope ("" = the whole dataset). */
	private void addScoped(String analysis, String code, String unit, String scope) {
		this.out.add(String.join(",", analysis, code, unit, "", "", scope));
	}

	private LocalDate date(String s) {
		return (s == null || s.isEmpty()) ? null : LocalDate.parse(s);
	}

	private boolean current(Map<String, String> row) {
		LocalDate until = date(row.get("until"));
		return !date(row.get("since")).isAfter(this.asOf) && (until == null || !until.isBefore(this.asOf));
	}

	private int members(String unit) {
		String m = this.units.get(unit).get("members");
		return m.isEmpty() ? 0 : Integer.parseInt(m);
	}

	private String kind(String unit) {
		return this.units.get(unit).get("kind");
	}

	private String parent(String unit) {
		String p = this.units.get(unit).get("parent_id");
		return p.isEmpty() ? null : p;
	}

	// ----------------------------------------------------------------
	// hierarchy-integrity

	private void hierarchy() {
		for (Map<String, String> u : this.d.rows("units")) {
			String id = u.get("id");
			String kind = u.get("kind");
			if (!this.leaders.containsKey(id) && !ROOT_KINDS.contains(kind)) {
				add("hierarchy-integrity", "ORPHAN_UNIT", id, null, null);
			}
			String parent = parent(id);
			if (parent != null) {
				String pk = kind(parent);
				boolean branchParent = pk.equals("BRANCH") || pk.equals("JOINT_BRANCH");
				if ((branchParent && !kind.equals("PARTY_CELL")) || pk.equals("PARTY_CELL")
						|| RANK.get(kind) < RANK.get(pk)) {
					add("hierarchy-integrity", "KIND_ORDER", id, null, null);
				}
			}
			if (kind.equals("BRANCH") && members(id) < 3) {
				add("hierarchy-integrity", "TOO_FEW_MEMBERS", id, null, null);
			}
			if (kind.equals("BRANCH") && members(id) > 50) {
				add("hierarchy-integrity", "SHOULD_BE_GENERAL_BRANCH", id, null, null);
			}
			if (kind.equals("GENERAL_BRANCH") && members(id) >= 100) {
				add("hierarchy-integrity", "SHOULD_BE_COMMITTEE", id, null, null);
			}
			if (kind.equals("JOINT_BRANCH") && Integer.parseInt(u.get("host_units")) > 5) {
				add("hierarchy-integrity", "JOINT_BRANCH_TOO_WIDE", id, null, null);
			}
		}
	}

	// ---------------------------------------------------------------- post-vacancy

	private String responsibility(String post) {
		return this.kinds.get(this.posts.get(post).get("kind")).get("responsibility");
	}

	private List<String> currentHolders(String post) {
		List<String> holders = new ArrayList<>();
		for (Map<String, String> a : this.appointments.getOrDefault(post, List.of())) {
			if (current(a)) {
				holders.add(a.get("person_id"));
			}
		}
		return holders;
	}

	private void posts() {
		for (Map<String, String> u : this.d.rows("units")) {
			String id = u.get("id");
			for (Map<String, String> k : this.kinds.values()) {
				if (Arrays.asList(k.get("required_in").split(";")).contains(u.get("kind"))
						&& this.postsOfUnit.getOrDefault(id, List.of())
							.stream()
							.noneMatch((p) -> this.posts.get(p).get("kind").equals(k.get("key")))) {
					add("post-vacancy", "REQUIRED_POST_MISSING", id, null, null);
				}
			}
		}
		Map<String, Integer> load = new HashMap<>();
		Map<String, Set<String>> roles = new HashMap<>();
		for (Map<String, String> p : this.d.rows("posts")) {
			String post = p.get("id");
			List<Map<String, String>> history = this.appointments.getOrDefault(post, List.of());
			List<String> holders = currentHolders(post);
			boolean ended = history.stream()
				.anyMatch((a) -> date(a.get("until")) != null && date(a.get("until")).isBefore(this.asOf));
			if (holders.isEmpty() && !ended) {
				add("post-vacancy", "POST_VACANT", p.get("unit_id"), post, null);
			}
			if (holders.isEmpty() && ended) {
				add("post-vacancy", "APPOINTMENT_EXPIRED", p.get("unit_id"), post, null);
			}
			for (String h : holders) {
				load.merge(h, 1, Integer::sum);
				roles.computeIfAbsent(p.get("unit_id") + "," + h, (x) -> new HashSet<>()).add(responsibility(post));
			}
		}
		load.forEach((person, n) -> {
			if (n > 4) {
				add("post-vacancy", "PERSON_OVERLOADED", this.people.get(person).get("unit_id"), null, person);
			}
		});
		roles.forEach((key, r) -> {
			if (r.contains("PRINCIPAL") && r.contains("SUPERVISORY")) {
				String[] k = key.split(",");
				add("post-vacancy", "SELF_SUPERVISION", k[0], null, k[1]);
			}
		});
	}

	// ---------------------------------------------------------------- list-coverage

	private List<String> domainsOf(String post) {
		Map<String, String> p = this.posts.get(post);
		String ds = p.get("domains").isEmpty() ? this.kinds.get(p.get("kind")).get("domains") : p.get("domains");
		return ds.equals("ALL") ? DOMAINS : Arrays.asList(ds.split(";"));
	}

	private void lists() {
		for (String unit : this.postsOfUnit.keySet()) {
			if (!this.dutiesOfUnit.containsKey(unit)) {
				add("list-coverage", "NO_TEAM_LIST", unit, null, null);
			}
		}
		for (Map<String, String> p : this.d.rows("posts")) {
			String post = p.get("id");
			List<String> own = this.dutiesOfPost.getOrDefault(post, List.of());
			if (own.isEmpty()) {
				if (!currentHolders(post).isEmpty()) {
					add("list-coverage", "NO_PERSONAL_LIST", p.get("unit_id"), post, null);
				}
				continue;
			}
			Set<String> covered = new HashSet<>();
			own.forEach((t) -> covered.add(this.duties.get(t).get("domain")));
			if (!covered.containsAll(domainsOf(post))) {
				add("list-coverage", "DOMAIN_BLANK", p.get("unit_id"), post, null);
			}
		}
	}

	// ---------------------------------------------------------------- duty-cascade

	private List<String> dutiesOnAnyList(String unit) {
		List<String> all = new ArrayList<>(this.dutiesOfUnit.getOrDefault(unit, List.of()));
		for (String post : this.postsOfUnit.getOrDefault(unit, List.of())) {
			all.addAll(this.dutiesOfPost.getOrDefault(post, List.of()));
		}
		return all;
	}

	private void cascade() {
		Map<String, Set<String>> reached = new HashMap<>();
		for (String unit : this.units.keySet()) {
			List<String> own = dutiesOnAnyList(unit);
			if (own.isEmpty()) {
				continue;
			}
			for (String child : this.children.getOrDefault(unit, List.of())) {
				if (!this.postsOfUnit.containsKey(child)) {
					continue;
				}
				Set<String> ancestors = reached.computeIfAbsent(child, (c) -> {
					Set<String> set = new HashSet<>();
					for (String t : dutiesOnAnyList(c)) {
						for (String a = this.duties.get(t).get("derived_from"); !a.isEmpty() && set.add(a);) {
							a = this.duties.get(a).get("derived_from");
						}
					}
					return set;
				});
				for (String t : own) {
					if (!ancestors.contains(t)) {
						add("duty-cascade", "CASCADE_BREAK", child, null, null);
					}
				}
			}
		}
	}

	// ---------------------------------------------------------------- pressure-decay

	private void pressure() {
		Set<String> warm = new HashSet<>();
		Map<String, Set<String>> aimed = new HashMap<>();
		for (Map<String, String> a : this.d.rows("activities")) {
			LocalDate day = date(a.get("date"));
			if (day.isAfter(this.asOf) || !day.isAfter(this.asOf.minusDays(365))) {
				continue;
			}
			warm.add(a.get("unit_id"));
			if (!a.get("target_unit_id").isEmpty()) {
				aimed.computeIfAbsent(a.get("unit_id"), (x) -> new HashSet<>()).add(a.get("target_unit_id"));
			}
		}
		for (String unit : this.units.keySet()) {
			if (!warm.contains(unit)) {
				add("pressure-decay", "COLD_UNIT", unit, null, null);
			}
			List<String> kids = this.children.getOrDefault(unit, List.of());
			if (!kids.isEmpty() && kids.stream().noneMatch(aimed.getOrDefault(unit, Set.of())::contains)) {
				add("pressure-decay", "NO_DOWNWARD_CHECK", unit, null, null);
			}
		}
	}

	/**
	 * HOT_TOP_COLD_BOTTOM for the audit of the whole dataset and for the audit of every
	 * unit with children as scope (its reach along PRIMARY and DUAL edges). pressure = Σ
	 * weight × count over the trailing 365 days ÷ the expected yearly count of the kind
	 * (design.md section 5); level = depth along parent_id. Over the levels of the scope
	 * from its top level to D, the deepest with at least 5 units (D below the top): the
	 * top level's mean ≥ 1.0, D's < 0.5, every level between in [0.5, 1.0). Subject: the
	 * scope unit, or for the whole dataset the first unit by id of level 1.
	 */
	private void hotTopColdBottom() {
		Map<String, Double> weights = Map.of("OTHER", 0.5, "CHECK", 2.0, "DUTY_REVIEW", 2.0, "ADMONITION", 2.0);
		Map<String, Double> expected = Map.of("ORGAN_WORK_COMMITTEE", 48.0, "LEADING_PARTY_GROUP", 36.0,
				"PARTY_COMMITTEE", 36.0, "ORGAN_PARTY_COMMITTEE", 36.0, "GENERAL_BRANCH", 30.0, "PARTY_CELL", 12.0);
		Map<String, Double> weighted = new HashMap<>();
		for (Map<String, String> a : this.d.rows("activities")) {
			LocalDate day = date(a.get("date"));
			if (!day.isAfter(this.asOf) && day.isAfter(this.asOf.minusDays(365))) {
				double count = a.get("count").isEmpty() ? 1 : Double.parseDouble(a.get("count"));
				weighted.merge(a.get("unit_id"), weights.getOrDefault(a.get("kind"), 1.0) * count, Double::sum);
			}
		}
		Map<String, Double> pressure = new HashMap<>();
		Map<String, Integer> level = new HashMap<>();
		for (String unit : this.units.keySet()) {
			pressure.put(unit, weighted.getOrDefault(unit, 0.0) / expected.getOrDefault(kind(unit), 24.0));
			int depth = 1;
			for (String p = parent(unit); p != null; p = parent(p)) {
				depth++;
			}
			level.put(unit, depth);
		}
		if (hotTopColdBottom(this.units.keySet(), pressure, level)) {
			String first = this.units.keySet().stream().filter((u) -> level.get(u) == 1).sorted().findFirst().get();
			addScoped("pressure-decay", "HOT_TOP_COLD_BOTTOM", first, "");
		}
		for (String root : this.children.keySet()) {
			Set<String> reach = new HashSet<>();
			Deque<String> todo = new ArrayDeque<>(List.of(root));
			while (!todo.isEmpty()) {
				String u = todo.pop();
				if (reach.add(u)) {
					todo.addAll(this.children.getOrDefault(u, List.of()));
				}
			}
			if (hotTopColdBottom(reach, pressure, level)) {
				addScoped("pressure-decay", "HOT_TOP_COLD_BOTTOM", root, root);
			}
		}
	}

	private static boolean hotTopColdBottom(Set<String> scope, Map<String, Double> pressure,
			Map<String, Integer> level) {
		Map<Integer, double[]> sums = new java.util.TreeMap<>();
		for (String u : scope) {
			double[] s = sums.computeIfAbsent(level.get(u), (x) -> new double[2]);
			s[0] += pressure.get(u);
			s[1]++;
		}
		int top = sums.keySet().iterator().next();
		int deepest = sums.entrySet()
			.stream()
			.filter((e) -> e.getValue()[1] >= 5)
			.mapToInt(Map.Entry::getKey)
			.max()
			.orElse(top);
		if (deepest == top) {
			return false;
		}
		for (int l = top; l <= deepest; l++) {
			double[] s = sums.get(l);
			if (s == null) {
				continue;
			}
			double mean = s[0] / s[1];
			boolean ok = (l == top) ? mean >= 1.0 : (l == deepest) ? mean < 0.5 : mean >= 0.5 && mean < 1.0;
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	// ----------------------------------------------------------------
	// accountability-gaps

	private Set<String> chain(String unit) {
		Set<String> chain = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>(List.of(unit));
		while (!todo.isEmpty()) {
			String u = todo.pop();
			if (chain.add(u)) {
				for (String[] l : this.leaders.getOrDefault(u, List.of())) {
					if (l[1].equals("PRIMARY") || l[1].equals("DUAL")) {
						todo.push(l[0]);
					}
				}
			}
		}
		return chain;
	}

	private void accountability() {
		for (Map<String, String> i : this.d.rows("issues")) {
			String unit = i.get("unit_id");
			if (i.get("status").equals("CLOSED")) {
				String duty = i.get("duty_id");
				if (!duty.isEmpty()) {
					String owner = this.duties.get(duty).get("unit_id");
					boolean below = false;
					for (String a = parent(owner); a != null; a = parent(a)) {
						below |= a.equals(unit);
					}
					if (below) {
						add("accountability-gaps", "BLAME_PUSHED_DOWN", unit, null, null);
					}
				}
				continue;
			}
			boolean principal = this.postsOfUnit.getOrDefault(unit, List.of())
				.stream()
				.anyMatch((p) -> (responsibility(p).equals("PRINCIPAL")
						// the head of a discipline unit is its principal (rule
						// DISCIPLINE_HEAD)
						|| (DISCIPLINE_KINDS.contains(kind(unit)) && responsibility(p).equals("SUPERVISORY")))
						&& !currentHolders(p).isEmpty());
			if (!principal) {
				add("accountability-gaps", "NO_PRINCIPAL", unit, null, null);
			}
			boolean direct = false;
			boolean supervisor = false;
			for (String c : chain(unit)) {
				for (String p : this.postsOfUnit.getOrDefault(c, List.of())) {
					boolean held = !currentHolders(p).isEmpty();
					direct |= held && responsibility(p).equals("DIRECT") && domainsOf(p).contains(i.get("domain"));
					supervisor |= held && this.posts.get(p).get("kind").equals("DISCIPLINE_SECRETARY");
				}
				supervisor |= DISCIPLINE_KINDS.contains(kind(c));
				for (String[] l : this.leaders.getOrDefault(c, List.of())) {
					supervisor |= DISCIPLINE_KINDS.contains(kind(l[0])) || l[1].equals("DISCIPLINE_SUPERVISION");
				}
			}
			if (!direct) {
				add("accountability-gaps", "NO_DIRECT", unit, null, null);
			}
			if (!supervisor) {
				add("accountability-gaps", "NO_SUPERVISOR", unit, null, null);
			}
		}
	}

	// ---------------------------------------------------------------- weak organizations

	private int latest(String scheme) {
		return this.d.rows("gradings")
			.stream()
			.filter((g) -> g.get("scheme").equals(scheme) && Integer.parseInt(g.get("year")) <= this.asOf.getYear())
			.mapToInt((g) -> Integer.parseInt(g.get("year")))
			.max()
			.orElse(0);
	}

	private Set<String> weakIn(int designationYear, int abcdYear) {
		Set<String> weak = new TreeSet<>();
		for (Map<String, String> g : this.d.rows("gradings")) {
			int year = Integer.parseInt(g.get("year"));
			if ((g.get("scheme").equals("DESIGNATED_WEAK") && year == designationYear)
					|| (g.get("scheme").equals("ABCD") && year == abcdYear && g.get("grade").equals("D"))) {
				weak.add(g.get("unit_id"));
			}
		}
		return weak;
	}

	private Set<String> weakNow() {
		return weakIn(latest("DESIGNATED_WEAK"), latest("ABCD"));
	}

	private void assistance() {
		Set<String> weak = weakNow();
		Map<String, Set<String>> currentLevels = new HashMap<>();
		Map<String, Set<String>> endedLevels = new HashMap<>();
		Map<String, Set<String>> assisted = new HashMap<>();
		for (Map<String, String> a : this.d.rows("assistance")) {
			if (current(a)) {
				currentLevels.computeIfAbsent(a.get("unit_id"), (x) -> new HashSet<>()).add(a.get("level"));
				assisted.computeIfAbsent(a.get("assistant_id"), (x) -> new HashSet<>()).add(a.get("unit_id"));
			}
			else if (date(a.get("until")) != null && date(a.get("until")).isBefore(this.asOf)) {
				endedLevels.computeIfAbsent(a.get("unit_id"), (x) -> new HashSet<>()).add(a.get("level"));
			}
		}
		Set<String> firstSecretary = new HashSet<>();
		for (Map<String, String> f : this.d.rows("first_secretaries")) {
			if (current(f)) {
				firstSecretary.add(f.get("unit_id"));
			}
		}
		for (String unit : weak) {
			Set<String> levels = currentLevels.getOrDefault(unit, Set.of());
			List<String> needed = new ArrayList<>(
					List.of("LEADER_CONTACT", "ORG_DEPT_GUIDANCE", "ORGAN_CO_BUILD", "COMMITTEE_SUPERVISOR"));
			boolean village = this.units.get(unit).get("sector").equals("VILLAGE");
			boolean missing = !levels.containsAll(needed)
					|| village && !levels.contains("FIRST_SECRETARY") && !firstSecretary.contains(unit);
			if (missing) {
				add("assistance-coverage", "WEAK_UNASSISTED", unit, null, null);
			}
			if (village && !firstSecretary.contains(unit)) {
				add("assistance-coverage", "WEAK_VILLAGE_NO_FIRST_SECRETARY", unit, null, null);
			}
			for (String level : endedLevels.getOrDefault(unit, Set.of())) {
				if (!levels.contains(level)) {
					add("assistance-coverage", "ASSISTANCE_EXPIRED", unit, null, null);
				}
			}
		}
		assisted.forEach((assistant, set) -> {
			if (set.size() > 3) {
				if (this.units.containsKey(assistant)) {
					add("assistance-coverage", "ASSISTANT_OVERLOADED", assistant, null, null);
				}
				else {
					add("assistance-coverage", "ASSISTANT_OVERLOADED", this.people.get(assistant).get("unit_id"), null,
							assistant);
				}
			}
		});
	}

	private String principalHolder(String unit, LocalDate on, boolean since) {
		for (String p : this.postsOfUnit.getOrDefault(unit, List.of())) {
			if (!responsibility(p).equals("PRINCIPAL")) {
				continue;
			}
			for (Map<String, String> a : this.appointments.getOrDefault(p, List.of())) {
				if (current(a) && (!since || !date(a.get("since")).isAfter(on))) {
					return a.get("person_id");
				}
			}
		}
		return null;
	}

	private void weakTwoYears() {
		int y = latest("DESIGNATED_WEAK");
		Set<String> before = weakIn(y - 1, latest("ABCD") - 1);
		LocalDate end = LocalDate.of(y - 1, 12, 31);
		for (String unit : weakNow()) {
			String holder = principalHolder(unit, end, true);
			if (!before.contains(unit) || holder == null) {
				continue;
			}
			add("weak-org-rectification", "WEAK_TWO_YEARS", unit, null, holder);
			String parent = parent(unit);
			if (kind(unit).equals("BRANCH") && parent != null
					&& (kind(parent).equals("PARTY_COMMITTEE") || kind(parent).equals("GENERAL_BRANCH"))
					&& parent(parent) != null && !this.leaders.containsKey(parent(parent))) {
				add("weak-org-rectification", "PARENT_SECRETARY_LIABLE", unit, null,
						principalHolder(parent, this.asOf, false));
			}
		}
	}

	// ----------------------------------------------------------------
	// supervision-lifecycle

	private void supervision() {
		List<String> stages = List.of("START", "SELF_CHECK", "ASSIGN", "RECTIFY", "ACCEPTANCE", "SUMMARY", "LONG_TERM");
		Map<String, Integer> relisted = new HashMap<>();
		for (Map<String, String> s : this.d.rows("supervisions")) {
			String unit = s.get("unit_id");
			LocalDate deadline = s.get("deadline").isEmpty() ? date(s.get("listed_on")).plusMonths(6)
					: date(s.get("deadline"));
			boolean outcome = !s.get("outcome").isEmpty();
			if (deadline.isBefore(this.asOf) && !outcome) {
				add("supervision-lifecycle", "SUPERVISION_OVERDUE", unit, null, null);
			}
			int stage = stages.indexOf(s.get("stage"));
			if (outcome && stage < 4 || !outcome && stage >= 5) {
				add("supervision-lifecycle", "STAGE_INCONSISTENT", unit, null, null);
			}
			if (s.get("outcome").equals("RELISTED")) {
				relisted.merge(unit, 1, Integer::sum);
			}
			if (s.get("outcome").equals("DELISTED")) {
				LocalDate on = date(s.get("outcome_on"));
				boolean open = this.d.rows("issues")
					.stream()
					.anyMatch((i) -> i.get("unit_id").equals(unit) && !i.get("status").equals("CLOSED")
							&& !date(i.get("found_on")).isAfter(on));
				if (open) {
					add("supervision-lifecycle", "DELISTED_WITH_OPEN_ISSUES", unit, null, null);
				}
			}
		}
		relisted.forEach((unit, n) -> {
			if (n >= 2) {
				add("supervision-lifecycle", "RELISTED_AGAIN", unit, null, null);
			}
		});
	}

	// ---------------------------------------------------------------- review-followup

	private void reviews() {
		Map<String, List<Map<String, String>>> events = new HashMap<>();
		for (Map<String, String> e : this.d.rows("personnel_events")) {
			events.computeIfAbsent(e.get("person_id"), (x) -> new ArrayList<>()).add(e);
		}
		for (Map<String, String> g : this.d.rows("gradings")) {
			String scheme = g.get("scheme");
			String grade = g.get("grade");
			String person;
			if (scheme.equals("SECRETARY_REVIEW") && (grade.equals("AVERAGE") || grade.equals("POOR"))) {
				person = g.get("person_id");
			}
			else if (scheme.equals("ANNUAL") && (grade.equals("BASIC_PASS") || grade.equals("FAIL"))) {
				person = principalHolder(g.get("unit_id"), this.asOf, false);
			}
			else {
				continue;
			}
			LocalDate from = LocalDate.of(Integer.parseInt(g.get("year")), 12, 31);
			boolean talked = events.getOrDefault(person, List.of())
				.stream()
				.anyMatch((e) -> e.get("kind").equals("ADMONISHED") && date(e.get("date")).isAfter(from)
						&& !date(e.get("date")).isAfter(from.plusDays(90)));
			if (!talked) {
				add("review-followup", "NO_ADMONITION_AFTER_POOR_GRADE", g.get("unit_id"), null, person);
			}
		}
		events.forEach((person, list) -> {
			for (Map<String, String> a : list) {
				for (Map<String, String> b : list) {
					if (a.get("kind").equals("ADMONISHED") && b.get("kind").equals("PROMOTED")
							&& date(a.get("date")).getYear() == date(b.get("date")).getYear()
							&& !date(b.get("date")).isBefore(date(a.get("date")))) {
						add("review-followup", "PROMOTED_AFTER_ADMONITION", this.people.get(person).get("unit_id"),
								null, person);
					}
				}
			}
		});
	}

	// ----------------------------------------------------------------
	// leadership-structure,
	// org-life-cadence

	private void leadership() {
		for (Map<String, String> u : this.d.rows("units")) {
			String id = u.get("id");
			String parent = parent(id);
			if (u.get("kind").equals("ORGAN_PARTY_COMMITTEE") && parent != null) {
				for (String post : this.postsOfUnit.getOrDefault(id, List.of())) {
					if (!responsibility(post).equals("PRINCIPAL")) {
						continue;
					}
					for (String holder : currentHolders(post)) {
						boolean seated = this.postsOfUnit.getOrDefault(parent, List.of())
							.stream()
							.anyMatch((p) -> currentHolders(p).contains(holder));
						if (!seated) {
							add("leadership-structure", "DIRECT_ORG_SECRETARY_INELIGIBLE", id, null, holder);
						}
					}
				}
			}
		}
		// activities: the window of the cadence codes and the trailing 365 days of the
		// hearing
		LocalDate windowEnd = this.asOf.withDayOfMonth(this.asOf.lengthOfMonth()).equals(this.asOf) ? this.asOf
				: this.asOf.withDayOfMonth(1).minusDays(1);
		LocalDate windowStart = windowEnd.withDayOfMonth(1).minusMonths(11);
		Map<String, List<LocalDate>> checks = new HashMap<>();
		Set<String> heard = new HashSet<>();
		for (Map<String, String> a : this.d.rows("activities")) {
			LocalDate date = date(a.get("date"));
			String target = a.get("target_unit_id");
			if (target.isEmpty()) {
				continue;
			}
			if (a.get("kind").equals("CHECK") && !date.isBefore(windowStart) && !date.isAfter(windowEnd)) {
				checks.computeIfAbsent(a.get("unit_id") + ">" + target, (x) -> new ArrayList<>()).add(date);
			}
			if (date.isAfter(this.asOf.minusDays(365)) && !date.isAfter(this.asOf)
					&& ((a.get("kind").equals("REPORT")) || a.get("kind").equals("MEETING"))) {
				heard.add(a.get("unit_id") + ">" + target + ">" + a.get("kind"));
			}
		}
		for (Map<String, String> u : this.d.rows("units")) {
			String id = u.get("id");
			for (String[] lead : this.leaders.getOrDefault(id, List.of())) {
				if (lead[1].equals("DISCIPLINE_SUPERVISION") && kind(lead[0]).equals("STATIONED_DISCIPLINE_TEAM")
						&& !heard.contains(lead[0] + ">" + id + ">REPORT")
						&& !heard.contains(id + ">" + lead[0] + ">REPORT")
						&& !heard.contains(id + ">" + lead[0] + ">MEETING")) {
					add("leadership-structure", "STATIONED_TEAM_NOT_HEARD", id, null, null);
				}
				if (lead[1].equals("PRIMARY") && kind(lead[0]).equals("ORGAN_WORK_COMMITTEE")
						&& Set.of("LEADING_PARTY_GROUP", "PARTY_COMMITTEE", "ORGAN_PARTY_COMMITTEE")
							.contains(u.get("kind"))) {
					List<LocalDate> dates = checks.getOrDefault(lead[0] + ">" + id, List.of());
					for (LocalDate half = windowStart; half.isBefore(windowEnd); half = half.plusMonths(1)) {
						LocalDate from = half;
						LocalDate to = half.plusMonths(6).minusDays(1);
						if ((half.getMonthValue() == 1 || half.getMonthValue() == 7) && !to.isAfter(windowEnd)
								&& dates.stream().noneMatch((x) -> !x.isBefore(from) && !x.isAfter(to))) {
							add("org-life-cadence", "EVALUATION_GAP", id, null, null);
						}
					}
				}
			}
		}
	}

	// ----------------------------------------------------------------
	// leadership-structure
	// (the codes without activities)

	private boolean datasetHas(String kind) {
		return this.units.values().stream().anyMatch((u) -> u.get("kind").equals(kind));
	}

	/** The kinds of the units leading a unit by PRIMARY, DUAL or GUIDANCE. */
	private Set<String> leaderKinds(String unit) {
		Set<String> kinds = new HashSet<>();
		for (String[] l : this.leaders.getOrDefault(unit, List.of())) {
			if (Set.of("PRIMARY", "DUAL", "GUIDANCE").contains(l[1])) {
				kinds.add(kind(l[0]));
			}
		}
		return kinds;
	}

	private void structure() {
		boolean workCommittee = datasetHas("ORGAN_WORK_COMMITTEE");
		boolean disciplineWorkCommittee = datasetHas("DISCIPLINE_WORK_COMMITTEE");
		boolean commission = datasetHas("DISCIPLINE_COMMISSION");
		for (String id : this.units.keySet()) {
			Set<String> led = leaderKinds(id);
			switch (kind(id)) {
				case "ORGAN_PARTY_COMMITTEE" -> {
					boolean group = led.contains("LEADING_PARTY_GROUP") || led.contains("PARTY_COMMITTEE");
					if (workCommittee && !(group && led.contains("ORGAN_WORK_COMMITTEE"))) {
						add("leadership-structure", "ORGAN_COMMITTEE_SINGLE_PARENT", id, null, null);
					}
				}
				case "ORGAN_DISCIPLINE_COMMITTEE" -> {
					if (disciplineWorkCommittee && !led.contains("DISCIPLINE_WORK_COMMITTEE")) {
						add("leadership-structure", "ORGAN_DISCIPLINE_UNLED", id, null, null);
					}
				}
				case "DISCIPLINE_WORK_COMMITTEE" -> {
					if (commission
							&& !(led.contains("DISCIPLINE_COMMISSION") && led.contains("ORGAN_WORK_COMMITTEE"))) {
						add("leadership-structure", "DUAL_LEADERSHIP_INCOMPLETE", id, null, null);
					}
				}
				default -> {
				}
			}
		}
		// 班子成员担任所在党支部"第一书记": the branches leaders are organized in
		Set<String> embedded = new HashSet<>();
		for (Map<String, String> f : this.d.rows("first_secretaries")) {
			if (f.get("kind").equals("ORGAN_EMBEDDED") && current(f)) {
				embedded.add(f.get("unit_id"));
			}
		}
		for (Map<String, String> p : this.d.rows("posts")) {
			String team = p.get("unit_id");
			boolean leadership = kind(team).equals("LEADING_PARTY_GROUP")
					|| (kind(team).equals("PARTY_COMMITTEE") && this.units.get(team).get("sector").equals("ORGAN"));
			if (!leadership) {
				continue;
			}
			for (String person : currentHolders(p.get("id"))) {
				String home = this.people.get(person).get("unit_id");
				if (!home.isEmpty() && Set.of("BRANCH", "JOINT_BRANCH").contains(kind(home))
						&& !embedded.contains(home)) {
					add("leadership-structure", "FIRST_SECRETARY_MISSING", home, null, null);
				}
			}
		}
	}

	// ---------------------------------------------------------------- org-life-cadence
	// (三会一课, first secretaries' reports, meetings only)

	private void cadence() {
		LocalDate end = this.asOf.withDayOfMonth(this.asOf.lengthOfMonth()).equals(this.asOf) ? this.asOf
				: this.asOf.withDayOfMonth(1).minusDays(1);
		YearMonth last = YearMonth.from(end);
		List<YearMonth> window = new ArrayList<>();
		for (int i = 11; i >= 0; i--) {
			window.add(last.minusMonths(i));
		}
		// unit → subkind → months held
		Map<String, Map<String, Set<YearMonth>>> held = new HashMap<>();
		Map<String, List<String>> kindsOfDuty = new HashMap<>();
		boolean subkinds = false;
		for (Map<String, String> a : this.d.rows("activities")) {
			YearMonth month = YearMonth.from(date(a.get("date")));
			subkinds |= !a.get("subkind").isEmpty();
			if (!window.contains(month)) {
				continue;
			}
			if (!a.get("subkind").isEmpty()) {
				held.computeIfAbsent(a.get("unit_id"), (x) -> new HashMap<>())
					.computeIfAbsent(a.get("subkind"), (x) -> new HashSet<>())
					.add(month);
			}
			if (!a.get("duty_id").isEmpty()) {
				kindsOfDuty.computeIfAbsent(a.get("duty_id"), (x) -> new ArrayList<>()).add(a.get("kind"));
			}
		}
		if (subkinds) {
			for (String id : this.units.keySet()) {
				Map<String, Set<YearMonth>> h = held.getOrDefault(id, Map.of());
				boolean missed = false;
				if (kind(id).equals("PARTY_CELL")) {
					missed = !h.getOrDefault("CELL_MEETING", Set.of()).containsAll(window);
				}
				else if (kind(id).equals("BRANCH") || kind(id).equals("JOINT_BRANCH")) {
					boolean committee = members(id) >= 7 || this.postsOfUnit.getOrDefault(id, List.of())
						.stream()
						.anyMatch((p) -> !responsibility(p).equals("PRINCIPAL"));
					missed = committee && !h.getOrDefault("BRANCH_COMMITTEE_MEETING", Set.of()).containsAll(window);
					for (YearMonth m : window) {
						if ((m.getMonthValue() - 1) % 3 == 0 && window.contains(m.plusMonths(2))) {
							Set<YearMonth> quarter = Set.of(m, m.plusMonths(1), m.plusMonths(2));
							for (String sub : List.of("MEMBERS_MEETING", "PARTY_LECTURE")) {
								missed |= h.getOrDefault(sub, Set.of()).stream().noneMatch(quarter::contains);
							}
						}
					}
					missed |= h.getOrDefault("ORG_LIFE_MEETING", Set.of()).isEmpty();
				}
				if (missed) {
					add("org-life-cadence", "ORG_LIFE_CADENCE", id, null, null);
				}
			}
			for (Map<String, String> f : this.d.rows("first_secretaries")) {
				if (!f.get("kind").equals("VILLAGE_STATIONED")) {
					continue;
				}
				LocalDate since = date(f.get("since"));
				LocalDate until = date(f.get("until"));
				Map<String, Set<YearMonth>> h = held.getOrDefault(f.get("unit_id"), Map.of());
				for (YearMonth m : window) {
					boolean posted = !since.isAfter(m.atDay(1)) && (until == null || !until.isBefore(m.atEndOfMonth()));
					if (posted && !(h.getOrDefault("MONTHLY_PLAN", Set.of()).contains(m)
							&& h.getOrDefault("MONTHLY_LEDGER", Set.of()).contains(m))) {
						add("org-life-cadence", "FIRST_SECRETARY_REPORT_MISSING", f.get("unit_id"), null,
								f.get("person_id"));
					}
				}
			}
		}
		kindsOfDuty.forEach((duty, kinds) -> {
			if (!this.duties.get(duty).get("domain").equals("THEORY") && kinds.size() >= 3
					&& Set.of("MEETING", "REPORT", "STUDY", "OTHER").containsAll(kinds)) {
				add("org-life-cadence", "MEETINGS_ONLY", this.duties.get(duty).get("unit_id"), null, null);
			}
		});
	}

	// ---------------------------------------------------------------- D grades, 述职
	// coverage

	private void gradesAndReviews() {
		int y = latest("ABCD");
		Map<String, Set<Integer>> designated = new HashMap<>();
		Map<String, Set<Integer>> reviewed = new HashMap<>();
		for (Map<String, String> g : this.d.rows("gradings")) {
			int year = Integer.parseInt(g.get("year"));
			if (g.get("scheme").equals("DESIGNATED_WEAK")) {
				designated.computeIfAbsent(g.get("unit_id"), (x) -> new HashSet<>()).add(year);
			}
			if (g.get("scheme").equals("SECRETARY_REVIEW") && !g.get("person_id").isEmpty()) {
				reviewed.computeIfAbsent(g.get("person_id"), (x) -> new HashSet<>()).add(year);
			}
		}
		boolean round = designated.values().stream().anyMatch((years) -> years.contains(y) || years.contains(y + 1));
		for (Map<String, String> g : this.d.rows("gradings")) {
			Set<Integer> years = designated.getOrDefault(g.get("unit_id"), Set.of());
			if (round && g.get("scheme").equals("ABCD") && g.get("grade").equals("D")
					&& Integer.parseInt(g.get("year")) == y && !years.contains(y) && !years.contains(y + 1)) {
				add("weak-org-rectification", "D_GRADE_NOT_DESIGNATED", g.get("unit_id"), null, null);
			}
		}
		int reviewYear = this.asOf.isBefore(LocalDate.of(this.asOf.getYear(), 4, 1)) ? this.asOf.getYear() - 2
				: this.asOf.getYear() - 1;
		if (reviewed.values().stream().noneMatch((years) -> years.contains(reviewYear))) {
			return;
		}
		LocalDate yearEnd = LocalDate.of(reviewYear, 12, 31);
		for (Map<String, String> p : this.d.rows("posts")) {
			String unit = p.get("unit_id");
			if (!responsibility(p.get("id")).equals("PRINCIPAL")
					|| !Set.of("LEADING_PARTY_GROUP", "PARTY_COMMITTEE", "ORGAN_PARTY_COMMITTEE")
						.contains(kind(unit))) {
				continue;
			}
			for (Map<String, String> a : this.appointments.getOrDefault(p.get("id"), List.of())) {
				LocalDate until = date(a.get("until"));
				boolean held = !date(a.get("since")).isAfter(yearEnd) && (until == null || !until.isBefore(yearEnd));
				if (held && !reviewed.getOrDefault(a.get("person_id"), Set.of()).contains(reviewYear)) {
					add("review-followup", "REVIEW_COVERAGE", unit, null, a.get("person_id"));
				}
			}
		}
	}

}
