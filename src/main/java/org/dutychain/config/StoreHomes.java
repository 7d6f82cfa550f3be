package org.dutychain.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the current embedded store lives under {@code dutychain.data-dir} (issue 10). A
 * store switch loads a new dataset into a fresh Neo4j home {@code stores/<name>} beside
 * the current one and then names it in the pointer file {@code current-store}, written
 * atomically (a temporary file moved over it), so a restart, a backup and a restore open
 * the store that was serving last. Without a pointer file the data directory itself is
 * the Neo4j home ({@code data/}, {@code logs/}): the layout of earlier releases, which
 * keeps opening as it is.
 */
public final class StoreHomes {

	private static final Logger log = LoggerFactory.getLogger(StoreHomes.class);

	/** The pointer file: the current home, relative to the data directory. */
	static final String POINTER = "current-store";

	/** The folder of the homes made by store switches. */
	static final String STORES = "stores";

	private StoreHomes() {
	}

	/**
	 * The Neo4j home of the current store under {@code dataDir}: the folder the pointer
	 * file names, else {@code dataDir} itself.
	 */
	public static Path current(Path dataDir) {
		Path pointer = dataDir.resolve(POINTER);
		if (!Files.isRegularFile(pointer)) {
			return dataDir;
		}
		try {
			String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
			Path home = dataDir.resolve(name).normalize();
			if (name.isEmpty() || !home.startsWith(dataDir.resolve(STORES)) || !Files.isDirectory(home)) {
				throw new IllegalStateException(
						"the store pointer " + pointer + " names no store folder under " + STORES + "/: " + name);
			}
			return home;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new, empty, owner-only home under {@code dataDir/stores}. */
	static Path newHome(Path dataDir) throws IOException {
		String name = "store-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		Path home = PrivateFiles.createPrivateDirectories(dataDir.resolve(STORES).resolve(name));
		PrivateFiles.restrict(dataDir.resolve(STORES));
		return home;
	}

	/**
	 * Makes {@code home} the current store: the pointer file is replaced in one atomic
	 * move, so a crash leaves either the old or the new name.
	 */
	static void point(Path dataDir, Path home) throws IOException {
		Path temp = dataDir.resolve(POINTER + ".tmp");
		Files.writeString(temp, dataDir.relativize(home).toString().replace('\\', '/') + "\n", StandardCharsets.UTF_8);
		PrivateFiles.restrict(temp);
		try {
			Files.move(temp, dataDir.resolve(POINTER), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, dataDir.resolve(POINTER), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Deletes a store that no longer serves: a home under {@code stores/} entirely; the
	 * data directory of the earlier layout only its Neo4j folders ({@code data/},
	 * {@code logs/}), never the other stores or the pointer.
	 */
	static void delete(Path dataDir, Path home) {
		if (home.equals(dataDir)) {
			deleteTree(home.resolve("data"));
			deleteTree(home.resolve("logs"));
		}
		else {
			deleteTree(home);
		}
	}

	/**
	 * At start: removes what an interrupted switch left behind: homes under
	 * {@code stores/} that are not current (a load that never switched, or an old store
	 * whose deletion was cut short) and, once a pointer exists, the Neo4j folders of the
	 * earlier layout.
	 */
	static void removeStrays(Path dataDir) {
		Path current = current(dataDir);
		Path stores = dataDir.resolve(STORES);
		if (Files.isDirectory(stores)) {
			try (Stream<Path> homes = Files.list(stores)) {
				List<Path> strays = homes.filter((h) -> !h.equals(current)).toList();
				for (Path stray : strays) {
					log.warn("Removing {}: a store left by an interrupted store switch", stray);
					deleteTree(stray);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (!current.equals(dataDir) && Files.exists(dataDir.resolve("data"))) {
			log.warn("Removing {}/data: the store replaced by {}", dataDir, current);
			delete(dataDir, dataDir);
		}
		try {
			Files.deleteIfExists(dataDir.resolve(POINTER + ".tmp"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void deleteTree(Path folder) {
		PrivateFiles.deleteTree(folder);
	}

}
