package org.dutychain.analysis;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * The metric of leadership-structure that no finding statement carries:
 * {@code unplacedLeaders}, the current leadership-team members whose home unit is not a
 * branch, so that FIRST_SECRETARY_MISSING cannot judge them (statement
 * {@value #UNPLACED_LEADERS} of {@code cypher/analysis/leadership-structure.cypher}).
 */
@Component
class LeadershipStructureAnalysis implements AnalysisExtension {

	static final String UNPLACED_LEADERS = "unplaced-leaders";

	@Override
	public void contribute(AnalysisDefinition definition, AnalysisContext context, Consumer<Finding> findings,
			Map<String, Object> metrics) {
		List<Map<String, Object>> rows = context.read(definition.file().statement(UNPLACED_LEADERS));
		Object count = rows.isEmpty() ? 0L : rows.get(0).get("unplacedLeaders");
		metrics.put("unplacedLeaders", (count instanceof Number n) ? n.longValue() : 0L);
		metrics.put("firstSecretarySystem", context.parameters().get("firstSecretarySystem"));
	}

}
