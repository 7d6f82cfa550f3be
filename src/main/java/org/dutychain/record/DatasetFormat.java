package org.dutychain.record;

import java.util.List;
import java.util.Optional;

import org.dutychain.config.Labeled;
import org.dutychain.duty.Cadence;
import org.dutychain.duty.DutyDomain;
import org.dutychain.duty.DutyStatus;
import org.dutychain.organization.LeadKind;
import org.dutychain.organization.Sector;
import org.dutychain.organization.UnitKind;
import org.dutychain.people.ResponsibilityKind;

/**
 * The dataset format of import-format.md as data: every file, its columns (English
 * header, Chinese alias, required, value type) in the documented order. The importer
 * validates against it, the generator writes it, the import template is drawn from it —
 * one definition, so they cannot drift apart.
 */
public final class DatasetFormat {

	/** What a cell holds. */
	public enum Type {

		/** Free text. */
		TEXT,
		/** An id of this file's rows. */
		ID,
		/** A reference to an id of another file ({@link Column#references()}). */
		REF,
		/** yyyy-MM-dd, yyyy/M/d, yyyy年M月d日 or an Excel date. */
		DATE,
		/** A whole number ≥ 0. */
		COUNT,
		/** A code of {@link Column#enumeration()} or its Chinese label. */
		ENUM,
		/**
		 * A list of codes of {@link Column#enumeration()} separated by ; ； or 、 (ALL
		 * allowed for domains).
		 */
		ENUM_LIST,
		/** A list of free-text values separated by ; ； or 、. */
		TEXT_LIST,
		/** A grade, resolved per grading scheme. */
		GRADE

	}

	/**
	 * One column.
	 *
	 * @param name English snake_case header
	 * @param zh Chinese header alias
	 * @param required whether a value is mandatory (a required column is also a required
	 * header)
	 * @param type value type
	 * @param enumeration the enum for ENUM / ENUM_LIST
	 * @param references the file(s) an id of a REF column must exist in, e.g.
	 * {@code units}
	 */
	public record Column(String name, String zh, boolean required, Type type, Class<? extends Labeled> enumeration,
			List<String> references) {

		static Column text(String name, String zh, boolean required) {
			return new Column(name, zh, required, Type.TEXT, null, List.of());
		}

		static Column id(String name, String zh) {
			return new Column(name, zh, true, Type.ID, null, List.of());
		}

		static Column ref(String name, String zh, boolean required, String... files) {
			return new Column(name, zh, required, Type.REF, null, List.of(files));
		}

		static Column date(String name, String zh, boolean required) {
			return new Column(name, zh, required, Type.DATE, null, List.of());
		}

		static Column count(String name, String zh) {
			return new Column(name, zh, false, Type.COUNT, null, List.of());
		}

		static Column enumeration(String name, String zh, boolean required, Class<? extends Labeled> e) {
			return new Column(name, zh, required, Type.ENUM, e, List.of());
		}

		static Column enumList(String name, String zh, boolean required, Class<? extends Labeled> e) {
			return new Column(name, zh, required, Type.ENUM_LIST, e, List.of());
		}

	}

	/**
	 * One file (a CSV, or a sheet named like it).
	 *
	 * @param name file name without {@code .csv}
	 * @param zh Chinese name (sheet title in the template)
	 * @param required only units is mandatory
	 * @param naturalKey for files without an id column: the columns that identify a row
	 * (duplicate = error)
	 * @param columns in documented order
	 */
	public record FileFormat(String name, String zh, boolean required, List<String> naturalKey, List<Column> columns) {

		public Optional<Column> column(String header) {
			String h = header.strip();
			return this.columns.stream().filter((c) -> c.name().equalsIgnoreCase(h) || c.zh().equals(h)).findFirst();
		}

		public String fileName() {
			return this.name + ".csv";
		}

	}

	public static final FileFormat UNITS = new FileFormat("units", "单位", true, List.of(), List.of(Column.id("id", "编号"),
			Column.text("name", "名称", true), Column.enumeration("kind", "类型", true, UnitKind.class),
			Column.ref("parent_id", "上级单位", false, "units"), Column.enumeration("sector", "领域", false, Sector.class),
			Column.text("region", "地区", false), Column.count("members", "党员数"), Column.count("staff", "在职人数"),
			Column.count("host_units", "涉及单位数")));

	public static final FileFormat LEADERSHIP = new FileFormat("leadership", "领导关系", false,
			List.of("leader_id", "unit_id", "kind"),
			List.of(Column.ref("leader_id", "领导单位", true, "units"), Column.ref("unit_id", "被领导单位", true, "units"),
					Column.enumeration("kind", "类型", true, LeadKind.class)));

	public static final FileFormat POST_KINDS = new FileFormat("post_kinds", "岗位类型", false, List.of("key"),
			List.of(Column.text("key", "代码", true), Column.text("name", "名称", true),
					Column.enumeration("responsibility", "责任类型", true, ResponsibilityKind.class),
					Column.enumList("required_in", "必设于", false, UnitKind.class),
					Column.enumList("domains", "负责领域", false, DutyDomain.class)));

	public static final FileFormat PEOPLE = new FileFormat("people", "人员", false, List.of(),
			List.of(Column.id("id", "编号"), Column.text("name", "姓名", true),
					Column.ref("unit_id", "所在单位", false, "units"), Column.text("title", "职务", false)));

	public static final FileFormat POSTS = new FileFormat("posts", "岗位", false, List.of(),
			List.of(Column.id("id", "编号"), Column.ref("unit_id", "单位", true, "units"),
					Column.ref("kind", "岗位类型", true, "post_kinds"), Column.text("title", "名称", false),
					Column.enumList("domains", "负责领域", false, DutyDomain.class)));

	public static final FileFormat APPOINTMENTS = new FileFormat("appointments", "任职", false,
			List.of("person_id", "post_id", "since"),
			List.of(Column.ref("person_id", "人员", true, "people"), Column.ref("post_id", "岗位", true, "posts"),
					Column.date("since", "任职日期", true), Column.date("until", "离任日期", false)));

	public static final FileFormat DUTIES = new FileFormat("duties", "责任清单", false, List.of(),
			List.of(Column.id("id", "编号"), Column.ref("unit_id", "单位", true, "units"),
					Column.ref("post_id", "岗位", false, "posts"),
					Column.enumeration("domain", "领域", true, DutyDomain.class), Column.text("text", "内容", true),
					Column.ref("derived_from", "上级任务", false, "duties"),
					Column.enumeration("cadence", "频次", false, Cadence.class), Column.date("due", "完成时限", false),
					Column.enumeration("status", "状态", false, DutyStatus.class)));

	public static final FileFormat FIRST_SECRETARIES = new FileFormat("first_secretaries", "第一书记", false,
			List.of("person_id", "unit_id", "since"),
			List.of(Column.ref("person_id", "人员", true, "people"), Column.ref("unit_id", "单位", true, "units"),
					Column.enumeration("kind", "类型", true, FirstSecretaryKind.class),
					Column.ref("dispatched_by", "派出单位", false, "units"), Column.date("since", "任职日期", true),
					Column.date("until", "离任日期", false)));

	public static final FileFormat ASSISTANCE = new FileFormat("assistance", "帮扶", false,
			List.of("assistant_id", "unit_id", "level", "since"),
			List.of(Column.ref("assistant_id", "帮扶人或单位", true, "people", "units"),
					Column.ref("unit_id", "被帮扶单位", true, "units"),
					Column.enumeration("level", "帮扶层级", true, AssistanceLevel.class),
					Column.date("since", "开始日期", true), Column.date("until", "结束日期", false)));

	public static final FileFormat ACTIVITIES = new FileFormat("activities", "工作记录", false, List.of(),
			List.of(Column.id("id", "编号"), Column.ref("unit_id", "单位", true, "units"),
					Column.enumeration("kind", "类型", false, ActivityKind.class), Column.date("date", "日期", true),
					Column.count("count", "次数"), Column.ref("duty_id", "责任事项", false, "duties"),
					Column.ref("target_unit_id", "对象单位", false, "units"),
					Column.enumeration("subkind", "子类型", false, ActivitySubkind.class)));

	public static final FileFormat GRADINGS = new FileFormat("gradings", "考评", false,
			List.of("unit_id", "person_id", "year", "scheme"),
			List.of(Column.ref("unit_id", "单位", true, "units"), Column.count("year", "年度"),
					Column.enumeration("scheme", "考评方式", true, GradingScheme.class),
					new Column("grade", "等次", true, Type.GRADE, null, List.of()),
					Column.ref("person_id", "人员", false, "people"),
					new Column("problems", "问题类型", false, Type.TEXT_LIST, null, List.of())));

	public static final FileFormat ISSUES = new FileFormat("issues", "问题", false, List.of(),
			List.of(Column.id("id", "编号"), Column.ref("unit_id", "单位", true, "units"),
					Column.enumeration("domain", "领域", true, DutyDomain.class), Column.text("title", "问题", true),
					Column.date("found_on", "发现日期", true), Column.enumeration("source", "来源", false, IssueSource.class),
					Column.enumeration("severity", "严重程度", false, IssueSeverity.class),
					Column.enumeration("status", "状态", true, IssueStatus.class), Column.date("due", "整改时限", false),
					Column.ref("duty_id", "责任事项", false, "duties"), Column.date("closed_on", "销号日期", false),
					Column.date("look_back_on", "回头看日期", false)));

	public static final FileFormat SUPERVISIONS = new FileFormat("supervisions", "挂牌督办", false, List.of(),
			List.of(Column.id("id", "编号"), Column.ref("unit_id", "督办单位", true, "units"),
					Column.ref("listed_by", "挂牌单位", true, "units"), Column.date("listed_on", "挂牌日期", true),
					Column.date("deadline", "整改期限", false),
					Column.enumeration("stage", "阶段", true, SupervisionStage.class),
					Column.enumeration("outcome", "结果", false, SupervisionOutcome.class),
					Column.date("outcome_on", "结果日期", false)));

	public static final FileFormat PERSONNEL_EVENTS = new FileFormat("personnel_events", "干部事项", false,
			List.of("person_id", "date", "kind"),
			List.of(Column.ref("person_id", "人员", true, "people"), Column.date("date", "日期", true),
					Column.enumeration("kind", "类型", true, PersonnelEventKind.class),
					Column.text("reason", "事由", false)));

	/** Rectification measures of issues (整改措施, the ledger). */
	public static final FileFormat MEASURES = new FileFormat("measures", "整改措施", false, List.of(),
			List.of(Column.id("id", "编号"), Column.ref("issue_id", "问题", true, "issues"),
					Column.text("text", "措施内容", true), Column.ref("owner_post_id", "责任岗位", false, "posts"),
					Column.date("due", "完成时限", false), Column.enumeration("status", "状态", true, MeasureStatus.class),
					Column.text("evidence", "整改佐证", false), Column.ref("verified_by", "验收人", false, "people"),
					Column.date("verified_on", "验收日期", false), Column.text("return_reason", "退回理由", false)));

	/**
	 * Every file, in import order (references point backwards, except duties → duties and
	 * units → units).
	 */
	public static final List<FileFormat> FILES = List.of(UNITS, LEADERSHIP, POST_KINDS, PEOPLE, POSTS, APPOINTMENTS,
			DUTIES, FIRST_SECRETARIES, ASSISTANCE, ACTIVITIES, GRADINGS, ISSUES, SUPERVISIONS, PERSONNEL_EVENTS,
			MEASURES);

	/**
	 * A post kind of the default set (design.md section 2), written when a dataset has no
	 * post_kinds.csv.
	 *
	 * @param key the post kind code (also the PostKind id)
	 * @param requiredIn unit kinds where a current holder is mandatory
	 * @param domains duty domains the post answers for (empty = set per post)
	 */
	public record DefaultPostKind(String key, String name, ResponsibilityKind responsibility, List<UnitKind> requiredIn,
			List<DutyDomain> domains) {
	}

	private static final List<DutyDomain> ALL_DOMAINS = List.of(DutyDomain.values());

	/**
	 * The default post kinds of design.md section 2; a dataset's post_kinds.csv replaces
	 * them. Every discipline body (纪委监委, 纪检监察工委, 机关纪委, 派驻纪检监察组) needs its head (书记 / 组长),
	 * a SUPERVISORY post, which is also its principal (domain.md 1.3).
	 */
	public static final List<DefaultPostKind> DEFAULT_POST_KINDS = List.of(
			new DefaultPostKind("SECRETARY", "书记", ResponsibilityKind.PRINCIPAL,
					List.of(UnitKind.ORGAN_WORK_COMMITTEE, UnitKind.LEADING_PARTY_GROUP, UnitKind.PARTY_COMMITTEE,
							UnitKind.ORGAN_PARTY_COMMITTEE, UnitKind.GENERAL_BRANCH),
					ALL_DOMAINS),
			new DefaultPostKind("DEPUTY_SECRETARY", "专职副书记", ResponsibilityKind.DIRECT, List.of(), ALL_DOMAINS),
			new DefaultPostKind("MEMBER_IN_CHARGE", "分管班子成员", ResponsibilityKind.DIRECT, List.of(), List.of()),
			new DefaultPostKind("TEAM_MEMBER", "班子成员", ResponsibilityKind.IMPORTANT, List.of(), ALL_DOMAINS),
			new DefaultPostKind("DISCIPLINE_SECRETARY", "纪委书记/纪检委员", ResponsibilityKind.SUPERVISORY,
					List.of(UnitKind.DISCIPLINE_COMMISSION, UnitKind.DISCIPLINE_WORK_COMMITTEE,
							UnitKind.ORGAN_DISCIPLINE_COMMITTEE, UnitKind.STATIONED_DISCIPLINE_TEAM),
					List.of(DutyDomain.DISCIPLINE, DutyDomain.SUPERVISION_CHECK)),
			new DefaultPostKind("BRANCH_SECRETARY", "支部书记", ResponsibilityKind.PRINCIPAL,
					List.of(UnitKind.BRANCH, UnitKind.JOINT_BRANCH), ALL_DOMAINS),
			new DefaultPostKind("FIRST_CELL_LEADER", "第一组长", ResponsibilityKind.DIRECT, List.of(), ALL_DOMAINS));

	/**
	 * Grade codes per grading scheme with the Chinese labels accepted on import (the
	 * first label is the display label). The same word can mean different grades: 一般 is C
	 * in ABCD but AVERAGE in SECRETARY_REVIEW.
	 */
	public static final java.util.Map<GradingScheme, java.util.Map<String, List<String>>> GRADES = java.util.Map.of(
			GradingScheme.ABCD,
			ordered("A", List.of("优秀", "A类"), "B", List.of("良好", "B类"), "C", List.of("一般", "C类"), "D",
					List.of("较差", "D类", "差")),
			GradingScheme.SECRETARY_REVIEW,
			ordered("GOOD", List.of("好"), "FAIRLY_GOOD", List.of("较好"), "AVERAGE", List.of("一般"), "POOR",
					List.of("差", "较差")),
			GradingScheme.ANNUAL, ordered("GOOD", List.of("好", "优秀"), "PASS", List.of("合格"), "BASIC_PASS",
					List.of("基本合格"), "FAIL", List.of("不合格")),
			GradingScheme.DESIGNATED_WEAK, ordered("Y", List.of("是", "软弱涣散")));

	private DatasetFormat() {
	}

	@SuppressWarnings("unchecked")
	private static java.util.Map<String, List<String>> ordered(Object... pairs) {
		java.util.Map<String, List<String>> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (List<String>) pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

	/**
	 * Resolves a grade cell for a scheme: the code (case-insensitive) or one of its
	 * Chinese labels.
	 */
	public static Optional<String> grade(GradingScheme scheme, String value) {
		if (value == null) {
			return Optional.empty();
		}
		String v = value.strip();
		for (java.util.Map.Entry<String, List<String>> e : GRADES.get(scheme).entrySet()) {
			if (e.getKey().equalsIgnoreCase(v) || e.getValue().contains(v)) {
				return Optional.of(e.getKey());
			}
		}
		return Optional.empty();
	}

	public static Optional<FileFormat> file(String name) {
		String n = name.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.csv$", "");
		return FILES.stream().filter((f) -> f.name().equals(n) || f.zh().equals(name.strip())).findFirst();
	}

}
