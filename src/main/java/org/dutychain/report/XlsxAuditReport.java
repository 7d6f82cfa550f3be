package org.dutychain.report;

import java.io.OutputStream;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dutychain.config.Workbooks;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Severity;

/**
 * The audit report as a workbook (XLSX): one sheet per section, streamed through
 * {@link SXSSFWorkbook} so a report of a whole province does not have to fit in memory as
 * a cell tree.
 */
final class XlsxAuditReport {

	static final String COVER = "封面";

	static final String SCORES = "评分";

	static final String COVERAGE = "覆盖矩阵";

	static final String PRESSURE = "压力分布";

	static final String FINDINGS = "发现问题";

	static final String CHANGES = "上次以来变化";

	static final String LEVEL_CHANGES = "层级变化";

	static final String STAFFING = "岗位空缺与到期";

	static final String WEAK = "软弱涣散";

	static final String SUPERVISIONS = "挂牌督办";

	static final String RULES = "附录规则";

	private static final int WINDOW = 200;

	private XlsxAuditReport() {
	}

	static void write(ReportContent content, OutputStream out) {
		Workbooks.write(WINDOW, out, (workbook) -> {
			XlsxStyles styles = new XlsxStyles(workbook);
			cover(content, workbook, styles);
			scores(content.document(), workbook, styles, content.markLine());
			coverage(content.document(), workbook, styles, content.markLine());
			pressure(content.document(), workbook, styles, content.markLine());
			findings(content, workbook, styles);
			content.since().ifPresent((diff) -> changes(content, diff, workbook, styles));
			staffing(content, workbook, styles);
			weak(content, workbook, styles);
			supervisions(content, workbook, styles);
			if (content.options().appendix()) {
				rules(content, workbook, styles);
			}
		});
	}

	private static void cover(ReportContent content, SXSSFWorkbook workbook, XlsxStyles styles) {
		String mark = content.markLine();
		AuditDocument doc = content.document();
		XlsxSheet sheet = new XlsxSheet(workbook.createSheet(COVER), styles, List.of("项目", "内容"));
		int[] counts = ReportScores.count(doc.findings());
		sheet.row(null, "报告", ReportContent.TITLE);
		sheet.row(null, "检查范围", content.scopeName());
		sheet.row(null, "范围单位编号", (doc.scope() != null) ? doc.scope() : "全部");
		sheet.row(null, "评估日期", doc.asOf());
		sheet.row(null, "数据集", (doc.dataset() != null) ? doc.dataset() : "—");
		sheet.row(null, "生成时间", content.generatedAt());
		sheet.row(null, "发现问题总数", doc.findings().size());
		sheet.row(styles.severity(Severity.HIGH), "高", counts[0]);
		sheet.row(styles.severity(Severity.MEDIUM), "中", counts[1]);
		sheet.row(styles.severity(Severity.LOW), "低", counts[2]);
		sheet.row(null, "总体得分", ReportScores.overall(doc).score());
		content.since()
			.ifPresent((diff) -> sheet.row(null, "与快照比较",
					diff.summaryZh() + "（" + diff.from().label() + "，" + diff.from().id() + "）"));
		sheet.row(null, "密级", ReportOptions.MARK);
		sheet.row(null, "导出人", (content.options().user() != null) ? content.options().user() : "—");
		sheet.finish(mark);
	}

	private static void scores(AuditDocument doc, SXSSFWorkbook workbook, XlsxStyles styles, String mark) {
		XlsxSheet sheet = new XlsxSheet(workbook.createSheet(SCORES), styles,
				List.of("类别", "编号", "名称", "检查对象数", "高", "中", "低", "得分"));
		List<ReportScores.Score> all = new ArrayList<>(ReportScores.byAnalysis(doc));
		all.addAll(ReportScores.byLevel(doc));
		all.add(ReportScores.overall(doc));
		for (ReportScores.Score s : all) {
			sheet.row(null, s.group(), s.id(), s.name(), s.examined(), s.high(), s.medium(), s.low(), s.score());
		}
		sheet.finish(mark);
	}

	private static void coverage(AuditDocument doc, SXSSFWorkbook workbook, XlsxStyles styles, String mark) {
		List<String> headers = new ArrayList<>(List.of("层级", "单位数"));
		ReportScores.domains().forEach((d) -> headers.add(ReportScores.domainZh(d)));
		XlsxSheet sheet = new XlsxSheet(workbook.createSheet(COVERAGE), styles, headers);
		for (AuditDocument.LevelSummary l : doc.levels()) {
			List<Object> values = new ArrayList<>(List.of(l.level(), l.units()));
			for (String d : ReportScores.domains()) {
				Double share = l.coverage().get(d);
				values.add((share != null) ? new XlsxSheet.Percent(share) : null);
			}
			sheet.row(null, values.toArray());
		}
		sheet.finish(mark);
	}

	private static void pressure(AuditDocument doc, SXSSFWorkbook workbook, XlsxStyles styles, String mark) {
		XlsxSheet sheet = new XlsxSheet(workbook.createSheet(PRESSURE), styles,
				List.of("层级", "单位数", "平均压力", "压力中位数", "无活动单位占比", "与上一级之比"));
		Double above = null;
		for (AuditDocument.LevelSummary l : doc.levels()) {
			Double ratio = (above != null && above > 0) ? l.pressureMean() / above : null;
			sheet.row(null, l.level(), l.units(), l.pressureMean(), l.pressureMedian(),
					new XlsxSheet.Percent(l.coldShare()), (ratio != null) ? new XlsxSheet.Percent(ratio) : null);
			above = l.pressureMean();
		}
		sheet.finish(mark);
	}

	private static void findings(ReportContent content, SXSSFWorkbook workbook, XlsxStyles styles) {
		String mark = content.markLine();
		XlsxSheet sheet = new XlsxSheet(workbook.createSheet(FINDINGS), styles,
				List.of("序号", "严重程度", "层级", "单位编号", "单位", "分析", "代码", "问题说明", "责任岗位/人员", "证据", "主键"));
		Map<String, String> titles = analysisTitles(content.document());
		int n = 0;
		for (List<Finding> group : content.findingsBySeverity().values()) {
			for (Finding f : group) {
				sheet.row(styles.severity(f.severity()), ++n, f.severity().zh(), f.level(), f.unitId(),
						content.unitName(f.unitId()), titles.getOrDefault(f.analysis(), f.analysis()), f.code(),
						f.messageZh(), content.accountableFor(f), String.join("、", f.evidence().nodeIds()), f.key());
			}
		}
		sheet.finish(mark);
	}

	private static void changes(ReportContent content, SnapshotDiff diff, SXSSFWorkbook workbook, XlsxStyles styles) {
		String mark = content.markLine();
		XlsxSheet sheet = new XlsxSheet(workbook.createSheet(CHANGES), styles,
				List.of("变化", "严重程度", "层级", "单位编号", "单位", "分析", "代码", "问题说明", "主键"));
		for (SnapshotDiff.FindingRef f : diff.added()) {
			changeRow(content, sheet, styles, "新增", f);
		}
		for (SnapshotDiff.FindingRef f : diff.resolved()) {
			changeRow(content, sheet, styles, "关闭", f);
		}
		for (SnapshotDiff.FindingRef f : diff.ruleChanged()) {
			changeRow(content, sheet, styles, "规则调整", f);
		}
		sheet.finish(mark);
		List<String> headers = new ArrayList<>(List.of("层级", "此前单位数", "本次单位数", "平均压力变化", "压力中位数变化", "无活动占比变化"));
		ReportScores.domains().forEach((d) -> headers.add(ReportScores.domainZh(d) + "覆盖变化"));
		XlsxSheet levels = new XlsxSheet(workbook.createSheet(LEVEL_CHANGES), styles, headers);
		for (SnapshotDiff.LevelDelta l : diff.levels()) {
			List<Object> values = new ArrayList<>(List.of(l.level(), l.unitsBefore(), l.unitsAfter(),
					l.pressureMeanDelta(), l.pressureMedianDelta(), new XlsxSheet.Percent(l.coldShareDelta())));
			for (String d : ReportScores.domains()) {
				Double delta = l.coverage().get(d);
				values.add((delta != null) ? new XlsxSheet.Percent(delta) : null);
			}
			levels.row(null, values.toArray());
		}
		levels.finish(mark);
	}

	private static void changeRow(ReportContent content, XlsxSheet sheet, XlsxStyles styles, String change,
			SnapshotDiff.FindingRef f) {
		sheet.row(styles.severity(f.severity()), change, f.severity().zh(), f.level(), f.unitId(),
				content.unitName(f.unitId()), f.analysis(), f.code(), f.messageZh(), f.key());
	}

	private static void staffing(ReportContent content, SXSSFWorkbook workbook, XlsxStyles styles) {
		String mark = content.markLine();
		XlsxSheet sheet = new XlsxSheet(workbook.createSheet(STAFFING), styles,
				List.of("类型", "单位编号", "单位", "岗位编号", "岗位", "人员编号", "人员", "任期截止", "剩余天数"));
		for (ReportContent.Staffing s : content.staffing()) {
			Long days = (s.until() != null) ? ChronoUnit.DAYS.between(content.document().asOf(), s.until()) : null;
			sheet.row(s.vacant() ? styles.severity(Severity.HIGH) : null, s.vacant() ? "空缺" : "即将到期", s.unitId(),
					s.unitName(), s.postId(), s.postTitle(), s.personId(), s.personName(), s.until(), days);
		}
		sheet.finish(mark);
	}

	private static void weak(ReportContent content, SXSSFWorkbook workbook, XlsxStyles styles) {
		String mark = content.markLine();
		XlsxSheet sheet = new XlsxSheet(workbook.createSheet(WEAK), styles,
				List.of("单位编号", "单位", "领域", "认定依据", "现有帮扶", "缺少帮扶", "第一书记"));
		for (ReportContent.WeakUnit w : content.weakUnits()) {
			sheet.row(w.missing().isEmpty() ? null : styles.severity(Severity.HIGH), w.unitId(), w.unitName(),
					w.sector(), w.basis(), String.join("、", w.assistance()), String.join("、", w.missing()),
					w.firstSecretary());
		}
		sheet.finish(mark);
	}

	private static void supervisions(ReportContent content, SXSSFWorkbook workbook, XlsxStyles styles) {
		String mark = content.markLine();
		XlsxSheet sheet = new XlsxSheet(workbook.createSheet(SUPERVISIONS), styles,
				List.of("编号", "单位编号", "单位", "挂牌单位", "挂牌日期", "整改期限", "阶段", "结果", "结果日期", "是否逾期"));
		for (ReportContent.Listing l : content.supervisions()) {
			sheet.row(l.overdue() ? styles.severity(Severity.HIGH) : null, l.id(), l.unitId(), l.unitName(),
					l.listedBy(), l.listedOn(), l.deadline(), ReportScores.stageZh(l.stage()),
					ReportScores.outcomeZh(l.outcome()), l.outcomeOn(), l.overdue() ? "逾期" : "");
		}
		sheet.finish(mark);
	}

	private static void rules(ReportContent content, SXSSFWorkbook workbook, XlsxStyles styles) {
		String mark = content.markLine();
		XlsxSheet sheet = new XlsxSheet(workbook.createSheet(RULES), styles, List.of("分析编号", "名称", "行号", "规则文本"));
		for (ReportContent.Rule r : content.rules()) {
			String[] lines = r.text().split("\r?\n", -1);
			for (int i = 0; i < lines.length; i++) {
				sheet.row(null, r.id(), ReportScores.titleZh(r.title()), i + 1, lines[i]);
			}
		}
		sheet.finish(mark);
	}

	private static Map<String, String> analysisTitles(AuditDocument doc) {
		Map<String, String> titles = new java.util.HashMap<>();
		doc.analyses().forEach((a) -> titles.put(a.id(), ReportScores.titleZh(a.title())));
		return titles;
	}

}
