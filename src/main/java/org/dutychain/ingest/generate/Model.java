package org.dutychain.ingest.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dutychain.duty.DutyDomain;
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
 * The in-memory part of a generated dataset: everything but the two big files (duties and
 * activities), which are derived from it while writing. Mutable on purpose: the planter
 * changes the clean base in place.
 */
final class Model {

	static final Set<DutyDomain> ALL_DOMAINS = EnumSet.allOf(DutyDomain.class);

	private Model() {
	}

	/** The default post kinds of design.md section 2 (岗位类型). */
	enum PostKind {

		SECRETARY("书记", ResponsibilityKind.PRINCIPAL,
				EnumSet.of(UnitKind.ORGAN_WORK_COMMITTEE, UnitKind.LEADING_PARTY_GROUP, UnitKind.PARTY_COMMITTEE,
						UnitKind.ORGAN_PARTY_COMMITTEE, UnitKind.GENERAL_BRANCH),
				null),
		DEPUTY_SECRETARY("专职副书记", ResponsibilityKind.DIRECT, EnumSet.noneOf(UnitKind.class), null),
		MEMBER_IN_CHARGE("分管班子成员", ResponsibilityKind.DIRECT, EnumSet.noneOf(UnitKind.class),
				EnumSet.of(DutyDomain.ORGANIZATION, DutyDomain.MEMBER_EDUCATION)),
		TEAM_MEMBER("班子成员", ResponsibilityKind.IMPORTANT, EnumSet.noneOf(UnitKind.class), null),
		DISCIPLINE_SECRETARY("纪委书记/纪检委员", ResponsibilityKind.SUPERVISORY,
				EnumSet.of(UnitKind.DISCIPLINE_WORK_COMMITTEE, UnitKind.ORGAN_DISCIPLINE_COMMITTEE),
				EnumSet.of(DutyDomain.DISCIPLINE, DutyDomain.SUPERVISION_CHECK)),
		BRANCH_SECRETARY("支部书记", ResponsibilityKind.PRINCIPAL, EnumSet.of(UnitKind.BRANCH, UnitKind.JOINT_BRANCH),
				null),
		FIRST_CELL_LEADER("第一组长", ResponsibilityKind.DIRECT, EnumSet.noneOf(UnitKind.class), null);

		final String zh;

		final ResponsibilityKind responsibility;

		final Set<UnitKind> requiredIn;

		/** null = ALL. */
		final Set<DutyDomain> domains;

		PostKind(String zh, ResponsibilityKind responsibility, Set<UnitKind> requiredIn, Set<DutyDomain> domains) {
			this.zh = zh;
			this.responsibility = responsibility;
			this.requiredIn = requiredIn;
			this.domains = domains;
		}

		Set<DutyDomain> domainsOrAll() {
			return (this.domains != null) ? this.domains : ALL_DOMAINS;
		}

	}

	/** A party organization (党组织). */
	static final class Unit {

		final int index;

		final String id;

		String name;

		final UnitKind kind;

		Unit parent;

		final Sector sector;

		final String region;

		int members;

		Integer staff;

		Integer hostUnits;

		final List<Unit> children = new ArrayList<>();

		/**
		 * DUAL leaders (a DUAL edge makes this unit a child of the leader for cascade and
		 * checks).
		 */
		final List<Unit> duals = new ArrayList<>();

		final List<Unit> dualChildren = new ArrayList<>();

		final List<Post> posts = new ArrayList<>();

		/**
		 * Part of the organ system, which stays in memory for the whole run while county
		 * slices are generated segment by segment (see {@link ProvinceGenerator}).
		 */
		boolean persistent;

		/** Planted: no team list (一班子一清单 missing). */
		boolean noTeamList;

		/** Planted: no activity at all in the trailing year. */
		boolean noActivities;

		/**
		 * Planted: routine meetings and reports left out in these months
		 * (ORG_LIFE_CADENCE, FIRST_SECRETARY_REPORT_MISSING).
		 */
		final Map<ActivitySubkind, Set<YearMonth>> skipped = new EnumMap<>(ActivitySubkind.class);

		/**
		 * Planted: the duty of this domain is carried out by meetings and documents only
		 * (MEETINGS_ONLY).
		 */
		DutyDomain meetingsOnly;

		/** Planted: the organ work committee does not evaluate it (EVALUATION_GAP). */
		boolean notEvaluated;

		/** Planted: this stationed team is not heard (STATIONED_TEAM_NOT_HEARD). */
		boolean notHeard;

		/** Planted: no activity aimed at any child. */
		boolean noDownward;

		/**
		 * Planted: the pressure this unit's year of activities is drawn to instead of the
		 * base's (a warm or cold level of HOT_TOP_COLD_BOTTOM), or null.
		 */
		Double pressure;

		/**
		 * Planted: the team duty of this domain is not derived from the leader's list.
		 */
		DutyDomain brokenDomain;

		Unit(int index, String id, String name, UnitKind kind, Unit parent, Sector sector, String region) {
			this.index = index;
			this.id = id;
			this.name = name;
			this.kind = kind;
			this.parent = parent;
			this.sector = sector;
			this.region = region;
			if (parent != null) {
				parent.children.add(this);
			}
		}

		int level() {
			int level = 1;
			for (Unit u = this.parent; u != null; u = u.parent) {
				level++;
			}
			return level;
		}

		boolean isAncestor(Unit other) {
			for (Unit u = this.parent; u != null; u = u.parent) {
				if (u == other) {
					return true;
				}
			}
			return false;
		}

		/** Children for cascade and downward checks: PRIMARY and DUAL. */
		List<Unit> allChildren() {
			if (this.dualChildren.isEmpty()) {
				return this.children;
			}
			List<Unit> all = new ArrayList<>(this.children);
			all.addAll(this.dualChildren);
			return all;
		}

		Post principal() {
			for (Post p : this.posts) {
				if (p.kind.responsibility == ResponsibilityKind.PRINCIPAL) {
					return p;
				}
			}
			return null;
		}

	}

	/** A leading edge other than the primary one (leadership.csv). */
	record Lead(Unit leader, Unit unit, LeadKind kind) {
	}

	/** A post of a unit (岗位). */
	static final class Post {

		final String id;

		final Unit unit;

		final PostKind kind;

		final String title;

		/** null = the kind's domains. */
		final Set<DutyDomain> domains;

		final List<Appointment> appointments = new ArrayList<>();

		/** Planted: no personal list. */
		boolean noDuties;

		/** Planted: this domain is left out of the personal list. */
		DutyDomain blankDomain;

		Post(String id, Unit unit, PostKind kind, String title, Set<DutyDomain> domains) {
			this.id = id;
			this.unit = unit;
			this.kind = kind;
			this.title = title;
			this.domains = domains;
		}

		Set<DutyDomain> effectiveDomains() {
			return (this.domains != null) ? this.domains : this.kind.domainsOrAll();
		}

		/** The appointment still open (until empty), if any. */
		Appointment current() {
			for (Appointment a : this.appointments) {
				if (a.until == null) {
					return a;
				}
			}
			return null;
		}

		/** Who held the post on a day. */
		Person holderOn(LocalDate day) {
			for (Appointment a : this.appointments) {
				if (!a.since.isAfter(day) && (a.until == null || !a.until.isBefore(day))) {
					return a.person;
				}
			}
			return null;
		}

	}

	/** A person (人员). */
	static final class Person {

		final String id;

		final String name;

		/**
		 * The unit the person is organized in (may move to a branch, see BaseBuilder).
		 */
		Unit home;

		final String title;

		int posts;

		Person(String id, String name, Unit home, String title) {
			this.id = id;
			this.name = name;
			this.home = home;
			this.title = title;
		}

	}

	/** An appointment (任职, HOLDS). */
	static final class Appointment {

		Person person;

		final Post post;

		final LocalDate since;

		LocalDate until;

		Appointment(Person person, Post post, LocalDate since, LocalDate until) {
			this.person = person;
			this.post = post;
			this.since = since;
			this.until = until;
		}

	}

	/** A first secretary posting (第一书记). */
	record FirstSecretary(Person person, Unit unit, FirstSecretaryKind kind, Unit dispatchedBy, LocalDate since,
			LocalDate until) {
	}

	/** An assistance row (帮扶); the assistant is a person id or a unit id. */
	static final class Assistance {

		final String assistantId;

		final Unit unit;

		final AssistanceLevel level;

		final LocalDate since;

		LocalDate until;

		Assistance(String assistantId, Unit unit, AssistanceLevel level, LocalDate since, LocalDate until) {
			this.assistantId = assistantId;
			this.unit = unit;
			this.level = level;
			this.since = since;
			this.until = until;
		}

	}

	/** A grading (考评). */
	static final class Grading {

		final Unit unit;

		final int year;

		final GradingScheme scheme;

		String grade;

		final Person person;

		String problems;

		Grading(Unit unit, int year, GradingScheme scheme, String grade, Person person, String problems) {
			this.unit = unit;
			this.year = year;
			this.scheme = scheme;
			this.grade = grade;
			this.person = person;
			this.problems = problems;
		}

	}

	/** A problem found (问题). */
	record Issue(String id, Unit unit, DutyDomain domain, String title, LocalDate foundOn, String source,
			String severity, IssueStatus status, LocalDate due, String dutyId) {
	}

	/** A listed supervision (挂牌督办). */
	record Supervision(String id, Unit unit, Unit listedBy, LocalDate listedOn, LocalDate deadline,
			SupervisionStage stage, SupervisionOutcome outcome, LocalDate outcomeOn) {
	}

	/** A personnel event (干部事项). */
	record PersonnelEvent(Person person, LocalDate date, PersonnelEventKind kind, String reason) {
	}

}
