package org.dutychain.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The audit report as PDF: the printable page ({@link HtmlAuditReport}) rendered by
 * openhtmltopdf with an embedded CJK font ({@link CjkFonts}), so Chinese text is real,
 * searchable text.
 */
final class PdfAuditReport {

	private PdfAuditReport() {
	}

	static void write(ReportContent content, OutputStream out) {
		write(content, CjkFonts.require(), out);
	}

	static void write(ReportContent content, Path font, OutputStream out) {
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(font.toFile(), HtmlAuditReport.PDF_FONT_FAMILY);
			builder.withHtmlContent(HtmlAuditReport.pdfHtml(content), null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
