package org.dutychain.analysis;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.dutychain.duty.DutyDomain;
import org.dutychain.ingest.DatasetGenerator;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.support.GraphIT;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §1: the coverage matrix agrees with list-coverage's findings on the demo
 * province and on a generated dataset. Every NO_TEAM_LIST, NO_PERSONAL_LIST and
 * DOMAIN_BLANK puts its unit into the blank list of its (level, domain) cells with its
 * code, every blank unit is there because of such a finding, a cell is 100 % exactly when
 * its blank list is empty, and the audit's level summary carries the same shares.
 */
@GraphIT
class CoverageAgreementIT {

	@Autowired
	DatasetImporter importer;

	@Autowired
	DatasetGenerator generator;

	@Autowired
	AnalysisService analyses;

	@TempDir
	Path dir;

	@Test
	void demoProvinceCoverageAgreesWithTheFindings() {
		this.importer.importPath(TestDatasets.folder("demo-province"));
		AuditDocument audit = this.analyses.audit(null, null);
		int gaps = assertAgreement(audit);
		assertThat(gaps).as("demo-province has list-coverage findings").isGreaterThanOrEqualTo(8);
	}

	@Test
	void generatedProvinceCoverageAgreesWithTheFindings() {
		Path out = this.dir.resolve("generated");
		this.generator.generate(400, 7, 0.05, out);
		this.importer.importPath(out);
		AuditDocument audit = this.analyses.audit(null, null);
		int gaps = assertAgreement(audit);
		assertThat(gaps).isPositive();
	}

	/** Asserts the agreement and returns the number of list-coverage findings. */
	@SuppressWarnings("unchecked")
	private static int assertAgreement(AuditDocument audit) {
		AuditDocument.AnalysisSummary summary = audit.analyses()
			.stream()
			.filter((a) -> a.id().equals("list-coverage"))
			.findFirst()
			.orElseThrow();
		List<Map<String, Object>> blanks = (List<Map<String, Object>>) summary.metrics().get("blanks");
		List<Map<String, Object>> coverage = (List<Map<String, Object>>) summary.metrics().get("coverage");
		Set<Integer> owingLevels = new HashSet<>();
		coverage.forEach((r) -> owingLevels.add((Integer) r.get("level")));

		// expected blank entries from the findings alone: "level/domain/unit" → codes
		Map<String, Set<String>> expected = new HashMap<>();
		List<Finding> gaps = audit.findings()
			.stream()
			.filter((f) -> ListCoverageAnalysis.CODES.contains(f.code()))
			.toList();
		for (Finding f : gaps) {
			assertThat(owingLevels).as("level of %s", f.key()).contains(f.level());
			Set<String> domains = switch (f.code()) {
				case "NO_TEAM_LIST" -> Set.of(names());
				case "DOMAIN_BLANK" -> Set.of(f.subject().get(2));
				default -> Set.of();
			};
			domains
				.forEach((d) -> expected.computeIfAbsent(f.level() + "/" + d + "/" + f.unitId(), (k) -> new TreeSet<>())
					.add(f.code()));
		}
		// every finding's unit is blank in at least one cell of its level, with its code
		Map<String, Set<String>> actual = new HashMap<>();
		for (Map<String, Object> cell : blanks) {
			List<Map<String, Object>> units = (List<Map<String, Object>>) cell.get("units");
			assertThat(units).hasSize(Math.min((Integer) cell.get("missing"), ListCoverageAnalysis.BLANK_IDS_CAP));
			for (Map<String, Object> u : units) {
				assertThat((List<String>) u.get("codes")).as("blank unit %s has a responsible code", u.get("id"))
					.isNotEmpty();
				assertThat(u.get("name")).isNotNull();
				actual.put(cell.get("level") + "/" + cell.get("domain") + "/" + u.get("id"),
						new TreeSet<>((List<String>) u.get("codes")));
			}
		}
		expected.forEach((cell, codes) -> assertThat(actual.get(cell)).as(cell).containsAll(codes));
		for (Finding f : gaps) {
			assertThat(actual.entrySet()).as("%s is in a blank list of level %d", f.key(), f.level())
				.anyMatch((e) -> e.getKey().startsWith(f.level() + "/") && e.getKey().endsWith("/" + f.unitId())
						&& e.getValue().contains(f.code()));
		}
		Set<String> flagged = new HashSet<>();
		gaps.forEach((f) -> flagged.add(f.unitId()));
		actual.keySet()
			.forEach((k) -> assertThat(flagged).as("blank %s comes from a finding", k)
				.contains(k.substring(k.lastIndexOf('/') + 1)));

		// a cell is 100 % exactly when nobody is blank, and the level summary has the
		// same numbers
		for (Map<String, Object> row : coverage) {
			int level = (Integer) row.get("level");
			Map<String, Object> shares = (Map<String, Object>) row.get("domains");
			for (Map<String, Object> cell : blanks) {
				if (cell.get("level").equals(level)) {
					double share = ((Number) shares.get(cell.get("domain"))).doubleValue();
					int missing = (Integer) cell.get("missing");
					assertThat(share)
						.isEqualTo((double) ((Integer) row.get("units") - missing) / (Integer) row.get("units"));
					assertThat(share == 1.0).isEqualTo(missing == 0);
				}
			}
			AuditDocument.LevelSummary summaryRow = audit.levels()
				.stream()
				.filter((l) -> l.level() == level)
				.findFirst()
				.orElseThrow();
			shares.forEach((d, v) -> assertThat(summaryRow.coverage().get(d)).isEqualTo(((Number) v).doubleValue()));
		}
		return gaps.size();
	}

	private static String[] names() {
		return java.util.Arrays.stream(DutyDomain.values()).map(Enum::name).toArray(String[]::new);
	}

}
