package org.dutychain.ingest.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.dutychain.duty.DutyDomain;
import org.dutychain.ingest.generate.Model.Appointment;
import org.dutychain.ingest.generate.Model.Assistance;
import org.dutychain.ingest.generate.Model.FirstSecretary;
import org.dutychain.ingest.generate.Model.Grading;
import org.dutychain.ingest.generate.Model.Issue;
import org.dutychain.ingest.generate.Model.Lead;
import org.dutychain.ingest.generate.Model.Person;
import org.dutychain.ingest.generate.Model.Post;
import org.dutychain.ingest.generate.Model.PersonnelEvent;
import org.dutychain.ingest.generate.Model.PostKind;
import org.dutychain.ingest.generate.Model.Supervision;
import org.dutychain.ingest.generate.Model.Unit;
import org.dutychain.organization.LeadKind;
import org.dutychain.organization.Sector;
import org.dutychain.organization.UnitKind;

/**
 * The current segment of a generated dataset held in memory (except duties and
 * activities), plus the facts the planter needs. The organ system
 * ({@link Unit#persistent} units) stays for the whole run; {@link #endSegment()} drops
 * everything else, so that memory is bounded by the size of a segment, not by the size of
 * the dataset. Sequences (unit indexes, people, issues, supervisions) continue across
 * segments.
 */
final class Province {

	/** The evaluation date of every generated dataset. */
	static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	/** The latest grading and designation year (Y of design.md). */
	static final int YEAR = 2024;

	/**
	 * The cadence window of org-life-cadence: the 12 calendar months ending with asOf's
	 * month when asOf is its last day, otherwise with the month before.
	 */
	static final List<YearMonth> WINDOW = window();

	final SplittableRandom random;

	final List<Unit> units = new ArrayList<>();

	final List<Lead> leads = new ArrayList<>();

	final List<Person> people = new ArrayList<>();

	final List<FirstSecretary> firstSecretaries = new ArrayList<>();

	final List<Assistance> assistance = new ArrayList<>();

	final List<Grading> gradings = new ArrayList<>();

	final List<Issue> issues = new ArrayList<>();

	final List<Supervision> supervisions = new ArrayList<>();

	final List<PersonnelEvent> events = new ArrayList<>();

	/** Designated weak units of the current segment per year (软弱涣散). */
	final Map<Integer, Set<Unit>> weak = new HashMap<>();

	private final Set<Unit> weakAny = new HashSet<>();

	/** Persistent units designated weak for the latest year in an earlier segment. */
	private final Set<Unit> weakNowBefore = new HashSet<>();

	/**
	 * Units with an issue, a listing or a role in assistance: gaps that could interact
	 * are not planted there.
	 */
	final Set<Unit> busy = new LinkedHashSet<>();

	/** Units where a gap is planted, with their parents and children. */
	final Set<Unit> touched = new LinkedHashSet<>();

	/** Currently assisted units per assistant id (lookup only). */
	final Map<String, Integer> currentlyAssisting = new HashMap<>();

	/** Provincial party groups, dispatchers of first secretaries. */
	final List<Unit> partyGroups = new ArrayList<>();

	Unit workCommittee;

	Unit commission;

	/** Ids of the persistent units. */
	final Set<String> persistentIds = new HashSet<>();

	/** Units of earlier segments (indexes continue across segments). */
	private int unitsBefore;

	private int personSeq;

	private int issueSeq;

	private int supervisionSeq;

	private static List<YearMonth> window() {
		YearMonth month = YearMonth.from(AS_OF);
		YearMonth end = AS_OF.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = end.minusMonths(11); !m.isAfter(end); m = m.plusMonths(1)) {
			months.add(m);
		}
		return List.copyOf(months);
	}

	Province(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** The number of units made so far, in this and earlier segments. */
	int unitCount() {
		return this.unitsBefore + this.units.size();
	}

	/**
	 * Drops the current segment once it is written: its units, people and records. Of the
	 * lookup sets only the persistent units are kept, so that the organ system stays
	 * busy, touched or weak for later segments.
	 */
	void endSegment() {
		this.unitsBefore += this.units.size();
		this.units.clear();
		this.leads.clear();
		this.people.clear();
		this.firstSecretaries.clear();
		this.assistance.clear();
		this.gradings.clear();
		this.issues.clear();
		this.supervisions.clear();
		this.events.clear();
		for (Unit u : weak(YEAR)) {
			if (u.persistent) {
				this.weakNowBefore.add(u);
			}
		}
		this.weak.clear();
		this.weakAny.removeIf((u) -> !u.persistent);
		this.busy.removeIf((u) -> !u.persistent);
		this.touched.removeIf((u) -> !u.persistent);
		this.currentlyAssisting.keySet().removeIf((id) -> !this.persistentIds.contains(id));
	}

	/** Marks every unit made so far (the organ system) as persistent. */
	void persist() {
		for (Unit u : this.units) {
			u.persistent = true;
			this.persistentIds.add(u.id);
		}
	}

	/**
	 * Whether a unit is designated weak for the latest year, in this or an earlier
	 * segment.
	 */
	boolean weakNow(Unit u) {
		return weak(YEAR).contains(u) || this.weakNowBefore.contains(u);
	}

	Unit unit(String id, String name, UnitKind kind, Unit parent, Sector sector, String region) {
		Unit u = new Unit(unitCount(), id, name, kind, parent, sector, region);
		this.units.add(u);
		return u;
	}

	void lead(Unit leader, Unit unit, LeadKind kind) {
		this.leads.add(new Lead(leader, unit, kind));
		if (kind == LeadKind.DUAL) {
			unit.duals.add(leader);
			leader.dualChildren.add(unit);
		}
	}

	/** Removes a leading edge other than the primary one. */
	void unlead(Unit leader, Unit unit, LeadKind kind) {
		this.leads.removeIf((l) -> l.leader() == leader && l.unit() == unit && l.kind() == kind);
		if (kind == LeadKind.DUAL) {
			unit.duals.remove(leader);
			leader.dualChildren.remove(unit);
		}
	}

	Person person(Unit home, String title) {
		this.personSeq++;
		Person p = new Person(id('p', this.personSeq, 6), Names.person(this.random), home, title);
		this.people.add(p);
		return p;
	}

	Post post(Unit unit, String suffix, PostKind kind, String title, Set<DutyDomain> domains) {
		Post p = new Post(unit.id + "." + suffix, unit, kind, title, domains);
		unit.posts.add(p);
		return p;
	}

	Appointment appoint(Person person, Post post, LocalDate since, LocalDate until) {
		Appointment a = new Appointment(person, post, since, until);
		post.appointments.add(a);
		person.posts++;
		return a;
	}

	String nextIssueId() {
		this.issueSeq++;
		return id('i', this.issueSeq, 5);
	}

	String nextSupervisionId() {
		this.supervisionSeq++;
		return id('s', this.supervisionSeq, 4);
	}

	/** The designated units of a year (read only: add with {@link #designate}). */
	Set<Unit> weak(int year) {
		return this.weak.computeIfAbsent(year, (y) -> new LinkedHashSet<>());
	}

	void designate(int year, Unit u) {
		weak(year).add(u);
		this.weakAny.add(u);
	}

	boolean weakAnyYear(Unit u) {
		return this.weakAny.contains(u);
	}

	/** A sequential id: a letter and a zero-padded number. */
	static String id(char prefix, int n, int width) {
		String digits = Integer.toString(n);
		StringBuilder b = new StringBuilder(width + 1).append(prefix);
		for (int i = digits.length(); i < width; i++) {
			b.append('0');
		}
		return b.append(digits).toString();
	}

	/**
	 * Free for a planted gap: no issue, listing, assistance role or weakness, and nothing
	 * planted nearby.
	 */
	boolean free(Unit u) {
		return !this.busy.contains(u) && !this.touched.contains(u) && !weakAnyYear(u);
	}

	/** Marks a unit, its parent and its children as used by a planted gap. */
	void touch(Unit u) {
		this.touched.add(u);
		if (u.parent != null) {
			this.touched.add(u.parent);
		}
		this.touched.addAll(u.children);
		this.touched.addAll(u.dualChildren);
		this.touched.addAll(u.duals);
	}

	int nextInt(int from, int toInclusive) {
		return from + this.random.nextInt(toInclusive - from + 1);
	}

	LocalDate date(LocalDate from, LocalDate toInclusive) {
		long days = toInclusive.toEpochDay() - from.toEpochDay();
		return from.plusDays((days <= 0) ? 0 : this.random.nextLong(days + 1));
	}

	<T> void shuffle(List<T> list) {
		for (int i = list.size() - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			T t = list.get(i);
			list.set(i, list.get(j));
			list.set(j, t);
		}
	}

}
