package org.dutychain.ingest.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.dutychain.duty.DutyDomain;
import org.dutychain.ingest.generate.Model.Appointment;
import org.dutychain.ingest.generate.Model.Assistance;
import org.dutychain.ingest.generate.Model.Grading;
import org.dutychain.ingest.generate.Model.Issue;
import org.dutychain.ingest.generate.Model.Person;
import org.dutychain.ingest.generate.Model.PersonnelEvent;
import org.dutychain.ingest.generate.Model.Post;
import org.dutychain.ingest.generate.Model.PostKind;
import org.dutychain.ingest.generate.Model.Supervision;
import org.dutychain.ingest.generate.Model.Unit;
import org.dutychain.organization.Sector;
import org.dutychain.organization.UnitKind;
import org.dutychain.people.ResponsibilityKind;
import org.dutychain.record.AssistanceLevel;
import org.dutychain.record.GradingScheme;
import org.dutychain.record.IssueStatus;
import org.dutychain.record.PersonnelEventKind;
import org.dutychain.record.SupervisionOutcome;
import org.dutychain.record.SupervisionStage;

/**
 * Plants gaps into the clean base, one kind at a time, each on units no other gap (and no
 * issue, listing or weak designation) touches, and records every finding each gap must
 * produce in {@link Truth}.
 * <p>
 * Ids of a truth row ({@code unit_id, post_id, person_id}), where the rules leave a
 * choice: {@code unit_id} is the unit the gap sits in — for CASCADE_BREAK the child that
 * its leader's duties do not reach (the key is duty + child, design.md §5), for
 * KIND_ORDER the child under a parent of the wrong kind, for the accountability codes the
 * issue's unit, for ASSISTANT_OVERLOADED the assisting unit, for PARENT_SECRETARY_LIABLE
 * the weak second-tier branch, for person codes the person's home unit (which is also the
 * unit of every post the person holds). {@code post_id} only for POST_VACANT,
 * APPOINTMENT_EXPIRED, NO_PERSONAL_LIST and DOMAIN_BLANK; {@code person_id} only for
 * SELF_SUPERVISION, PERSON_OVERLOADED, WEAK_TWO_YEARS, PARENT_SECRETARY_LIABLE (the
 * parent's secretary), NO_ADMONITION_AFTER_POOR_GRADE and PROMOTED_AFTER_ADMONITION. Rows
 * are de-duplicated: several duties or issues behind one such row are one row.
 */
final class GapPlanter {

	private static final String HIERARCHY = "hierarchy-integrity";

	private static final String POSTS = "post-vacancy";

	private static final String LISTS = "list-coverage";

	private static final String GAPS = "accountability-gaps";

	private static final String PRESSURE = "pressure-decay";

	private static final String CASCADE = "duty-cascade";

	private static final String ASSISTANCE = "assistance-coverage";

	private static final String WEAK = "weak-org-rectification";

	private static final String SUPERVISION = "supervision-lifecycle";

	private static final String REVIEW = "review-followup";

	private static final String LEADERSHIP = "leadership-structure";

	private static final String CADENCE = "org-life-cadence";

	/**
	 * Every code the generator controls: the clean base has none of them, truth.csv lists
	 * every planted one.
	 */
	static final List<String> CODES = List.of("ORPHAN_UNIT", "KIND_ORDER", "TOO_FEW_MEMBERS",
			"SHOULD_BE_GENERAL_BRANCH", "SHOULD_BE_COMMITTEE", "JOINT_BRANCH_TOO_WIDE", "REQUIRED_POST_MISSING",
			"POST_VACANT", "APPOINTMENT_EXPIRED", "SELF_SUPERVISION", "PERSON_OVERLOADED", "NO_TEAM_LIST",
			"NO_PERSONAL_LIST", "DOMAIN_BLANK", "NO_PRINCIPAL", "NO_DIRECT", "NO_SUPERVISOR", "BLAME_PUSHED_DOWN",
			"COLD_UNIT", "NO_DOWNWARD_CHECK", "CASCADE_BREAK", "WEAK_UNASSISTED", "WEAK_VILLAGE_NO_FIRST_SECRETARY",
			"ASSISTANT_OVERLOADED", "ASSISTANCE_EXPIRED", "SUPERVISION_OVERDUE", "STAGE_INCONSISTENT", "RELISTED_AGAIN",
			"DELISTED_WITH_OPEN_ISSUES", "NO_ADMONITION_AFTER_POOR_GRADE", "PROMOTED_AFTER_ADMONITION",
			"WEAK_TWO_YEARS", "PARENT_SECRETARY_LIABLE", "DIRECT_ORG_SECRETARY_INELIGIBLE", "STATIONED_TEAM_NOT_HEARD",
			"EVALUATION_GAP");

	private static final String[][] UNLED_GROUPS = { { "省供销合作社", "gxs" }, { "省残疾人联合会", "cl" }, { "省文学艺术界联合会", "wl" },
			{ "省科学技术协会", "kx" }, { "省社会科学界联合会", "skl" }, { "省归国华侨联合会", "ql" } };

	private final Province p;

	private final double rate;

	private final Truth truth;

	private final List<Integer> wanted = new ArrayList<>();

	private final List<Integer> done = new ArrayList<>();

	private int pass;

	private int site;

	private int current;

	private int unledCount;

	private final Map<Unit, List<Grading>> gradingsOf = new HashMap<>();

	private final Map<Unit, List<Assistance>> assistanceOf = new HashMap<>();

	private final Set<Person> withEvents = new HashSet<>();

	GapPlanter(Province province, double rate, Truth truth) {
		this.p = province;
		this.rate = rate;
		this.truth = truth;
	}

	private void index() {
		for (Grading g : this.p.gradings) {
			this.gradingsOf.computeIfAbsent(g.unit, (u) -> new ArrayList<>()).add(g);
		}
		for (Assistance a : this.p.assistance) {
			this.assistanceOf.computeIfAbsent(a.unit, (u) -> new ArrayList<>()).add(a);
		}
		for (PersonnelEvent e : this.p.events) {
			this.withEvents.add(e.person());
		}
	}

	void plant() {
		CODES.forEach(this.truth::control);
		if (this.rate <= 0) {
			return;
		}
		index();
		// the first pass plants one gap per code, so that every code gets a place; the
		// second the rest of the share
		for (this.pass = 1; this.pass <= 2; this.pass++) {
			this.site = 0;
			hierarchy();
			posts();
			lists();
			accountability();
			pressure();
			cascade();
			assistance();
			supervision();
			reviews();
			weakTwoYears();
			leadership();
		}
	}

	// ---------------------------------------------------------------- choosing places

	/**
	 * How many gaps to plant at the current call site: in the first pass one (if the
	 * share is not zero), in the second the rest of the share of the places eligible in
	 * the first pass.
	 */
	private int howMany(int eligible) {
		int at = this.site++;
		if (this.pass == 1) {
			this.wanted.add((eligible == 0) ? 0 : Math.max(1, (int) Math.round(this.rate * eligible)));
			this.done.add(0);
			return Math.min(1, this.wanted.get(at));
		}
		this.current = at;
		return this.wanted.get(at) - this.done.get(at);
	}

	private void planted(int count) {
		int at = (this.pass == 1) ? this.site - 1 : this.current;
		this.done.set(at, this.done.get(at) + count);
	}

	/**
	 * Picks free units that satisfy a condition, in a seeded order, and marks each one
	 * picked as touched.
	 */
	private List<Unit> pick(Predicate<Unit> eligible) {
		List<Unit> candidates = new ArrayList<>();
		for (Unit u : this.p.units) {
			if (this.p.free(u) && eligible.test(u)) {
				candidates.add(u);
			}
		}
		int n = howMany(candidates.size());
		this.p.shuffle(candidates);
		List<Unit> picked = new ArrayList<>();
		for (Unit u : candidates) {
			if (picked.size() >= n) {
				break;
			}
			if (this.p.free(u) && eligible.test(u)) {
				this.p.touched.add(u);
				picked.add(u);
			}
		}
		planted(picked.size());
		return picked;
	}

	/**
	 * Like {@link #pick}, for gaps that need a second unit (a partner), touched together
	 * with the first.
	 */
	private List<Unit[]> pickPairs(Predicate<Unit> eligible, Function<Unit, Unit> partner) {
		List<Unit[]> pairs = new ArrayList<>();
		Predicate<Unit> both = (u) -> eligible.test(u) && partner.apply(u) != null;
		List<Unit> candidates = new ArrayList<>();
		for (Unit u : this.p.units) {
			if (this.p.free(u) && both.test(u)) {
				candidates.add(u);
			}
		}
		int n = howMany(candidates.size());
		this.p.shuffle(candidates);
		for (Unit u : candidates) {
			if (pairs.size() >= n) {
				break;
			}
			if (this.p.free(u) && both.test(u)) {
				Unit other = partner.apply(u);
				this.p.touch(u);
				this.p.touch(other);
				pairs.add(new Unit[] { u, other });
			}
		}
		planted(pairs.size());
		return pairs;
	}

	private static boolean leafBranch(Unit u) {
		return u.kind == UnitKind.BRANCH && u.children.isEmpty() && u.parent != null;
	}

	/** A post whose current holder holds nothing else. */
	private static Post soleHolderPost(Unit u, PostKind kind) {
		for (Post post : u.posts) {
			Appointment a = post.current();
			if (post.kind == kind && a != null && a.person.posts == 1 && post.appointments.size() == 1) {
				return post;
			}
		}
		return null;
	}

	private static Person currentPrincipal(Unit u) {
		Post principal = u.principal();
		return (principal != null && principal.current() != null) ? principal.current().person : null;
	}

	// ----------------------------------------------------------------
	// hierarchy-integrity

	private void hierarchy() {
		for (Unit u : pick((u) -> leafBranch(u) && this.p.free(u.parent) && u.parent.children.size() >= 2)) {
			this.p.touch(u);
			u.parent.children.remove(u);
			u.parent = null;
			this.truth.add(HIERARCHY, "ORPHAN_UNIT", u, null, null);
		}
		for (Unit[] pair : pickPairs(GapPlanter::leafBranch, this::sibling)) {
			Unit u = pair[0];
			Unit sibling = pair[1];
			u.parent.children.remove(u);
			u.parent = sibling;
			sibling.children.add(u);
			this.truth.add(HIERARCHY, "KIND_ORDER", u, null, null);
		}
		for (Unit u : pick((u) -> u.kind == UnitKind.BRANCH && u.posts.size() == 1)) {
			u.members = this.p.nextInt(1, 2);
			this.truth.add(HIERARCHY, "TOO_FEW_MEMBERS", u, null, null);
		}
		for (Unit u : pick((u) -> u.kind == UnitKind.BRANCH)) {
			u.members = this.p.nextInt(51, 80);
			this.truth.add(HIERARCHY, "SHOULD_BE_GENERAL_BRANCH", u, null, null);
		}
		for (Unit u : pick((u) -> u.kind == UnitKind.GENERAL_BRANCH)) {
			u.members = this.p.nextInt(100, 140);
			this.truth.add(HIERARCHY, "SHOULD_BE_COMMITTEE", u, null, null);
		}
		for (Unit u : pick((u) -> u.kind == UnitKind.JOINT_BRANCH)) {
			u.hostUnits = this.p.nextInt(6, 9);
			this.truth.add(HIERARCHY, "JOINT_BRANCH_TOO_WIDE", u, null, null);
		}
	}

	/** A free leaf branch beside this one. */
	private Unit sibling(Unit u) {
		if (u.parent == null) {
			return null;
		}
		for (Unit s : u.parent.children) {
			if (s != u && leafBranch(s) && this.p.free(s)) {
				return s;
			}
		}
		return null;
	}

	// ---------------------------------------------------------------- post-vacancy

	private void posts() {
		for (Unit u : pick((u) -> leafBranch(u) && u.posts.size() == 1)) {
			Post post = u.posts.remove(0);
			for (Appointment a : post.appointments) {
				a.person.posts--;
			}
			this.truth.add(POSTS, "REQUIRED_POST_MISSING", u, null, null);
		}
		for (Unit u : pick((u) -> soleHolderPost(u, PostKind.TEAM_MEMBER) != null)) {
			Post post = soleHolderPost(u, PostKind.TEAM_MEMBER);
			for (Appointment a : post.appointments) {
				a.person.posts--;
			}
			post.appointments.clear();
			this.truth.add(POSTS, "POST_VACANT", u, post, null);
		}
		for (Unit u : pick((u) -> soleHolderPost(u, PostKind.TEAM_MEMBER) != null)) {
			Post post = soleHolderPost(u, PostKind.TEAM_MEMBER);
			Appointment a = post.current();
			LocalDate end = Province.AS_OF.minusDays(this.p.nextInt(10, 150));
			a.until = end.isBefore(a.since) ? a.since : end;
			this.truth.add(POSTS, "APPOINTMENT_EXPIRED", u, post, null);
		}
		for (Unit u : pick((u) -> (u.kind == UnitKind.BRANCH || u.kind == UnitKind.PARTY_COMMITTEE)
				&& currentPrincipal(u) != null && soleHolderPost(u, PostKind.DISCIPLINE_SECRETARY) != null)) {
			Person principal = currentPrincipal(u);
			Appointment a = soleHolderPost(u, PostKind.DISCIPLINE_SECRETARY).current();
			a.person.posts--;
			a.person = principal;
			principal.posts++;
			this.truth.add(POSTS, "SELF_SUPERVISION", u, null, principal);
		}
		for (Unit u : pick((u) -> u.kind != UnitKind.PARTY_CELL && soleHolderPost(u, PostKind.TEAM_MEMBER) != null)) {
			Appointment a = soleHolderPost(u, PostKind.TEAM_MEMBER).current();
			String[] titles = { "委员（兼宣传）", "委员（兼统战）", "委员（兼群团）", "委员（兼纪检）" };
			List<Set<DutyDomain>> domains = List.of(BaseBuilder.POL_THEORY, EnumSet.of(DutyDomain.POLITICAL),
					BaseBuilder.MASS_SUPPORT, BaseBuilder.DISC_CHECK);
			for (int i = 0; i < titles.length; i++) {
				Post extra = this.p.post(u, "jr" + (i + 1), PostKind.TEAM_MEMBER, titles[i], domains.get(i));
				this.p.appoint(a.person, extra, a.since, null);
			}
			this.truth.add(POSTS, "PERSON_OVERLOADED", u, null, a.person);
		}
	}

	// ---------------------------------------------------------------- list-coverage

	private void lists() {
		for (Unit u : pick((u) -> singleLane(u) && currentPrincipal(u) != null
				&& u.principal().effectiveDomains().size() == Model.ALL_DOMAINS.size())) {
			u.noTeamList = true;
			this.truth.add(LISTS, "NO_TEAM_LIST", u, null, null);
		}
		for (Unit u : pick((u) -> DutyLists.hasLists(u) && secondaryPost(u) != null)) {
			Post post = secondaryPost(u);
			post.noDuties = true;
			this.truth.add(LISTS, "NO_PERSONAL_LIST", u, post, null);
		}
		for (Unit u : pick((u) -> DutyLists.hasLists(u) && secondaryPost(u) != null)) {
			Post post = secondaryPost(u);
			List<DutyDomain> domains = new ArrayList<>(post.effectiveDomains());
			post.blankDomain = domains.get(this.p.random.nextInt(domains.size()));
			this.truth.add(LISTS, "DOMAIN_BLANK", u, post, null);
		}
	}

	/**
	 * A unit whose team list follows one leader only, so that dropping it keeps the
	 * cascade intact.
	 */
	private static boolean singleLane(Unit u) {
		return u.parent != null && u.duals.isEmpty() && !u.posts.isEmpty()
				&& u.parent.kind != UnitKind.DISCIPLINE_WORK_COMMITTEE
				&& u.parent.kind != UnitKind.ORGAN_DISCIPLINE_COMMITTEE;
	}

	/** A held post with two or more domains that is not the principal one. */
	private static Post secondaryPost(Unit u) {
		for (Post post : u.posts) {
			if (post.kind.responsibility != ResponsibilityKind.PRINCIPAL && post.current() != null
					&& post.effectiveDomains().size() >= 2) {
				return post;
			}
		}
		return null;
	}

	// ----------------------------------------------------------------
	// accountability-gaps

	private void accountability() {
		for (Unit cell : pick((u) -> u.kind == UnitKind.PARTY_CELL && u.parent != null && this.p.free(u.parent))) {
			issue(cell, DutyDomain.ORGANIZATION, "党小组组织生活不经常", IssueStatus.OPEN, null);
			this.truth.add(GAPS, "NO_PRINCIPAL", cell, null, null);
		}
		for (Unit team : pick((u) -> u.kind == UnitKind.STATIONED_DISCIPLINE_TEAM)) {
			issue(team, DutyDomain.DISCIPLINE, "问题线索处置不及时", IssueStatus.RECTIFYING, null);
			// the team's 组长 (a SUPERVISORY post) is its principal (GH-11): no
			// NO_PRINCIPAL
			this.truth.add(GAPS, "NO_DIRECT", team, null, null);
		}
		int unled = Math.min(UNLED_GROUPS.length - this.unledCount, howMany(this.p.partyGroups.size()));
		for (int i = 0; i < unled; i++) {
			Unit group = unledGroup(UNLED_GROUPS[this.unledCount++]);
			issue(group, DutyDomain.DISCIPLINE, "廉政风险防控制度不健全", IssueStatus.OPEN, null);
			this.truth.add(GAPS, "NO_SUPERVISOR", group, null, null);
		}
		planted(unled);
		for (Unit[] pair : pickPairs((u) -> currentPrincipal(u) != null && u.parent != null, this::freeBranchChild)) {
			Unit u = pair[0];
			Unit child = pair[1];
			issue(u, DutyDomain.ORGANIZATION, "党员发展工作不规范（已责成下级整改）", IssueStatus.CLOSED,
					DutyIds.team(child, 0, DutyDomain.ORGANIZATION));
			this.truth.add(GAPS, "BLAME_PUSHED_DOWN", u, null, null);
		}
	}

	private Unit freeBranchChild(Unit u) {
		for (Unit c : u.children) {
			if (c.kind == UnitKind.BRANCH && this.p.free(c) && !c.noTeamList) {
				return c;
			}
		}
		return null;
	}

	private void issue(Unit u, DutyDomain domain, String title, IssueStatus status, String dutyId) {
		LocalDate found = this.p.date(LocalDate.of(2024, 9, 1), LocalDate.of(2025, 5, 31));
		this.p.issues.add(new Issue(this.p.nextIssueId(), u, domain, title, found, "INSPECTION", "MEDIUM", status,
				found.plusDays(120), dutyId));
		this.p.busy.add(u);
	}

	/**
	 * A people's organization whose party group nobody leads or supervises (no discipline
	 * body over it).
	 */
	private Unit unledGroup(String[] group) {
		Unit u = this.p.unit(group[1], group[0] + "党组", UnitKind.LEADING_PARTY_GROUP, null, Sector.OTHER, "省直机关");
		u.members = this.p.nextInt(25, 80);
		u.staff = u.members + this.p.nextInt(10, 40);
		String[][] posts = { { "sj", "SECRETARY", "党组书记" }, { "fsj", "DEPUTY_SECRETARY", "党组副书记" },
				{ "wy", "TEAM_MEMBER", "党组成员" } };
		for (String[] def : posts) {
			PostKind kind = PostKind.valueOf(def[1]);
			Post post = this.p.post(u, def[0], kind, def[2],
					(kind == PostKind.TEAM_MEMBER) ? BaseBuilder.POL_THEORY : null);
			Person holder = this.p.person(u, u.name + def[2]);
			this.p.appoint(holder, post, this.p.date(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31)), null);
			if (kind == PostKind.SECRETARY) {
				this.p.gradings
					.add(new Grading(u, Province.YEAR, GradingScheme.SECRETARY_REVIEW, "GOOD", holder, null));
			}
		}
		this.p.touched.add(u);
		return u;
	}

	// ---------------------------------------------------------------- pressure-decay,
	// duty-cascade

	private void pressure() {
		for (Unit u : pick((u) -> u.allChildren().isEmpty() && u.kind == UnitKind.BRANCH)) {
			u.noActivities = true;
			this.truth.add(PRESSURE, "COLD_UNIT", u, null, null);
		}
		for (Unit u : pick((u) -> !u.allChildren().isEmpty() && u.parent != null)) {
			u.noDownward = true;
			this.truth.add(PRESSURE, "NO_DOWNWARD_CHECK", u, null, null);
		}
	}

	private void cascade() {
		// the parent keeps duties in every domain whatever else is planted there (its
		// principal's list is never cut)
		for (Unit u : pick(
				(u) -> u.kind == UnitKind.BRANCH && u.duals.isEmpty() && currentPrincipal(u) != null && u.parent != null
						&& (u.parent.kind == UnitKind.GENERAL_BRANCH || u.parent.kind == UnitKind.ORGAN_PARTY_COMMITTEE
								|| u.parent.kind == UnitKind.PARTY_COMMITTEE))) {
			u.brokenDomain = DutyDomain.values()[this.p.random.nextInt(DutyDomain.values().length)];
			this.truth.add(CASCADE, "CASCADE_BREAK", u, null, null);
		}
	}

	// ----------------------------------------------------------------
	// assistance-coverage

	/**
	 * A unit weak now that is not weak in the other years and has nothing else planted.
	 */
	private boolean weakFree(Unit u) {
		return this.p.weak(Province.YEAR).contains(u) && !this.p.weak(Province.YEAR - 1).contains(u)
				&& !this.p.weak(Province.YEAR - 2).contains(u) && !this.p.touched.contains(u);
	}

	private List<Unit> pickWeak(Predicate<Unit> eligible) {
		List<Unit> candidates = new ArrayList<>();
		for (Unit u : this.p.weak(Province.YEAR)) {
			if (weakFree(u) && eligible.test(u)) {
				candidates.add(u);
			}
		}
		int n = howMany(candidates.size());
		this.p.shuffle(candidates);
		List<Unit> picked = new ArrayList<>(candidates.subList(0, Math.min(n, candidates.size())));
		this.p.touched.addAll(picked);
		planted(picked.size());
		return picked;
	}

	private Assistance currentRow(Unit u, AssistanceLevel level) {
		for (Assistance a : this.assistanceOf.getOrDefault(u, List.of())) {
			if (a.level == level && a.until != null && !a.until.isBefore(Province.AS_OF)
					&& !a.since.isAfter(Province.AS_OF)) {
				return a;
			}
		}
		return null;
	}

	private void assistance() {
		for (Unit u : pickWeak((u) -> currentRow(u, AssistanceLevel.ORGAN_CO_BUILD) != null)) {
			Assistance row = currentRow(u, AssistanceLevel.ORGAN_CO_BUILD);
			this.p.assistance.remove(row);
			this.assistanceOf.get(u).remove(row);
			this.truth.add(ASSISTANCE, "WEAK_UNASSISTED", u, null, null);
		}
		for (Unit u : pickWeak((u) -> u.sector == Sector.VILLAGE)) {
			this.p.firstSecretaries.removeIf((fs) -> fs.unit() == u);
			this.truth.add(ASSISTANCE, "WEAK_VILLAGE_NO_FIRST_SECRETARY", u, null, null);
			this.truth.add(ASSISTANCE, "WEAK_UNASSISTED", u, null, null);
		}
		for (Unit u : pickWeak((u) -> currentRow(u, AssistanceLevel.LEADER_CONTACT) != null)) {
			currentRow(u, AssistanceLevel.LEADER_CONTACT).until = Province.AS_OF.minusDays(this.p.nextInt(5, 60));
			this.truth.add(ASSISTANCE, "ASSISTANCE_EXPIRED", u, null, null);
			this.truth.add(ASSISTANCE, "WEAK_UNASSISTED", u, null, null);
		}
		List<Unit> paired = new ArrayList<>();
		for (Unit u : this.p.units) {
			if (u.sector == Sector.VILLAGE && !this.p.weakAnyYear(u)) {
				paired.add(u);
			}
		}
		for (Unit u : pick((u) -> u.kind == UnitKind.BRANCH && u.sector == Sector.ORGAN
				&& !this.p.currentlyAssisting.containsKey(u.id))) {
			Set<Unit> pool = new LinkedHashSet<>(paired);
			if (pool.size() < 5) {
				this.p.units.stream()
					.filter((b) -> b.kind == UnitKind.BRANCH && !this.p.weakAnyYear(b))
					.forEach(pool::add);
			}
			List<Unit> targets = new ArrayList<>(pool);
			targets.remove(u);
			int start = (u.index * 7) % targets.size();
			for (int i = 0; i < 4; i++) {
				Unit target = targets.get((start + i) % targets.size());
				this.p.assistance
					.add(new Assistance(u.id, target, AssistanceLevel.PAIRING, LocalDate.of(2025, 1, 1), null));
			}
			this.truth.add(ASSISTANCE, "ASSISTANT_OVERLOADED", u, null, null);
		}
	}

	// ----------------------------------------------------------------
	// supervision-lifecycle

	private void supervision() {
		Predicate<Unit> listable = (u) -> u.parent != null && currentPrincipal(u) != null && !u.noTeamList;
		for (Unit u : pick(listable)) {
			list(u, LocalDate.of(2024, 11, 10), LocalDate.of(2025, 5, 10), SupervisionStage.RECTIFY, null, null);
			this.truth.add(SUPERVISION, "SUPERVISION_OVERDUE", u, null, null);
		}
		for (Unit u : pick(listable)) {
			list(u, LocalDate.of(2024, 5, 10), LocalDate.of(2024, 11, 10), SupervisionStage.RECTIFY,
					SupervisionOutcome.DELISTED, LocalDate.of(2024, 11, 1));
			this.truth.add(SUPERVISION, "STAGE_INCONSISTENT", u, null, null);
		}
		for (Unit u : pick(listable)) {
			list(u, LocalDate.of(2023, 10, 1), LocalDate.of(2024, 4, 1), SupervisionStage.SUMMARY,
					SupervisionOutcome.RELISTED, LocalDate.of(2024, 3, 28));
			list(u, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 10, 1), SupervisionStage.SUMMARY,
					SupervisionOutcome.RELISTED, LocalDate.of(2024, 9, 28));
			list(u, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 9, 1), SupervisionStage.RECTIFY, null, null);
			this.truth.add(SUPERVISION, "RELISTED_AGAIN", u, null, null);
		}
		for (Unit u : pick(listable)) {
			LocalDate found = LocalDate.of(2024, 5, 20);
			this.p.issues
				.add(new Issue(this.p.nextIssueId(), u, DutyDomain.ORGANIZATION, "整改台账未按期销号", found, "SUPERVISION",
						"HIGH", IssueStatus.OPEN, found.plusDays(90), DutyIds.team(u, 0, DutyDomain.ORGANIZATION)));
			list(u, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 9, 1), SupervisionStage.ACCEPTANCE,
					SupervisionOutcome.DELISTED, LocalDate.of(2024, 8, 25));
			this.truth.add(SUPERVISION, "DELISTED_WITH_OPEN_ISSUES", u, null, null);
		}
	}

	private void list(Unit u, LocalDate on, LocalDate deadline, SupervisionStage stage, SupervisionOutcome outcome,
			LocalDate outcomeOn) {
		this.p.supervisions
			.add(new Supervision(this.p.nextSupervisionId(), u, u.parent, on, deadline, stage, outcome, outcomeOn));
		this.p.busy.add(u);
	}

	// ----------------------------------------------------------------
	// leadership-structure,
	// org-life-cadence

	private void leadership() {
		// the organ committee's secretary is someone from outside the party group's team
		for (Unit u : pick((u) -> u.kind == UnitKind.ORGAN_PARTY_COMMITTEE && u.parent != null
				&& currentPrincipal(u) != null && u.principal().appointments.size() == 1)) {
			Appointment a = u.principal().current();
			a.person.posts--;
			Person outsider = this.p.person(u, u.name + "书记");
			a.person = outsider;
			outsider.posts++;
			this.truth.add(LEADERSHIP, "DIRECT_ORG_SECRETARY_INELIGIBLE", u, null, outsider);
		}
		// a party group that did not hear its stationed discipline team this year
		for (Unit team : pick((u) -> u.kind == UnitKind.STATIONED_DISCIPLINE_TEAM && !u.notHeard)) {
			team.notHeard = true;
			for (Model.Lead lead : this.p.leads) {
				if (lead.leader() == team
						&& lead.kind() == org.dutychain.organization.LeadKind.DISCIPLINE_SUPERVISION) {
					this.p.touch(lead.unit());
					this.truth.add(LEADERSHIP, "STATIONED_TEAM_NOT_HEARD", lead.unit(), null, null);
				}
			}
		}
		// a party group the organ work committee did not evaluate in either half-year
		for (Unit u : pick((u) -> u.kind == UnitKind.LEADING_PARTY_GROUP && u.parent != null
				&& u.parent.kind == UnitKind.ORGAN_WORK_COMMITTEE)) {
			u.notEvaluated = true;
			this.truth.add(CADENCE, "EVALUATION_GAP", u, null, null);
		}
	}

	// ---------------------------------------------------------------- review-followup

	private boolean quiet(Person person) {
		return !this.withEvents.contains(person);
	}

	private void reviews() {
		for (Unit u : pick((u) -> u.kind == UnitKind.BRANCH && review(u) != null)) {
			Grading g = review(u);
			g.grade = "AVERAGE";
			this.truth.add(REVIEW, "NO_ADMONITION_AFTER_POOR_GRADE", u, null, g.person);
		}
		for (Unit u : pick((u) -> u.kind == UnitKind.BRANCH && currentPrincipal(u) != null
				&& currentPrincipal(u).posts == 1 && currentPrincipal(u).home == u && quiet(currentPrincipal(u)))) {
			Person person = currentPrincipal(u);
			this.p.events.add(new PersonnelEvent(person, LocalDate.of(2025, 2, 18), PersonnelEventKind.ADMONISHED,
					"落实党建工作责任不力，组织部门约谈"));
			this.p.events
				.add(new PersonnelEvent(person, LocalDate.of(2025, 5, 20), PersonnelEventKind.PROMOTED, "提拔任用"));
			this.withEvents.add(person);
			this.truth.add(REVIEW, "PROMOTED_AFTER_ADMONITION", u, null, person);
		}
	}

	/**
	 * The latest secretary review of a unit's current, single-post principal with a good
	 * grade and no events.
	 */
	private Grading review(Unit u) {
		Person principal = currentPrincipal(u);
		if (principal == null || principal.posts != 1 || principal.home != u || !quiet(principal)) {
			return null;
		}
		for (Grading g : this.gradingsOf.getOrDefault(u, List.of())) {
			if (g.year == Province.YEAR && g.scheme == GradingScheme.SECRETARY_REVIEW && g.person == principal
					&& (g.grade.equals("GOOD") || g.grade.equals("FAIRLY_GOOD"))) {
				return g;
			}
		}
		return null;
	}

	// ----------------------------------------------------------------
	// weak-org-rectification

	private void weakTwoYears() {
		LocalDate endBefore = LocalDate.of(Province.YEAR - 1, 12, 31);
		Predicate<Unit> heldSince = (u) -> currentPrincipal(u) != null
				&& !u.principal().current().since.isAfter(endBefore);
		// the parent's secretary must also have held the post on 31 Dec of the year
		// before, or the parent is not
		// liable and the truth row would be wrong
		List<Unit> picked = new ArrayList<>(
				pickWeak((u) -> heldSince.test(u) && secondTier(u) && heldSince.test(u.parent)));
		picked.addAll(pickWeak((u) -> heldSince.test(u) && !secondTier(u)));
		for (Unit u : picked) {
			Person secretary = currentPrincipal(u);
			String problem = "SYSTEMS_IRREGULAR";
			for (Grading g : this.gradingsOf.getOrDefault(u, List.of())) {
				if (g.year == Province.YEAR - 1 && g.scheme == GradingScheme.ABCD) {
					g.grade = "D";
					g.problems = problem;
				}
			}
			this.p.gradings.add(new Grading(u, Province.YEAR - 1, GradingScheme.DESIGNATED_WEAK, "Y", null, problem));
			this.p.designate(Province.YEAR - 1, u);
			this.truth.add(WEAK, "WEAK_TWO_YEARS", u, null, secretary);
			if (secondTier(u)) {
				this.truth.add(WEAK, "PARENT_SECRETARY_LIABLE", u, null, currentPrincipal(u.parent));
			}
		}
	}

	/**
	 * A branch under a party committee or general branch that is itself directly under a
	 * root (二层党支部).
	 */
	private boolean secondTier(Unit u) {
		Unit parent = u.parent;
		if (u.kind != UnitKind.BRANCH || parent == null || parent.parent == null
				|| (parent.kind != UnitKind.PARTY_COMMITTEE && parent.kind != UnitKind.GENERAL_BRANCH)) {
			return false;
		}
		Unit grand = parent.parent;
		return grand.parent == null && grand.duals.isEmpty() && currentPrincipal(parent) != null;
	}

}
