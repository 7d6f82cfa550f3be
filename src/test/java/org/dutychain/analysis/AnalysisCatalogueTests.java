package org.dutychain.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue on disk: headers parse, severities follow design.md section 5, every code
 * has both fixtures.
 */
class AnalysisCatalogueTests {

	static final CypherFiles FILES = CypherFiles.load(new PathMatchingResourcePatternResolver());

	/** design.md section 5: HIGH and LOW codes; every other code is MEDIUM. */
	static final List<String> HIGH = List.of("LEADS_CYCLE", "ORPHAN_UNIT", "REQUIRED_POST_MISSING", "POST_VACANT",
			"APPOINTMENT_EXPIRED", "SELF_SUPERVISION", "NO_TEAM_LIST", "NO_PRINCIPAL", "NO_DIRECT", "CUT_UNIT",
			"WEAK_UNASSISTED", "WEAK_VILLAGE_NO_FIRST_SECRETARY", "WEAK_TWO_YEARS", "PARENT_SECRETARY_LIABLE",
			"SUPERVISION_OVERDUE", "DELISTED_WITH_OPEN_ISSUES", "PROMOTED_AFTER_ADMONITION", "RECTIFICATION_OVERDUE",
			"WEAK_NO_PLAN");

	static final List<String> LOW = List.of("SHOULD_BE_GENERAL_BRANCH", "SHOULD_BE_COMMITTEE", "JOINT_BRANCH_TOO_WIDE",
			"HUB_PERSON", "BRIDGE_EDGE", "ASSISTANCE_EXPIRED", "STAGE_INCONSISTENT");

	@Test
	void everyAnalysisHeaderParsesAndIdsAreUnique() {
		List<String> ids = new ArrayList<>();
		for (CypherFile file : FILES.folder("analysis")) {
			ids.add(AnalysisDefinition.of(file).id());
		}
		assertThat(ids).doesNotHaveDuplicates().isNotEmpty();
		assertThat(AnalysisCatalog.IDS).containsAll(ids);
	}

	@Test
	void severitiesFollowTheSharedContract() {
		for (CypherFile file : FILES.folder("analysis")) {
			for (Map.Entry<String, AnalysisDefinition.CodeInfo> e : AnalysisDefinition.of(file).codes().entrySet()) {
				Severity expected = HIGH.contains(e.getKey()) ? Severity.HIGH
						: LOW.contains(e.getKey()) ? Severity.LOW : Severity.MEDIUM;
				assertThat(e.getValue().severity()).as(e.getKey()).isEqualTo(expected);
			}
		}
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
