package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingTests {

	private static Finding finding(Map<String, Object> metrics) {
		return new Finding("pressure-decay", "LEVEL_DECAY", Severity.MEDIUM, "U-1", 1, null, null, null, null, null,
				new Message("中文", "English"), new Evidence(List.of("U-1"), List.of()), metrics);
	}

	/**
	 * A Map.of map iterates in an order that changes from one JVM to the next; the
	 * finding keeps its metrics sorted, so one audit writes the same JSON in every run.
	 */
	@Test
	void metricsOfAMapWithoutOrderAreSortedByKey() {
		Map<String, Object> metrics = Map.of("topLevel", 1, "topMean", 1.2, "bottomLevel", 4, "bottomMean", 0.3,
				"ratio", 0.25, "level", 4, "mean", 0.3, "upperMean", 0.9);
		assertThat(new ArrayList<>(finding(metrics).metrics().keySet())).isSorted();
	}

	@Test
	void metricsInInsertionOrderKeepIt() {
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("z", 1);
		metrics.put("a", 2);
		Finding f = finding(metrics);
		assertThat(f.metrics().keySet()).containsExactly("z", "a");
		// and a finding made again from another's metrics keeps that order too
		assertThat(finding(f.metrics()).metrics().keySet()).containsExactly("z", "a");
	}

}
