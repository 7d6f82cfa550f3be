package org.dutychain.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.dutychain.config.PrivateFiles;
import org.dutychain.config.StoreHomes;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Offline backup and restore of the embedded store with Neo4j's own dump and load
 * ({@code neo4j-admin database dump|load}, run in this process through
 * {@link AdminTool}): a dump is a consistent, compressed copy of the {@code neo4j}
 * database, which holds the dataset and the system data (users, the audit log,
 * snapshots), from and into the store the pointer file names after a store switch. The
 * store must not be in use: a running server holds its lock, and the command then ends
 * with {@link ExitCodes#BUSY}.
 */
final class StoreArchive {

	static final String DATABASE = "neo4j";

	private StoreArchive() {
	}

	/**
	 * Dumps the current store under {@code dataDir} (the one its store pointer names,
	 * {@link StoreHomes}) to {@code file}; returns an exit code.
	 */
	static int dump(Path dataDir, Path file, PrintStream err) throws IOException {
		Path home = StoreHomes.current(dataDir);
		if (!Files.isDirectory(home.resolve("data").resolve("databases").resolve(DATABASE))) {
			err.println("backup: no database under " + home + " (没有找到数据库)");
			return ExitCodes.INVALID;
		}
		Path work = PrivateFiles.createTempDirectory("dutychain-backup-");
		try {
			int code = admin(home, err, "database", "dump", DATABASE, "--to-path=" + work,
					"--overwrite-destination=true");
			if (code != ExitCodes.OK) {
				return code;
			}
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.move(work.resolve(DATABASE + ".dump"), file, StandardCopyOption.REPLACE_EXISTING);
			return ExitCodes.OK;
		}
		finally {
			delete(work);
		}
	}

	/**
	 * Loads the dump {@code file} into the current store under {@code dataDir} (the one
	 * its store pointer names, {@link StoreHomes}), replacing it.
	 */
	static int load(Path file, Path dataDir, PrintStream err) throws IOException {
		if (!Files.isRegularFile(file)) {
			err.println("restore: no such file " + file + " (文件不存在)");
			return ExitCodes.INVALID;
		}
		PrivateFiles.createPrivateDirectories(dataDir);
		Path home = StoreHomes.current(dataDir);
		Path work = PrivateFiles.createTempDirectory("dutychain-restore-");
		try {
			Files.copy(file, work.resolve(DATABASE + ".dump"));
			int code = admin(home, err, "database", "load", DATABASE, "--from-path=" + work,
					"--overwrite-destination=true");
			PrivateFiles.restrict(home);
			return code;
		}
		finally {
			delete(work);
		}
	}

	private static int admin(Path home, PrintStream err, String... args) {
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
		int code = AdminTool.execute(
				new ExecutionContext(home, home.resolve("conf"), both, both, new DefaultFileSystemAbstraction()), args);
		String output = captured.toString(StandardCharsets.UTF_8);
		if (!output.isBlank()) {
			err.print(output);
		}
		if (code == 0) {
			return ExitCodes.OK;
		}
		String lower = output.toLowerCase(java.util.Locale.ROOT);
		if (lower.contains("in use") || lower.contains("lock")) {
			err.println(args[1] + ": the database is in use; stop the server first (数据库正在使用，请先停止服务)");
			return ExitCodes.BUSY;
		}
		return ExitCodes.FAILURE;
	}

	private static void delete(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}
