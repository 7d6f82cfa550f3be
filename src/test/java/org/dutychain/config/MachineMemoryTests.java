package org.dutychain.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MachineMemoryTests {

	private static final long GIB = 1L << 30;

	private static final long MIB = 1L << 20;

	@Test
	void memAvailableIsReadInBytes() {
		assertThat(MachineMemory.memAvailable(
				List.of("MemTotal:       24572356 kB", "MemFree:        19994028 kB", "MemAvailable:   23175000 kB")))
			.isEqualTo(23175000L * 1024);
		assertThat(MachineMemory.memAvailable(List.of("MemTotal: 1 kB"))).isEqualTo(-1);
	}

	@Test
	void aSizeIsTakenAsItIs() {
		assertThat(MachineMemory.pageCache("512m", Path.of("/nonexistent"))).isEqualTo(512 * MIB);
	}

	@Test
	void autoSizesThePageCacheToTheStoreWithinWhatTheMachineLeaves() {
		// a small store: its size and a tenth, never below 64 MB
		assertThat(MachineMemory.pageCache(10 * MIB, 20 * GIB, 4 * GIB, GIB)).isEqualTo(64 * MIB);
		assertThat(MachineMemory.pageCache(1000 * MIB, 20 * GIB, 4 * GIB, GIB)).isEqualTo(1100 * MIB);
		// a 17 GB store beside a 12 GB heap on 23 GB: 23 - (12 - 2) - (2 + 3) = 8 GB
		assertThat(MachineMemory.pageCache(17 * GIB, 23 * GIB, 12 * GIB, 2 * GIB)).isEqualTo(8 * GIB);
		// a 20 GB heap leaves nothing: the floor
		assertThat(MachineMemory.pageCache(17 * GIB, 23 * GIB, 20 * GIB, GIB)).isEqualTo(64 * MIB);
		// unknown memory: the floor
		assertThat(MachineMemory.pageCache(17 * GIB, -1, 4 * GIB, GIB)).isEqualTo(64 * MIB);
	}

	@Test
	void theStoreIsTheFilesOfItsDatabase(@TempDir Path home) throws IOException {
		Path database = Files.createDirectories(home.resolve("data/databases/neo4j"));
		Files.write(database.resolve("neostore.nodestore.db"), new byte[3000]);
		Files.write(Files.createDirectories(database.resolve("schema")).resolve("index"), new byte[1000]);
		Files.write(Files.createDirectories(home.resolve("data/transactions/neo4j")).resolve("log"), new byte[9000]);
		assertThat(MachineMemory.storeBytes(database)).isEqualTo(4000);
		assertThat(MachineMemory.storeBytes(home.resolve("none"))).isZero();
	}

}
