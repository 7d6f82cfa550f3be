package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;

import org.springframework.stereotype.Component;

/**
 * Every analysis, discovered from {@code cypher/analysis/<id>.cypher}: adding a file (and
 * its fixtures, and optionally its class) adds the analysis, nothing else registers it.
 * Catalogue order: the header's {@code order:} (files without one last), then the id.
 * Start-up fails, naming the file, on a header defect, a {@code class} that is not an
 * {@link AnalysisExtension} bean, or a finding code declared by two files.
 */
@Component
public class AnalysisCatalog {

	private final Map<String, CatalogAnalysis> analyses = new LinkedHashMap<>();

	public AnalysisCatalog(CypherFiles files, List<AnalysisExtension> extensions) {
		Map<String, AnalysisExtension> byName = extensions.stream()
			.collect(Collectors.toMap((e) -> userClass(e).getSimpleName(), (e) -> e));
		List<CatalogAnalysis> found = new ArrayList<>();
		Map<String, String> codeOwners = new HashMap<>();
		for (CypherFile file : files.folder("analysis")) {
			AnalysisDefinition definition = AnalysisDefinition.of(file);
			for (String code : definition.codes().keySet()) {
				String other = codeOwners.putIfAbsent(code, definition.id());
				if (other != null) {
					throw new IllegalStateException(
							"cypher/" + file.path() + ": code " + code + " is already declared by " + other);
				}
			}
			Optional<AnalysisExtension> extension = definition.className().map((name) -> {
				AnalysisExtension e = byName.get(name);
				if (e == null) {
					throw new IllegalStateException(
							"cypher/" + file.path() + ": class " + name + " is not an AnalysisExtension bean");
				}
				return e;
			});
			found.add(new CatalogAnalysis(definition, extension));
		}
		found.sort(Comparator.comparingInt((CatalogAnalysis a) -> a.definition().order())
			.thenComparing(CatalogAnalysis::id));
		found.forEach((a) -> this.analyses.put(a.id(), a));
	}

	private static Class<?> userClass(Object bean) {
		Class<?> c = bean.getClass();
		return c.getName().contains("$$") ? c.getSuperclass() : c;
	}

	/** The analyses in catalogue order. */
	public List<Analysis> all() {
		return List.copyOf(this.analyses.values());
	}

	public List<AnalysisDefinition> definitions() {
		return this.analyses.values().stream().map(CatalogAnalysis::definition).toList();
	}

	public Optional<Analysis> find(String id) {
		return Optional.ofNullable(this.analyses.get(id));
	}

	public Optional<AnalysisDefinition> definition(String id) {
		return Optional.ofNullable(this.analyses.get(id)).map(CatalogAnalysis::definition);
	}

}
