package org.dutychain.config;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporary files and folders only their owner can read ({@code rw-------} /
 * {@code rwx------}) for uploads and anything else that holds personnel data; on a file
 * system without POSIX permissions the platform's default applies.
 */
public final class PrivateFiles {

	private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

	private PrivateFiles() {
	}

	public static Path createTempFile(String prefix, String suffix) throws IOException {
		if (posix()) {
			return Files.createTempFile(prefix, suffix, PosixFilePermissions.asFileAttribute(FILE));
		}
		return Files.createTempFile(prefix, suffix);
	}

	public static Path createTempDirectory(String prefix) {
		try {
			if (posix()) {
				return Files.createTempDirectory(prefix, PosixFilePermissions.asFileAttribute(FOLDER));
			}
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * Takes group and other permissions away from a folder and everything in it (the
	 * embedded store: personnel data must not be world-readable).
	 */
	public static void restrict(Path folder) throws IOException {
		if (!Files.exists(folder) || !supportsPosix(folder)) {
			return;
		}
		try (var paths = Files.walk(folder)) {
			for (Path p : (Iterable<Path>) paths::iterator) {
				if (Files.isSymbolicLink(p)) {
					continue;
				}
				Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
				if (perms.removeIf((x) -> !x.name().startsWith("OWNER_"))) {
					Files.setPosixFilePermissions(p, perms);
				}
			}
		}
	}

	/** A folder created owner-only (and its missing parents), or made owner-only. */
	public static Path createPrivateDirectories(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			Path parent = folder.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			FileAttribute<?>[] attrs = supportsPosix(parent)
					? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FOLDER) } : new FileAttribute<?>[0];
			Files.createDirectory(folder, attrs);
		}
		return folder;
	}

	private static boolean posix() throws IOException {
		return supportsPosix(Path.of(System.getProperty("java.io.tmpdir")));
	}

	private static boolean supportsPosix(Path path) throws IOException {
		if (path == null) {
			return false;
		}
		FileStore store = Files.getFileStore(path);
		return store.supportsFileAttributeView("posix");
	}

	/**
	 * Deletes a folder and everything in it, deepest first; what cannot be deleted is
	 * logged and left (a temporary or retired folder: never worth failing for).
	 */
	public static void deleteTree(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			LoggerFactory.getLogger(PrivateFiles.class).warn("Could not delete {}: {}", folder, ex.getMessage());
		}
	}

}
