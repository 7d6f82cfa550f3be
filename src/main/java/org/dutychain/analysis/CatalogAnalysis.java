package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dutychain.config.CypherFile;

/**
 * An analysis of the catalogue: runs the file's finding statements, then its Java
 * extension if it names one.
 */
final class CatalogAnalysis implements Analysis {

	private final AnalysisDefinition definition;

	private final Optional<AnalysisExtension> extension;

	CatalogAnalysis(AnalysisDefinition definition, Optional<AnalysisExtension> extension) {
		this.definition = definition;
		this.extension = extension;
	}

	@Override
	public String id() {
		return this.definition.id();
	}

	@Override
	public String title() {
		return this.definition.title();
	}

	AnalysisDefinition definition() {
		return this.definition;
	}

	@Override
	public AnalysisResult run(AnalysisContext context) {
		long started = System.nanoTime();
		List<Finding> findings = new ArrayList<>();
		for (CypherFile.Statement statement : this.definition.findingStatements()) {
			for (Map<String, Object> row : context.read(statement)) {
				findings.add(Findings.fromRow(this.definition, context, row));
			}
		}
		Map<String, Object> metrics = new LinkedHashMap<>();
		int examined = context.unitCount();
		if (this.extension.isPresent()) {
			this.extension.get().contribute(this.definition, context, List.copyOf(findings), findings::add, metrics);
			int own = this.extension.get().examined(context);
			examined = (own >= 0) ? own : examined;
		}
		requireUniqueKeys(findings);
		findings.sort(Findings.ORDER);
		long ms = (System.nanoTime() - started) / 1_000_000;
		return new AnalysisResult(id(), title(), context.scope(), examined, ms, metrics, findings);
	}

	/**
	 * Two findings of one run never share a key: a duplicate is a defect of the rule (its
	 * {@code subject:} misses a value), never dropped silently.
	 */
	static void requireUniqueKeys(List<Finding> findings) {
		Map<String, Finding> byKey = new HashMap<>();
		for (Finding f : findings) {
			Finding earlier = byKey.putIfAbsent(f.key(), f);
			if (earlier != null) {
				throw new IllegalStateException("Two findings share the key " + f.key() + " (the code's subject: in "
						+ "its rule file header does not tell them apart): " + earlier + " | " + f + " | messages: "
						+ earlier.messageEn() + " | " + f.messageEn());
			}
		}
	}

}
