package org.dutychain.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The catalogue on disk: headers parse (severity, title, messages and key subject of
 * every code come from the header, which is their only source), codes are unique across
 * files, every code has both fixtures; the runner refuses two findings with one key.
 */
class AnalysisCatalogueTests {

	static final CypherFiles FILES = CypherFiles.load(new PathMatchingResourcePatternResolver());

	private static final String HEADER = """
			// id:          %s
			// title:       测试 | Test
			// description: a test file
			%s// engine:      cypher
			// codes:       %s HIGH: something
			// params:      generation: integer
			// returns:     code, unitId
			// %s.title: 测试 | Test
			%s// %s.zh: {unitName}（{unitKind:UnitKind}）
			// %s.en: {unitName} ({unitKind:UnitKind})

			// statement: %s
			RETURN '%s' AS code, 'U-1' AS unitId;
			""";

	static CypherFile file(String id, String order, String code, String subject) {
		String text = HEADER.formatted(id, (order != null) ? "// order: " + order + "\n" : "", code, code,
				(subject != null) ? "// " + code + ".subject: " + subject + "\n" : "", code, code, code, code);
		return CypherFiles.parse("analysis/" + id + ".cypher", text);
	}

	@Test
	void everyAnalysisHeaderParsesAndIdsAndCodesAreUnique() {
		List<AnalysisDefinition> definitions = FILES.folder("analysis").stream().map(AnalysisDefinition::of).toList();
		List<String> ids = definitions.stream().map(AnalysisDefinition::id).toList();
		assertThat(ids).doesNotHaveDuplicates().hasSize(FILES.folder("analysis").size());
		List<String> codes = new ArrayList<>();
		definitions.forEach((d) -> codes.addAll(d.codes().keySet()));
		assertThat(codes).doesNotHaveDuplicates();
		for (AnalysisDefinition d : definitions) {
			for (AnalysisDefinition.CodeInfo c : d.codes().values()) {
				assertThat(c.subject()).as(c.code()).isNotEmpty();
			}
		}
	}

	@Test
	void catalogueOrderIsTheOrderHeaderThenTheId() {
		CypherFiles files = CypherFiles
			.of(List.of(file("a-last", null, "A_CODE", "unitId"), file("b-second", "20", "B_CODE", "unitId"),
					file("c-first", "10", "C_CODE", "unitId"), file("d-no-order", null, "D_CODE", "unitId")));
		AnalysisCatalog catalog = new AnalysisCatalog(files, List.of());
		assertThat(catalog.definitions()).extracting(AnalysisDefinition::id)
			.containsExactly("c-first", "b-second", "a-last", "d-no-order");
	}

	@Test
	void aCodeWithoutSubjectFailsStartUp() {
		CypherFiles files = CypherFiles.of(List.of(file("x", null, "X_CODE", null)));
		assertThatThrownBy(() -> new AnalysisCatalog(files, List.of())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("cypher/analysis/x.cypher")
			.hasMessageContaining("no X_CODE.subject");
	}

	@Test
	void aCodeDeclaredByTwoFilesFailsStartUp() {
		CypherFiles files = CypherFiles
			.of(List.of(file("x", null, "SAME", "unitId"), file("y", null, "SAME", "unitId")));
		assertThatThrownBy(() -> new AnalysisCatalog(files, List.of())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("code SAME is already declared by x");
	}

	@Test
	void sensitiveIsReadPerAnalysisAndPerCode() {
		AnalysisDefinition review = AnalysisDefinition.of(FILES.file("analysis/review-followup.cypher"));
		assertThat(review.sensitive()).isTrue();
		assertThat(review.code("NO_ADMONITION_AFTER_POOR_GRADE").sensitive()).isTrue();
		AnalysisDefinition assistance = AnalysisDefinition.of(FILES.file("analysis/assistance-coverage.cypher"));
		assertThat(assistance.code("WEAK_UNASSISTED").sensitive()).isTrue();
		assertThat(assistance.code("ASSISTANT_OVERLOADED").sensitive()).isFalse();
		assertThat(AnalysisDefinition.of(FILES.file("analysis/post-vacancy.cypher")).sensitive()).isFalse();
	}

	@Test
	void theKeyIsTheSubjectValuesInHeaderOrderAndTheMessageShowsLabels() {
		AnalysisDefinition d = AnalysisDefinition.of(file("x", null, "X_CODE", "unitId, scheme, year, personId"));
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("code", "X_CODE");
		row.put("unitId", "U-1");
		row.put("personId", "P-1");
		row.put("scheme", "ANNUAL");
		row.put("year", 2024L);
		row.put("subject", List.of("ignored"));
		row.put("unitName", "一支部");
		row.put("unitKind", "BRANCH");
		Finding f = Findings.fromRow(d, context(), row);
		assertThat(f.key()).isEqualTo("x/X_CODE/U-1/ANNUAL/2024/P-1");
		assertThat(f.messageZh()).isEqualTo("一支部（党支部）");
		assertThat(f.messageEn()).isEqualTo("一支部 (Branch)");
		row.put("personId", null);
		assertThat(Findings.fromRow(d, context(), row).key()).isEqualTo("x/X_CODE/U-1/ANNUAL/2024");
	}

	private static AnalysisContext context() {
		return new AnalysisContext(AnalysisScope.everything(java.time.LocalDate.of(2025, 6, 30)), 1, null, Map.of(),
				AnalysisSettings.defaults(), null);
	}

	@Test
	void twoFindingsWithOneKeyAreAnErrorNamingBoth() {
		Finding a = new Finding("x", "X_CODE", Severity.HIGH, "U-1", 1, null, "P-1", null, null, List.of("U-1"),
				new Message("甲", "first"), new Evidence(List.of("U-1"), List.of()), Map.of());
		Finding b = new Finding("x", "X_CODE", Severity.HIGH, "U-1", 1, null, "P-2", null, null, List.of("U-1"),
				new Message("乙", "second"), new Evidence(List.of("U-1"), List.of()), Map.of());
		assertThatThrownBy(() -> CatalogAnalysis.requireUniqueKeys(List.of(a, b)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("x/X_CODE/U-1")
			.hasMessageContaining("first")
			.hasMessageContaining("second");
	}

	@Test
	void everyFindingCodeHasAPositiveAndANearMissFixture() {
		List<String> missing = new ArrayList<>();
		for (CypherFile file : FILES.folder("analysis")) {
			AnalysisDefinition d = AnalysisDefinition.of(file);
			for (String code : d.codes().keySet()) {
				Path dir = AnalysisFixturesIT.ROOT.resolve(d.id()).resolve(code);
				for (String f : List.of("positive.cypher", "near-miss.cypher")) {
					if (!Files.isRegularFile(dir.resolve(f))) {
						missing.add(d.id() + "/" + code + "/" + f);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

}
