package org.dutychain.analysis;

import java.util.ArrayList;
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
			for (Map<String, Object> row : context.read(statement.cypher())) {
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
		Map<String, Finding> unique = new LinkedHashMap<>();
		findings.forEach((f) -> unique.putIfAbsent(f.key(), f));
		findings = new ArrayList<>(unique.values());
		findings.sort(Findings.ORDER);
		long ms = (System.nanoTime() - started) / 1_000_000;
		return new AnalysisResult(id(), title(), context.scope(), examined, ms, metrics, findings);
	}

}
