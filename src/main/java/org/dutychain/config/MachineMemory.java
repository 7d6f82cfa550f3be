package org.dutychain.config;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.neo4j.io.ByteUnit;

/**
 * What this machine and this JVM leave for native memory: the bulk importer's budget
 * ({@code org.dutychain.ingest.ImporterMemory}) and the embedded database's page cache
 * ({@code dutychain.page-cache=auto}, {@link #pageCache}).
 */
public final class MachineMemory {

	/** {@code dutychain.page-cache} that sizes the page cache to the store. */
	public static final String AUTO = "auto";

	/**
	 * The smallest page cache {@code auto} gives (the command line's former fixed size).
	 */
	static final long FLOOR = 64L << 20;

	private MachineMemory() {
	}

	/**
	 * The machine's available memory in bytes: {@code MemAvailable} of
	 * {@code /proc/meminfo} (free memory and the page cache it may drop), else the free
	 * memory the JVM reports; negative when neither is known.
	 */
	public static long available() {
		try {
			long available = memAvailable(Files.readAllLines(Path.of("/proc/meminfo")));
			if (available >= 0) {
				return available;
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: the JVM's figure below
		}
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getFreeMemorySize();
		}
		return -1;
	}

	/** {@code MemAvailable} of the lines of {@code /proc/meminfo} in bytes, else -1. */
	static long memAvailable(List<String> meminfo) {
		for (String line : meminfo) {
			if (line.startsWith("MemAvailable:")) {
				String[] parts = line.substring("MemAvailable:".length()).strip().split("\\s+");
				long n = Long.parseLong(parts[0]);
				return (parts.length > 1 && parts[1].equalsIgnoreCase("kB")) ? n * 1024 : n;
			}
		}
		return -1;
	}

	/**
	 * The page cache in bytes for the store under {@code home}: {@code configured} (e.g.
	 * {@code 512m}) unless it is {@code auto}; then the size of the store's files and a
	 * tenth for growth, within what the machine leaves
	 * ({@link #pageCache(long, long, long, long)}). A store read through a page cache
	 * smaller than itself goes to the disk for every page evicted: the national audit (1
	 * M units, a 17 GB store) read through 64 MB.
	 */
	public static long pageCache(String configured, Path home) {
		if (!isAuto(configured)) {
			return ByteUnit.parse(configured);
		}
		Runtime runtime = Runtime.getRuntime();
		return pageCache(storeBytes(home.resolve("data/databases/neo4j")), available(), runtime.maxMemory(),
				runtime.totalMemory());
	}

	/**
	 * The page cache {@code auto} gives: the store's size and a tenth, at least
	 * {@link #FLOOR}, at most what the machine's available memory leaves after this JVM's
	 * heap grows to its maximum and a reserve for the rest of the process (2 GiB and a
	 * quarter of the maximum heap: the collector's own structures and the database's
	 * other native memory grow with it; measured at 1 M units: a 16 GB heap with a 64 MB
	 * page cache took 19.2 GB of resident memory, 3.1 GB beside the heap; a 10 GB heap
	 * with a 3.7 GB page cache 15.6 GB, 1.9 GB beside both).
	 * @param available the machine's available memory, negative when unknown
	 * @param maxHeap this JVM's maximum heap
	 * @param committedHeap the heap it has taken so far (counted in {@code available})
	 */
	static long pageCache(long storeBytes, long available, long maxHeap, long committedHeap) {
		long wanted = Math.max(FLOOR, storeBytes + storeBytes / 10);
		if (available < 0) {
			return FLOOR;
		}
		long reserve = (2L << 30) + maxHeap / 4;
		long room = available - Math.max(0, maxHeap - committedHeap) - reserve;
		return Math.max(FLOOR, Math.min(wanted, room));
	}

	/** Whether a memory setting is {@value #AUTO} (in any case, around blanks). */
	public static boolean isAuto(String configured) {
		return configured != null && AUTO.equals(configured.strip().toLowerCase(Locale.ROOT));
	}

	/** The bytes of the files under {@code folder} (0 when there is none). */
	static long storeBytes(Path folder) {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong((f) -> {
				try {
					return Files.size(f);
				}
				catch (IOException ex) {
					return 0;
				}
			}).sum();
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			return 0;
		}
	}

}
