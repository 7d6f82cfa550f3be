package org.dutychain.ingest;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImporterMemoryTests {

	private static final long GIB = 1L << 30;

	@Test
	void anExplicitBudgetIsPassedOnAsItIs() {
		assertThat(ImporterMemory.budget(" 3g ", 50_000_000, 20 * GIB, 0)).isEqualTo("3g");
		assertThat(ImporterMemory.budget("512m", 50_000_000, -1, 0)).isEqualTo("512m");
		assertThat(ImporterMemory.budget("3g", 1)).isEqualTo("3g");
	}

	@Test
	void autoGrowsWithTheEntitiesWhenTheMachineHasRoom() {
		long entities = 20_000_000;
		long wanted = entities * ImporterMemory.BYTES_PER_ENTITY / (1L << 20);
		assertThat(wanted).isGreaterThan(ImporterMemory.FLOOR_MIB);
		assertThat(ImporterMemory.budget("auto", entities, 22 * GIB, 4 * GIB)).isEqualTo(wanted + "m");
		assertThat(ImporterMemory.budget("", entities, 22 * GIB, 4 * GIB)).isEqualTo(wanted + "m");
		assertThat(ImporterMemory.budget(null, entities, 22 * GIB, 4 * GIB)).isEqualTo(wanted + "m");
	}

	@Test
	void autoLeavesTheHeapThisJvmMayStillTakeAndAReserve() {
		// 6 GiB available, 2 GiB of heap not yet taken, 1 GiB reserve: 3 GiB
		assertThat(ImporterMemory.budget("AUTO", 200_000_000, 6 * GIB, 2 * GIB)).isEqualTo("3072m");
	}

	@Test
	void autoNeverGoesBelowTheFormerDefaultNorAboveTheCeiling() {
		assertThat(ImporterMemory.budget("auto", 1_000, 64 * GIB, 0)).isEqualTo(ImporterMemory.FLOOR_MIB + "m");
		assertThat(ImporterMemory.budget("auto", 200_000_000, 2 * GIB, 4 * GIB))
			.isEqualTo(ImporterMemory.FLOOR_MIB + "m");
		assertThat(ImporterMemory.budget("auto", 2_000_000_000L, 256 * GIB, 0))
			.isEqualTo(ImporterMemory.CEILING_MIB + "m");
	}

	@Test
	void autoWithoutKnownMachineMemoryIsTheFloor() {
		assertThat(ImporterMemory.budget("auto", 200_000_000, -1, 0)).isEqualTo(ImporterMemory.FLOOR_MIB + "m");
	}

	@Test
	void autoOnThisMachineIsASizeTheImporterReads() {
		assertThat(ImporterMemory.budget("auto", 1_000_000)).matches("\\d+m");
	}

}
