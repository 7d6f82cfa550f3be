package org.dutychain.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimingsTests {

	@Test
	void detailsArePrintedBelowThePhasesInTheOrderGiven() {
		Timings timings = new Timings();
		timings.lap("validate");
		timings.detail("load (ms): write=1 import=2 schema=3");
		timings.detail("importer (ms): node-import=2 total=2 budget=1g estimate=? peak=?");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		timings.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).startsWith("timings (ms):").contains(" validate=");
		assertThat(lines[1]).isEqualTo("load (ms): write=1 import=2 schema=3");
		assertThat(lines[2]).startsWith("importer (ms): node-import=2");
	}

	@Test
	void aLiveTimingPrintsEachPhaseAsItEnds() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Timings timings = new Timings().live(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		timings.lap("validate");
		assertThat(bytes.toString(StandardCharsets.UTF_8)).matches("phase validate: \\d+ ms\\R");
		timings.lap("db-start");
		timings.detail("load (ms): write=1 import=2 schema=3");
		assertThat(bytes.toString(StandardCharsets.UTF_8).split("\\R")).hasSize(3)
			.endsWith("load (ms): write=1 import=2 schema=3");
	}

}
