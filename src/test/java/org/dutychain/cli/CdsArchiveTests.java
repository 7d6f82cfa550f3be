package org.dutychain.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CDS layout's signed libraries are rewritten without their signature
 * ({@link CdsArchive#unsignLibraries}): signature files and manifest digests go, every
 * other entry and attribute stays byte for byte; an unsigned library is not touched.
 */
class CdsArchiveTests {

	@TempDir
	Path dir;

	@Test
	void aSignedLibraryLosesItsSignatureAndNothingElse() throws IOException {
		Path lib = Files.createDirectories(this.dir.resolve("lib"));
		Path signed = lib.resolve("signed-1.0.jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().putValue("Automatic-Module-Name", "org.example.signed");
		Attributes classEntry = new Attributes();
		classEntry.putValue("SHA-256-Digest", "q83vEjRWeJA=");
		manifest.getEntries().put("org/example/A.class", classEntry);
		Attributes sealed = new Attributes();
		sealed.putValue("SHA-256-Digest", "3q2+7w==");
		sealed.putValue("Sealed", "true");
		manifest.getEntries().put("org/example/", sealed);
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("org/example/A.class", new byte[] { (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 1, 2 });
		entries.put("META-INF/SIGNER.SF", bytes("Signature-Version: 1.0\n"));
		entries.put("META-INF/SIGNER.RSA", new byte[] { 48, -126, 1 });
		entries.put("META-INF/SIG-OTHER.EC", new byte[] { 1 });
		entries.put("META-INF/services/org.example.Service", bytes("org.example.A\n"));
		entries.put("META-INF/maven/org.example/signed/pom.properties", bytes("version=1.0\n"));
		write(signed, manifest, entries);
		Path plain = lib.resolve("plain-1.0.jar");
		write(plain, null, Map.of("org/example/B.class", new byte[] { 3, 4 }));
		FileTime plainTime = FileTime.fromMillis(1_700_000_000_000L);
		Files.setLastModifiedTime(plain, plainTime);
		byte[] plainBytes = Files.readAllBytes(plain);

		assertThat(CdsArchive.unsignLibraries(lib)).containsExactly(signed);

		try (ZipFile zip = new ZipFile(signed.toFile())) {
			List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
			assertThat(names).containsExactly(JarFile.MANIFEST_NAME, "org/example/A.class",
					"META-INF/services/org.example.Service", "META-INF/maven/org.example/signed/pom.properties");
			for (String name : names.subList(1, names.size())) {
				assertThat(zip.getInputStream(zip.getEntry(name)).readAllBytes()).as(name).isEqualTo(entries.get(name));
			}
		}
		try (JarFile jar = new JarFile(signed.toFile(), true)) {
			Manifest rewritten = jar.getManifest();
			assertThat(rewritten.getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("org.example.signed");
			assertThat(rewritten.getEntries()).containsOnlyKeys("org/example/");
			assertThat(rewritten.getEntries().get("org/example/")).containsOnlyKeys(new Attributes.Name("Sealed"));
			java.util.jar.JarEntry a = jar.getJarEntry("org/example/A.class");
			jar.getInputStream(a).readAllBytes(); // a signed entry has its signers once
													// read
			assertThat(a.getCodeSigners()).isNull();
		}
		assertThat(Files.readAllBytes(plain)).isEqualTo(plainBytes);
		assertThat(Files.getLastModifiedTime(plain)).isEqualTo(plainTime);
		assertThat(CdsArchive.unsignLibraries(lib)).isEmpty();
	}

	@Test
	void onlyTopLevelSignatureFilesOfMetaInfAreSignatures() {
		assertThat(CdsArchive.isSignature("META-INF/ECLIPSE_.SF")).isTrue();
		assertThat(CdsArchive.isSignature("META-INF/eclipse_.rsa")).isTrue();
		assertThat(CdsArchive.isSignature("META-INF/KEY.DSA")).isTrue();
		assertThat(CdsArchive.isSignature("META-INF/SIG-FOO")).isTrue();
		assertThat(CdsArchive.isSignature("META-INF/MANIFEST.MF")).isFalse();
		assertThat(CdsArchive.isSignature("META-INF/versions/11/KEY.SF")).isFalse();
		assertThat(CdsArchive.isSignature("org/example/KEY.SF")).isFalse();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static void write(Path jar, Manifest manifest, Map<String, byte[]> entries) throws IOException {
		try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
			if (manifest != null) {
				out.putNextEntry(new ZipEntry(JarFile.MANIFEST_NAME));
				manifest.write(out);
				out.closeEntry();
			}
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue());
				out.closeEntry();
			}
		}
	}

}
