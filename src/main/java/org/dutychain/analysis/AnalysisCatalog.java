package org.dutychain.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;

import org.springframework.stereotype.Component;

/**
 * Every analysis, discovered from {@code cypher/analysis/<id>.cypher}. Start-up fails,
 * naming the file, on a header defect, a {@code class} that is not an
 * {@link AnalysisExtension} bean, or a catalogue id without its file.
 */
@Component
public class AnalysisCatalog {

	/** The ids of design.md section 3, in catalogue order. Stable API. */
	public static final List<String> IDS = List.of("hierarchy-integrity", "post-vacancy", "list-coverage",
			"duty-cascade", "pressure-decay", "accountability-gaps", "single-points", "assistance-coverage",
			"weak-org-rectification", "supervision-lifecycle", "review-followup", "rectification");

	private final Map<String, CatalogAnalysis> analyses = new LinkedHashMap<>();

	public AnalysisCatalog(CypherFiles files, List<AnalysisExtension> extensions) {
		Map<String, AnalysisExtension> byName = extensions.stream()
			.collect(Collectors.toMap((e) -> userClass(e).getSimpleName(), (e) -> e));
		Map<String, CatalogAnalysis> found = new LinkedHashMap<>();
		for (CypherFile file : files.folder("analysis")) {
			AnalysisDefinition definition = AnalysisDefinition.of(file);
			Optional<AnalysisExtension> extension = definition.className().map((name) -> {
				AnalysisExtension e = byName.get(name);
				if (e == null) {
					throw new IllegalStateException(
							"cypher/" + file.path() + ": class " + name + " is not an AnalysisExtension bean");
				}
				return e;
			});
			found.put(definition.id(), new CatalogAnalysis(definition, extension));
		}
		for (String id : IDS) {
			CatalogAnalysis analysis = found.remove(id);
			if (analysis == null) {
				throw new IllegalStateException("Missing cypher/analysis/" + id + ".cypher (design.md section 3)");
			}
			this.analyses.put(id, analysis);
		}
		this.analyses.putAll(found);
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
