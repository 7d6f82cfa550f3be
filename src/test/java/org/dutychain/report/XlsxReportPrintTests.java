package org.dutychain.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Findings;
import org.dutychain.analysis.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The XLSX report printed from a spreadsheet program (issue 13 §7): converted to PDF by
 * headless LibreOffice ({@code libreoffice-calc-nogui}, installed by
 * {@code .ci/setup-test-deps}), a report of 300 findings prints on a sensible number of
 * landscape pages, every page of the findings sheet carries the whole header row (no
 * column split onto a page of its own) and the confidentiality mark.
 *
 * <p>
 * The bound: 300 findings with two-line messages take about 20 rows per landscape page
 * scaled to the width, so about 15 pages, plus one page for each of the seven short
 * sheets; {@value #MAX_PAGES} pages leaves room for font differences. Before the print
 * set-up the findings columns spread over three portrait pages across, about three times
 * as many pages (the demo report was 105 pages).
 */
class XlsxReportPrintTests {

	static final int FINDINGS = 300;

	static final int MAX_PAGES = 40;

	@TempDir
	Path dir;

	static ReportContent large() {
		ReportContent base = ReportSamples.content(false);
		List<Finding> findings = new ArrayList<>();
		for (int i = 0; i < FINDINGS; i++) {
			Severity severity = Severity.values()[i % 3];
			findings.add(ReportSamples.finding("post-vacancy", "POST_VACANT", severity, "U-" + (i % 40), 3, "P-" + i,
					"第" + i + "号问题：示范省直机关某某厅第" + (i % 40) + "党支部的组织委员岗位在2025-06-30无人任职，已超过九十天未补齐，应及时选配"));
		}
		findings.sort(Findings.ORDER);
		AuditDocument doc = base.document();
		AuditDocument large = new AuditDocument(doc.dataset(), doc.asOf(), doc.scope(), doc.analyses(), doc.levels(),
				findings);
		java.util.Map<String, String> names = new java.util.HashMap<>(base.unitNames());
		for (int i = 0; i < 40; i++) {
			names.put("U-" + i, "示范省直机关某某厅第" + i + "党支部");
		}
		return new ReportContent(large, base.scopeName(), base.generatedAt(), names, Map.of(), base.staffing(),
				base.weakUnits(), base.supervisions(), base.rules(), Optional.empty(), new ReportOptions("张审计", false));
	}

	@Test
	void theXlsxReportPrintsOnSensiblePagesWithAllColumnsAndTheHeaderOnEachPage() throws Exception {
		Optional<String> office = libreoffice();
		assertTrue(office.isPresent(), "LibreOffice is not installed (run .ci/setup-test-deps)");
		Path xlsx = this.dir.resolve("report.xlsx");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		XlsxAuditReport.write(large(), out);
		Files.write(xlsx, out.toByteArray());
		Process p = new ProcessBuilder(office.get(), "-env:UserInstallation=" + this.dir.resolve("profile").toUri(),
				"--headless", "--convert-to", "pdf", "--outdir", this.dir.toString(), xlsx.toString())
			.redirectErrorStream(true)
			.start();
		String log = new String(p.getInputStream().readAllBytes());
		assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(log).isTrue();
		Path pdf = this.dir.resolve("report.pdf");
		assertThat(pdf).as(log).isRegularFile();
		try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
			int pages = doc.getNumberOfPages();
			PDFTextStripper stripper = new PDFTextStripper();
			int findingPages = 0;
			for (int i = 1; i <= pages; i++) {
				stripper.setStartPage(i);
				stripper.setEndPage(i);
				String text = stripper.getText(doc);
				if (text.contains("号问题")) {
					findingPages++;
					assertThat(text).as("page %d of %d", i, pages).contains("序号", "严重程度", "问题说明", "证据", "主键");
				}
				assertThat(text).as("page %d", i).contains("内部资料");
			}
			assertThat(findingPages).isPositive();
			assertThat(pages).as("printed pages (%d of findings)", findingPages).isBetween(8, MAX_PAGES);
		}
	}

	static Optional<String> libreoffice() {
		for (String candidate : List.of("libreoffice", "soffice")) {
			for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
				if (Files.isExecutable(Path.of(dir, candidate))) {
					return Optional.of(Path.of(dir, candidate).toString());
				}
			}
		}
		return Optional.empty();
	}

}
