package org.dutychain.analysis.graph;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pressure profile by level that the audit summary reads (mean, median, coldShare,
 * ratioToAbove).
 */
class PressureProfileTests {

	@Test
	void profilesEveryLevelWithRatioToTheLevelAbove() {
		ScopedGraph graph = ScopedGraph.of(null,
				List.of(DutyCascadeTests.unit("U-1", 1, 1), DutyCascadeTests.unit("U-2", 2, 1),
						DutyCascadeTests.unit("U-3", 2, 1), DutyCascadeTests.unit("U-4", 2, 1),
						DutyCascadeTests.unit("U-5", 0, 1)),
				List.of(), List.of());
		PressureDecayAnalysis.UnitPressure[] byUnit = { pressure("U-1", 1, 4, 1.25), pressure("U-2", 2, 3, 0.5),
				pressure("U-3", 2, 0, 0.0), pressure("U-4", 2, 5, 1.0), pressure("U-5", 0, 0, 0.0) };
		List<Map<String, Object>> levels = PressureDecayAnalysis.levels(graph, byUnit);
		assertThat(levels).hasSize(2);
		assertThat(levels.get(0)).containsEntry("level", 1)
			.containsEntry("units", 1)
			.containsEntry("mean", 1.25)
			.containsEntry("median", 1.25)
			.containsEntry("coldShare", 0.0)
			.containsEntry("ratioToAbove", null);
		assertThat(levels.get(1)).containsEntry("level", 2)
			.containsEntry("units", 3)
			.containsEntry("mean", 0.5)
			.containsEntry("median", 0.5)
			.containsEntry("coldShare", 1.0 / 3)
			.containsEntry("ratioToAbove", 0.4);
	}

	private static PressureDecayAnalysis.UnitPressure pressure(String id, int level, long activities, double p) {
		return new PressureDecayAnalysis.UnitPressure(id, level, activities, p, Set.of(), null, null, null);
	}

}
