package org.dutychain.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.support.GraphDigest;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The hostile corpus through the importer against the database (issue 9): a rejected file
 * leaves the graph exactly as it was (graph digest); an accepted one stores its hostile
 * text as an inert string (Cypher fragments in names and ids change nothing else); an
 * upload is read from a private temporary file that is gone afterwards.
 */
@GraphIT
class HostileInputIT {

	@Autowired
	Neo4jGraph graph;

	@Autowired
	CypherFiles cypher;

	@Autowired
	GraphFixtures fixtures;

	@TempDir
	Path dir;

	@Test
	void everyHostileFileIsRejectedWithTheGraphUnchangedOrStoredAsInertText() {
		this.fixtures.wipe();
		new GraphDatasetImporter(this.graph, this.cypher).importPath(TestDatasets.folder("cli-tiny"));
		List<HostileCorpus.Case> corpus = HostileCorpus.generate(this.dir, false);
		for (HostileCorpus.Case c : corpus) {
			GraphDatasetImporter importer = new GraphDatasetImporter(this.graph, this.cypher, c.limits());
			GraphDigest before = GraphDigest.of(this.graph);
			if (c.outcome() == HostileCorpus.Outcome.REJECTED) {
				InvalidDatasetException ex = catchThrowableOfType(InvalidDatasetException.class,
						() -> importer.importPath(c.source()));
				assertThat(ex).as("%s is rejected", c).isNotNull();
				assertThat(ex.problems()).as("%s", c).anySatisfy((p) -> assertThat(p.code()).isEqualTo(c.code()));
				assertThat(GraphDigest.of(this.graph)).as("%s leaves the graph unchanged", c).isEqualTo(before);
			}
			else {
				ImportResult result = importer.importPath(c.source());
				List<Map<String, Object>> rows = this.graph.read("""
						MATCH (u:Unit {generation: $g, id: $id}) RETURN u.name AS name
						""", Map.of("g", result.generation(), "id", c.id()));
				assertThat(rows).as("%s", c).containsExactly(Map.of("name", c.name()));
				long units = (long) this.graph
					.read("MATCH (u:Unit {generation: $g}) RETURN count(u) AS n", Map.of("g", result.generation()))
					.get(0)
					.get("n");
				assertThat(units).as("%s: nothing deleted or added", c).isEqualTo(c.label().contains("64") ? 64 : 3);
			}
		}
	}

	@Test
	void uploadsAreReadFromPrivateTemporaryFilesThatAreDeleted() throws IOException {
		this.fixtures.wipe();
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		long before = uploads(tmp);
		Path zip = this.dir.resolve("ok.zip");
		Files.write(zip, HostileCorpus.zipBytes(List.<Object[]>of(new Object[] { "units.csv",
				HostileCorpus.units("cz-z1", "支部").getBytes(java.nio.charset.StandardCharsets.UTF_8) })));
		GraphDatasetImporter importer = new GraphDatasetImporter(this.graph, this.cypher);
		try (InputStream in = Files.newInputStream(zip)) {
			importer.importUpload("ok.zip", in);
		}
		Path bomb = this.dir.resolve("bomb.zip");
		Files.write(bomb,
				HostileCorpus.zipBytes(List.<Object[]>of(new Object[] { "../units.csv", new byte[] { 'x' } })));
		try (InputStream in = Files.newInputStream(bomb)) {
			assertThat(catchThrowableOfType(InvalidDatasetException.class, () -> importer.importUpload("bomb.zip", in))
				.problems()).anySatisfy((p) -> assertThat(p.code()).isEqualTo("UNSAFE_ZIP_ENTRY"));
		}
		assertThat(uploads(tmp)).as("no upload copy left in %s", tmp).isEqualTo(before);
		Path probe = org.dutychain.config.PrivateFiles.createTempFile("dutychain-upload-", ".zip");
		try {
			assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)))
				.isEqualTo("rw-------");
		}
		finally {
			Files.delete(probe);
		}
	}

	private static long uploads(Path tmp) throws IOException {
		try (Stream<Path> files = Files.list(tmp)) {
			return files.filter((p) -> p.getFileName().toString().startsWith("dutychain-upload-")).count();
		}
	}

}
