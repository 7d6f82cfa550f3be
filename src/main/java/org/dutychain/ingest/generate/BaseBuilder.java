package org.dutychain.ingest.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.dutychain.record.AssistanceLevel;
import org.dutychain.record.FirstSecretaryKind;
import org.dutychain.record.GradingScheme;
import org.dutychain.record.IssueStatus;
import org.dutychain.record.PersonnelEventKind;
import org.dutychain.record.SupervisionOutcome;
import org.dutychain.record.SupervisionStage;

/**
 * Builds the clean base: a province's organ system under its organ work committee, the
 * discipline side, and county slices with townships and villages, staffed, graded and
 * assisted so that no planted code fires. Built segment by segment
 * ({@link #nextSegment}): the organ system in the first, then whole counties; the records
 * (weak designations, gradings, assistance, listings, issues) are made for the units of
 * the segment only.
 */
final class BaseBuilder {

	static final Set<DutyDomain> ORG_EDU = EnumSet.of(DutyDomain.ORGANIZATION, DutyDomain.MEMBER_EDUCATION);

	static final Set<DutyDomain> POL_THEORY = EnumSet.of(DutyDomain.POLITICAL, DutyDomain.THEORY);

	static final Set<DutyDomain> MASS_SUPPORT = EnumSet.of(DutyDomain.MASS_ORGS, DutyDomain.SUPPORT);

	static final Set<DutyDomain> DISC_CHECK = EnumSet.of(DutyDomain.DISCIPLINE, DutyDomain.SUPERVISION_CHECK);

	static final Set<UnitKind> GRASSROOTS = EnumSet.of(UnitKind.ORGAN_PARTY_COMMITTEE, UnitKind.PARTY_COMMITTEE,
			UnitKind.GENERAL_BRANCH, UnitKind.BRANCH, UnitKind.JOINT_BRANCH);

	/** Sector quotas of weak designation (design.md section 3). */
	static final Map<Sector, Double> QUOTAS = new LinkedHashMap<>();

	static {
		QUOTAS.put(Sector.VILLAGE, 0.15);
		QUOTAS.put(Sector.COMMUNITY, 0.10);
		QUOTAS.put(Sector.STATE_ENTERPRISE, 0.05);
		QUOTAS.put(Sector.NON_PUBLIC_ENTERPRISE, 0.05);
		QUOTAS.put(Sector.ORGAN, 0.05);
		QUOTAS.put(Sector.INSTITUTION, 0.05);
	}

	private static final LocalDate EARLIEST_START = LocalDate.of(2019, 1, 1);

	private static final LocalDate LATEST_START = LocalDate.of(2025, 3, 31);

	private final Province p;

	private final int target;

	private final List<Unit> organBranches = new ArrayList<>();

	private final int segmentUnits;

	private final Map<String, List<Person>> assistantPools = new LinkedHashMap<>();

	/** Where the round over the organ branches stands, per year. */
	private final Map<Integer, Integer> poolCursors = new HashMap<>();

	/** Assignments per assistant id, per year: they span segments. */
	private final Map<Integer, Map<String, Integer>> yearCounts = new HashMap<>();

	private int poolCursor;

	private Map<String, Integer> yearCount = new HashMap<>();

	private int county;

	private boolean first = true;

	/**
	 * A builder that starts no new county in a segment of {@code segmentUnits} units or
	 * more: a segment has fewer than that plus one county's units (the first: or the
	 * organ system's, when it alone is bigger).
	 */
	BaseBuilder(Province province, int target, int segmentUnits) {
		this.p = province;
		this.target = target;
		this.segmentUnits = segmentUnits;
	}

	/**
	 * Builds, staffs and grades the next segment: the first one has the organ system,
	 * then whole counties until the segment has at least {@code segmentUnits} units or
	 * the dataset has its target. Returns false when the target was reached before.
	 */
	boolean nextSegment() {
		if (this.first) {
			buildOrganSystem();
			this.p.persist();
		}
		else if (this.p.unitCount() >= this.target - 6) {
			return false;
		}
		while (this.p.unitCount() < this.target - 6 && this.p.units.size() < this.segmentUnits) {
			this.county++;
			buildCounty(this.county);
		}
		staffAndGrade();
		this.first = false;
		return true;
	}

	/**
	 * Forgets what only the segment just written needs: the assistant pools of its
	 * counties and their yearly counts (the organ system's are kept, so that an organ
	 * branch co-builds at most three units a year and a pooled assistant assists at most
	 * two over all segments).
	 */
	void endSegment() {
		this.assistantPools.values().removeIf((pool) -> !pool.get(0).home.persistent);
		java.util.Set<String> kept = new java.util.HashSet<>(this.p.persistentIds);
		for (List<Person> pool : this.assistantPools.values()) {
			for (Person person : pool) {
				kept.add(person.id);
			}
		}
		for (Map<String, Integer> counts : this.yearCounts.values()) {
			counts.keySet().removeIf((id) -> !kept.contains(id));
		}
	}

	// ---------------------------------------------------------------- structure

	private void buildOrganSystem() {
		Unit wc = this.p.unit("wc", "省直机关工委", UnitKind.ORGAN_WORK_COMMITTEE, null, Sector.ORGAN, "省直机关");
		this.p.workCommittee = wc;
		Post s = this.p.post(wc, "sj", PostKind.SECRETARY, "书记", null);
		Post d = this.p.post(wc, "fsj", PostKind.DEPUTY_SECRETARY, "常务副书记", null);
		Post z = this.p.post(wc, "zz", PostKind.MEMBER_IN_CHARGE, "分管组织工作的副书记", ORG_EDU);
		Post x = this.p.post(wc, "xc", PostKind.MEMBER_IN_CHARGE, "分管宣传工作的委员", POL_THEORY);
		Post q = this.p.post(wc, "qt", PostKind.MEMBER_IN_CHARGE, "分管群团工作的委员", MASS_SUPPORT);
		Post w = this.p.post(wc, "wy", PostKind.TEAM_MEMBER, "委员", DISC_CHECK);
		staff(s, d, z, x, q, w);
		Unit jw = this.p.unit("jw", "省纪委监委", UnitKind.DISCIPLINE_COMMISSION, null, Sector.ORGAN, "省直机关");
		this.p.commission = jw;
		staff(this.p.post(jw, "sj", PostKind.DISCIPLINE_SECRETARY, "书记", null),
				this.p.post(jw, "cw", PostKind.TEAM_MEMBER, "常委", DISC_CHECK));
		Unit jgw = this.p.unit("jgw", "省直机关纪检监察工委", UnitKind.DISCIPLINE_WORK_COMMITTEE, jw, Sector.ORGAN, "省直机关");
		this.p.lead(wc, jgw, LeadKind.DUAL);
		staff(this.p.post(jgw, "sj", PostKind.DISCIPLINE_SECRETARY, "书记", null),
				this.p.post(jgw, "fsj", PostKind.TEAM_MEMBER, "副书记", DISC_CHECK));
		int departments = Math.max(2, Math.min(Names.DEPARTMENTS.size(), this.target / 50));
		int organMembers = 0;
		for (int i = 0; i < departments; i++) {
			organMembers += buildDepartment(Names.DEPARTMENTS.get(i), wc, jw, jgw);
		}
		wc.members = organMembers;
	}

	private int buildDepartment(String[] department, Unit wc, Unit jw, Unit jgw) {
		String dn = department[0];
		String c = department[1];
		String region = "省直机关";
		Unit pg = this.p.unit(c, dn + "党组", UnitKind.LEADING_PARTY_GROUP, wc, Sector.ORGAN, region);
		this.p.partyGroups.add(pg);
		Unit opc = this.p.unit(c + "-jgdw", dn + "机关党委", UnitKind.ORGAN_PARTY_COMMITTEE, pg, Sector.ORGAN, region);
		this.p.lead(wc, opc, LeadKind.DUAL);
		Unit odc = this.p.unit(c + "-jgjw", dn + "机关纪委", UnitKind.ORGAN_DISCIPLINE_COMMITTEE, jgw, Sector.ORGAN,
				region);
		this.p.lead(opc, odc, LeadKind.DUAL);
		Unit sdt = this.p.unit(c + "-pz", "省纪委监委驻" + dn + "纪检监察组", UnitKind.STATIONED_DISCIPLINE_TEAM, jw, Sector.ORGAN,
				region);
		this.p.lead(sdt, pg, LeadKind.DISCIPLINE_SUPERVISION);

		// party group and organ committees, with the usual concurrent posts (兼任)
		Post pgs = this.p.post(pg, "sj", PostKind.SECRETARY, "党组书记", null);
		Post pgz = this.p.post(pg, "zz", PostKind.MEMBER_IN_CHARGE, "分管机关党建的党组成员", ORG_EDU);
		Post pgw1 = this.p.post(pg, "wy1", PostKind.TEAM_MEMBER, "党组成员", POL_THEORY);
		Post pgw2 = this.p.post(pg, "wy2", PostKind.TEAM_MEMBER, "党组成员", MASS_SUPPORT);
		staff(pgs, pgz, pgw1, pgw2);
		Post ops = this.p.post(opc, "sj", PostKind.SECRETARY, "机关党委书记", null);
		this.p.appoint(pgz.current().person, ops, pgz.current().since, null);
		Post opd = this.p.post(opc, "fsj", PostKind.DEPUTY_SECRETARY, "机关党委专职副书记", null);
		Post opw = this.p.post(opc, "wy", PostKind.TEAM_MEMBER, "机关党委委员", ORG_EDU);
		Post opj = this.p.post(opc, "jw", PostKind.DISCIPLINE_SECRETARY, "机关纪委书记", null);
		staff(opd, opw, opj);
		Post ods = this.p.post(odc, "sj", PostKind.DISCIPLINE_SECRETARY, "机关纪委书记", null);
		this.p.appoint(opj.current().person, ods, opj.current().since, null);
		staff(this.p.post(odc, "wy", PostKind.TEAM_MEMBER, "机关纪委委员", DISC_CHECK));
		staff(this.p.post(sdt, "zz", PostKind.DISCIPLINE_SECRETARY, "组长", null),
				this.p.post(sdt, "fzz", PostKind.TEAM_MEMBER, "副组长", DISC_CHECK));

		// branches of the divisions, general branches with their own branches, party
		// cells
		int members = 0;
		int branches = this.p.nextInt(5, 12);
		List<String> divisions = new ArrayList<>(Names.DIVISIONS);
		this.p.shuffle(divisions);
		List<Unit> made = new ArrayList<>();
		for (int i = 0; i < branches; i++) {
			String name = dn + divisions.get(i % divisions.size()) + ((i >= divisions.size()) ? (i + 1) : "") + "党支部";
			Unit b = branch(c + "-z" + pad2(i + 1), name, opc, Sector.ORGAN, region, this.p.nextInt(5, 40));
			this.organBranches.add(b);
			made.add(b);
			members += b.members;
		}
		placeLeaders(pg, made);
		int generals = this.p.random.nextInt(3);
		for (int g = 1; g <= generals; g++) {
			String gid = c + "-zz" + g;
			Unit gb = this.p.unit(gid, dn + Names.GENERAL_BRANCHES.get((g - 1 + generals) % 5) + "党总支",
					UnitKind.GENERAL_BRANCH, opc, Sector.ORGAN, region);
			staff(this.p.post(gb, "sj", PostKind.SECRETARY, "总支书记", null),
					this.p.post(gb, "wy", PostKind.TEAM_MEMBER, "组织委员", ORG_EDU));
			gb.members = fillGeneralBranch(gb, gid, gb.name.replace("党总支", ""), Sector.ORGAN, region);
			members += gb.members;
		}
		opc.members = members;
		opc.staff = members + this.p.nextInt(10, 60);
		pg.members = members + this.p.nextInt(0, 6);
		pg.staff = opc.staff;
		return pg.members;
	}

	/**
	 * The party group's members are organized in the branches of the department's
	 * divisions, two or three of them; each such branch has one of them as its organ
	 * first secretary (班子成员担任所在党支部"第一书记", Nantong).
	 */
	private void placeLeaders(Unit pg, List<Unit> branches) {
		int used = Math.min(branches.size(), this.p.nextInt(2, 3));
		int i = 0;
		Map<Unit, Person> first = new LinkedHashMap<>();
		for (Post post : pg.posts) {
			Appointment current = post.current();
			if (current == null) {
				continue;
			}
			Unit branch = branches.get(i++ % used);
			current.person.home = branch;
			first.putIfAbsent(branch, current.person);
		}
		first.forEach((branch, person) -> this.p.firstSecretaries
			.add(new FirstSecretary(person, branch, FirstSecretaryKind.ORGAN_EMBEDDED, pg, sinceOf(person, pg), null)));
	}

	private static LocalDate sinceOf(Person person, Unit pg) {
		for (Post post : pg.posts) {
			Appointment current = post.current();
			if (current != null && current.person == person) {
				return current.since;
			}
		}
		throw new IllegalStateException(person.id + " holds no post at " + pg.id);
	}

	/**
	 * Two to four branches of 15 to 33 members, summing to 50 to 99 (a general branch).
	 */
	private int fillGeneralBranch(Unit gb, String gid, String stem, Sector sector, String region) {
		int count = this.p.nextInt(2, 4);
		int sum = 0;
		String[] ordinals = { "第一", "第二", "第三", "第四" };
		List<Unit> made = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Unit b = branch(gid + "-z" + (i + 1), stem + ordinals[i] + "党支部", gb, sector, region,
					this.p.nextInt(15, 33));
			made.add(b);
			sum += b.members;
		}
		for (int i = 0; sum < 50; i++, sum++) {
			made.get(i % made.size()).members++;
		}
		return Math.min(sum, 99);
	}

	private Unit branch(String id, String name, Unit parent, Sector sector, String region, int members) {
		Unit b = this.p.unit(id, name, UnitKind.BRANCH, parent, sector, region);
		b.members = members;
		staffBranch(b);
		if (members >= 15 && this.p.random.nextInt(5) == 0) {
			int cells = this.p.nextInt(2, 3);
			String[] ordinals = { "第一", "第二", "第三" };
			for (int i = 0; i < cells; i++) {
				Unit cell = this.p.unit(id + "-x" + (i + 1), name.replace("党支部", "") + ordinals[i] + "党小组",
						UnitKind.PARTY_CELL, b, sector, region);
				cell.members = members / cells;
			}
		}
		return b;
	}

	private void staffBranch(Unit b) {
		Post s = this.p.post(b, "sj", PostKind.BRANCH_SECRETARY, "支部书记", null);
		if (b.members >= 7 && this.p.random.nextInt(10) < 6) {
			staff(s, this.p.post(b, "zz", PostKind.TEAM_MEMBER, "组织委员", ORG_EDU),
					this.p.post(b, "jj", PostKind.DISCIPLINE_SECRETARY, "纪检委员", null));
		}
		else {
			staff(s);
		}
	}

	private void buildCounty(int k) {
		String cid = "x" + pad2(k);
		String stem = (k <= Names.COUNTY_STEMS.size()) ? Names.COUNTY_STEMS.get(k - 1)
				: Names.COUNTY_STEMS.get(k % Names.COUNTY_STEMS.size()).substring(0, 1)
						+ Names.COUNTY_STEMS.get((k / Names.COUNTY_STEMS.size()) % Names.COUNTY_STEMS.size())
							.substring(1)
						+ ((k > Names.COUNTY_STEMS.size() * Names.COUNTY_STEMS.size()) ? String.valueOf(k) : "");
		String county = stem + "县";
		Unit root = this.p.unit(cid, county + "委", UnitKind.PARTY_COMMITTEE, null, Sector.OTHER, county);
		staff(this.p.post(root, "sj", PostKind.SECRETARY, "县委书记", null),
				this.p.post(root, "fsj", PostKind.DEPUTY_SECRETARY, "县委副书记", null),
				this.p.post(root, "zz", PostKind.MEMBER_IN_CHARGE, "县委组织部部长", ORG_EDU),
				this.p.post(root, "jw", PostKind.DISCIPLINE_SECRETARY, "县纪委书记", null),
				this.p.post(root, "xc", PostKind.TEAM_MEMBER, "县委宣传部部长", POL_THEORY));
		int members = 0;
		int townships = this.p.nextInt(5, 12);
		int organs = Math.min(Names.COUNTY_ORGANS.size(), townships + 2);
		for (int i = 0; i < organs; i++) {
			Unit b = branch(cid + "-j" + pad2(i + 1), county + Names.COUNTY_ORGANS.get(i).substring(1) + "党支部", root,
					Sector.ORGAN, county, this.p.nextInt(6, 30));
			members += b.members;
		}
		Unit hospital = this.p.unit(cid + "-yy", county + "人民医院党总支", UnitKind.GENERAL_BRANCH, root, Sector.HOSPITAL,
				county);
		staff(this.p.post(hospital, "sj", PostKind.SECRETARY, "总支书记", null),
				this.p.post(hospital, "wy", PostKind.TEAM_MEMBER, "组织委员", ORG_EDU));
		hospital.members = fillGeneralBranch(hospital, cid + "-yy", county + "人民医院", Sector.HOSPITAL, county);
		members += hospital.members;
		for (int t = 1; t <= townships && this.p.unitCount() < this.target - 6; t++) {
			members += buildTownship(root, cid, county, k, t);
		}
		root.members = members + this.p.nextInt(60, 200);
	}

	private int buildTownship(Unit root, String cid, String county, int k, int t) {
		String tn = Names.nth(Names.TOWNSHIPS, (k * 7 + t - 1) % (Names.TOWNSHIPS.size() * 50));
		String tid = cid + "-t" + pad2(t);
		String region = county + tn;
		Unit town = this.p.unit(tid, county + tn + "党委", UnitKind.PARTY_COMMITTEE, root, Sector.TOWNSHIP, region);
		staff(this.p.post(town, "sj", PostKind.SECRETARY, "党委书记", null),
				this.p.post(town, "fsj", PostKind.DEPUTY_SECRETARY, "党委副书记", null),
				this.p.post(town, "zz", PostKind.MEMBER_IN_CHARGE, "组织委员", ORG_EDU),
				this.p.post(town, "jw", PostKind.DISCIPLINE_SECRETARY, "纪委书记", null));
		int members = 0;
		int villages = this.p.nextInt(5, 12);
		for (int v = 1; v <= villages; v++) {
			String vn = Names.VILLAGES.get((k * 11 + t * 5 + v) % Names.VILLAGES.size());
			members += branch(tid + "-c" + pad2(v), tn + vn + "党支部", town, Sector.VILLAGE, region,
					this.p.nextInt(8, 45)).members;
		}
		int communities = this.p.random.nextInt(4);
		for (int s = 1; s <= communities; s++) {
			String sn = Names.COMMUNITIES.get((k * 3 + t + s) % Names.COMMUNITIES.size());
			members += branch(tid + "-s" + pad2(s), tn + sn + "党支部", town, Sector.COMMUNITY, region,
					this.p.nextInt(10, 40)).members;
		}
		String place = tn.substring(0, tn.length() - 1);
		if (this.p.random.nextInt(2) == 0) {
			members += branch(tid + "-q01", place + "林场党支部", town, Sector.STATE_ENTERPRISE, region,
					this.p.nextInt(8, 35)).members;
		}
		if (this.p.random.nextInt(2) == 0) {
			members += branch(tid + "-f01", place + "兴林木业有限公司党支部", town, Sector.NON_PUBLIC_ENTERPRISE, region,
					this.p.nextInt(3, 15)).members;
		}
		if (this.p.random.nextInt(10) < 6) {
			members += branch(tid + "-y01", place + (this.p.random.nextBoolean() ? "卫生院" : "中心学校") + "党支部", town,
					Sector.INSTITUTION, region, this.p.nextInt(6, 25)).members;
		}
		if (t == 1 || this.p.random.nextInt(10) < 3) {
			Unit joint = this.p.unit(tid + "-l01", place + "非公企业联合党支部", UnitKind.JOINT_BRANCH, town,
					Sector.NON_PUBLIC_ENTERPRISE, region);
			joint.members = this.p.nextInt(5, 20);
			joint.hostUnits = this.p.nextInt(2, 5);
			staffBranch(joint);
			members += joint.members;
		}
		town.members = members + this.p.nextInt(15, 40);
		town.staff = this.p.nextInt(40, 90);
		return town.members;
	}

	private static String pad2(int n) {
		return (n < 10) ? "0" + n : Integer.toString(n);
	}

	// ---------------------------------------------------------------- people

	/**
	 * One current holder per post, sometimes after a predecessor who left the day before.
	 */
	private void staff(Post... posts) {
		for (Post post : posts) {
			LocalDate since = this.p.date(EARLIEST_START, LATEST_START);
			if (this.p.random.nextInt(100) < 35) {
				LocalDate before = since.minusYears(this.p.nextInt(2, 6)).minusDays(this.p.random.nextInt(200));
				Person old = this.p.person(post.unit, "原" + post.unit.name + post.title);
				this.p.appoint(old, post, before, since.minusDays(1));
				int roll = this.p.random.nextInt(10);
				if (roll < 6) {
					this.p.events.add(new PersonnelEvent(old, since.minusDays(1), PersonnelEventKind.PROMOTED, "提拔任用"));
				}
				else if (roll == 6) {
					this.p.events
						.add(new PersonnelEvent(old, since.minusDays(1), PersonnelEventKind.REMOVED, "工作调整，免去现职"));
				}
			}
			Person holder = this.p.person(post.unit, post.unit.name + post.title);
			this.p.appoint(holder, post, since, null);
		}
	}

	// ---------------------------------------------------------------- records

	private void staffAndGrade() {
		chooseWeak();
		grade();
		assist();
		supervise();
		raiseIssues();
	}

	private void chooseWeak() {
		for (Map.Entry<Sector, Double> quota : QUOTAS.entrySet()) {
			int count = 0;
			List<Unit> candidates = new ArrayList<>();
			for (Unit u : this.p.units) {
				if (u.sector == quota.getKey() && GRASSROOTS.contains(u.kind)) {
					count++;
					if ((u.kind == UnitKind.BRANCH || u.kind == UnitKind.JOINT_BRANCH) && u.children.isEmpty()) {
						candidates.add(u);
					}
				}
			}
			if (count == 0 || candidates.isEmpty()) {
				continue;
			}
			int need = (int) Math.ceil(quota.getValue() * count);
			this.p.shuffle(candidates);
			// joint branches last: there are few of them, and a small province keeps one
			// free for the planter
			candidates.sort(java.util.Comparator.comparing((Unit u) -> u.kind == UnitKind.JOINT_BRANCH));
			// the latest year first; the year before never repeats it; two years back
			// may, when there are too few
			int at = 0;
			for (int i = 0; i < need && at < candidates.size(); i++) {
				this.p.designate(Province.YEAR, candidates.get(at++));
			}
			for (int i = 0; i < need && at < candidates.size(); i++) {
				this.p.designate(Province.YEAR - 1, candidates.get(at++));
			}
			for (int i = 0; i < need && i < candidates.size(); i++) {
				this.p.designate(Province.YEAR - 2, candidates.get((at + i) % candidates.size()));
			}
		}
	}

	private void grade() {
		String[] problems = { "TEAM_INCOMPLETE", "SECRETARY_SUBSTANDARD", "VENUE_NONSTANDARD", "SYSTEMS_IRREGULAR",
				"MASS_SERVICE_PASSIVE", "MEMBER_ROLE_WEAK" };
		for (Unit u : this.p.units) {
			boolean grassroots = GRASSROOTS.contains(u.kind) && u.parent != null;
			for (int year = Province.YEAR - 2; year <= Province.YEAR; year++) {
				if (!grassroots) {
					continue;
				}
				boolean weak = this.p.weak(year).contains(u);
				String grade;
				String problem = null;
				if (weak) {
					grade = (this.p.random.nextInt(10) < 6) ? "D" : "C";
					problem = problems[this.p.random.nextInt(problems.length)];
				}
				else {
					int roll = this.p.random.nextInt(100);
					grade = (roll < 35) ? "A" : (roll < 82) ? "B" : "C";
				}
				this.p.gradings.add(new Grading(u, year, GradingScheme.ABCD, grade, null, problem));
				if (weak) {
					this.p.gradings.add(new Grading(u, year, GradingScheme.DESIGNATED_WEAK, "Y", null, problem));
				}
			}
		}
		for (int year = Province.YEAR - 1; year <= Province.YEAR; year++) {
			LocalDate end = LocalDate.of(year, 12, 31);
			for (Unit u : this.p.units) {
				Post principal = u.principal();
				// the secretaries of party committees and party groups report yearly
				// (述职评议), roots included
				boolean reviewedRoot = u.kind == UnitKind.PARTY_COMMITTEE || u.kind == UnitKind.LEADING_PARTY_GROUP;
				if (principal == null || (u.parent == null && !reviewedRoot)) {
					continue;
				}
				Person holder = principal.holderOn(end);
				if (holder == null) {
					continue;
				}
				Appointment current = principal.current();
				boolean stillThere = current != null && current.person == holder;
				int roll = this.p.random.nextInt(100);
				String grade;
				if (stillThere && roll < 5) {
					grade = (roll == 0) ? "POOR" : "AVERAGE";
					LocalDate talk = LocalDate.of(year + 1, 1, 10).plusDays(this.p.random.nextInt(60));
					this.p.events.add(new PersonnelEvent(holder, talk, PersonnelEventKind.ADMONISHED,
							"述职评议结果为" + (grade.equals("POOR") ? "差" : "一般") + "，组织部门约谈"));
				}
				else {
					grade = (roll < 50) ? "GOOD" : "FAIRLY_GOOD";
				}
				this.p.gradings.add(new Grading(u, year, GradingScheme.SECRETARY_REVIEW, grade, holder, null));
				if (u.kind == UnitKind.ORGAN_PARTY_COMMITTEE || u.kind == UnitKind.LEADING_PARTY_GROUP
						|| (u.kind == UnitKind.PARTY_COMMITTEE && u.parent != null)
						|| u.kind == UnitKind.GENERAL_BRANCH) {
					this.p.gradings.add(new Grading(u, year, GradingScheme.ANNUAL,
							(this.p.random.nextInt(3) == 0) ? "GOOD" : "PASS", null, null));
				}
			}
		}
	}

	/**
	 * Four levels for every weak unit, a stationed first secretary for every weak village
	 * (五级包扶).
	 */
	private void assist() {
		for (int year = Province.YEAR - 1; year <= Province.YEAR; year++) {
			LocalDate since = LocalDate.of(year + 1, 3, 1);
			LocalDate until = LocalDate.of(year + 2, 3, 1).minusDays(1);
			boolean current = year == Province.YEAR;
			this.poolCursor = this.poolCursors.getOrDefault(year, 0);
			this.yearCount = this.yearCounts.computeIfAbsent(year, (y) -> new HashMap<>());
			for (Unit u : this.p.weak(year)) {
				Unit area = area(u);
				String areaName = area.name.replace("党组", "").replace("委", "");
				assistBy(pooled(area.id + "/lc", area, areaName + "联系点领导"), u, AssistanceLevel.LEADER_CONTACT, since,
						until, current);
				Unit orgHome = (area.kind == UnitKind.LEADING_PARTY_GROUP) ? this.p.workCommittee : area;
				assistBy(
						pooled(orgHome.id + "/og", orgHome,
								(orgHome == this.p.workCommittee) ? "省直机关工委组织部干部" : areaName + "委组织部干部"),
						u, AssistanceLevel.ORG_DEPT_GUIDANCE, since, until, current);
				assistBy(coBuilder(u).id, u, AssistanceLevel.ORGAN_CO_BUILD, since, until, current);
				Unit upper = u.parent;
				assistBy(pooled(upper.id + "/cs", upper, upper.name + "督办专员"), u, AssistanceLevel.COMMITTEE_SUPERVISOR,
						since, until, current);
				if (u.sector == Sector.VILLAGE) {
					Unit dispatcher = this.p.partyGroups.get((u.index + year) % this.p.partyGroups.size());
					Person fs = this.p.person(dispatcher, dispatcher.name.replace("党组", "") + "驻村第一书记");
					this.p.firstSecretaries.add(new FirstSecretary(fs, u, FirstSecretaryKind.VILLAGE_STATIONED,
							dispatcher, since, since.plusYears(2).minusDays(1)));
				}
			}
			this.p.busy.addAll(this.p.weak(year));
			this.poolCursors.put(year, this.poolCursor);
		}
		// a share of the other villages has a first secretary too (驻村第一书记 outside the
		// weak list)
		for (Unit u : this.p.units) {
			if (u.sector == Sector.VILLAGE && u.kind == UnitKind.BRANCH && !this.p.weakAnyYear(u)
					&& this.p.random.nextInt(5) == 0) {
				Unit dispatcher = this.p.partyGroups.get(u.index % this.p.partyGroups.size());
				Person fs = this.p.person(dispatcher, dispatcher.name.replace("党组", "") + "驻村第一书记");
				LocalDate since = LocalDate.of(2024, 3, 1);
				this.p.firstSecretaries.add(new FirstSecretary(fs, u, FirstSecretaryKind.VILLAGE_STATIONED, dispatcher,
						since, since.plusYears(2).minusDays(1)));
			}
		}
	}

	private void assistBy(String assistantId, Unit u, AssistanceLevel level, LocalDate since, LocalDate until,
			boolean current) {
		this.p.assistance.add(new Assistance(assistantId, u, level, since, until));
		if (current) {
			this.p.currentlyAssisting.merge(assistantId, 1, Integer::sum);
		}
	}

	/** A person of a pool who assists at most two units in a year. */
	private String pooled(String key, Unit home, String title) {
		List<Person> pool = this.assistantPools.computeIfAbsent(key, (k) -> new ArrayList<>());
		for (Person person : pool) {
			if (this.yearCount.getOrDefault(person.id, 0) < 2) {
				this.yearCount.merge(person.id, 1, Integer::sum);
				return person.id;
			}
		}
		Person person = this.p.person(home, title);
		pool.add(person);
		this.yearCount.merge(person.id, 1, Integer::sum);
		return person.id;
	}

	/**
	 * An organ branch that co-builds (机关单位共建), at most three units a year: the county's
	 * organs first.
	 */
	private Unit coBuilder(Unit u) {
		List<Unit> pool = new ArrayList<>();
		if (u.id.startsWith("x")) {
			Unit root = u;
			while (root.parent != null) {
				root = root.parent;
			}
			for (Unit c : root.children) {
				if (c.kind == UnitKind.BRANCH && c.sector == Sector.ORGAN) {
					pool.add(c);
				}
			}
		}
		Unit found = firstWithRoom(u, pool, 0);
		if (found == null) {
			found = firstWithRoom(u, this.organBranches, this.poolCursor);
		}
		if (found == null) {
			found = firstWithRoom(u,
					this.p.units.stream()
						.filter((b) -> b.kind == UnitKind.BRANCH
								&& (b.sector == Sector.ORGAN || b.sector == Sector.INSTITUTION))
						.toList(),
					0);
		}
		if (found == null) {
			throw new IllegalStateException("no co-building unit left for " + u.id);
		}
		this.p.busy.add(found);
		return found;
	}

	private Unit firstWithRoom(Unit u, List<Unit> pool, int cursor) {
		for (int i = 0; i < pool.size(); i++) {
			int at = (cursor + i) % pool.size();
			Unit candidate = pool.get(at);
			if (candidate != u && !this.p.weakNow(candidate) && !this.p.touched.contains(candidate)
					&& this.yearCount.getOrDefault(candidate.id, 0) < 3) {
				this.yearCount.merge(candidate.id, 1, Integer::sum);
				if (pool == this.organBranches) {
					this.poolCursor = (at + 1) % pool.size();
				}
				return candidate;
			}
		}
		return null;
	}

	/** The party group of an organ unit, or the county committee of a county unit. */
	private Unit area(Unit u) {
		Unit a = u;
		while (a.parent != null && a.kind != UnitKind.LEADING_PARTY_GROUP) {
			a = a.parent;
		}
		return a;
	}

	/**
	 * Listed supervision (挂牌督办): finished ones delisted in time, running ones before
	 * their deadline.
	 */
	private void supervise() {
		Unit wc = this.p.workCommittee;
		// the party groups are listed once, in the first segment
		for (int i = 0; i < (this.first ? this.p.partyGroups.size() : 0); i += 5) {
			Unit pg = this.p.partyGroups.get(i);
			int pattern = (i / 5) % 3;
			if (pattern == 0) {
				this.p.supervisions.add(new Supervision(this.p.nextSupervisionId(), pg, wc, LocalDate.of(2024, 3, 15),
						LocalDate.of(2024, 9, 15), SupervisionStage.SUMMARY, SupervisionOutcome.DELISTED,
						LocalDate.of(2024, 9, 10)));
			}
			else if (pattern == 1) {
				this.p.supervisions.add(new Supervision(this.p.nextSupervisionId(), pg, wc, LocalDate.of(2025, 3, 10),
						LocalDate.of(2025, 9, 10), SupervisionStage.RECTIFY, null, null));
			}
			else {
				this.p.supervisions.add(new Supervision(this.p.nextSupervisionId(), pg, wc, LocalDate.of(2024, 1, 10),
						LocalDate.of(2024, 7, 10), SupervisionStage.SUMMARY, SupervisionOutcome.RELISTED,
						LocalDate.of(2024, 7, 5)));
				this.p.supervisions.add(new Supervision(this.p.nextSupervisionId(), pg, wc, LocalDate.of(2024, 7, 10),
						LocalDate.of(2025, 1, 10), SupervisionStage.ACCEPTANCE, SupervisionOutcome.DELISTED,
						LocalDate.of(2025, 1, 6)));
			}
			this.p.busy.add(pg);
		}
		for (Unit u : this.p.weak(Province.YEAR)) {
			if (u.sector == Sector.VILLAGE && u.index % 4 == 0) {
				Unit county = u.parent.parent;
				this.p.supervisions.add(new Supervision(this.p.nextSupervisionId(), u, county,
						LocalDate.of(2025, 3, 20), null, SupervisionStage.SELF_CHECK, null, null));
			}
		}
		for (Supervision s : this.p.supervisions) {
			this.p.busy.add(s.unit());
		}
	}

	private static final String[][] ISSUE_TITLES = { { "POLITICAL", "“第一议题”制度落实不到位" }, { "THEORY", "理论学习中心组学习流于形式" },
			{ "ORGANIZATION", "支部换届未按期进行" }, { "ORGANIZATION", "组织生活会质量不高" }, { "MEMBER_EDUCATION", "流动党员管理台账缺失" },
			{ "MEMBER_EDUCATION", "发展党员程序不规范" }, { "DISCIPLINE", "廉政风险排查不深入" }, { "MASS_ORGS", "群团组织作用发挥不充分" },
			{ "SUPERVISION_CHECK", "对下级党组织督促检查不经常" }, { "SUPPORT", "党建工作经费保障不足" } };

	private static final String[][] WEAK_PLANS = { { "ORGANIZATION", "软弱涣散整顿：班子不健全，限期配齐配强" },
			{ "ORGANIZATION", "软弱涣散整顿：组织生活不规范，建立“三会一课”台账" }, { "MEMBER_EDUCATION", "软弱涣散整顿：党员作用发挥不明显，开展设岗定责" },
			{ "SUPPORT", "软弱涣散整顿：活动场所不达标，限期改造" } };

	/** Problems found in units with a current principal, none in listed units. */
	private void raiseIssues() {
		IssueStatus[] statuses = { IssueStatus.OPEN, IssueStatus.RECTIFYING, IssueStatus.RECTIFYING,
				IssueStatus.CLOSED };
		String[] sources = { "INSPECTION", "SELF_CHECK", "ASSESSMENT", "SUPERVISION", "COMPLAINT" };
		String[] severities = { "LOW", "MEDIUM", "MEDIUM", "HIGH" };
		// every unit designated weak has its own rectification plan (个性整顿方案): a problem
		// with a deadline, found after the designation
		for (Unit u : this.p.weak(Province.YEAR)) {
			String[] problem = WEAK_PLANS[this.p.random.nextInt(WEAK_PLANS.length)];
			LocalDate found = this.p.date(LocalDate.of(Province.YEAR + 1, 2, 1),
					LocalDate.of(Province.YEAR + 1, 4, 30));
			DutyDomain domain = DutyDomain.valueOf(problem[0]);
			this.p.issues.add(new Issue(this.p.nextIssueId(), u, domain, problem[1], found, "ASSESSMENT", "HIGH",
					IssueStatus.RECTIFYING, LocalDate.of(Province.YEAR + 1, 12, 31), DutyIds.team(u, 0, domain)));
		}
		for (Unit u : this.p.units) {
			Post principal = u.principal();
			if (principal == null || principal.current() == null || u.parent == null
					|| this.p.busy.contains(u) && !this.p.weak(Province.YEAR).contains(u)) {
				continue;
			}
			if (this.p.random.nextInt(100) >= 3) {
				continue;
			}
			String[] title = ISSUE_TITLES[this.p.random.nextInt(ISSUE_TITLES.length)];
			DutyDomain domain = DutyDomain.valueOf(title[0]);
			LocalDate found = this.p.date(LocalDate.of(2024, 7, 1), LocalDate.of(2025, 6, 15));
			this.p.issues.add(new Issue(this.p.nextIssueId(), u, domain, title[1], found,
					sources[this.p.random.nextInt(sources.length)],
					severities[this.p.random.nextInt(severities.length)],
					statuses[this.p.random.nextInt(statuses.length)], found.plusDays(this.p.nextInt(60, 180)),
					DutyIds.team(u, 0, domain)));
			this.p.busy.add(u);
		}
	}

}
