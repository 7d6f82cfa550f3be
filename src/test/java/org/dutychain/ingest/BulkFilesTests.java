package org.dutychain.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.config.Progress;
import org.dutychain.record.DatasetFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk importer's files (no database): levels as ingest/levels.cypher computes them,
 * RFC 4180 quoting, multi-line files named, and values the importer cannot hold refused.
 */
class BulkFilesTests {

	@TempDir
	Path folder;

	@Test
	void levelsFollowPrimaryParentsFromTheRoots() {
		List<Map<String, Object>> units = List.of(unit("c", "b"), unit("a", null), unit("b", "a"), unit("x", null));
		assertThat(BulkFiles.levels(units)).containsOnly(Map.entry("a", 1L), Map.entry("b", 2L), Map.entry("c", 3L),
				Map.entry("x", 1L));
	}

	@Test
	void unitsOnAPrimaryCycleHaveNoLevel() {
		List<Map<String, Object>> units = List.of(unit("p", "q"), unit("q", "p"), unit("below", "p"));
		assertThat(BulkFiles.levels(units)).containsOnly(Map.entry("p", 0L), Map.entry("q", 0L),
				Map.entry("below", 0L));
	}

	@Test
	void textIsQuotedWhereNeededAndMultiLineFilesAreNamed() throws IOException {
		Map<String, Object> unit = unit("U-1", null);
		unit.put("name", "甲, \"乙\"\n丙");
		unit.put("members", 12L);
		BulkFiles files = BulkFiles.write(dataset(List.of(unit), List.of()), this.folder, Progress.NONE, 1);
		Path units = this.folder.resolve("nodes-Unit.csv");
		assertThat(Files.readString(units, StandardCharsets.UTF_8)).isEqualTo(
				"id:ID(Unit),generation:long,name,kind,sector,region,members:long,staff:long,hostUnits:long,level:long\n"
						+ "U-1,1,\"甲, \"\"乙\"\"\n丙\",BRANCH,,,12,,,1\n");
		assertThat(files.multiline()).containsExactly(units);
		assertThat(files.counts()).containsEntry("units", 1).containsEntry("post_kinds", 7);
	}

	@Test
	void anEmptyDomainListOfAPostIsNotBulkLoadable() {
		Map<String, Object> post = new HashMap<>(Map.of("id", "P-1", "unit_id", "U-1", "kind", "SECRETARY"));
		post.put("domains", List.of());
		assertThatThrownBy(() -> BulkFiles.write(dataset(List.of(unit("U-1", null)), List.of(post)), this.folder,
				Progress.NONE, 2))
			.isInstanceOf(BulkFiles.NotBulkLoadableException.class);
	}

	private static ValidDataset dataset(List<Map<String, Object>> units, List<Map<String, Object>> posts) {
		return new ValidDataset("t", LocalDate.of(2025, 6, 30),
				Map.of(DatasetFormat.UNITS, units, DatasetFormat.POSTS, posts), List.of());
	}

	private static Map<String, Object> unit(String id, String parent) {
		Map<String, Object> u = new HashMap<>();
		u.put("id", id);
		u.put("name", id);
		u.put("kind", "BRANCH");
		if (parent != null) {
			u.put("parent_id", parent);
		}
		return u;
	}

}
