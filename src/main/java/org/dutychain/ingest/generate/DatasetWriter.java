package org.dutychain.ingest.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.dutychain.duty.Cadence;
import org.dutychain.duty.DutyDomain;
import org.dutychain.ingest.generate.DutyLists.Duty;
import org.dutychain.ingest.generate.Model.Appointment;
import org.dutychain.ingest.generate.Model.Assistance;
import org.dutychain.ingest.generate.Model.FirstSecretary;
import org.dutychain.ingest.generate.Model.Grading;
import org.dutychain.ingest.generate.Model.Issue;
import org.dutychain.ingest.generate.Model.Lead;
import org.dutychain.ingest.generate.Model.Person;
import org.dutychain.ingest.generate.Model.PersonnelEvent;
import org.dutychain.ingest.generate.Model.Post;
import org.dutychain.ingest.generate.Model.PostKind;
import org.dutychain.ingest.generate.Model.Supervision;
import org.dutychain.ingest.generate.Model.Unit;
import org.dutychain.organization.UnitKind;
import org.dutychain.people.ResponsibilityKind;
import org.dutychain.record.ActivityKind;
import org.dutychain.record.ActivitySubkind;
import org.dutychain.record.FirstSecretaryKind;
import org.dutychain.record.DatasetFormat;

/**
 * Writes a {@link Province} as a dataset folder, segment by segment: every file stays
 * open from {@link #open} to {@link #close} and each {@link #segment} appends the rows of
 * the units, people and records in memory; duties and activities are derived and streamed
 * unit by unit.
 */
final class DatasetWriter {

	/** Expected yearly weighted activity per unit kind (design.md section 5). */
	static final Map<UnitKind, Double> EXPECTED = new EnumMap<>(UnitKind.class);

	/** Pressure weight per activity kind (design.md section 5). */
	static final Map<ActivityKind, Double> WEIGHTS = new EnumMap<>(ActivityKind.class);

	static {
		for (UnitKind k : UnitKind.values()) {
			EXPECTED.put(k, 24.0);
		}
		EXPECTED.put(UnitKind.ORGAN_WORK_COMMITTEE, 48.0);
		EXPECTED.put(UnitKind.LEADING_PARTY_GROUP, 36.0);
		EXPECTED.put(UnitKind.PARTY_COMMITTEE, 36.0);
		EXPECTED.put(UnitKind.ORGAN_PARTY_COMMITTEE, 36.0);
		EXPECTED.put(UnitKind.GENERAL_BRANCH, 30.0);
		EXPECTED.put(UnitKind.PARTY_CELL, 12.0);
		for (ActivityKind k : ActivityKind.values()) {
			WEIGHTS.put(k, 1.0);
		}
		WEIGHTS.put(ActivityKind.OTHER, 0.5);
		WEIGHTS.put(ActivityKind.CHECK, 2.0);
		WEIGHTS.put(ActivityKind.DUTY_REVIEW, 2.0);
		WEIGHTS.put(ActivityKind.ADMONITION, 2.0);
	}

	private static final String[] DOMAIN_TEXT = { "落实“第一议题”制度，把党的政治建设摆在首位", "开展理论学习中心组学习和党员集中学习",
			"推进党组织标准化规范化建设，落实“三会一课”", "抓好党员教育管理监督和发展党员工作", "推进全面从严治党，加强党风廉政建设和作风建设", "支持工会、共青团、妇委会等群团组织开展工作",
			"开展对下级党组织履行党建责任的督促检查", "保障党建工作经费、活动阵地和党务干部配备" };

	private static final Cadence[] CADENCE = { Cadence.YEARLY, Cadence.MONTHLY, Cadence.QUARTERLY, Cadence.MONTHLY,
			Cadence.QUARTERLY, Cadence.QUARTERLY, Cadence.QUARTERLY, Cadence.YEARLY };

	private static final ActivityKind[] OWN_KINDS = { ActivityKind.MEETING, ActivityKind.STUDY, ActivityKind.STUDY,
			ActivityKind.TALK, ActivityKind.TRAINING, ActivityKind.REPORT, ActivityKind.DUTY_REVIEW,
			ActivityKind.OTHER };

	/** The kinds of MEETINGS_ONLY: meetings, reports, study and documents. */
	static final Set<ActivityKind> MEETING_LIKE = Set.of(ActivityKind.MEETING, ActivityKind.REPORT, ActivityKind.STUDY,
			ActivityKind.OTHER);

	private static final ActivityKind[] MEETING_KINDS = { ActivityKind.MEETING, ActivityKind.REPORT,
			ActivityKind.OTHER };

	private static final ActivityKind[] CELL_KINDS = { ActivityKind.STUDY, ActivityKind.MEETING, ActivityKind.TALK };

	private static final ActivityKind[] DOWNWARD_KINDS = { ActivityKind.CHECK, ActivityKind.TALK,
			ActivityKind.DUTY_REVIEW, ActivityKind.TRAINING };

	private final Province p;

	private final long seed;

	private final Path out;

	private final Map<String, Integer> counts = new LinkedHashMap<>();

	/** The files, open from {@link #open} to {@link #close}, in the order of counts. */
	private final Map<DatasetFormat.FileFormat, CsvFile> files = new LinkedHashMap<>();

	/** The last activity number written (ids continue across segments). */
	private int activitySeq;

	/** Village-stationed first secretaries by unit (built on first use per segment). */
	private Map<Unit, List<FirstSecretary>> stationed;

	DatasetWriter(Province province, long seed, Path out) {
		this.p = province;
		this.seed = seed;
		this.out = out;
	}

	/**
	 * Writes {@code dataset.properties} and opens every file, with its header (post kinds
	 * complete).
	 */
	void open(String name) {
		try {
			Files.createDirectories(this.out);
			Files.writeString(this.out.resolve("dataset.properties"),
					"name=" + name + "\nas_of=" + Province.AS_OF + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (DatasetFormat.FileFormat format : List.of(DatasetFormat.UNITS, DatasetFormat.LEADERSHIP,
				DatasetFormat.POST_KINDS, DatasetFormat.PEOPLE, DatasetFormat.POSTS, DatasetFormat.APPOINTMENTS,
				DatasetFormat.DUTIES, DatasetFormat.FIRST_SECRETARIES, DatasetFormat.ASSISTANCE,
				DatasetFormat.ACTIVITIES, DatasetFormat.GRADINGS, DatasetFormat.ISSUES, DatasetFormat.SUPERVISIONS,
				DatasetFormat.PERSONNEL_EVENTS, DatasetFormat.MEASURES)) {
			this.files.put(format, new CsvFile(this.out, format));
		}
		postKinds();
	}

	/**
	 * Appends the current segment of the province (its units, people and records) to the
	 * open files.
	 */
	void segment() {
		this.stationed = null;
		units();
		leadership();
		people();
		posts();
		appointments();
		duties();
		firstSecretaries();
		assistance();
		activities();
		gradings();
		issues();
		supervisions();
		events();
	}

	/** Closes every file and returns the row counts. */
	Map<String, Integer> close() {
		// the ledger starts empty: measures are added in the tool (issue 12)
		this.files.forEach((format, file) -> {
			file.close();
			this.counts.put(format.name(), file.rows());
		});
		return this.counts;
	}

	private CsvFile file(DatasetFormat.FileFormat format) {
		return this.files.get(format);
	}

	private void units() {
		CsvFile f = file(DatasetFormat.UNITS);
		for (Unit u : this.p.units) {
			f.row(u.id, u.name, u.kind.name(), (u.parent != null) ? u.parent.id : null, u.sector.name(), u.region,
					(u.members > 0) ? u.members : null, u.staff, u.hostUnits);
		}
	}

	private void leadership() {
		CsvFile f = file(DatasetFormat.LEADERSHIP);
		for (Lead l : this.p.leads) {
			f.row(l.leader().id, l.unit().id, l.kind().name());
		}
	}

	private void postKinds() {
		CsvFile f = file(DatasetFormat.POST_KINDS);
		for (PostKind k : PostKind.values()) {
			String required = k.requiredIn.stream().map(Enum::name).collect(Collectors.joining(";"));
			f.row(k.name(), k.zh, k.responsibility.name(), required.isEmpty() ? null : required,
					(k.domains == null) ? "ALL" : domains(k.domains));
		}
	}

	private static String domains(Set<DutyDomain> domains) {
		return domains.stream().map(Enum::name).collect(Collectors.joining(";"));
	}

	private void people() {
		CsvFile f = file(DatasetFormat.PEOPLE);
		for (Person person : this.p.people) {
			f.row(person.id, person.name, (person.home != null) ? person.home.id : null, person.title);
		}
	}

	private void posts() {
		CsvFile f = file(DatasetFormat.POSTS);
		for (Unit u : this.p.units) {
			for (Post post : u.posts) {
				f.row(post.id, u.id, post.kind.name(), post.title,
						(post.domains == null) ? null : domains(post.domains));
			}
		}
	}

	private void appointments() {
		CsvFile f = file(DatasetFormat.APPOINTMENTS);
		for (Unit u : this.p.units) {
			for (Post post : u.posts) {
				for (Appointment a : post.appointments) {
					f.row(a.person.id, post.id, a.since, a.until);
				}
			}
		}
	}

	private void duties() {
		CsvFile f = file(DatasetFormat.DUTIES);
		DutyLists lists = new DutyLists();
		for (Unit u : this.p.units) {
			if (!DutyLists.hasLists(u)) {
				continue;
			}
			String verb = verb(u);
			for (Duty d : lists.duties(u)) {
				String text = (d.post() == null) ? verb + DOMAIN_TEXT[d.domain().ordinal()]
						: d.post().title
								+ (d.post().kind.responsibility.name().equals("PRINCIPAL") ? "履行第一责任人职责，" : "：")
								+ DOMAIN_TEXT[d.domain().ordinal()];
				Cadence cadence = CADENCE[d.domain().ordinal()];
				LocalDate due = (d.post() == null && cadence == Cadence.YEARLY) ? LocalDate.of(2025, 12, 31) : null;
				f.row(d.id(), u.id, (d.post() != null) ? d.post().id : null, d.domain().name(), text, d.derivedFrom(),
						cadence.name(), due, null);
			}
		}
	}

	private static String verb(Unit u) {
		return switch (u.level()) {
			case 1 -> "统筹";
			case 2 -> "领导";
			case 3 -> "组织";
			default -> "具体";
		};
	}

	private void firstSecretaries() {
		CsvFile f = file(DatasetFormat.FIRST_SECRETARIES);
		for (FirstSecretary fs : this.p.firstSecretaries) {
			f.row(fs.person().id, fs.unit().id, fs.kind().name(),
					(fs.dispatchedBy() != null) ? fs.dispatchedBy().id : null, fs.since(), fs.until());
		}
	}

	private void assistance() {
		CsvFile f = file(DatasetFormat.ASSISTANCE);
		for (Assistance a : this.p.assistance) {
			f.row(a.assistantId, a.unit.id, a.level.name(), a.since, a.until);
		}
	}

	/**
	 * A year of activities per unit, weighted to 0.75–1.4 of the expected count, fading
	 * with depth, with checks aimed at the children of every unit that has some; a unit
	 * with a planted pressure gets that share of its expected count (more only if its
	 * routine calendar already exceeds it) and one talk with a child.
	 */
	private void activities() {
		CsvFile f = file(DatasetFormat.ACTIVITIES);
		int seq = this.activitySeq;
		for (Unit u : this.p.units) {
			if (u.noActivities) {
				continue;
			}
			SplittableRandom r = new SplittableRandom(this.seed * 1_000_003L + u.index);
			double factor = Math.max(0.8, 1.3 - 0.1 * (u.level() - 1)) * (0.97 + 0.12 * r.nextDouble());
			// a planted warm or cold unit (HOT_TOP_COLD_BOTTOM) is drawn to its pressure
			// closely: one talk with a child, single activities
			boolean planted = u.pressure != null;
			if (planted) {
				factor = u.pressure;
			}
			double target = EXPECTED.get(u.kind) * factor;
			double sum = 0;
			for (Object[] row : calendar(u, r)) {
				if (row[1] instanceof ActivitySubkind subkind) {
					f.row(Province.id('a', ++seq, 7), u.id, subkind.kind().name(), row[0], 1, null, null,
							subkind.name());
					sum += WEIGHTS.get(subkind.kind());
				}
				else {
					ActivityKind kind = (ActivityKind) row[1];
					f.row(Province.id('a', ++seq, 7), u.id, kind.name(), row[0], 1, null, row[2], null);
					sum += WEIGHTS.get(kind);
				}
			}
			// a unit left unevaluated (EVALUATION_GAP) gets no check from above at all
			List<Unit> children = u.allChildren().stream().filter((c) -> !c.notEvaluated).toList();
			boolean lists = DutyLists.hasLists(u) && !u.noTeamList;
			if (!children.isEmpty() && !u.noDownward && planted) {
				String duty = lists ? DutyIds.team(u, 0, DutyDomain.SUPERVISION_CHECK) : null;
				Unit child = children.get(r.nextInt(children.size()));
				f.row(Province.id('a', ++seq, 7), u.id, ActivityKind.TALK.name(), day(r), 1, duty, child.id, null);
				sum += WEIGHTS.get(ActivityKind.TALK);
			}
			else if (!children.isEmpty() && !u.noDownward) {
				int aimed = 1 + r.nextInt(Math.min(3, children.size()));
				for (int i = 0; i < aimed; i++) {
					ActivityKind kind = (i == 0) ? ActivityKind.CHECK
							: DOWNWARD_KINDS[r.nextInt(DOWNWARD_KINDS.length)];
					int count = 1 + r.nextInt(2);
					Unit child = children.get(r.nextInt(children.size()));
					String duty = lists ? DutyIds.team(u, 0, DutyDomain.SUPERVISION_CHECK) : null;
					f.row(Province.id('a', ++seq, 7), u.id, kind.name(), day(r), count, duty, child.id, null);
					sum += WEIGHTS.get(kind) * count;
				}
			}
			if (u.meetingsOnly != null && lists) {
				// a duty carried out by meetings and documents only (用会议落实会议)
				int meetings = 3 + r.nextInt(3);
				for (int i = 0; i < meetings; i++) {
					ActivityKind kind = MEETING_KINDS[r.nextInt(MEETING_KINDS.length)];
					f.row(Province.id('a', ++seq, 7), u.id, kind.name(), day(r), 1, DutyIds.team(u, 0, u.meetingsOnly),
							null, null);
					sum += WEIGHTS.get(kind);
				}
			}
			ActivityKind[] kinds = (u.kind == UnitKind.PARTY_CELL) ? CELL_KINDS : OWN_KINDS;
			while (sum < target) {
				ActivityKind kind = kinds[r.nextInt(kinds.length)];
				int count = planted ? 1 : 1 + r.nextInt(4);
				String duty = null;
				if (lists && r.nextInt(10) < 4) {
					// meetings, reports, study and documents are linked to the theory
					// duty (study
					// is the work there); a duty of another domain is carried out by
					// checks,
					// talks, training and reviews
					DutyDomain domain = MEETING_LIKE.contains(kind) ? DutyDomain.THEORY
							: DutyDomain.values()[r.nextInt(DutyDomain.values().length)];
					duty = (domain == u.meetingsOnly) ? null : DutyIds.team(u, 0, domain);
				}
				f.row(Province.id('a', ++seq, 7), u.id, kind.name(), day(r), count, duty, null, null);
				sum += WEIGHTS.get(kind) * count;
			}
		}
		this.activitySeq = seq;
	}

	/**
	 * The routine calendar of a unit over the cadence window (the 12 months ending with
	 * asOf's month, or the month before when asOf is not a month's last day), as (date,
	 * subkind) rows: for a branch or joint branch a monthly 支委会 when it has a committee
	 * (a post besides the secretary's, or at least 7 members), a quarterly 党员大会 and 党课, a
	 * yearly 组织生活会 and 民主评议党员; for a party cell a monthly 党小组会; for a village with a
	 * stationed first secretary a 月初工作计划 and 月末履职台账 for every whole month of the posting.
	 */
	private List<Object[]> calendar(Unit u, SplittableRandom r) {
		List<Object[]> rows = new ArrayList<>();
		YearMonth asOf = YearMonth.from(Province.AS_OF);
		YearMonth end = Province.AS_OF.equals(asOf.atEndOfMonth()) ? asOf : asOf.minusMonths(1);
		YearMonth start = end.minusMonths(11);
		if (u.kind == UnitKind.BRANCH || u.kind == UnitKind.JOINT_BRANCH) {
			boolean committee = u.members >= 7
					|| u.posts.stream().anyMatch((post) -> post.kind.responsibility != ResponsibilityKind.PRINCIPAL);
			for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
				if (committee) {
					routine(rows, u, m, m.atDay(3 + r.nextInt(8)), ActivitySubkind.BRANCH_COMMITTEE_MEETING);
				}
				if (m.getMonthValue() % 3 == 2) {
					routine(rows, u, m, m.atDay(12 + r.nextInt(10)), ActivitySubkind.MEMBERS_MEETING);
					routine(rows, u, m, m.atDay(12 + r.nextInt(10)), ActivitySubkind.PARTY_LECTURE);
				}
				if (m.getMonthValue() == 1) {
					routine(rows, u, m, m.atDay(15 + r.nextInt(10)), ActivitySubkind.ORG_LIFE_MEETING);
					routine(rows, u, m, m.atDay(15 + r.nextInt(10)), ActivitySubkind.DEMOCRATIC_REVIEW);
				}
			}
		}
		else if (u.kind == UnitKind.ORGAN_WORK_COMMITTEE) {
			// 每半年到机关各单位调研评估: a check of every party group and committee it leads, each
			// half-year
			for (Unit c : u.children) {
				if (c.kind == UnitKind.LEADING_PARTY_GROUP || c.kind == UnitKind.PARTY_COMMITTEE
						|| c.kind == UnitKind.ORGAN_PARTY_COMMITTEE) {
					for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
						if ((m.getMonthValue() == 10 || m.getMonthValue() == 4) && !c.notEvaluated) {
							rows.add(new Object[] { m.atDay(5 + r.nextInt(20)), ActivityKind.CHECK, c.id });
						}
					}
				}
			}
		}
		else if (u.kind == UnitKind.STATIONED_DISCIPLINE_TEAM) {
			// the party group hears its stationed team: the team reports to the unit it
			// supervises
			for (Model.Lead lead : this.p.leads) {
				if (lead.leader() == u && lead.kind() == org.dutychain.organization.LeadKind.DISCIPLINE_SUPERVISION
						&& !u.notHeard) {
					rows.add(new Object[] { Province.AS_OF.minusDays(30 + r.nextInt(200)), ActivityKind.REPORT,
							lead.unit().id });
				}
			}
		}
		else if (u.kind == UnitKind.PARTY_CELL) {
			for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
				routine(rows, u, m, m.atDay(5 + r.nextInt(20)), ActivitySubkind.CELL_MEETING);
			}
		}
		if (this.stationed == null) {
			this.stationed = new java.util.HashMap<>();
			for (FirstSecretary fs : this.p.firstSecretaries) {
				if (fs.kind() == FirstSecretaryKind.VILLAGE_STATIONED) {
					this.stationed.computeIfAbsent(fs.unit(), (k) -> new ArrayList<>()).add(fs);
				}
			}
		}
		for (FirstSecretary fs : this.stationed.getOrDefault(u, List.of())) {
			for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
				boolean whole = !fs.since().isAfter(m.atDay(1))
						&& (fs.until() == null || !fs.until().isBefore(m.atEndOfMonth()));
				if (whole) {
					routine(rows, u, m, m.atDay(1 + r.nextInt(3)), ActivitySubkind.MONTHLY_PLAN);
					routine(rows, u, m, m.atDay(25 + r.nextInt(3)), ActivitySubkind.MONTHLY_LEDGER);
				}
			}
		}
		return rows;
	}

	/**
	 * A routine meeting or report of a month, unless a gap leaves it out (the date is
	 * drawn either way, so that the rest of the unit's calendar stays the same).
	 */
	private static void routine(List<Object[]> rows, Unit u, YearMonth m, LocalDate date, ActivitySubkind subkind) {
		if (!u.skipped.getOrDefault(subkind, Set.of()).contains(m)) {
			rows.add(new Object[] { date, subkind });
		}
	}

	private static LocalDate day(SplittableRandom r) {
		return Province.AS_OF.minusDays(r.nextInt(364));
	}

	private void gradings() {
		CsvFile f = file(DatasetFormat.GRADINGS);
		for (Grading g : this.p.gradings) {
			f.row(g.unit.id, g.year, g.scheme.name(), g.grade, (g.person != null) ? g.person.id : null, g.problems);
		}
	}

	private void issues() {
		CsvFile f = file(DatasetFormat.ISSUES);
		for (Issue i : this.p.issues) {
			f.row(i.id(), i.unit().id, i.domain().name(), i.title(), i.foundOn(), i.source(), i.severity(),
					i.status().name(), i.due(), i.dutyId(), null, null);
		}
	}

	private void supervisions() {
		CsvFile f = file(DatasetFormat.SUPERVISIONS);
		for (Supervision s : this.p.supervisions) {
			f.row(s.id(), s.unit().id, s.listedBy().id, s.listedOn(), s.deadline(), s.stage().name(),
					(s.outcome() != null) ? s.outcome().name() : null, s.outcomeOn());
		}
	}

	private void events() {
		CsvFile f = file(DatasetFormat.PERSONNEL_EVENTS);
		for (PersonnelEvent e : this.p.events) {
			f.row(e.person().id, e.date(), e.kind().name(), e.reason());
		}
	}

}
