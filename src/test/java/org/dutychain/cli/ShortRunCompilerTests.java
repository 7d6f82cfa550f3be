package org.dutychain.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * C2 is left out only in the jar's own JVM: a test JVM (which outlives the command) keeps
 * it, whatever the dataset's size. The jar itself is covered by {@code JarLaunchIT}.
 */
class ShortRunCompilerTests {

	@Test
	void aJvmThatOutlivesTheCommandKeepsC2() {
		assertThat(ShortRunCompiler.forDataset(10)).isFalse();
		assertThat(ShortRunCompiler.forDataset(ShortRunCompiler.ROWS)).isFalse();
		assertThat(ShortRunCompiler.c1Only()).isFalse();
	}

}
