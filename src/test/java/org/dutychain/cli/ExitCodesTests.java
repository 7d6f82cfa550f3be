package org.dutychain.cli;

import java.util.List;

import org.dutychain.ingest.ImportAgainException;
import org.dutychain.ingest.ImportProblem;
import org.dutychain.ingest.InvalidDatasetException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One mapping from how a command ended to its exit code: out of memory is an internal
 * failure (3), never "HIGH findings" (1); a store locked by another process is busy (4).
 */
class ExitCodesTests {

	/** Named like Neo4j's lock failure, which is what the mapping looks for. */
	static final class FileLockException extends RuntimeException {

		FileLockException() {
			super("Lock file has been locked by another process");
		}

	}

	@Test
	void outOfMemoryIsAnInternalFailure() {
		assertThat(ExitCodes.of(new OutOfMemoryError("Java heap space"))).isEqualTo(3);
		assertThat(ExitCodes.of(new IllegalStateException(new OutOfMemoryError()))).isEqualTo(3);
	}

	@Test
	void aLockedStoreIsBusy() {
		assertThat(ExitCodes
			.of(new IllegalStateException("start failed", new RuntimeException("lifecycle", new FileLockException()))))
			.isEqualTo(4);
	}

	@Test
	void anImportToDoAgainIsTheUsersToActOnNotAnInternalFailure() {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.PrintStream err = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
		RuntimeException edited = new RuntimeException("wrapped", ImportAgainException.editedMeanwhile(3, 4));
		assertThat(ExitCodes.report("import", edited, err)).isEqualTo(ExitCodes.BUSY).isEqualTo(ExitCodes.of(edited));
		RuntimeException changed = ImportAgainException.changedSinceValidated("demo.zip: units.csv:7");
		assertThat(ExitCodes.report("import", changed, err)).isEqualTo(ExitCodes.INVALID)
			.isEqualTo(ExitCodes.of(changed));
		assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("import: the active dataset was edited while importing (revision 3 → 4); import again / ")
			.contains("import: the dataset changed since it was validated (demo.zip: units.csv:7); import it again")
			.doesNotContain("internal failure")
			.doesNotContain("Exception");
	}

	@Test
	void anInvalidDatasetIsTwoAndAnythingElseThree() {
		assertThat(ExitCodes.of(new InvalidDatasetException(
				List.of(new ImportProblem("units.csv", 2, "kind", "UNKNOWN_ENUM", "x", "x")))))
			.isEqualTo(2);
		assertThat(ExitCodes.of(new IllegalArgumentException("boom"))).isEqualTo(3);
		assertThat(new int[] { ExitCodes.OK, ExitCodes.HIGH_FINDINGS, ExitCodes.INVALID, ExitCodes.FAILURE,
				ExitCodes.BUSY })
			.containsExactly(0, 1, 2, 3, 4);
	}

}
