package org.dutychain.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The jar's class-data-sharing (CDS) layout, written by {@code ./mvnw package} beside the
 * jar: {@code target/dutychain-<version>.jar} → {@code target/dutychain-<version>-cds/}
 * with the jar extracted as Spring Boot documents it
 * ({@code java -Djarmode=tools -jar … extract}: the application jar and {@code lib/}),
 * {@value #ARCHIVE} (a dynamic archive of the classes loaded by a training audit,
 * {@code -XX:ArchiveClassesAtExit}) and {@value #STAMP}, written last: the size and
 * modification time of the jar it was made from and the JVM that made it.
 * {@link CliRelaunch} runs a command on the layout only while the stamp matches the jar
 * and the running JVM; anything else (a rebuilt or copied jar, another JDK, no layout)
 * runs in the jar's own JVM as before. The JVM checks the archive itself as well and runs
 * without it when it does not fit.
 *
 * <p>
 * JDK classes only: the jar's {@code main} reads the stamp before Spring is loaded.
 */
public final class CdsArchive {

	/** The dynamic CDS archive in the layout. */
	static final String ARCHIVE = "application.jsa";

	/** The stamp, written after the archive: the layout is complete. */
	static final String STAMP = "dutychain-cds.properties";

	private final Path jar;

	private final Path directory;

	private CdsArchive(Path jar, Path directory) {
		this.jar = jar;
		this.directory = directory;
	}

	/** The layout that belongs to {@code jar} (whether it exists or not). */
	static CdsArchive of(Path jar) {
		Path absolute = jar.toAbsolutePath().normalize();
		String name = absolute.getFileName().toString();
		String base = name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
		return new CdsArchive(absolute, absolute.resolveSibling(base + "-cds"));
	}

	Path jar() {
		return this.jar;
	}

	Path directory() {
		return this.directory;
	}

	/** The extracted application jar (its manifest names the libraries). */
	Path extractedJar() {
		return this.directory.resolve(this.jar.getFileName().toString());
	}

	Path archive() {
		return this.directory.resolve(ARCHIVE);
	}

	Path stamp() {
		return this.directory.resolve(STAMP);
	}

	/**
	 * Whether the layout is complete and was made from this jar by this JVM; never
	 * throws.
	 */
	boolean matches(String javaHome, String vmVersion) {
		try {
			if (!Files.isRegularFile(this.jar) || !Files.isRegularFile(this.extractedJar())
					|| !Files.isRegularFile(this.archive()) || !Files.isRegularFile(this.stamp())) {
				return false;
			}
			return expected(javaHome, vmVersion).equals(read(this.stamp()));
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	/** What the stamp of this jar made by the JVM {@code javaHome} says. */
	Properties expected(String javaHome, String vmVersion) throws IOException {
		Properties p = new Properties();
		p.setProperty("jar.size", Long.toString(Files.size(this.jar)));
		p.setProperty("jar.modified", Long.toString(Files.getLastModifiedTime(this.jar).toMillis()));
		p.setProperty("java.home", javaHome);
		p.setProperty("java.vm.version", vmVersion);
		return p;
	}

	private static Properties read(Path file) throws IOException {
		Properties p = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			p.load(in);
		}
		return p;
	}

	/** Writes the stamp of this jar and this JVM: the layout is complete. */
	void writeStamp() throws IOException {
		Path partial = this.directory.resolve(STAMP + ".partial");
		try (OutputStream out = Files.newOutputStream(partial)) {
			expected(System.getProperty("java.home"), System.getProperty("java.vm.version")).store(out,
					"the CDS layout of " + this.jar.getFileName() + " (see CdsArchive)");
		}
		Files.move(partial, this.stamp(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/**
	 * The build step ({@code package} phase): removes the old layout, extracts the jar,
	 * generates a small province and audits it on the extracted jar with
	 * {@code -XX:ArchiveClassesAtExit}, then writes the stamp. Arguments: the jar, the
	 * number of units of the training province.
	 */
	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("usage: CdsArchive <jar> <training-units>");
			System.exit(2);
		}
		CdsArchive layout = CdsArchive.of(Path.of(args[0]));
		long started = System.nanoTime();
		layout.train(Integer.parseInt(args[1]));
		System.out.printf("CDS archive %s (%d MB) trained in %d s%n", layout.archive(),
				Files.size(layout.archive()) >> 20, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
	}

	private void train(int units) throws IOException, InterruptedException {
		delete(this.directory);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		run(java, "-Djarmode=tools", "-jar", this.jar.toString(), "extract", "--destination",
				this.directory.toString());
		unsignLibraries(this.directory.resolve("lib"));
		Path training = this.directory.resolve("training");
		run(java, "-jar", this.jar.toString(), "generate", "--units", Integer.toString(units), "--out",
				training.resolve("province").toString());
		// the command line a user's audit gets from CliRelaunch, with the archive written
		// at exit instead of read
		List<String> audit = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + this.archive()));
		audit.addAll(CliRelaunch.LOGGING);
		// the classes it cannot archive (old class versions) are expected
		audit.add("-Xlog:cds*=error:stderr");
		audit.addAll(List.of("-jar", this.extractedJar().toString(), "audit", training.resolve("province").toString(),
				"--out", training.resolve("audit.json").toString()));
		run(audit.toArray(String[]::new));
		delete(training);
		if (!Files.isRegularFile(this.archive())) {
			throw new IOException("the training run wrote no " + this.archive());
		}
		writeStamp();
	}

	/**
	 * Rewrites every signed library of the layout without its signature. The JVM verifies
	 * a signed jar's digests whenever it loads one of its classes and keeps such classes
	 * out of a CDS archive: eclipse-collections (signed, ≈ 10 MB, used throughout Neo4j)
	 * cost the relaunched audit its archived classes and a SHA-256 per class loaded. The
	 * layout is made by this build from the jar it has just built, so the signature
	 * vouches for nothing the jar's own checksum does not; the jar itself keeps every
	 * library as published.
	 * @return the libraries rewritten
	 */
	static List<Path> unsignLibraries(Path lib) throws IOException {
		List<Path> rewritten = new ArrayList<>();
		try (Stream<Path> jars = Files.list(lib)) {
			for (Path jar : jars.filter((p) -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
				if (unsign(jar)) {
					rewritten.add(jar);
				}
			}
		}
		return rewritten;
	}

	/**
	 * Rewrites {@code jar} without its signature files and without the digests in its
	 * manifest (other manifest attributes stay); false, untouched, when it is not signed.
	 */
	static boolean unsign(Path jar) throws IOException {
		Path copy = jar.resolveSibling(jar.getFileName() + ".unsigned");
		try (ZipFile zip = new ZipFile(jar.toFile())) {
			if (zip.stream().noneMatch((entry) -> isSignature(entry.getName()))) {
				return false;
			}
			try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
				for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
					if (isSignature(entry.getName())) {
						continue;
					}
					ZipEntry target = new ZipEntry(entry.getName());
					target.setTime(entry.getTime());
					out.putNextEntry(target);
					try (InputStream in = zip.getInputStream(entry)) {
						if (JarFile.MANIFEST_NAME.equalsIgnoreCase(entry.getName())) {
							withoutDigests(new Manifest(in)).write(out);
						}
						else {
							in.transferTo(out);
						}
					}
					out.closeEntry();
				}
			}
		}
		Files.move(copy, jar, StandardCopyOption.REPLACE_EXISTING);
		return true;
	}

	/** A signature file: {@code META-INF/*.SF|RSA|DSA|EC} or {@code META-INF/SIG-*}. */
	static boolean isSignature(String name) {
		String upper = name.toUpperCase(Locale.ROOT);
		if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
			return false;
		}
		return upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
				|| upper.startsWith("META-INF/SIG-");
	}

	private static Manifest withoutDigests(Manifest manifest) {
		manifest.getEntries()
			.values()
			.forEach((attributes) -> attributes.keySet()
				.removeIf((name) -> name.toString().toUpperCase(Locale.ROOT).endsWith("-DIGEST")));
		manifest.getEntries().values().removeIf(Attributes::isEmpty);
		return manifest;
	}

	/**
	 * Runs a command with its output on this one's; fails unless it exits with 0 or 1.
	 */
	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).inheritIO().start();
		int code = process.waitFor();
		if (code != 0 && code != 1) { // audit: 1 = HIGH findings
			throw new IOException("exit code " + code + ": " + String.join(" ", command));
		}
	}

	private static void delete(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> {
				try {
					Files.delete(p);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
