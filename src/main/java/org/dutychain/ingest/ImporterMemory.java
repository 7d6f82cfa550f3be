package org.dutychain.ingest;

import org.dutychain.config.MachineMemory;

/**
 * The off-heap budget of Neo4j's bulk importer ({@code --max-off-heap-memory}), issue 10.
 * {@code dutychain.import.bulk-memory} set to a size (e.g. {@code 3g}) is passed on as it
 * is; its default {@code auto} sizes the budget from the number of nodes and
 * relationships to import, {@value #BYTES_PER_ENTITY} bytes each: the importer's own
 * estimate of what its caches need (1.0 GiB for 0.1 M, 1.24 GiB for the 35 M of a
 * 300k-unit province: about 1 GiB plus 7 bytes each) and, for the rest, a page cache
 * about the size of the store it writes (5 GB at 300k units, about 140 bytes each). With
 * the former fixed {@code 1g}, below its estimate, its relationship-linking stage took
 * twice as long at 300k units as with 3g or 6g. The budget is also bounded by the
 * machine: its available memory ({@code MemAvailable}) less the part of this JVM's
 * maximum heap not yet taken (the importer runs inside this JVM, whose heap may still
 * grow to it) and a reserve of {@value #RESERVE_MIB} MiB for the rest of the process and
 * the operating system. Never less than {@value #FLOOR_MIB} MiB (the former fixed
 * default), never more than {@value #CEILING_MIB} MiB.
 */
public final class ImporterMemory {

	static final long BYTES_PER_ENTITY = 160;

	static final long FLOOR_MIB = 1024;

	static final long CEILING_MIB = 16 * 1024;

	public static final long RESERVE_MIB = 1024;

	private ImporterMemory() {
	}

	/**
	 * The budget for importing {@code entities} nodes and relationships:
	 * {@code configured} unless it is {@code auto} (or empty), else sized from this
	 * machine and this JVM.
	 */
	static String budget(String configured, long entities) {
		if (!isAuto(configured)) {
			return configured.strip();
		}
		Runtime runtime = Runtime.getRuntime();
		return budget(configured, entities, MachineMemory.available(), runtime.maxMemory() - runtime.totalMemory());
	}

	/**
	 * The budget for importing {@code entities} nodes and relationships, e.g.
	 * {@code 2048m}.
	 * @param available the machine's available memory in bytes, negative when unknown
	 * @param heapHeadroom bytes this JVM's heap may still grow by
	 */
	static String budget(String configured, long entities, long available, long heapHeadroom) {
		if (!isAuto(configured)) {
			return configured.strip();
		}
		long mib = 1L << 20;
		long wanted = Math.max(FLOOR_MIB * mib, Math.min(CEILING_MIB * mib, entities * BYTES_PER_ENTITY));
		if (available < 0) {
			return FLOOR_MIB + "m";
		}
		long free = available - Math.max(0, heapHeadroom) - RESERVE_MIB * mib;
		return Math.max(FLOOR_MIB, Math.min(wanted, free) / mib) + "m";
	}

	static boolean isAuto(String configured) {
		// unset counts as auto here (its default), unlike the page cache's setting
		return configured == null || configured.isBlank() || MachineMemory.isAuto(configured);
	}

}
