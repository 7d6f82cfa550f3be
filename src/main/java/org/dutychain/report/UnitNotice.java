package org.dutychain.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dutychain.accountability.AccountabilityEntry;
import org.dutychain.accountability.AccountabilityService;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.Finding;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;
import org.dutychain.organization.UnknownUnitException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * 督办通知 / 问题清单 of a unit (issue 12): the open findings and issues of its subtree,
 * numbered, each with the rank-1 accountable post and its holder (or （空缺）), the deadline
 * and the measures; issued in the name of the committee at the root above the unit, dated
 * today. An A4 PDF in Chinese (the embedded CJK font of the audit report) or an XLSX
 * sheet.
 */
@Service
public class UnitNotice {

	private static final String FILE = "query/notice.cypher";

	static final String VACANT = "（空缺）";

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final Datasets datasets;

	private final AuditCache audits;

	private final ObjectProvider<AccountabilityService> accountability;

	UnitNotice(Neo4jGraph graph, CypherFiles cypher, Datasets datasets, AuditCache audits,
			ObjectProvider<AccountabilityService> accountability) {
		this.graph = graph;
		this.cypher = cypher;
		this.datasets = datasets;
		this.audits = audits;
		this.accountability = accountability;
	}

	/**
	 * One numbered line of the notice.
	 *
	 * @param kind 问题 (an issue) or 发现 (a finding)
	 */
	public record Item(int number, String kind, String id, String unitName, String text, String postTitle,
			String holder, String deadline, List<String> measures) {
	}

	/** The notice's content. */
	public record Content(String committee, String unitId, String unitName, LocalDate asOf, LocalDate date,
			List<Item> items) {
	}

	/**
	 * @throws UnknownUnitException when the unit is not in the dataset
	 */
	public Content content(String unitId, LocalDate requestedAsOf) {
		DatasetInfo active = this.datasets.active();
		LocalDate asOf = this.datasets.asOf(requestedAsOf);
		List<String> unitIds = List.copyOf(this.datasets.scopeLevels(active.generation(), unitId).keySet());
		Map<String, Object> params = new HashMap<>();
		params.put("generation", active.generation());
		params.put("unitId", unitId);
		params.put("unitIds", unitIds);
		params.put("asOf", asOf);
		Map<String, Object> head = this.graph.read(this.cypher.statement(FILE, "committee"), params).get(0);
		List<Item> items = new ArrayList<>();
		AccountabilityService chains = this.accountability.getIfAvailable();
		for (Map<String, Object> issue : this.graph.read(this.cypher.statement(FILE, "open-issues"), params)) {
			String post = null;
			String holder = null;
			if (chains != null) {
				AccountabilityEntry first = chains.forIssue((String) issue.get("id"), asOf)
					.entries()
					.stream()
					.filter((e) -> e.postId() != null)
					.findFirst()
					.orElse(null);
				if (first != null) {
					post = first.postTitle();
					holder = first.personName();
				}
			}
			List<String> measures = new ArrayList<>();
			for (Object m : (List<?>) issue.get("measures")) {
				Map<?, ?> mm = (Map<?, ?>) m;
				measures.add(mm.get("text") + "（" + status(mm.get("status")) + "，时限 "
						+ Objects.toString(mm.get("due"), "未定") + "）");
			}
			items.add(new Item(items.size() + 1, "问题", (String) issue.get("id"), (String) issue.get("unitName"),
					(String) issue.get("title"), orDash(post), (holder != null) ? holder : VACANT,
					Objects.toString(issue.get("due"), "未定"), measures));
		}
		Map<String, Map<String, Object>> principals = new HashMap<>();
		for (Map<String, Object> row : this.graph.read(this.cypher.statement(FILE, "principals"), params)) {
			principals.put((String) row.get("unitId"), row);
		}
		for (Finding f : this.audits.audit(unitId, asOf).findings()) {
			Map<String, Object> p = (f.unitId() != null) ? principals.get(f.unitId()) : null;
			String unitName = (p != null) ? (String) p.get("unitName") : "—";
			String post = (p != null) ? (String) p.get("postTitle") : null;
			String holder = (p != null) ? (String) p.get("holder") : null;
			items.add(new Item(items.size() + 1, "发现", f.key(), unitName, f.messageZh(), orDash(post),
					(holder != null) ? holder : VACANT, "", List.of()));
		}
		return new Content((String) head.get("committee"), unitId, (String) head.get("unitName"), asOf,
				this.datasets.today(), items);
	}

	/** The notice as an A4 PDF with the embedded CJK font. */
	public void pdf(Content content, OutputStream out) {
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(CjkFonts.require().toFile(), HtmlAuditReport.PDF_FONT_FAMILY);
			builder.withHtmlContent(html(content, HtmlAuditReport.PDF_FONT_FAMILY), null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The notice as one XLSX sheet (序号, 类型, 单位, 问题, 责任岗位, 责任人, 整改时限, 整改措施). */
	public void xlsx(Content content, OutputStream out) {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("督办通知");
			sheet.createRow(0).createCell(0).setCellValue(title(content));
			sheet.createRow(1)
				.createCell(0)
				.setCellValue(content.committee() + "　" + content.date() + "（评估日期 " + content.asOf() + "）");
			Row header = sheet.createRow(3);
			String[] columns = { "序号", "类型", "单位", "问题", "责任岗位", "责任人", "整改时限", "整改措施" };
			for (int c = 0; c < columns.length; c++) {
				header.createCell(c).setCellValue(columns[c]);
			}
			int r = 4;
			for (Item item : content.items()) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(item.number());
				row.createCell(1).setCellValue(item.kind());
				row.createCell(2).setCellValue(item.unitName());
				row.createCell(3).setCellValue(item.text());
				row.createCell(4).setCellValue(item.postTitle());
				row.createCell(5).setCellValue(item.holder());
				row.createCell(6).setCellValue(item.deadline());
				row.createCell(7).setCellValue(String.join("；", item.measures()));
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String title(Content content) {
		return "关于" + content.unitName() + "问题整改的督办通知";
	}

	static String html(Content content, String font) {
		StringBuilder b = new StringBuilder();
		b.append("<!DOCTYPE html><html lang=\"zh\"><head><meta charset=\"UTF-8\"/><title>")
			.append(esc(title(content)))
			.append("</title><style>@page { size: A4 portrait; margin: 20mm 18mm; ")
			.append("@bottom-center { content: counter(page) \" / \" counter(pages); font-family: '")
			.append(font)
			.append("'; font-size: 9pt; } } body { font-family: '")
			.append(font)
			.append("'; font-size: 10.5pt; line-height: 1.5; } h1 { text-align: center; font-size: 16pt; } ")
			.append(".meta { text-align: right; } table { width: 100%; border-collapse: collapse; } ")
			.append("th, td { border: 0.5pt solid #444; padding: 3pt; vertical-align: top; font-size: 9pt; } ")
			.append("tr { page-break-inside: avoid; }</style></head><body>");
		b.append("<h1>").append(esc(title(content))).append("</h1>");
		b.append("<p>").append(esc(content.unitName())).append("：</p>");
		b.append("<p>经审计分析，截至")
			.append(content.asOf())
			.append("，你单位及所属党组织尚有以下")
			.append(content.items().size())
			.append("项问题和发现未整改到位，请按期整改，逐项销号，并于整改时限前报送整改情况。</p>");
		b.append("<table><thead><tr><th>序号</th><th>类型</th><th>单位</th><th>问题</th><th>责任岗位</th>")
			.append("<th>责任人</th><th>整改时限</th><th>整改措施</th></tr></thead><tbody>");
		for (Item item : content.items()) {
			b.append("<tr><td>")
				.append(item.number())
				.append("</td><td>")
				.append(esc(item.kind()))
				.append("</td><td>")
				.append(esc(item.unitName()))
				.append("</td><td>")
				.append(esc(item.text()))
				.append("</td><td>")
				.append(esc(item.postTitle()))
				.append("</td><td>")
				.append(esc(item.holder()))
				.append("</td><td>")
				.append(esc(item.deadline()))
				.append("</td><td>")
				.append(esc(String.join("；", item.measures())))
				.append("</td></tr>");
		}
		b.append("</tbody></table>");
		b.append("<p class=\"meta\">").append(esc(content.committee())).append("</p>");
		b.append("<p class=\"meta\">").append(content.date()).append("</p>");
		b.append("</body></html>");
		return b.toString();
	}

	private static String status(Object code) {
		if (code == null) {
			return "—";
		}
		try {
			return org.dutychain.record.MeasureStatus.valueOf(code.toString()).zh();
		}
		catch (IllegalArgumentException ex) {
			return code.toString();
		}
	}

	private static String orDash(String s) {
		return (s != null) ? s : "—";
	}

	static String esc(String s) {
		if (s == null) {
			return "";
		}
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
