package org.dutychain.analysis;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What an analysis looks at: the units reachable from {@code unitId} along PRIMARY and
 * DUAL edges (null = every unit, orphans included), evaluated at {@code asOf}.
 */
public record AnalysisScope(String unitId, LocalDate asOf) {

	public AnalysisScope {
		Objects.requireNonNull(asOf, "asOf");
	}

	public static AnalysisScope everything(LocalDate asOf) {
		return new AnalysisScope(null, asOf);
	}

}
