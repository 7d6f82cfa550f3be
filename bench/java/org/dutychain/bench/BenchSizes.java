package org.dutychain.bench;

import java.util.Arrays;
import java.util.List;

/** The sizes a benchmark runs at: a comma-separated system property of unit counts. */
final class BenchSizes {

	private BenchSizes() {
	}

	static List<Integer> of(String property, String defaults) {
		return Arrays.stream(System.getProperty(property, defaults).split(","))
			.map(String::strip)
			.map(Integer::valueOf)
			.toList();
	}

}
