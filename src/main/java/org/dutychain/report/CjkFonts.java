package org.dutychain.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a TrueType font with Chinese glyphs for the PDF report (中文字体). The PDF embeds it,
 * so the reader needs no font of its own. PDFBox embeds TrueType outlines only, so the
 * OpenType/CFF collections of Noto CJK ({@code .ttc}) are not candidates; Debian's
 * {@code fonts-droid-fallback} is the default (installed by {@code .ci/setup-test-deps}).
 *
 * <p>
 * Search order: the system property {@value #PROPERTY}, the environment variable
 * {@value #ENV}, then known paths on Debian/Ubuntu, Fedora, macOS and Windows.
 */
final class CjkFonts {

	static final String PROPERTY = "dutychain.report.cjk-font";

	static final String ENV = "DUTYCHAIN_CJK_FONT";

	static final List<String> KNOWN = List.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
			"/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/google-droid/DroidSansFallbackFull.ttf",
			"/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf",
			"/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
			"/System/Library/Fonts/Supplemental/Arial Unicode.ttf", "/Library/Fonts/Arial Unicode.ttf",
			"C:/Windows/Fonts/simhei.ttf", "C:/Windows/Fonts/simkai.ttf", "C:/Windows/Fonts/simfang.ttf");

	private CjkFonts() {
	}

	/** The first readable candidate, if any. */
	static Optional<Path> find() {
		for (String candidate : candidates()) {
			Path path = Path.of(candidate);
			if (Files.isRegularFile(path) && Files.isReadable(path)) {
				return Optional.of(path);
			}
		}
		return Optional.empty();
	}

	/** The font, or an exception that says what to install. */
	static Path require() {
		return find().orElseThrow(() -> new IllegalStateException(
				"No TrueType font with Chinese glyphs found for the PDF report. Install one (Debian/Ubuntu: "
						+ "apt-get install fonts-droid-fallback) or point -D" + PROPERTY + " or " + ENV
						+ " at a .ttf file. Searched: " + String.join(", ", candidates())));
	}

	static List<String> candidates() {
		List<String> all = new ArrayList<>();
		String property = System.getProperty(PROPERTY);
		if (property != null && !property.isBlank()) {
			all.add(property.strip());
		}
		String env = System.getenv(ENV);
		if (env != null && !env.isBlank()) {
			all.add(env.strip());
		}
		all.addAll(KNOWN);
		return all;
	}

}
