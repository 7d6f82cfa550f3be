package org.dutychain.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile names in every exported report stay inert text (issue 9): no name breaks out of
 * the HTML report's style block, the PDF renderer fetches nothing, formula text in the
 * XLSX report is a quote-prefixed string; every export carries 内部资料 注意保密 with the user
 * and the time; the rule appendix only when asked.
 */
class ReportOutputSafetyTests {

	static final String BREAKOUT = "</style><script>alert('x')</script><style>";

	static final String FORMULA = "=HYPERLINK(\"http://evil.example/\",\"点击\")";

	static final String DDE = "=cmd|' /C calc'!A0";

	@TempDir
	Path dir;

	static ReportContent hostile(ReportOptions options) {
		ReportContent base = ReportSamples.content(false);
		AuditDocument doc = base.document();
		List<Finding> findings = new ArrayList<>(doc.findings());
		findings.add(ReportSamples.finding("post-vacancy", "POST_VACANT", Severity.HIGH, "U-9", 3, "P-9",
				"单位" + BREAKOUT + "的书记岗位空缺"));
		findings.add(ReportSamples.finding("post-vacancy", "POST_VACANT", Severity.HIGH, "U-10", 3, "P-10", FORMULA));
		findings.add(ReportSamples.finding("post-vacancy", "POST_VACANT", Severity.HIGH, "U-11", 3, "P-11", DDE));
		AuditDocument hostileDoc = new AuditDocument(doc.dataset(), doc.asOf(), doc.scope(), doc.analyses(),
				doc.levels(), findings);
		return new ReportContent(hostileDoc, "省直机关工委" + BREAKOUT,
				ZonedDateTime.of(2025, 7, 1, 10, 30, 0, 0, ZoneId.of("Asia/Shanghai")),
				Map.of("U-1", "省直机关工委" + BREAKOUT, "U-2", "机关党委", "U-3", "第一党支部", "U-9", BREAKOUT, "U-10", "@SUM(1+1)",
						"U-11", "+1-2"),
				base.accountable(), base.staffing(), base.weakUnits(), base.supervisions(), base.rules(),
				Optional.empty(), options);
	}

	@Test
	void aUnitNameCannotBreakOutOfTheStyleBlockOrRunAScript() {
		String html = HtmlAuditReport.html(hostile(new ReportOptions("张审计", false)));
		assertThat(html).doesNotContainIgnoringCase("<script");
		Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(html);
		assertThat(style.find()).isTrue();
		assertThat(style.group(1)).as("the style block holds no markup").doesNotContain("<", ">");
		assertThat(html.split("</style>", -1)).as("exactly one style element").hasSize(2);
		assertThat(html).contains("&lt;/style&gt;&lt;script&gt;");
		assertThat(HtmlAuditReport.escapeCss("a\"b</style>\n")).isEqualTo("a\\22 b\\3c \\2f style\\3e \\a ");
	}

	@Test
	void htmlCarriesTheMarkWithUserAndTimeAndStartsAtTheTop() {
		String html = HtmlAuditReport.html(hostile(new ReportOptions("张审计", false)));
		assertThat(html).contains("内部资料 注意保密 · 导出人 张审计 · 导出时间 2025-07-01 10:30");
		assertThat(html).doesNotContain("padding-top: 60mm");
		assertThat(HtmlAuditReport.html(hostile(ReportOptions.DEFAULT))).contains("内部资料 注意保密 · 导出人 —");
	}

	@Test
	void ruleSourceOnlyInTheAppendixWhenAsked() {
		assertThat(HtmlAuditReport.html(hostile(ReportOptions.DEFAULT))).doesNotContain("data-section=\"rules\"")
			.doesNotContain("MATCH (u:Unit)");
		assertThat(HtmlAuditReport.html(hostile(new ReportOptions(null, true)))).contains("data-section=\"rules\"")
			.contains("MATCH (u:Unit)");
	}

	@Test
	void thePdfRendererFetchesNothingFromTheNetworkOrTheFileSystem() throws Exception {
		Optional<Path> font = CjkFonts.find();
		assertTrue(font.isPresent(), "no CJK TrueType font installed (run .ci/setup-test-deps)");
		Path secret = Files.writeString(this.dir.resolve("secret.css"), "body { color: red; }");
		Path image = this.dir.resolve("probe.png");
		try (ServerSocket server = new ServerSocket(0)) {
			server.setSoTimeout(300);
			String base = "http://127.0.0.1:" + server.getLocalPort();
			String xhtml = """
					<html xmlns="http://www.w3.org/1999/xhtml"><head>
					<link rel="stylesheet" href="%1$s/a.css" />
					<link rel="stylesheet" href="%2$s" />
					<style>@import url("%1$s/b.css"); body { background-image: url("%1$s/c.png"); }</style>
					</head><body><p>probe</p><img src="%1$s/d.png" /><img src="%3$s" />
					<object type="image/svg+xml" data="%1$s/e.svg"></object></body></html>
					""".formatted(base, secret.toUri(), image.toUri());
			AtomicInteger connections = new AtomicInteger();
			Thread acceptor = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					try {
						server.accept().close();
						connections.incrementAndGet();
					}
					catch (SocketTimeoutException ex) {
						// keep listening
					}
					catch (IOException ex) {
						return;
					}
				}
			});
			acceptor.start();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			PdfAuditReport.render(xhtml, font.get(), out);
			Thread.sleep(400);
			acceptor.interrupt();
			acceptor.join(2000);
			assertThat(connections.get()).as("connections to the probe server").isZero();
			try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
				assertThat(new PDFTextStripper().getText(pdf)).contains("probe");
			}
		}
	}

	@Test
	void thePdfReportCarriesTheMarkAndHostileNamesAsText() throws IOException {
		Optional<Path> font = CjkFonts.find();
		assertTrue(font.isPresent(), "no CJK TrueType font installed (run .ci/setup-test-deps)");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfAuditReport.write(hostile(new ReportOptions("张审计", false)), font.get(), out);
		try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("内部资料 注意保密", "张审计", "</style><script>");
			assertThat(text).as("no rule appendix by default").doesNotContain("MATCH (u:Unit)");
		}
	}

	@Test
	void formulaTextInTheXlsxReportIsAQuotePrefixedStringAndEverySheetCarriesTheMark() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxAuditReport.write(hostile(new ReportOptions("张审计", false)), out);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getSheet(XlsxAuditReport.RULES)).as("no rule appendix by default").isNull();
			int formulas = 0;
			for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
				XSSFSheet sheet = workbook.getSheetAt(s);
				assertThat(sheet.getHeader().getCenter()).as(sheet.getSheetName()).contains("内部资料 注意保密", "张审计");
				for (Row row : sheet) {
					for (org.apache.poi.ss.usermodel.Cell c : row) {
						XSSFCell cell = (XSSFCell) c;
						assertThat(cell.getCellType()).as("no formula cell")
							.isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
						if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
							String v = cell.getStringCellValue();
							if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
								assertThat(cell.getCellStyle().getQuotePrefixed())
									.as("%s!%s %s", sheet.getSheetName(), cell.getAddress(), v)
									.isTrue();
								formulas++;
							}
						}
					}
				}
			}
			assertThat(formulas).as("formula texts written").isGreaterThanOrEqualTo(4);
			XSSFSheet cover = workbook.getSheet(XlsxAuditReport.COVER);
			StringBuilder text = new StringBuilder();
			cover.forEach((r) -> r.forEach((c) -> text.append(c.toString()).append('|')));
			assertThat(text).contains("内部资料 注意保密", "张审计");
		}
	}

	@Test
	void theXlsxReportPrintsLandscapeFittedToThePageWidthWithTheHeaderRepeated() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxAuditReport.write(hostile(ReportOptions.DEFAULT), out);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			XSSFSheet findings = workbook.getSheet(XlsxAuditReport.FINDINGS);
			PrintSetup print = findings.getPrintSetup();
			assertThat(print.getLandscape()).isTrue();
			assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(findings.getFitToPage()).isTrue();
			assertThat(print.getFitWidth()).isEqualTo((short) 1);
			assertThat(print.getFitHeight()).isZero();
			assertThat(findings.getRepeatingRows().getFirstRow()).isZero();
			assertThat(findings.getRepeatingRows().getLastRow()).isZero();
		}
	}

	@Test
	void fileNamesCarryTheUnitNameAndTheDate() {
		assertThat(AuditReportService.fileNameOf("省发展改革委/党组", java.time.LocalDate.of(2024, 6, 30), ReportFormat.PDF))
			.isEqualTo("审计报告-省发展改革委_党组-2024-06-30.pdf");
		assertThat(new String(AuditReportService.fileNameOf("a\"b\nc", null, ReportFormat.XLSX).getBytes(),
				StandardCharsets.UTF_8))
			.isEqualTo("审计报告-a_b_c.xlsx");
	}

}
