package org.dutychain.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PdfAuditReportTests {

	private static Path font;

	@BeforeAll
	static void findFont() {
		Optional<Path> found = CjkFonts.find();
		assertThat(found).as("a CJK TrueType font is installed (.ci/setup-test-deps)").isPresent();
		font = found.get();
	}

	private static String text(boolean withDiff) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfAuditReport.write(ReportSamples.content(withDiff), font, out);
		try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
			assertThat(pdf.getNumberOfPages()).as("cover and one page per section").isGreaterThanOrEqualTo(9);
			return new PDFTextStripper().getText(pdf);
		}
	}

	@Test
	void rendersChineseTextAndTheFindingCount() throws IOException {
		String text = text(false);
		assertThat(text).contains(ReportContent.TITLE, "审计报告", "省直机关工委", "发现问题共 5 项", "严重程度：高（2 项）", "软弱涣散基层党组织及帮扶情况",
				"挂牌督办");
		assertThat(text.replaceAll("\\s+", "")).as("a message, wherever the table cell wraps it")
			.contains("机关党委的书记岗位在2025-06-30无人任职");
		assertThat(text).doesNotContain("#");
		assertThat(text).as("page footer").contains("第 2 页");
	}

	@Test
	void rendersTheChangesSinceTheSnapshot() throws IOException {
		String text = text(true);
		assertThat(text).contains("自上次检查以来：关闭 2 项，新增 1 项", "各层级变化", "第 2 级 1 1 +25% -0.20 +0%");
		assertThat(text).as("no glyph missing from the embedded fonts").doesNotContain("#");
	}

}
