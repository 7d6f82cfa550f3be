package org.dutychain.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlAuditReportTests {

	@Test
	void hasEverySectionOnItsOwnPrintedPage() {
		Document page = Jsoup.parse(HtmlAuditReport.html(ReportSamples.content(false)));
		assertThat(page.select("section").eachAttr("data-section")).containsExactly("cover", "summary", "coverage",
				"pressure", "findings", "staffing", "weak", "supervisions", "rules");
		String css = page.select("style").html();
		assertThat(css).contains("size: A4 portrait").contains("page-break-before: always").contains("counter(page)");
		assertThat(page.select("link[rel=stylesheet], script[src]")).as("self-contained").isEmpty();
	}

	@Test
	void coverShowsScopeDateDatasetAndFindingCount() {
		Document page = Jsoup.parse(HtmlAuditReport.html(ReportSamples.content(false)));
		String cover = page.select("#cover").text();
		assertThat(cover).contains(ReportContent.TITLE, "省直机关工委", "2025-06-30", "示范省直机关", "2025-07-01 10:30",
				"发现问题共 5 项（高 2，中 2，低 1）");
	}

	@Test
	void listsEveryFindingGroupedBySeverityThenUnit() {
		Document page = Jsoup.parse(HtmlAuditReport.html(ReportSamples.content(false)));
		assertThat(page.select("tr.finding")).hasSize(ReportSamples.findings().size());
		assertThat(page.select("h3.severity").eachText()).containsExactly("严重程度：高（2 项）", "严重程度：中（2 项）", "严重程度：低（1 项）");
		assertThat(page.select("#findings h4").eachText()).containsExactly("机关党委（U-2，第 2 级）", "第一党支部（U-3，第 3 级）",
				"机关党委（U-2，第 2 级）", "第一党支部（U-3，第 3 级）", "第一党支部（U-3，第 3 级）");
		assertThat(page.select("tr.finding[data-key=post-vacancy/POST_VACANT/U-2/P-2]").text())
			.contains("机关党委的书记岗位在2025-06-30无人任职", "书记 —（空缺，主体责任）");
	}

	@Test
	void showsCoveragePressureChartAndTheOtherSections() {
		Document page = Jsoup.parse(HtmlAuditReport.html(ReportSamples.content(false)));
		assertThat(page.select("#coverage tr.level")).hasSize(3);
		assertThat(page.select("#coverage thead th").eachText()).contains("政治建设", "工作保障");
		assertThat(page.select("[data-chart=pressure] .bar")).hasSize(3);
		assertThat(page.select("[data-chart=pressure] .bar").first().attr("style")).contains("width: 100.0%");
		assertThat(page.select("#staffing tr.staffing")).hasSize(2);
		assertThat(page.select("#weak tr.weak-unit").text()).contains("组织部门指导");
		assertThat(page.select("#supervisions tr.supervision").text()).contains("整改", "逾期");
		assertThat(page.select("#rules pre").text()).contains("MATCH (u:Unit)");
	}

	@Test
	void showsTheChangesSinceTheChosenSnapshot() {
		Document page = Jsoup.parse(HtmlAuditReport.html(ReportSamples.content(true)));
		assertThat(page.select("#changes .diff-summary").text()).isEqualTo("自上次检查以来：关闭 2 项，新增 1 项，未变 0 项");
		assertThat(page.select("#changes table.added tr.change")).hasSize(1);
		assertThat(page.select("#changes table.resolved tr.change")).hasSize(2);
		assertThat(page.select("#changes tr.level-delta").eachText()).containsExactly("第 1 级 1 1 +0% +0.10 +0%",
				"第 2 级 1 1 +25% -0.20 +0%");
	}

	@Test
	void isWellFormedXhtmlForThePdfRenderer() {
		String html = HtmlAuditReport.pdfHtml(ReportSamples.content(true));
		Document xml = Jsoup.parse(html, "", Parser.xmlParser());
		assertThat(xml.select("tr.finding")).hasSize(5);
		assertThat(html).contains("font-family: " + HtmlAuditReport.PDF_FONT_FAMILY);
	}

}
