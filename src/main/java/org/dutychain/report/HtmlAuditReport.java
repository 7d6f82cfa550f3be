package org.dutychain.report;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Severity;

/**
 * The audit report as one self-contained printable page (HTML): inline CSS, A4 portrait,
 * one section per page, page header and footer from {@code @page} margin boxes, and the
 * pressure chart drawn as CSS bars so the same markup prints from a browser and renders
 * to PDF. The markup is well-formed XHTML, which the PDF renderer requires.
 */
final class HtmlAuditReport {

	/** Font family the PDF renderer registers for the embedded CJK font. */
	static final String PDF_FONT_FAMILY = "dutychain-cjk";

	private static final String SCREEN_FONTS = "\"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", sans-serif";

	private HtmlAuditReport() {
	}

	/** The page for a browser. */
	static String html(ReportContent content) {
		return html(content, SCREEN_FONTS);
	}

	/** The page for the PDF renderer: the embedded font first. */
	static String pdfHtml(ReportContent content) {
		return html(content, PDF_FONT_FAMILY + ", sans-serif");
	}

	private static String html(ReportContent content, String fonts) {
		AuditDocument doc = content.document();
		Html h = new Html();
		h.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">\n<head>\n");
		h.raw("<meta charset=\"UTF-8\" />\n<title>")
			.text(ReportContent.TITLE + " · " + content.scopeName())
			.raw("</title>\n<style>\n")
			.raw(css(content, fonts))
			.raw("</style>\n</head>\n<body>\n");
		h.raw("<div class=\"mark\" id=\"mark\">").text(content.markLine()).raw("</div>\n");
		cover(h, content);
		summary(h, content);
		content.since().ifPresent((diff) -> changes(h, content, diff));
		coverage(h, doc);
		pressure(h, doc);
		findings(h, content);
		staffing(h, content);
		weak(h, content);
		supervisions(h, content);
		if (content.options().appendix()) {
			rules(h, content);
		}
		h.raw("</body>\n</html>\n");
		return h.toString();
	}

	private static String css(ReportContent content, String fonts) {
		String header = escapeCss(
				ReportContent.TITLE + " · " + content.scopeName() + " · " + content.document().asOf());
		String mark = escapeCss(content.markLine());
		return """
				@page { size: A4 portrait; margin: 20mm 15mm 18mm 15mm;
				  @top-center { content: "%s"; font-family: %s; font-size: 8pt; color: #666; }
				  @bottom-left { content: "%s"; font-family: %s; font-size: 7pt; color: #b22; }
				  @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-family: %s; font-size: 8pt; color: #666; } }
				@page :first { @top-center { content: none; } }
				.mark { color: #b22; font-size: 9pt; font-weight: bold; text-align: right; margin: 0 0 2mm 0; }
				html, body { font-family: %s; font-size: 10pt; color: #222; }
				section { display: block; page-break-before: always; }
				section.cover { page-break-before: auto; padding-top: 0; text-align: center; }
				h1 { font-size: 22pt; margin: 0 0 8mm 0; }
				h2 { font-size: 15pt; border-bottom: 2px solid #b22; padding-bottom: 2mm; }
				h3 { font-size: 12pt; margin-top: 6mm; }
				h4 { font-size: 10.5pt; margin: 4mm 0 1mm 0; }
				table { border-collapse: collapse; width: 100%%; margin: 2mm 0 4mm 0; -fs-table-paginate: paginate; }
				thead { display: table-header-group; }
				tr { page-break-inside: avoid; }
				th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; vertical-align: top; text-align: left;
				  word-wrap: break-word; overflow-wrap: break-word; }
				table.findings { table-layout: fixed; }
				th { background: #d9e1f2; }
				td.num { text-align: right; }
				table.cover-facts { width: 70%%; margin: 0 auto; }
				table.cover-facts th { width: 30%%; }
				.sev-HIGH { background: #ffc7ce; }
				.sev-MEDIUM { background: #ffeb9c; }
				.sev-LOW { background: #ddebf7; }
				.bar-track { background: #eee; height: 4mm; width: 100%%; }
				.bar { background: #b22; height: 4mm; }
				.bar.cold { background: #888; }
				.note { color: #555; font-size: 9pt; }
				pre { font-family: monospace, %s; font-size: 7.5pt; white-space: pre-wrap; word-wrap: break-word;
				  background: #f6f6f6; border: 1px solid #ddd; padding: 2mm; }
				"""
			.formatted(header, fonts, mark, fonts, fonts, fonts, fonts);
	}

	private static void cover(Html h, ReportContent content) {
		AuditDocument doc = content.document();
		int[] counts = ReportScores.count(doc.findings());
		h.raw("<section class=\"cover\" id=\"cover\" data-section=\"cover\">\n<h1>")
			.text(ReportContent.TITLE)
			.raw("</h1>\n<table class=\"cover-facts\">\n");
		fact(h, "检查范围", content.scopeName() + ((doc.scope() != null) ? "（" + doc.scope() + "）" : ""));
		fact(h, "评估日期", String.valueOf(doc.asOf()));
		fact(h, "数据集", (doc.dataset() != null) ? doc.dataset() : "—");
		fact(h, "生成时间", content.generatedAt().format(ReportScores.DATE_TIME));
		fact(h, "发现问题",
				"发现问题共 " + doc.findings().size() + " 项（高 " + counts[0] + "，中 " + counts[1] + "，低 " + counts[2] + "）");
		fact(h, "总体得分", String.valueOf(ReportScores.overall(doc).score()));
		content.since().ifPresent((diff) -> fact(h, "与快照比较", diff.summaryZh()));
		h.raw("</table>\n</section>\n");
	}

	private static void fact(Html h, String name, String value) {
		h.raw("<tr><th>").text(name).raw("</th><td>").text(value).raw("</td></tr>\n");
	}

	private static void summary(Html h, ReportContent content) {
		AuditDocument doc = content.document();
		open(h, "summary", "总体评分");
		h.raw("<p class=\"note\">").text(ReportScores.SCORE_RULE).raw("</p>\n");
		h.raw("<h3>按分析</h3>\n");
		scoreTable(h, ReportScores.byAnalysis(doc), "分析");
		h.raw("<h3>按层级</h3>\n");
		scoreTable(h, ReportScores.byLevel(doc), "层级");
		h.raw("</section>\n");
	}

	private static void scoreTable(Html h, List<ReportScores.Score> scores, String what) {
		h.raw("<table class=\"scores\"><thead><tr><th>")
			.text(what)
			.raw("</th><th>检查对象数</th><th>高</th><th>中</th><th>低</th><th>得分</th></tr></thead><tbody>\n");
		for (ReportScores.Score s : scores) {
			h.raw("<tr data-id=\"").text(s.id()).raw("\"><td>").text(s.name()).raw("</td>");
			num(h, s.examined());
			num(h, s.high());
			num(h, s.medium());
			num(h, s.low());
			num(h, s.score());
			h.raw("</tr>\n");
		}
		h.raw("</tbody></table>\n");
	}

	private static void num(Html h, Object value) {
		h.raw("<td class=\"num\">").text(String.valueOf(value)).raw("</td>");
	}

	private static void changes(Html h, ReportContent content, SnapshotDiff diff) {
		open(h, "changes", "自上次检查以来");
		h.raw("<p class=\"diff-summary\">")
			.text(diff.summaryZh())
			.raw("</p>\n<p class=\"note\">")
			.text("比较基准：快照“" + diff.from().label() + "”（" + diff.from().id() + "，评估日期 " + diff.from().asOf() + "）")
			.raw("</p>\n");
		changeTable(h, content, "新增", "added", diff.added());
		changeTable(h, content, "关闭", "resolved", diff.resolved());
		if (!diff.ruleChanged().isEmpty()) {
			changeTable(h, content, "规则调整（非整改）", "rule-changed", diff.ruleChanged());
		}
		if (!diff.levels().isEmpty()) {
			h.raw("<h3>各层级变化</h3>\n<table class=\"level-deltas\"><thead><tr><th>层级</th><th>此前单位数</th><th>本次单位数</th>"
					+ "<th>清单覆盖变化（各领域平均）</th><th>平均压力变化</th><th>无活动占比变化</th></tr></thead><tbody>\n");
			for (SnapshotDiff.LevelDelta l : diff.levels()) {
				double coverage = l.coverage().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
				h.raw("<tr class=\"level-delta\"><td>").text(ReportScores.levelName(l.level())).raw("</td>");
				num(h, l.unitsBefore());
				num(h, l.unitsAfter());
				num(h, ReportScores.signed(coverage, true));
				num(h, ReportScores.signed(l.pressureMeanDelta(), false));
				num(h, ReportScores.signed(l.coldShareDelta(), true));
				h.raw("</tr>\n");
			}
			h.raw("</tbody></table>\n");
		}
		h.raw("</section>\n");
	}

	private static void changeTable(Html h, ReportContent content, String title, String css,
			List<SnapshotDiff.FindingRef> refs) {
		h.raw("<h3>").text(title + "（" + refs.size() + " 项）").raw("</h3>\n");
		if (refs.isEmpty()) {
			return;
		}
		h.raw("<table class=\"" + css
				+ "\"><thead><tr><th>严重程度</th><th>单位</th><th>代码</th><th>问题说明</th></tr></thead><tbody>\n");
		for (SnapshotDiff.FindingRef f : refs) {
			h.raw("<tr class=\"change sev-" + f.severity().name() + "\"><td>")
				.text(f.severity().zh())
				.raw("</td><td>")
				.text(content.unitName(f.unitId()))
				.raw("</td><td>")
				.text(f.code())
				.raw("</td><td>")
				.text(f.messageZh())
				.raw("</td></tr>\n");
		}
		h.raw("</tbody></table>\n");
	}

	private static void coverage(Html h, AuditDocument doc) {
		open(h, "coverage", "责任清单覆盖矩阵（层级 × 领域）");
		h.raw("<p class=\"note\">各层级中在该领域有至少一项责任事项的单位占比。</p>\n");
		h.raw("<table class=\"coverage\"><thead><tr><th>层级</th><th>单位数</th>");
		ReportScores.domains().forEach((d) -> h.raw("<th>").text(ReportScores.domainZh(d)).raw("</th>"));
		h.raw("</tr></thead><tbody>\n");
		for (AuditDocument.LevelSummary l : doc.levels()) {
			h.raw("<tr class=\"level\"><td>").text(ReportScores.levelName(l.level())).raw("</td>");
			num(h, l.units());
			for (String d : ReportScores.domains()) {
				Double share = l.coverage().get(d);
				if (share == null) {
					h.raw("<td class=\"num\">—</td>");
				}
				else {
					String css = (share >= 0.9) ? "" : (share >= 0.6) ? " sev-MEDIUM" : " sev-HIGH";
					h.raw("<td class=\"num" + css + "\">").text(ReportScores.percent(share)).raw("</td>");
				}
			}
			h.raw("</tr>\n");
		}
		h.raw("</tbody></table>\n</section>\n");
	}

	private static void pressure(Html h, AuditDocument doc) {
		open(h, "pressure", "压力传导（按层级）");
		double max = 1.0;
		for (AuditDocument.LevelSummary l : doc.levels()) {
			max = Math.max(max, l.pressureMean());
		}
		h.raw("<p class=\"note\">压力 = 近一年加权工作记录数 ÷ 该类单位的年度期望数；1.00 表示达到期望。</p>\n");
		h.raw("<table class=\"chart\" data-chart=\"pressure\"><thead><tr><th style=\"width: 18%\">层级</th>"
				+ "<th>平均压力</th><th style=\"width: 12%\">数值</th></tr></thead><tbody>\n");
		for (AuditDocument.LevelSummary l : doc.levels()) {
			h.raw("<tr><td>")
				.text(ReportScores.levelName(l.level()))
				.raw("</td><td><div class=\"bar-track\"><div class=\"bar\" style=\"width: ")
				.raw(String.format(Locale.ROOT, "%.1f%%", 100 * Math.max(0, l.pressureMean()) / max))
				.raw("\"></div></div></td>");
			num(h, ReportScores.number(l.pressureMean()));
			h.raw("</tr>\n");
		}
		h.raw("</tbody></table>\n");
		h.raw("<table class=\"pressure\"><thead><tr><th>层级</th><th>单位数</th><th>平均压力</th><th>压力中位数</th>"
				+ "<th>无活动单位占比</th><th>与上一级之比</th></tr></thead><tbody>\n");
		Double above = null;
		for (AuditDocument.LevelSummary l : doc.levels()) {
			h.raw("<tr class=\"level\"><td>").text(ReportScores.levelName(l.level())).raw("</td>");
			num(h, l.units());
			num(h, ReportScores.number(l.pressureMean()));
			num(h, ReportScores.number(l.pressureMedian()));
			num(h, ReportScores.percent(l.coldShare()));
			num(h, (above != null && above > 0) ? ReportScores.percent(l.pressureMean() / above) : "—");
			h.raw("</tr>\n");
			above = l.pressureMean();
		}
		h.raw("</tbody></table>\n</section>\n");
	}

	private static void findings(Html h, ReportContent content) {
		open(h, "findings", "发现问题（按严重程度、单位）");
		h.raw("<p class=\"finding-count\">").text("发现问题共 " + content.document().findings().size() + " 项").raw("</p>\n");
		Map<String, String> titles = new LinkedHashMap<>();
		content.document().analyses().forEach((a) -> titles.put(a.id(), ReportScores.titleZh(a.title())));
		int n = 0;
		for (Map.Entry<Severity, List<Finding>> group : content.findingsBySeverity().entrySet()) {
			List<Finding> list = group.getValue();
			h.raw("<h3 class=\"severity\" data-severity=\"" + group.getKey().name() + "\">")
				.text("严重程度：" + group.getKey().zh() + "（" + list.size() + " 项）")
				.raw("</h3>\n");
			Map<String, List<Finding>> byUnit = new LinkedHashMap<>();
			list.forEach((f) -> byUnit.computeIfAbsent(String.valueOf(f.unitId()), (k) -> new ArrayList<>()).add(f));
			for (List<Finding> unit : byUnit.values()) {
				Finding first = unit.get(0);
				h.raw("<h4>")
					.text(content.unitName(first.unitId()) + ((first.unitId() != null)
							? "（" + first.unitId() + "，" + ReportScores.levelName(first.level()) + "）" : ""))
					.raw("</h4>\n");
				h.raw("<table class=\"findings\"><thead><tr><th style=\"width: 7%\">序号</th><th style=\"width: 22%\">问题</th>"
						+ "<th style=\"width: 35%\">说明</th><th style=\"width: 20%\">责任岗位/人员</th><th style=\"width: 16%\">证据</th></tr></thead><tbody>\n");
				for (Finding f : unit) {
					h.raw("<tr class=\"finding sev-" + f.severity().name() + "\" data-key=\"").text(f.key()).raw("\">");
					num(h, ++n);
					h.raw("<td>")
						.text(titles.getOrDefault(f.analysis(), f.analysis()))
						.raw("<br />")
						.text(f.code())
						.raw("</td><td>")
						.text(f.messageZh())
						.raw("</td><td>")
						.text(content.accountableFor(f))
						.raw("</td><td>")
						.text(String.join("、", f.evidence().nodeIds()))
						.raw("</td></tr>\n");
				}
				h.raw("</tbody></table>\n");
			}
		}
		h.raw("</section>\n");
	}

	private static void staffing(Html h, ReportContent content) {
		open(h, "staffing", "岗位空缺与 " + ReportContent.EXPIRY_DAYS + " 天内到期任职");
		List<ReportContent.Staffing> rows = content.staffing();
		h.raw("<p>")
			.text("空缺岗位 " + rows.stream().filter(ReportContent.Staffing::vacant).count() + " 个，"
					+ ReportContent.EXPIRY_DAYS + " 天内到期任职 " + rows.stream().filter((s) -> !s.vacant()).count() + " 项。")
			.raw("</p>\n");
		if (!rows.isEmpty()) {
			h.raw("<table class=\"staffing\"><thead><tr><th>类型</th><th>单位</th><th>岗位</th><th>人员</th><th>任期截止</th>"
					+ "<th>剩余天数</th></tr></thead><tbody>\n");
			for (ReportContent.Staffing s : rows) {
				h.raw("<tr class=\"staffing" + (s.vacant() ? " sev-HIGH" : "") + "\"><td>")
					.text(s.vacant() ? "空缺" : "即将到期")
					.raw("</td><td>")
					.text(s.unitName())
					.raw("</td><td>")
					.text(s.postTitle())
					.raw("</td><td>")
					.text(s.personName())
					.raw("</td><td>")
					.text((s.until() != null) ? s.until().toString() : "")
					.raw("</td>");
				num(h, (s.until() != null) ? ChronoUnit.DAYS.between(content.document().asOf(), s.until()) : "");
				h.raw("</tr>\n");
			}
			h.raw("</tbody></table>\n");
		}
		h.raw("</section>\n");
	}

	private static void weak(Html h, ReportContent content) {
		open(h, "weak", "软弱涣散基层党组织及帮扶情况");
		h.raw("<p>").text("软弱涣散党组织 " + content.weakUnits().size() + " 个。").raw("</p>\n");
		if (!content.weakUnits().isEmpty()) {
			h.raw("<table class=\"weak\"><thead><tr><th>单位</th><th>领域</th><th>认定依据</th><th>现有帮扶</th><th>缺少帮扶</th>"
					+ "<th>第一书记</th></tr></thead><tbody>\n");
			for (ReportContent.WeakUnit w : content.weakUnits()) {
				h.raw("<tr class=\"weak-unit" + (w.missing().isEmpty() ? "" : " sev-HIGH") + "\"><td>")
					.text(w.unitName())
					.raw("</td><td>")
					.text(w.sector())
					.raw("</td><td>")
					.text(w.basis())
					.raw("</td><td>")
					.text(String.join("、", w.assistance()))
					.raw("</td><td>")
					.text(String.join("、", w.missing()))
					.raw("</td><td>")
					.text(w.firstSecretary())
					.raw("</td></tr>\n");
			}
			h.raw("</tbody></table>\n");
		}
		h.raw("</section>\n");
	}

	private static void supervisions(Html h, ReportContent content) {
		open(h, "supervisions", "挂牌督办");
		h.raw("<p>")
			.text("挂牌督办 " + content.supervisions().size() + " 件，其中逾期 "
					+ content.supervisions().stream().filter(ReportContent.Listing::overdue).count() + " 件。")
			.raw("</p>\n");
		if (!content.supervisions().isEmpty()) {
			h.raw("<table class=\"supervisions\"><thead><tr><th>编号</th><th>单位</th><th>挂牌单位</th><th>挂牌日期</th>"
					+ "<th>整改期限</th><th>阶段</th><th>结果</th></tr></thead><tbody>\n");
			for (ReportContent.Listing l : content.supervisions()) {
				h.raw("<tr class=\"supervision" + (l.overdue() ? " sev-HIGH" : "") + "\"><td>")
					.text(l.id())
					.raw("</td><td>")
					.text(l.unitName())
					.raw("</td><td>")
					.text(l.listedBy())
					.raw("</td><td>")
					.text(String.valueOf(l.listedOn()))
					.raw("</td><td>")
					.text(((l.deadline() != null) ? l.deadline().toString() : "") + (l.overdue() ? "（逾期）" : ""))
					.raw("</td><td>")
					.text(ReportScores.stageZh(l.stage()))
					.raw("</td><td>")
					.text(ReportScores.outcomeZh(l.outcome()) + ((l.outcomeOn() != null) ? " " + l.outcomeOn() : ""))
					.raw("</td></tr>\n");
			}
			h.raw("</tbody></table>\n");
		}
		h.raw("</section>\n");
	}

	private static void rules(Html h, ReportContent content) {
		open(h, "rules", "附录：分析规则");
		for (ReportContent.Rule r : content.rules()) {
			h.raw("<h3 class=\"rule\" data-analysis=\"")
				.text(r.id())
				.raw("\">")
				.text(ReportScores.titleZh(r.title()) + "（" + r.id() + "）")
				.raw("</h3>\n<pre>")
				.text(r.text())
				.raw("</pre>\n");
		}
		h.raw("</section>\n");
	}

	private static void open(Html h, String id, String title) {
		h.raw("<section id=\"" + id + "\" data-section=\"" + id + "\">\n<h2>").text(title).raw("</h2>\n");
	}

	/**
	 * Text for a quoted CSS string inside the {@code <style>} block: everything but
	 * letters, digits, CJK text and a few harmless marks becomes a CSS hex escape
	 * ({@code \\3c }), so no name can close the string, the rule or the style element
	 * ({@code </style><script>} stays inert text).
	 */
	static String escapeCss(String s) {
		StringBuilder b = new StringBuilder(s.length() + 16);
		s.codePoints().forEach((cp) -> {
			boolean safe = Character.isLetterOrDigit(cp) || cp == ' ' || cp == '·' || cp == '-' || cp == '.'
					|| cp == '（' || cp == '）' || cp == ':' || cp == '_' || cp == ',';
			if (safe && !Character.isISOControl(cp)) {
				b.appendCodePoint(cp);
			}
			else {
				b.append('\\').append(Integer.toHexString(cp)).append(' ');
			}
		});
		return b.toString();
	}

	/** A string builder that escapes text for XHTML. */
	private static final class Html {

		private final StringBuilder sb = new StringBuilder(1 << 16);

		Html raw(String s) {
			this.sb.append(s);
			return this;
		}

		Html text(String s) {
			if (s == null) {
				return this;
			}
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '&' -> this.sb.append("&amp;");
					case '<' -> this.sb.append("&lt;");
					case '>' -> this.sb.append("&gt;");
					case '"' -> this.sb.append("&quot;");
					case '\'' -> this.sb.append("&#39;");
					default -> {
						if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
							this.sb.append(c);
						}
					}
				}
			}
			return this;
		}

		@Override
		public String toString() {
			return this.sb.toString();
		}

	}

}
