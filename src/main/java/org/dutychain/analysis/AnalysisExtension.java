package org.dutychain.analysis;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Java half of an analysis whose header says {@code engine: jgrapht}: a Spring bean
 * whose simple class name is the header's {@code class}. It runs after the file's finding
 * statements, reads the file's data statements (named in lower kebab case) through the
 * context, and adds findings and analysis metrics. Graph algorithms (JGraphT) live only
 * in implementations of this interface.
 */
public interface AnalysisExtension {

	/**
	 * @param definition the analysis file it belongs to
	 * @param context the run (parameters, scope, shared graph cache)
	 * @param findings where to put findings (build them with {@link Findings#fromRow} or
	 * the {@link Finding} constructor)
	 * @param metrics analysis-level metrics to fill
	 */
	void contribute(AnalysisDefinition definition, AnalysisContext context, Consumer<Finding> findings,
			Map<String, Object> metrics);

	/**
	 * As {@link #contribute(AnalysisDefinition, AnalysisContext, Consumer, Map)}, with
	 * the findings the file's statements produced in this run (read-only), for metrics
	 * that must agree with them by construction.
	 * @param definition the analysis file it belongs to
	 * @param context the run
	 * @param statementFindings the findings of the file's finding statements
	 * @param findings where to put findings
	 * @param metrics analysis-level metrics to fill
	 */
	default void contribute(AnalysisDefinition definition, AnalysisContext context, List<Finding> statementFindings,
			Consumer<Finding> findings, Map<String, Object> metrics) {
		contribute(definition, context, findings, metrics);
	}

	/**
	 * The denominator when it is not the number of units in scope; -1 to keep the
	 * default.
	 */
	default int examined(AnalysisContext context) {
		return -1;
	}

}
