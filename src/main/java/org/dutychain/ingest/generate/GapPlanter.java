package org.dutychain.ingest.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import org.dutychain.duty.DutyDomain;
import org.dutychain.ingest.generate.Model.Appointment;
import org.dutychain.ingest.generate.Model.Assistance;
import org.dutychain.ingest.generate.Model.FirstSecretary;
import org.dutychain.ingest.generate.Model.Grading;
import org.dutychain.ingest.generate.Model.Issue;
import org.dutychain.ingest.generate.Model.Person;
import org.dutychain.ingest.generate.Model.PersonnelEvent;
import org.dutychain.ingest.generate.Model.Post;
import org.dutychain.ingest.generate.Model.PostKind;
import org.dutychain.ingest.generate.Model.Supervision;
import org.dutychain.ingest.generate.Model.Unit;
import org.dutychain.organization.LeadKind;
import org.dutychain.organization.Sector;
import org.dutychain.organization.UnitKind;
import org.dutychain.people.ResponsibilityKind;
import org.dutychain.record.ActivitySubkind;
import org.dutychain.record.AssistanceLevel;
import org.dutychain.record.FirstSecretaryKind;
import org.dutychain.record.GradingScheme;
import org.dutychain.record.IssueStatus;
import org.dutychain.record.PersonnelEventKind;
import org.dutychain.record.SupervisionOutcome;
import org.dutychain.record.SupervisionStage;

/**
 * Plants gaps into the clean base, one kind at a time, each on units no other gap (and no
 * issue, listing or weak designation) touches, and records every finding each gap must
 * produce in {@link Truth}. It plants in the current segment of the province only (see
 * {@link ProvinceGenerator}): the share is of the segment's eligible places, and "at
 * least one per code when there is a place for it" holds per segment; the gaps of the
 * organ system (its departments, lines of leadership and people's organizations) are
 * planted in the first segment, which holds it.
 * <p>
 * Ids of a truth row ({@code unit_id, post_id, person_id}), where the rules leave a
 * choice: {@code unit_id} is the unit the gap sits in — for CASCADE_BREAK the child that
 * its leader's duties do not reach (the key is duty + child, design.md §5), for
 * KIND_ORDER the child under a parent of the wrong kind, for the accountability codes the
 * issue's unit, for ASSISTANT_OVERLOADED the assisting unit, for PARENT_SECRETARY_LIABLE
 * the weak second-tier branch, for PERSON_OVERLOADED and PROMOTED_AFTER_ADMONITION the
 * person's home unit (a party group's members are organized in branches of their
 * department), for MEETINGS_ONLY the unit whose duty it is, for STATIONED_TEAM_NOT_HEARD
 * the supervised party group, for HOT_TOP_COLD_BOTTOM the department's party group, which
 * is also the row's {@code scope} (the finding is one of the audit of that scope, not of
 * the whole dataset). {@code post_id} only for POST_VACANT, APPOINTMENT_EXPIRED,
 * NO_PERSONAL_LIST and DOMAIN_BLANK; {@code person_id} only for SELF_SUPERVISION,
 * PERSON_OVERLOADED, WEAK_TWO_YEARS, PARENT_SECRETARY_LIABLE (the parent's secretary),
 * NO_ADMONITION_AFTER_POOR_GRADE, PROMOTED_AFTER_ADMONITION,
 * DIRECT_ORG_SECRETARY_INELIGIBLE, FIRST_SECRETARY_REPORT_MISSING and REVIEW_COVERAGE.
 * Rows are de-duplicated: several duties, issues or half-years behind one such row are
 * one row. Side effects are listed too: a cold branch also misses its routine meetings
 * (ORG_LIFE_CADENCE) and its first secretary's reports; a unit graded D and not
 * designated is weak now and so also WEAK_UNASSISTED; a cold branch with a committee
 * under a hot top also skips its 支委会 (ORG_LIFE_CADENCE).
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
			"EVALUATION_GAP", "ORGAN_COMMITTEE_SINGLE_PARENT", "ORGAN_DISCIPLINE_UNLED", "DUAL_LEADERSHIP_INCOMPLETE",
			"FIRST_SECRETARY_MISSING", "ORG_LIFE_CADENCE", "FIRST_SECRETARY_REPORT_MISSING", "MEETINGS_ONLY",
			"D_GRADE_NOT_DESIGNATED", "REVIEW_COVERAGE", "HOT_TOP_COLD_BOTTOM");

	/** The unit kinds whose secretaries report yearly (述职评议, reviewedKinds). */
	private static final Set<UnitKind> REVIEWED = EnumSet.of(UnitKind.LEADING_PARTY_GROUP, UnitKind.PARTY_COMMITTEE,
			UnitKind.ORGAN_PARTY_COMMITTEE);

	/** Domains a MEETINGS_ONLY duty is planted in (not THEORY, not the checks' own). */
	private static final List<DutyDomain> MEETING_DOMAINS = List.of(DutyDomain.POLITICAL, DutyDomain.ORGANIZATION,
			DutyDomain.MEMBER_EDUCATION, DutyDomain.DISCIPLINE, DutyDomain.MASS_ORGS, DutyDomain.SUPPORT);

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
			// first: it needs a whole department that nothing else is planted in
			hotTopColdBottom();
			structure();
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
			cadence();
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
		return pick(this.p::free, eligible);
	}

	/**
	 * Like {@link #pick(Predicate)}, with the test of a unit being free for this gap
	 * given.
	 */
	private List<Unit> pick(Predicate<Unit> free, Predicate<Unit> eligible) {
		List<Unit> candidates = new ArrayList<>();
		for (Unit u : this.p.units) {
			if (free.test(u) && eligible.test(u)) {
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
			if (free.test(u) && eligible.test(u)) {
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
	// pressure-decay, scope level: 上热中温下冷

	/** The pressure of a warm level: at least coldLevel 0.5, below hotLevel 1.0. */
	static final double WARM = 0.8;

	/** The pressure of a cold level: below coldLevel 0.5. */
	static final double COLD = 0.3;

	/** minLevelUnits: the deepest level judged has at least this many units. */
	private static final int MIN_LEVEL_UNITS = 5;

	/**
	 * HOT_TOP_COLD_BOTTOM, a finding of the audit of one department's party group as
	 * scope: the party group works as every party group does (hot, its base pressure is
	 * at least 1.16), its 机关党委 and 机关纪委 (level 3) are warm (pressure 0.8–0.88: each does
	 * four fifths of its expected work, a talk with a branch included), and the branches
	 * and general branches of level 4 are cold (below 0.5). A cold branch does little
	 * besides its routine meetings (work up to 0.3 of its expected count); one without a
	 * committee (fewer than 7 members and no committee post) still holds its quarterly
	 * 党员大会 and 党课 and its yearly 组织生活会 (10 of 24: 0.42), so it misses nothing that
	 * ORG_LIFE_CADENCE checks; one with a committee would be warm if it held its twelve
	 * 支委会 (22 of 24), so it holds two of them, two 党员大会 and two 党课 — and ORG_LIFE_CADENCE
	 * is listed for it, the routine neglect that makes the bottom cold. Only departments
	 * whose level 4 is the deepest with at least {@value #MIN_LEVEL_UNITS} units are
	 * chosen: the cells and the general branches' branches below stay as they are, and
	 * with no warm unit over a cold one and the 机关党委 well below 0.8 × its party group, no
	 * MIDDLE_BLOCKAGE arises. No other gap is planted in the department, and the whole
	 * dataset's profile (every department's and county's levels together) stays far from
	 * cold.
	 */
	private void hotTopColdBottom() {
		// issues, listings, assistance and weak designations do not depend on activities:
		// only units where another gap is planted are not free here
		for (Unit root : pick((u) -> !this.p.touched.contains(u), this::coldDepartment)) {
			int bottom = root.level() + 2;
			for (Unit u : scope(root)) {
				this.p.touched.add(u);
				int level = u.level();
				if (level > root.level() && level < bottom) {
					u.pressure = WARM;
				}
				else if (level == bottom) {
					u.pressure = COLD;
					if ((u.kind == UnitKind.BRANCH || u.kind == UnitKind.JOINT_BRANCH) && committee(u)) {
						skip(u, ActivitySubkind.BRANCH_COMMITTEE_MEETING, 10, (m) -> true);
						skip(u, ActivitySubkind.MEMBERS_MEETING, 2, (m) -> m.getMonthValue() % 3 == 2);
						skip(u, ActivitySubkind.PARTY_LECTURE, 2, (m) -> m.getMonthValue() % 3 == 2);
						skip(u, ActivitySubkind.DEMOCRATIC_REVIEW, 1, (m) -> m.getMonthValue() == 1);
						this.truth.add(CADENCE, "ORG_LIFE_CADENCE", u, null, null);
					}
				}
			}
			this.truth.addScoped(PRESSURE, "HOT_TOP_COLD_BOTTOM", root, root);
		}
	}

	/**
	 * A department's party group whose scope nothing is planted in, with the 机关党委 and
	 * 机关纪委 as its only middle level and its branches (level 4) as the deepest level with
	 * at least {@value #MIN_LEVEL_UNITS} units.
	 */
	private boolean coldDepartment(Unit u) {
		if (u.kind != UnitKind.LEADING_PARTY_GROUP || u.parent != this.p.workCommittee) {
			return false;
		}
		List<Unit> scope = scope(u);
		Map<Integer, Integer> perLevel = new HashMap<>();
		for (Unit s : scope) {
			if (this.p.touched.contains(s)) {
				return false;
			}
			perLevel.merge(s.level(), 1, Integer::sum);
		}
		int top = u.level();
		int deepest = top;
		for (Map.Entry<Integer, Integer> e : perLevel.entrySet()) {
			if (e.getValue() >= MIN_LEVEL_UNITS && e.getKey() > deepest) {
				deepest = e.getKey();
			}
		}
		Set<UnitKind> bottomKinds = EnumSet.of(UnitKind.BRANCH, UnitKind.JOINT_BRANCH, UnitKind.GENERAL_BRANCH);
		int bottom = deepest;
		return bottom == top + 2 && scope.stream().allMatch((s) -> s.level() != bottom || bottomKinds.contains(s.kind))
				&& scope.stream()
					.allMatch((s) -> s.level() != top + 1 || s.kind == UnitKind.ORGAN_PARTY_COMMITTEE
							|| s.kind == UnitKind.ORGAN_DISCIPLINE_COMMITTEE);
	}

	/** A unit and everything it leads along PRIMARY and DUAL edges (an audit scope). */
	private static List<Unit> scope(Unit root) {
		Set<Unit> seen = new LinkedHashSet<>();
		List<Unit> todo = new ArrayList<>(List.of(root));
		while (!todo.isEmpty()) {
			Unit u = todo.remove(todo.size() - 1);
			if (seen.add(u)) {
				todo.addAll(u.allChildren());
			}
		}
		return new ArrayList<>(seen);
	}

	// ----------------------------------------------------------------
	// leadership-structure: the lines of leadership of the organ system (planted first:
	// the province has few places for them)

	private void structure() {
		Unit wc = this.p.workCommittee;
		// 机关党委 led by its department's party group only: the organ work committee's
		// line is missing
		for (Unit u : pick((u) -> u.kind == UnitKind.ORGAN_PARTY_COMMITTEE && u.duals.contains(wc))) {
			this.p.unlead(wc, u, LeadKind.DUAL);
			this.truth.add(LEADERSHIP, "ORGAN_COMMITTEE_SINGLE_PARENT", u, null, null);
		}
		// 机关纪委 led by 机关党委 alone, not by the discipline work committee
		for (Unit u : pick((u) -> u.kind == UnitKind.ORGAN_DISCIPLINE_COMMITTEE && u.parent != null
				&& u.parent.kind == UnitKind.DISCIPLINE_WORK_COMMITTEE && u.duals.size() == 1)) {
			// the organ committee keeps the same children: its DUAL child becomes a
			// PRIMARY one
			Unit committee = u.duals.get(0);
			this.p.unlead(committee, u, LeadKind.DUAL);
			u.parent.children.remove(u);
			u.parent = committee;
			committee.children.add(u);
			this.p.touch(u);
			this.truth.add(LEADERSHIP, "ORGAN_DISCIPLINE_UNLED", u, null, null);
		}
		// the discipline work committee led by the commission only (the province has one)
		for (Unit u : pick((u) -> u.kind == UnitKind.DISCIPLINE_WORK_COMMITTEE && u.duals.contains(wc))) {
			this.p.unlead(wc, u, LeadKind.DUAL);
			this.truth.add(LEADERSHIP, "DUAL_LEADERSHIP_INCOMPLETE", u, null, null);
		}
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
			// the key is the person's home unit, which for a party group's member is the
			// branch the member is organized in
			this.truth.add(POSTS, "PERSON_OVERLOADED", a.person.home, null, a.person);
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
		// the people's organizations belong to the organ system: planted in the first
		// segment only
		int unled = Math.min(UNLED_GROUPS.length - this.unledCount,
				howMany(this.p.units.get(0) == this.p.workCommittee ? this.p.partyGroups.size() : 0));
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
			// a branch that did nothing held none of its routine meetings, and its
			// stationed first secretary filed no monthly plan or ledger
			this.truth.add(CADENCE, "ORG_LIFE_CADENCE", u, null, null);
			for (FirstSecretary fs : stationedAt(u)) {
				this.truth.add(CADENCE, "FIRST_SECRETARY_REPORT_MISSING", u, null, fs.person());
			}
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
		for (Unit u : pick(
				(u) -> u.kind == UnitKind.ORGAN_PARTY_COMMITTEE && u.parent != null && currentPrincipal(u) != null
						&& u.principal().appointments.size() == 1 && goodReviewsOnly(u, currentPrincipal(u)))) {
			Appointment a = u.principal().current();
			Person insider = a.person;
			insider.posts--;
			Person outsider = this.p.person(u, u.name + "书记");
			a.person = outsider;
			outsider.posts++;
			// the secretary's yearly reviews were the outsider's (no REVIEW_COVERAGE)
			List<Grading> graded = this.gradingsOf.getOrDefault(u, List.of());
			for (int i = 0; i < graded.size(); i++) {
				Grading g = graded.get(i);
				if (g.person == insider) {
					Grading moved = new Grading(u, g.year, g.scheme, g.grade, outsider, g.problems);
					graded.set(i, moved);
					this.p.gradings.set(this.p.gradings.indexOf(g), moved);
				}
			}
			this.truth.add(LEADERSHIP, "DIRECT_ORG_SECRETARY_INELIGIBLE", u, null, outsider);
		}
		// a party group that did not hear its stationed discipline team this year
		for (Unit team : pick((u) -> u.kind == UnitKind.STATIONED_DISCIPLINE_TEAM && !u.notHeard)) {
			team.notHeard = true;
			for (Model.Lead lead : this.p.leads) {
				if (lead.leader() == team && lead.kind() == LeadKind.DISCIPLINE_SUPERVISION) {
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

	/**
	 * First secretaries of the leaders' branches, and the cadence of routine meetings and
	 * reports.
	 */
	private void cadence() {
		// a branch of party-group members without its organ first secretary
		for (Unit u : pick((u) -> this.p.firstSecretaries.stream()
			.anyMatch((fs) -> fs.unit() == u && fs.kind() == FirstSecretaryKind.ORGAN_EMBEDDED))) {
			this.p.firstSecretaries.removeIf((fs) -> fs.unit() == u && fs.kind() == FirstSecretaryKind.ORGAN_EMBEDDED);
			this.p.touch(u);
			this.truth.add(LEADERSHIP, "FIRST_SECRETARY_MISSING", u, null, null);
		}
		// 三会一课: a branch committee that skipped one to three months, a branch without a
		// party lecture in one quarter, a party cell that did not meet for two months
		for (Unit u : pick((u) -> leafBranch(u) && committee(u))) {
			skip(u, ActivitySubkind.BRANCH_COMMITTEE_MEETING, this.p.nextInt(1, 3), (m) -> true);
			this.truth.add(CADENCE, "ORG_LIFE_CADENCE", u, null, null);
		}
		for (Unit u : pick((u) -> (u.kind == UnitKind.BRANCH || u.kind == UnitKind.JOINT_BRANCH) && u.children.isEmpty()
				&& u.parent != null)) {
			skip(u, ActivitySubkind.PARTY_LECTURE, 1, (m) -> m.getMonthValue() % 3 == 2);
			this.truth.add(CADENCE, "ORG_LIFE_CADENCE", u, null, null);
		}
		for (Unit u : pick((u) -> u.kind == UnitKind.PARTY_CELL && u.parent != null && this.p.free(u.parent))) {
			skip(u, ActivitySubkind.CELL_MEETING, 2, (m) -> true);
			this.truth.add(CADENCE, "ORG_LIFE_CADENCE", u, null, null);
		}
		// 月初报计划、月末报台账: a stationed first secretary's ledger missing in a month
		for (Unit u : pick((u) -> !stationedAt(u).isEmpty())) {
			YearMonth month = skip(u, ActivitySubkind.MONTHLY_LEDGER, 1, (m) -> true).get(0);
			for (FirstSecretary fs : stationedAt(u)) {
				if (wholeMonths(fs).contains(month)) {
					this.truth.add(CADENCE, "FIRST_SECRETARY_REPORT_MISSING", u, null, fs.person());
				}
			}
		}
		// a duty carried out by meetings and documents only
		for (Unit u : pick((u) -> DutyLists.hasLists(u) && !u.noTeamList && u.brokenDomain == null)) {
			u.meetingsOnly = MEETING_DOMAINS.get(this.p.random.nextInt(MEETING_DOMAINS.size()));
			this.truth.add(CADENCE, "MEETINGS_ONLY", u, null, null);
		}
	}

	/**
	 * Leaves a routine meeting or report out in {@code count} distinct months of the
	 * cadence window that satisfy a condition; returns them.
	 */
	private List<YearMonth> skip(Unit u, ActivitySubkind subkind, int count, Predicate<YearMonth> eligible) {
		List<YearMonth> months = new ArrayList<>(Province.WINDOW.stream().filter(eligible).toList());
		this.p.shuffle(months);
		List<YearMonth> skipped = months.subList(0, Math.min(count, months.size()));
		u.skipped.computeIfAbsent(subkind, (k) -> new TreeSet<>()).addAll(skipped);
		return skipped;
	}

	/**
	 * Whether a branch must hold a monthly committee meeting: a post besides the
	 * secretary's, or at least 7 members.
	 */
	private static boolean committee(Unit u) {
		return u.members >= 7
				|| u.posts.stream().anyMatch((p) -> p.kind.responsibility != ResponsibilityKind.PRINCIPAL);
	}

	/**
	 * The village-stationed first secretaries posted at a unit for a whole month of the
	 * window.
	 */
	private List<FirstSecretary> stationedAt(Unit u) {
		List<FirstSecretary> found = new ArrayList<>();
		for (FirstSecretary fs : this.p.firstSecretaries) {
			if (fs.unit() == u && fs.kind() == FirstSecretaryKind.VILLAGE_STATIONED && !wholeMonths(fs).isEmpty()) {
				found.add(fs);
			}
		}
		return found;
	}

	private static List<YearMonth> wholeMonths(FirstSecretary fs) {
		return Province.WINDOW.stream()
			.filter((m) -> !fs.since().isAfter(m.atDay(1))
					&& (fs.until() == null || !fs.until().isBefore(m.atEndOfMonth())))
			.toList();
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
		// a party group's or committee's secretary who did not report for the year
		for (Unit u : pick((u) -> REVIEWED.contains(u.kind) && yearReview(u) != null)) {
			Grading g = yearReview(u);
			this.p.gradings.remove(g);
			this.gradingsOf.get(u).remove(g);
			this.truth.add(REVIEW, "REVIEW_COVERAGE", u, null, g.person);
		}
	}

	/**
	 * The good review of the year of the person who held a unit's principal post on 31
	 * December, if it is that person's only review of the year and the person has no
	 * events.
	 */
	private Grading yearReview(Unit u) {
		Post principal = u.principal();
		Person holder = (principal != null) ? principal.holderOn(LocalDate.of(Province.YEAR, 12, 31)) : null;
		if (holder == null || !quiet(holder)) {
			return null;
		}
		Grading found = null;
		for (Grading g : this.p.gradings) {
			if (g.person == holder && g.year == Province.YEAR && g.scheme == GradingScheme.SECRETARY_REVIEW) {
				if (found != null || g.unit != u || !(g.grade.equals("GOOD") || g.grade.equals("FAIRLY_GOOD"))) {
					return null;
				}
				found = g;
			}
		}
		return found;
	}

	/** Whether every review of a person at a unit is good (no admonition follows). */
	private boolean goodReviewsOnly(Unit u, Person person) {
		return quiet(person) && this.gradingsOf.getOrDefault(u, List.of())
			.stream()
			.filter((g) -> g.person == person)
			.allMatch((g) -> g.grade.equals("GOOD") || g.grade.equals("FAIRLY_GOOD"));
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
		// graded D but not put on the weak list, and so not assisted either
		for (Unit u : pick((u) -> (u.kind == UnitKind.BRANCH || u.kind == UnitKind.JOINT_BRANCH) && u.children.isEmpty()
				&& u.parent != null && abcd(u, Province.YEAR) != null)) {
			Grading g = abcd(u, Province.YEAR);
			g.grade = "D";
			g.problems = "MEMBER_ROLE_WEAK";
			this.truth.add(WEAK, "D_GRADE_NOT_DESIGNATED", u, null, null);
			this.truth.add(ASSISTANCE, "WEAK_UNASSISTED", u, null, null);
			boolean firstSecretary = this.p.firstSecretaries.stream()
				.anyMatch((fs) -> fs.unit() == u && !fs.since().isAfter(Province.AS_OF)
						&& (fs.until() == null || !fs.until().isBefore(Province.AS_OF)));
			if (u.sector == Sector.VILLAGE && !firstSecretary) {
				this.truth.add(ASSISTANCE, "WEAK_VILLAGE_NO_FIRST_SECRETARY", u, null, null);
			}
		}
	}

	private Grading abcd(Unit u, int year) {
		for (Grading g : this.gradingsOf.getOrDefault(u, List.of())) {
			if (g.year == year && g.scheme == GradingScheme.ABCD) {
				return g;
			}
		}
		return null;
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
