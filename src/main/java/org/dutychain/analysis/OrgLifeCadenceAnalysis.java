package org.dutychain.analysis;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.dutychain.duty.DutyDomain;
import org.dutychain.record.ActivityKind;
import org.dutychain.record.ActivitySubkind;

import org.springframework.stereotype.Component;

/**
 * The calendar of org-life-cadence: the cadence window (12 calendar months ending with
 * asOf's month when asOf is its last day, otherwise with the month before), its months,
 * the calendar quarters and half-years wholly inside it, and the findings of
 * ORG_LIFE_CADENCE, FIRST_SECRETARY_REPORT_MISSING, EVALUATION_GAP and MEETINGS_ONLY
 * built from the data statements of {@code cypher/analysis/org-life-cadence.cypher}.
 *
 * <p>
 * Metrics: {@code window} ({@code start}, {@code end}), {@code subkindsInUse}, and
 * {@code skipped} (the codes not evaluated because no activity in scope has a subkind,
 * with a note).
 */
@Component
class OrgLifeCadenceAnalysis implements AnalysisExtension {

	/** The cadence window and its calendar periods. */
	record Window(YearMonth start, YearMonth end) {

		static Window of(LocalDate asOf) {
			YearMonth month = YearMonth.from(asOf);
			YearMonth end = asOf.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
			return new Window(end.minusMonths(11), end);
		}

		List<YearMonth> months() {
			List<YearMonth> months = new ArrayList<>();
			for (YearMonth m = this.start; !m.isAfter(this.end); m = m.plusMonths(1)) {
				months.add(m);
			}
			return months;
		}

		/** Calendar periods of {@code length} months wholly inside the window. */
		List<Period> periods(int length) {
			List<Period> periods = new ArrayList<>();
			for (YearMonth m : months()) {
				if ((m.getMonthValue() - 1) % length == 0 && !m.plusMonths(length - 1).isAfter(this.end)) {
					periods.add(new Period(m, m.plusMonths(length - 1), length));
				}
			}
			return periods;
		}

		LocalDate firstDay() {
			return this.start.atDay(1);
		}

		LocalDate lastDay() {
			return this.end.atEndOfMonth();
		}

		String zh() {
			return monthZh(this.start) + "至" + monthZh(this.end);
		}

		String en() {
			return this.start + " to " + this.end;
		}

	}

	/** A calendar quarter (length 3) or half-year (length 6). */
	record Period(YearMonth first, YearMonth last, int length) {

		int number() {
			return (this.first.getMonthValue() - 1) / this.length + 1;
		}

		boolean contains(YearMonth m) {
			return !m.isBefore(this.first) && !m.isAfter(this.last);
		}

		/** 2024-Q3 or 2024-H2: the key value of a period. */
		String code() {
			return this.first.getYear() + "-" + ((this.length == 3) ? "Q" : "H") + number();
		}

		String zh() {
			return (this.length == 3) ? this.first.getYear() + "年第" + number() + "季度"
					: this.first.getYear() + "年" + ((number() == 1) ? "上半年" : "下半年");
		}

		String en() {
			return this.first.getYear() + " " + ((this.length == 3) ? "Q" : "H") + number();
		}

	}

	static String monthZh(YearMonth m) {
		return m.getYear() + "年" + m.getMonthValue() + "月";
	}

	@Override
	public void contribute(AnalysisDefinition definition, AnalysisContext context, Consumer<Finding> findings,
			Map<String, Object> metrics) {
		Window window = Window.of(context.scope().asOf());
		Map<String, Object> extra = Map.of("windowStart", window.firstDay(), "windowEnd", window.lastDay());
		Map<String, Object> windowMetric = new LinkedHashMap<>(); // one order in every
																	// run
		windowMetric.put("start", window.firstDay().toString());
		windowMetric.put("end", window.lastDay().toString());
		metrics.put("window", windowMetric);
		List<Map<String, Object>> inUse = context.read(definition.file().statement("subkinds-in-use"), extra);
		boolean subkinds = !inUse.isEmpty() && inUse.get(0).get("withSubkind") instanceof Number n && n.longValue() > 0;
		metrics.put("subkindsInUse", subkinds);
		if (subkinds) {
			// a row at a time as it comes: at 1 M units the statement's rows hold ≈ 17 M
			// meetings, which held at once (here and in the database, sorted) made the
			// last minutes of the audit a string of full collections
			context.stream(definition.file().statement("meeting-months"), extra,
					(row) -> orgLife(definition, context, window, row, findings));
			firstSecretaries(definition, context, window,
					context.read(definition.file().statement("first-secretary-months"), extra), findings);
		}
		else {
			// in a fixed order: Map.of iterates in a different order in every JVM, and
			// the CLI's JSON differed from run to run
			Map<String, Object> skipped = new LinkedHashMap<>();
			skipped.put("codes", List.of("ORG_LIFE_CADENCE", "FIRST_SECRETARY_REPORT_MISSING"));
			skipped.put("zh", "范围内的工作记录均未填写子类型，未检查“三会一课”和第一书记月报");
			skipped.put("en",
					"no activity in scope has a subkind: the 三会一课 cadence and the first secretaries' monthly reports were not checked");
			metrics.put("skipped", skipped);
		}
		for (Map<String, Object> row : context.read(definition.file().statement("evaluation-checks"), extra)) {
			evaluations(definition, context, window, row, findings);
		}
		for (Map<String, Object> row : context.read(definition.file().statement("meetings-only-duties"), extra)) {
			meetingsOnly(definition, context, window, row, findings);
		}
	}

	// ---- ORG_LIFE_CADENCE

	private void orgLife(AnalysisDefinition definition, AnalysisContext context, Window window, Map<String, Object> row,
			Consumer<Finding> findings) {
		Map<String, Set<YearMonth>> held = heldMonths(row.get("months"));
		List<String> zh = new ArrayList<>();
		List<String> en = new ArrayList<>();
		Map<String, Object> missed = new LinkedHashMap<>();
		if ("PARTY_CELL".equals(row.get("kind"))) {
			List<YearMonth> months = missingMonths(window, held, ActivitySubkind.CELL_MEETING);
			add(months, ActivitySubkind.CELL_MEETING, zh, en, missed);
		}
		else {
			if (Boolean.TRUE.equals(row.get("committee"))) {
				add(missingMonths(window, held, ActivitySubkind.BRANCH_COMMITTEE_MEETING),
						ActivitySubkind.BRANCH_COMMITTEE_MEETING, zh, en, missed);
			}
			for (ActivitySubkind quarterly : List.of(ActivitySubkind.MEMBERS_MEETING, ActivitySubkind.PARTY_LECTURE)) {
				List<Period> quarters = new ArrayList<>();
				for (Period q : window.periods(3)) {
					if (held.getOrDefault(quarterly.name(), Set.of()).stream().noneMatch(q::contains)) {
						quarters.add(q);
					}
				}
				if (!quarters.isEmpty()) {
					zh.add(quarters.stream().map(Period::zh).reduce((a, b) -> a + "、" + b).orElseThrow() + "未"
							+ verb(quarterly) + quarterly.zh());
					en.add("no " + quarterly.en().toLowerCase(java.util.Locale.ROOT) + " in "
							+ String.join(", ", quarters.stream().map(Period::en).toList()));
					missed.put(quarterly.name(), quarters.stream().map(Period::code).toList());
				}
			}
			if (held.getOrDefault(ActivitySubkind.ORG_LIFE_MEETING.name(), Set.of()).isEmpty()) {
				zh.add("全年未召开" + ActivitySubkind.ORG_LIFE_MEETING.zh());
				en.add("no organizational life meeting in the window");
				missed.put(ActivitySubkind.ORG_LIFE_MEETING.name(), List.of(window.start() + "/" + window.end()));
			}
		}
		if (zh.isEmpty()) {
			return;
		}
		String unitId = (String) row.get("unitId");
		Map<String, Object> finding = new LinkedHashMap<>(row);
		finding.put("code", "ORG_LIFE_CADENCE");
		finding.put("subject", List.of(unitId));
		finding.put("evidenceIds", List.of(unitId));
		finding.put("windowZh", window.zh());
		finding.put("windowEn", window.en());
		finding.put("missedZh", String.join("；", zh));
		finding.put("missedEn", String.join("; ", en));
		finding.put("metrics", Map.of("missed", missed));
		findings.accept(Findings.fromRow(definition, context, finding));
	}

	private static String verb(ActivitySubkind subkind) {
		return (subkind == ActivitySubkind.PARTY_LECTURE) ? "讲" : "召开";
	}

	private static void add(List<YearMonth> months, ActivitySubkind subkind, List<String> zh, List<String> en,
			Map<String, Object> missed) {
		if (months.isEmpty()) {
			return;
		}
		zh.add(String.join("、", months.stream().map(OrgLifeCadenceAnalysis::monthZh).toList()) + "未召开" + subkind.zh());
		en.add("no " + subkind.en().toLowerCase(java.util.Locale.ROOT) + " in "
				+ String.join(", ", months.stream().map(YearMonth::toString).toList()));
		missed.put(subkind.name(), months.stream().map(YearMonth::toString).toList());
	}

	private static List<YearMonth> missingMonths(Window window, Map<String, Set<YearMonth>> held,
			ActivitySubkind subkind) {
		Set<YearMonth> done = held.getOrDefault(subkind.name(), Set.of());
		return window.months().stream().filter((m) -> !done.contains(m)).toList();
	}

	/**
	 * subkind → months in which it was held, from a {@code months} column: one
	 * {@code [subkind, year, month]} entry per activity (a month may come several times).
	 */
	private static Map<String, Set<YearMonth>> heldMonths(Object months) {
		Map<String, Set<YearMonth>> held = new TreeMap<>();
		if (months instanceof Collection<?> c) {
			for (Object o : c) {
				if (o instanceof List<?> m && m.size() == 3 && m.get(0) instanceof String s
						&& m.get(1) instanceof Number y && m.get(2) instanceof Number mo) {
					held.computeIfAbsent(s, (k) -> new TreeSet<>()).add(YearMonth.of(y.intValue(), mo.intValue()));
				}
			}
		}
		return held;
	}

	// ---- FIRST_SECRETARY_REPORT_MISSING

	private void firstSecretaries(AnalysisDefinition definition, AnalysisContext context, Window window,
			List<Map<String, Object>> rows, Consumer<Finding> findings) {
		// one finding per unit and person, even for several postings of one
		// person there
		Map<List<String>, Set<YearMonth>> posted = new LinkedHashMap<>();
		Map<List<String>, Map<String, Object>> first = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			List<String> key = List.of((String) row.get("unitId"), (String) row.get("personId"));
			first.putIfAbsent(key, row);
			LocalDate since = (LocalDate) row.get("since");
			LocalDate until = (LocalDate) row.get("until");
			for (YearMonth m : window.months()) {
				if ((since == null || !since.isAfter(m.atDay(1)))
						&& (until == null || !until.isBefore(m.atEndOfMonth()))) {
					posted.computeIfAbsent(key, (k) -> new TreeSet<>()).add(m);
				}
			}
		}
		posted.forEach((key, months) -> {
			Map<String, Object> row = first.get(key);
			Map<String, Set<YearMonth>> held = heldMonths(row.get("months"));
			List<String> zh = new ArrayList<>();
			List<String> en = new ArrayList<>();
			List<String> missing = new ArrayList<>();
			for (YearMonth m : months) {
				boolean plan = held.getOrDefault(ActivitySubkind.MONTHLY_PLAN.name(), Set.of()).contains(m);
				boolean ledger = held.getOrDefault(ActivitySubkind.MONTHLY_LEDGER.name(), Set.of()).contains(m);
				if (plan && ledger) {
					continue;
				}
				missing.add(m.toString());
				String whatZh = (!plan && !ledger) ? "月初工作计划和月末履职台账"
						: (!plan) ? ActivitySubkind.MONTHLY_PLAN.zh() : ActivitySubkind.MONTHLY_LEDGER.zh();
				String whatEn = (!plan && !ledger) ? "plan and ledger" : (!plan) ? "plan" : "ledger";
				zh.add(monthZh(m) + "缺" + whatZh);
				en.add(m + " (" + whatEn + ")");
			}
			if (missing.isEmpty()) {
				return;
			}
			Map<String, Object> finding = new LinkedHashMap<>(row);
			finding.put("code", "FIRST_SECRETARY_REPORT_MISSING");
			finding.put("subject", key);
			finding.put("evidenceIds", key);
			finding.put("missedZh", String.join("、", zh));
			finding.put("missedEn", String.join(", ", en));
			finding.put("metrics", Map.of("months", missing));
			findings.accept(Findings.fromRow(definition, context, finding));
		});
	}

	// ---- EVALUATION_GAP

	private void evaluations(AnalysisDefinition definition, AnalysisContext context, Window window,
			Map<String, Object> row, Consumer<Finding> findings) {
		List<YearMonth> checked = new ArrayList<>();
		if (row.get("checks") instanceof Collection<?> c) {
			for (Object o : c) {
				if (o instanceof LocalDate d) {
					checked.add(YearMonth.from(d));
				}
			}
		}
		for (Period half : window.periods(6)) {
			if (checked.stream().anyMatch(half::contains)) {
				continue;
			}
			String unitId = (String) row.get("unitId");
			Map<String, Object> finding = new LinkedHashMap<>(row);
			finding.put("code", "EVALUATION_GAP");
			finding.put("subject", List.of(unitId, half.code()));
			finding.put("evidenceIds", List.of(unitId, (String) row.get("committeeId")));
			finding.put("halfYear", half.code());
			finding.put("halfYearZh", half.zh());
			finding.put("halfYearEn", half.en());
			finding.put("metrics", Map.of("halfYear", half.code()));
			findings.accept(Findings.fromRow(definition, context, finding));
		}
	}

	// ---- MEETINGS_ONLY

	private void meetingsOnly(AnalysisDefinition definition, AnalysisContext context, Window window,
			Map<String, Object> row, Consumer<Finding> findings) {
		Set<ActivityKind> kinds = new LinkedHashSet<>();
		if (row.get("kinds") instanceof Collection<?> c) {
			new TreeSet<>(c.stream().map(String::valueOf).toList()).forEach((k) -> kinds.add(ActivityKind.valueOf(k)));
		}
		DutyDomain domain = DutyDomain.valueOf((String) row.get("domain"));
		Map<String, Object> finding = new LinkedHashMap<>(row);
		List<String> evidence = new ArrayList<>(List.of((String) row.get("unitId"), (String) row.get("dutyId")));
		if (row.get("activityIds") instanceof Collection<?> ids) {
			ids.forEach((id) -> evidence.add(String.valueOf(id)));
		}
		finding.put("code", "MEETINGS_ONLY");
		finding.put("subject", List.of((String) row.get("dutyId")));
		finding.put("evidenceIds", evidence);
		finding.put("windowZh", window.zh());
		finding.put("windowEn", window.en());
		finding.put("domainZh", domain.zh());
		finding.put("domainEn", domain.en().toLowerCase(java.util.Locale.ROOT));
		finding.put("kindsZh", String.join("、", kinds.stream().map(ActivityKind::zh).toList()));
		finding.put("kindsEn",
				String.join(", ", kinds.stream().map((k) -> k.en().toLowerCase(java.util.Locale.ROOT)).toList()));
		finding.remove("kinds");
		finding.put("metrics",
				Map.of("activities", row.get("activities"), "kinds", kinds.stream().map(Enum::name).toList()));
		findings.accept(Findings.fromRow(definition, context, finding));
	}

}
