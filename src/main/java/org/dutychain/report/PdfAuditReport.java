package org.dutychain.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The audit report as PDF: the printable page ({@link HtmlAuditReport}) rendered by
 * openhtmltopdf with an embedded CJK font ({@link CjkFonts}), so Chinese text is real,
 * searchable text.
 *
 * <p>
 * The renderer fetches nothing: the font is handed over as a stream, every URI resolves
 * to nothing, every protocol's stream factory refuses and the external-resource access
 * control denies every request, before and after URI resolution. So no name in the data
 * can make the server request {@code http://127.0.0.1:…} or read a local file (SSRF).
 */
final class PdfAuditReport {

	/** Protocols whose loaders are replaced by one that refuses. */
	private static final String[] PROTOCOLS = { "http", "https", "file", "jar", "ftp", "data", "classpath", "jrt" };

	private PdfAuditReport() {
	}

	static void write(ReportContent content, OutputStream out) {
		write(content, CjkFonts.require(), out);
	}

	static void write(ReportContent content, Path font, OutputStream out) {
		render(HtmlAuditReport.pdfHtml(content), font, out);
	}

	/** Renders XHTML with the font and no access to anything else. */
	static void render(String xhtml, Path font, OutputStream out) {
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> open(font), HtmlAuditReport.PDF_FONT_FAMILY);
			builder.useUriResolver((base, uri) -> null);
			builder.useHttpStreamImplementation(Refuse.INSTANCE);
			builder.useProtocolsStreamImplementation(Refuse.INSTANCE, PROTOCOLS);
			builder.useExternalResourceAccessControl((uri, type) -> false,
					ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
			builder.useExternalResourceAccessControl((uri, type) -> false,
					ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
			builder.withHtmlContent(xhtml, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream open(Path font) {
		try {
			return Files.newInputStream(font);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Loads nothing. */
	private enum Refuse implements FSStreamFactory {

		INSTANCE;

		@Override
		public FSStream getUrl(String url) {
			return null;
		}

	}

}
