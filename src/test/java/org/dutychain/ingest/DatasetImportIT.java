package org.dutychain.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.GenerationLeases;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.support.GraphDigest;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Imports the small dataset from every source kind and checks the graph, atomicity and
 * idempotency.
 */
@GraphIT
class DatasetImportIT {

	@Autowired
	DatasetImporter importer;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	CypherFiles cypher;

	@Autowired
	GraphFixtures fixtures;

	@TempDir
	Path temp;

	@BeforeEach
	void emptyGraph() {
		this.fixtures.wipe();
	}

	private Object one(String query, Map<String, Object> params) {
		List<Map<String, Object>> rows = this.graph.read(query, params);
		assertThat(rows).as(query).hasSize(1);
		return rows.get(0).values().iterator().next();
	}

	private Object one(String query) {
		return one(query, Map.of());
	}

	@Test
	void writesTheGraphModel() {
		ImportResult result = this.importer.importPath(TestDatasets.small());
		assertThat(result.dataset()).isEqualTo("小型测试数据集");
		assertThat(result.asOf()).isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(result.counts()).containsEntry("units", 16)
			.containsEntry("leadership", 6)
			.containsEntry("duties", 12)
			.containsEntry("gradings", 9);
		Map<String, Object> g = Map.of("g", result.generation());
		assertThat(one("MATCH (d:Dataset {active: true}) RETURN d {.name, .asOf, .generation}"))
			.isEqualTo(Map.of("name", "小型测试数据集", "asOf", LocalDate.of(2024, 6, 30), "generation", result.generation()));
		assertThat(one("MATCH (n) WHERE n.generation <> $g RETURN count(n)", g)).isEqualTo(0L);
		assertThat(this.graph.read("""
				MATCH ()-[r:LEADS]->() RETURN r.kind AS kind, count(*) AS n ORDER BY kind
				""", Map.of())).containsExactly(Map.of("kind", "DISCIPLINE_SUPERVISION", "n", 3L),
				Map.of("kind", "DUAL", "n", 2L), Map.of("kind", "GUIDANCE", "n", 1L),
				Map.of("kind", "PRIMARY", "n", 15L));
		assertThat(this.graph.read("""
				MATCH (u:Unit) WHERE u.id IN ['wc', 'fgw', 'fgw-jgdw', 'fgw-z01', 'xz-v02']
				RETURN u.id AS id, u.level AS level ORDER BY level, id
				""", Map.of())).extracting((r) -> r.get("id") + "=" + r.get("level"))
			.containsExactly("wc=1", "fgw=2", "fgw-jgdw=3", "xz-v02=3", "fgw-z01=4");
		assertThat(one("MATCH (u:Unit {id: 'lh-jb'}) RETURN u {.kind, .sector, .members, .staff, .hostUnits}"))
			.isEqualTo(Map.of("kind", "JOINT_BRANCH", "sector", "INSTITUTION", "members", 9L, "staff", 40L, "hostUnits",
					3L));
		assertThat(one("MATCH (k:PostKind {id: 'SECRETARY'}) RETURN k {.key, .responsibility, .domains, .requiredIn}"))
			.isEqualTo(Map.of("key", "SECRETARY", "responsibility", "PRINCIPAL", "domains",
					List.of("POLITICAL", "THEORY", "ORGANIZATION", "MEMBER_EDUCATION", "DISCIPLINE", "MASS_ORGS",
							"SUPERVISION_CHECK", "SUPPORT"),
					"requiredIn", List.of("ORGAN_WORK_COMMITTEE", "LEADING_PARTY_GROUP", "PARTY_COMMITTEE",
							"ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH")));
		assertThat(one("""
				MATCH (:Unit {id: 'lh-jb'})-[:HAS_POST]->(p:Post)-[:OF_KIND]->(k:PostKind)
				RETURN [p.id, p.kind, k.id, p.domains IS NULL]
				""")).isEqualTo(List.of("lh-jb.sj", "BRANCH_SECRETARY", "BRANCH_SECRETARY", true));
		assertThat(one("MATCH (p:Post {id: 'wc.zz'}) RETURN p.domains"))
			.isEqualTo(List.of("ORGANIZATION", "MEMBER_EDUCATION"));
		assertThat(one("""
				MATCH (:Person {id: 'p13'})-[h:HOLDS]->(:Post {id: 'jyt-zz1.sj'}) RETURN [h.since, h.until]
				""")).isEqualTo(List.of(LocalDate.of(2022, 2, 1), LocalDate.of(2024, 6, 30)));
		assertThat(one("MATCH (:Person {id: 'p06'})-[h:HOLDS]->() RETURN count(h)")).isEqualTo(2L);
		assertThat(one("MATCH (p:Person {id: 'p18'}) RETURN [p.title, EXISTS { (p)-[:HOME_UNIT]->() }]"))
			.isEqualTo(List.of("驻村第一书记", false));
		// personal list: Post-HAS_DUTY only; team list: Unit-HAS_DUTY
		assertThat(one("""
				MATCH (d:Duty {id: 'd05'})
				RETURN [d.unitId, d.postId, EXISTS { (:Post {id: 'fgw.sj'})-[:HAS_DUTY]->(d) },
				        EXISTS { (:Unit)-[:HAS_DUTY]->(d) }, d.due, d.cadence]
				""")).isEqualTo(List.of("fgw", "fgw.sj", true, false, LocalDate.of(2024, 12, 31), "YEARLY"));
		assertThat(one("""
				MATCH (d:Duty {id: 'd01'})
				RETURN [d.unitId, d.postId IS NULL, EXISTS { (:Unit {id: 'wc'})-[:HAS_DUTY]->(d) }]
				""")).isEqualTo(List.of("wc", true, true));
		assertThat(one("""
				MATCH path = (:Duty {id: 'd09'})-[:DERIVED_FROM*]->(:Duty {id: 'd01'}) RETURN length(path)
				""")).isEqualTo(4L);
		assertThat(one("""
				MATCH (p:Person {id: 'p18'})-[f:FIRST_SECRETARY_OF]->(u:Unit)
				RETURN [u.id, f.kind, f.dispatchedBy, f.since, f.until]
				""")).isEqualTo(
				List.of("xz-v02", "VILLAGE_STATIONED", "fgw", LocalDate.of(2023, 3, 1), LocalDate.of(2025, 2, 28)));
		assertThat(this.graph.read("""
				MATCH (a)-[r:ASSISTS]->(:Unit {id: 'xz-v02'})
				RETURN labels(a)[0] + ':' + a.id + ':' + r.level AS edge ORDER BY edge
				""", Map.of())).extracting((r) -> r.get("edge"))
			.containsExactly("Person:p11:LEADER_CONTACT", "Person:p12:ORG_DEPT_GUIDANCE", "Unit:fgw:ORGAN_CO_BUILD");
		assertThat(one("""
				MATCH (u:Unit {id: 'fgw-jgdw'})-[:DID]->(a:Activity {id: 'a07'})-[:AIMED_AT]->(t:Unit)
				MATCH (a)-[:FOR_DUTY]->(d:Duty)
				RETURN [a.kind, a.count, a.date, t.id, d.id]
				""")).isEqualTo(List.of("CHECK", 1L, LocalDate.of(2024, 5, 20), "fgw-z01", "d06"));
		assertThat(one("""
				MATCH (p:Person {id: 'p09'})-[:GRADED]->(g:Grading)<-[:GRADED]-(u:Unit {id: 'fgw-z01'})
				RETURN [g.id, g.year, g.scheme, g.grade]
				""")).isEqualTo(List.of("G:fgw-z01:p09:2023:SECRETARY_REVIEW", 2023L, "SECRETARY_REVIEW", "AVERAGE"));
		assertThat(one("MATCH (g:Grading {id: 'G:xz-v02:-:2023:ABCD'}) RETURN [g.grade, g.problems]"))
			.isEqualTo(List.of("D", List.of("TEAM_INCOMPLETE", "SYSTEMS_IRREGULAR")));
		// no problems: no property (readers take a missing list as empty; the bulk
		// importer
		// cannot write an empty one)
		assertThat(one("MATCH (g:Grading {id: 'G:xz-v02:-:2023:DESIGNATED_WEAK'}) RETURN [g.grade, g.problems]"))
			.isEqualTo(java.util.Arrays.asList("Y", null));
		assertThat(one("""
				MATCH (i:Issue {id: 'i01'})-[:FOUND_IN]->(u:Unit), (i)-[:AGAINST]->(d:Duty)
				RETURN [u.id, d.id, i.status, i.foundOn, i.source, i.severity]
				"""))
			.isEqualTo(List.of("xz-v02", "d12", "RECTIFYING", LocalDate.of(2024, 3, 5), "ASSESSMENT", "MEDIUM"));
		assertThat(one("""
				MATCH (u:Unit)-[:LISTED_IN]->(s:Supervision {id: 's1'})<-[:SUPERVISES]-(l:Unit)
				RETURN [u.id, l.id, s.deadline IS NULL, s.stage]
				""")).isEqualTo(List.of("xz-v02", "xz", true, "RECTIFY"));
		assertThat(one("""
				MATCH (:Person {id: 'p10'})-[:HAD]->(e:PersonnelEvent) RETURN [e.id, e.kind, e.date]
				""")).isEqualTo(List.of("E:p10:2024-02-01:ADMONISHED", "ADMONISHED", LocalDate.of(2024, 2, 1)));
	}

	@Test
	void reimportGivesTheSameGraphUnderANewGenerationAndDropsTheOldOne() {
		long first = this.importer.importPath(TestDatasets.small()).generation();
		GraphDigest before = GraphDigest.of(this.graph);
		long second = this.importer.importPath(TestDatasets.small()).generation();
		assertThat(second).isEqualTo(first + 1);
		assertThat(GraphDigest.of(this.graph)).isEqualTo(before);
		assertThat(one("MATCH (n) WHERE n.generation = $g RETURN count(n)", Map.of("g", first))).isEqualTo(0L);
		assertThat(one("MATCH (d:Dataset) RETURN collect(d.generation)")).isEqualTo(List.of(second));
		assertThat(before.nodes()).containsEntry("Unit", 16L).containsEntry("Dataset", 1L);
	}

	@Test
	void replacesADatasetAndKeepsNodesWithoutGeneration() {
		this.graph.write("CREATE (:Snapshot {id: 'keep-me'})", Map.of());
		this.importer.importPath(TestDatasets.small());
		Path smaller = TestDatasets.copy("small", this.temp.resolve("smaller"));
		TestDatasets.replaceLine(smaller, "people.csv", 20, "");
		ImportResult result = this.importer.importPath(smaller);
		assertThat(result.counts()).containsEntry("people", 19);
		assertThat(one("MATCH (p:Person) RETURN count(p)")).isEqualTo(19L);
		assertThat(one("MATCH (s:Snapshot) RETURN s.id")).isEqualTo("keep-me");
	}

	@Test
	void zipAndUploadGiveTheSameGraphAsTheFolder() throws IOException {
		this.importer.importPath(TestDatasets.small());
		GraphDigest folder = GraphDigest.of(this.graph);
		Path zip = zip(TestDatasets.small(), this.temp.resolve("small.zip"));
		this.importer.importPath(zip);
		assertThat(GraphDigest.of(this.graph)).isEqualTo(folder);
		try (InputStream in = Files.newInputStream(zip)) {
			ImportResult result = this.importer.importUpload("上传/small.zip", in);
			assertThat(result.dataset()).isEqualTo("小型测试数据集");
		}
		assertThat(GraphDigest.of(this.graph)).isEqualTo(folder);
	}

	@Test
	void workbookWithChineseHeadersLabelsAndDateCellsGivesTheSameGraph() throws IOException {
		this.importer.importPath(TestDatasets.small());
		GraphDigest folder = GraphDigest.of(this.graph);
		Path xlsx = WorkbookFromCsv.write(TestDatasets.small(), this.temp.resolve("小型.xlsx"));
		ImportResult result = this.importer.importPath(xlsx);
		assertThat(result.warnings()).isEmpty();
		assertThat(GraphDigest.of(this.graph)).isEqualTo(folder);
		try (InputStream in = Files.newInputStream(xlsx)) {
			this.importer.importUpload("小型.xlsx", in);
		}
		assertThat(GraphDigest.of(this.graph)).isEqualTo(folder);
	}

	@Test
	void workbookProblemsNameTheSheet() {
		Path broken = TestDatasets.copy("small", this.temp.resolve("broken"));
		TestDatasets.replaceLine(broken, "appointments.csv", 3, "p02,wc.zz,2020-06-15,2019-01-01");
		Path xlsx = WorkbookFromCsv.write(broken, this.temp.resolve("book.xlsx"));
		InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
				() -> this.importer.importPath(xlsx));
		assertThat(ex.problems()).extracting(ImportProblem::toString)
			.containsExactly(
					"book.xlsx!appointments:3:离任日期: UNTIL_BEFORE_SINCE until 2019-01-01 is before since 2020-06-15");
	}

	@Test
	void gbkAndUtf8WithBomFilesGiveTheSameGraph() {
		this.importer.importPath(TestDatasets.small());
		GraphDigest utf8 = GraphDigest.of(this.graph);
		Path encoded = TestDatasets.copy("small", this.temp.resolve("encoded"));
		for (String file : List.of("units.csv", "people.csv", "posts.csv", "duties.csv", "gradings.csv")) {
			TestDatasets.reencode(encoded, file, Charset.forName("GBK"), false);
		}
		for (String file : List.of("leadership.csv", "issues.csv", "personnel_events.csv")) {
			TestDatasets.reencode(encoded, file, StandardCharsets.UTF_8, true);
		}
		this.importer.importPath(encoded);
		assertThat(GraphDigest.of(this.graph)).isEqualTo(utf8);
	}

	@Test
	void invalidDatasetLeavesThePreviousGraphAsItWas() {
		long generation = this.importer.importPath(TestDatasets.small()).generation();
		GraphDigest before = GraphDigest.of(this.graph);
		Path broken = TestDatasets.copy("small", this.temp.resolve("broken"));
		TestDatasets.append(broken, "people.csv", "p01,重名,nowhere,");
		assertThatThrownBy(() -> this.importer.importPath(broken)).isInstanceOf(InvalidDatasetException.class)
			.extracting((e) -> ((InvalidDatasetException) e).problems())
			.asList()
			.hasSize(2);
		assertThat(GraphDigest.of(this.graph)).isEqualTo(before);
		assertThat(one("MATCH (d:Dataset {active: true}) RETURN d.generation")).isEqualTo(generation);
		assertThatThrownBy(() -> this.importer.importUpload("notes.txt", InputStream.nullInputStream()))
			.isInstanceOf(InvalidDatasetException.class);
		assertThat(GraphDigest.of(this.graph)).isEqualTo(before);
	}

	@Test
	void failureWhileWritingRemovesThePartialGeneration() {
		long generation = this.importer.importPath(TestDatasets.small()).generation();
		GraphDigest before = GraphDigest.of(this.graph);
		GraphDatasetImporter failing = new GraphDatasetImporter(this.graph, failingOn("personnel-events"),
				new GenerationLeases(this.graph, this.cypher));
		assertThatThrownBy(() -> failing.importPath(TestDatasets.small())).hasMessageContaining("/ by zero");
		assertThat(GraphDigest.of(this.graph)).isEqualTo(before);
		assertThat(one("MATCH (n) WHERE n.generation <> $g RETURN count(n)", Map.of("g", generation))).isEqualTo(0L);
		assertThat(this.importer.importPath(TestDatasets.small()).generation()).isGreaterThan(generation);
		assertThat(GraphDigest.of(this.graph)).isEqualTo(before);
	}

	@Test
	void writesTheDefaultPostKindsWhenTheDatasetHasNone() throws IOException {
		Path dir = TestDatasets.copy("small", this.temp.resolve("defaults"));
		Files.delete(dir.resolve("post_kinds.csv"));
		this.importer.importPath(dir);
		assertThat(this.graph.read("MATCH (k:PostKind) RETURN k.id AS id ORDER BY id", Map.of()))
			.extracting((r) -> r.get("id"))
			.containsExactly("BRANCH_SECRETARY", "DEPUTY_SECRETARY", "DISCIPLINE_SECRETARY", "FIRST_CELL_LEADER",
					"MEMBER_IN_CHARGE", "SECRETARY", "TEAM_MEMBER");
		assertThat(one("MATCH (k:PostKind {id: 'MEMBER_IN_CHARGE'}) RETURN [k.key, k.responsibility, k.domains]"))
			.isEqualTo(List.of("MEMBER_IN_CHARGE", "DIRECT", List.of()));
		assertThat(one("MATCH (:Post)-[:OF_KIND]->(k:PostKind) RETURN count(DISTINCT k)")).isEqualTo(5L);
	}

	/**
	 * The real cypher/ files, except one statement that fails at run time (after earlier
	 * batches were written).
	 */
	private CypherFiles failingOn(String statement) {
		List<CypherFile> files = new ArrayList<>();
		for (CypherFile file : this.cypher.all()) {
			List<CypherFile.Statement> statements = new ArrayList<>();
			for (CypherFile.Statement s : file.statements()) {
				statements.add(s.name().equals(statement) ? new CypherFile.Statement(s.name(),
						"UNWIND $rows AS row RETURN 1 / ($generation - $generation)", s.line()) : s);
			}
			files.add(new CypherFile(file.path(), file.header(), statements, file.text()));
		}
		return CypherFiles.of(files);
	}

	private static Path zip(Path folder, Path zip) throws IOException {
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
			try (var files = Files.list(folder)) {
				for (Path file : files.sorted().toList()) {
					z.putNextEntry(new ZipEntry("small/" + file.getFileName()));
					z.write(Files.readAllBytes(file));
					z.closeEntry();
				}
			}
			z.putNextEntry(new ZipEntry("__MACOSX/small/._units.csv"));
			z.write(new byte[] { 0, 1, 2 });
			z.closeEntry();
		}
		return zip;
	}

}
