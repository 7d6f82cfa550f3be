package org.dutychain.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dutychain.config.ImportLimits;
import org.dutychain.config.Progress;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bulk importer's files written while a dataset for an empty store is validated
 * ({@link CheckedDataset#checkForEmptyStore}): the same files as written after
 * validation, the same problems as plain validation, and nothing left behind when the
 * dataset is invalid or the files are not used.
 */
class StagedBulkFilesTests {

	@TempDir
	Path work;

	private Path dataset;

	private Path staged;

	@BeforeEach
	void generate() {
		this.dataset = this.work.resolve("dataset");
		DatasetGenerator.standalone().generate(200, 42, 0.02, this.dataset);
		// measures reference issues, posts and people
		TestDatasets.appendMeasures(this.dataset);
		this.staged = this.work.resolve("staged");
	}

	@Test
	void filesWrittenWhileValidatingHoldWhatIsWrittenAfterValidationWithNumberedNodes() throws IOException {
		CheckedDataset plain = CheckedDataset.check(this.dataset);
		Path after = Files.createDirectory(this.work.resolve("after"));
		BulkFiles expected = BulkFiles.write(plain.dataset(), after, Progress.NONE, plain.rows());
		assertThat(expected.numbered()).isFalse();

		CheckedDataset checked = stage(0);
		assertThat(checked.valid()).isTrue();
		assertThat(checked.rows()).isEqualTo(plain.rows());
		BulkFiles.Staged files = checked.takeBulkFiles().orElseThrow();
		assertThat(checked.takeBulkFiles()).isEmpty();
		BulkFiles actual = files.finish(checked.dataset());

		assertThat(actual.numbered()).isTrue();
		assertThat(names(actual.nodes())).isEqualTo(names(expected.nodes()));
		assertThat(names(actual.relationships())).isEqualTo(names(expected.relationships()));
		assertThat(actual.counts()).isEqualTo(expected.counts());
		assertThat(actual.labels()).isEqualTo(expected.labels());
		assertThat(actual.entities()).isEqualTo(expected.entities());
		assertThat(actual.multiline()).hasSameSizeAs(expected.multiline());
		assertThat(actual.labels()).containsEntry("Measure", 2L);
		// what is numbered later than its rows, and the measures' references
		for (String type : List.of("DERIVED_FROM", "OF_KIND", "HAS_MEASURE", "OWNED_BY", "VERIFIED", "HOLDS",
				"FOR_DUTY", "AGAINST")) {
			assertThat(actual.relationships().stream().filter((g) -> g.name().equals(type)).toList()).as(type)
				.allSatisfy((g) -> assertThat(dataRows(g.file())).isNotEmpty());
		}

		// every node has its own number, 0 to their count less one (the importer's
		// actual node ids); the same rows once the numbers are read as the ids they stand
		// for
		Map<String, String> idOf = new HashMap<>();
		long nodes = 0;
		for (BulkFiles.Group group : actual.nodes()) {
			List<List<String>> rows = read(group.file());
			boolean withId = !group.name().equals("Dataset") && !group.name().equals("Counter");
			assertThat(rows.get(0).get(0)).isEqualTo(":ID");
			for (List<String> row : rows.subList(1, rows.size())) {
				assertThat(idOf.put(row.get(0), withId ? row.get(1) : group.name())).as(row.toString()).isNull();
				nodes++;
			}
		}
		for (long n = 0; n < nodes; n++) {
			assertThat(idOf).containsKey(Long.toString(n));
		}
		for (BulkFiles.Group group : expected.nodes()) {
			if (group.name().equals("Dataset")) {
				continue; // its importedAt is the time of writing
			}
			List<List<String>> rows = read(this.staged.resolve(group.file().getFileName()));
			assertThat(rows.subList(1, rows.size()).stream().map((r) -> r.subList(1, r.size())))
				.as(group.file().getFileName().toString())
				.containsExactlyElementsOf(dataRows(group.file()));
		}
		for (BulkFiles.Group group : expected.relationships()) {
			List<List<String>> rows = read(this.staged.resolve(group.file().getFileName()));
			assertThat(rows.get(0).subList(0, 2)).isEqualTo(List.of(":START_ID", ":END_ID"));
			List<List<String>> asIds = rows.subList(1, rows.size()).stream().map((r) -> {
				List<String> ids = new ArrayList<>(r);
				ids.set(0, idOf.get(r.get(0)));
				ids.set(1, idOf.get(r.get(1)));
				return ids;
			}).toList();
			assertThat(asIds).as(group.file().getFileName().toString())
				.containsExactlyElementsOf(dataRows(group.file()));
		}
		files.discard();
		assertThat(this.staged).doesNotExist();
	}

	@Test
	void aStoreSwitchValidatesAgainWhileItWritesNumberedFilesOfItsGeneration() throws IOException {
		CheckedDataset checked = CheckedDataset.check(this.dataset);
		Files.createDirectory(this.staged);

		BulkFiles files = checked.restage(this.staged, 7, Progress.NONE).finish(checked.dataset());

		assertThat(files.numbered()).isTrue();
		assertThat(files.entities()).isEqualTo(BulkFiles
			.write(checked.dataset(), Files.createDirectory(this.work.resolve("after")), Progress.NONE, checked.rows())
			.entities());
		List<List<String>> units = read(this.staged.resolve("nodes-Unit.csv"));
		assertThat(units.get(0).subList(0, 3)).isEqualTo(List.of(":ID", "id", "generation:long"));
		assertThat(units.subList(1, units.size())).allSatisfy((row) -> assertThat(row.get(2)).isEqualTo("7"));
	}

	@Test
	void aDatasetChangedSinceItWasValidatedIsNotRestaged() throws IOException {
		CheckedDataset checked = CheckedDataset.check(this.dataset);
		append("activities.csv", "a9999999,no-such-unit,CHECK,2024-13-01,1,,,\n");
		Files.createDirectory(this.staged);

		assertThatThrownBy(() -> checked.restage(this.staged, 2, Progress.NONE))
			.isInstanceOf(ImportAgainException.class)
			.hasMessageContaining("changed since it was validated");
		assertThat(this.staged).doesNotExist();
	}

	@Test
	void idsSharingAHashAreToldApartFromAbsentOnes() {
		DatasetValidator.Hashes hashes = new DatasetValidator.Hashes(3, true);
		hashes.add(7);
		hashes.add(5);
		hashes.add(5);
		assertThat(hashes.seal()).containsExactly(5L);
		assertThat(hashes.ordinal(7)).isZero();
		assertThat(hashes.ordinal(5)).isEqualTo(-2);
		assertThat(hashes.ordinal(6)).isEqualTo(-1);
	}

	@Test
	void whenTwoIdsShareAHashTheFilesAreWrittenAgainWithTheIdsAsText() throws IOException {
		CheckedDataset plain = CheckedDataset.check(this.dataset);
		Path after = Files.createDirectory(this.work.resolve("after"));
		BulkFiles expected = BulkFiles.write(plain.dataset(), after, Progress.NONE, plain.rows());
		// a derived_from whose hash two duties share: it cannot be numbered
		BulkFiles.Staged staged = BulkFiles.stage(Files.createDirectory(this.staged));
		DatasetValidator.Hashes duties = new DatasetValidator.Hashes(2, true);
		duties.add(5);
		duties.add(5);
		duties.seal();
		staged.begin(org.dutychain.record.DatasetFormat.UNITS,
				new DatasetValidator.Ids(new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<>()));
		staged.end();
		staged.begin(org.dutychain.record.DatasetFormat.DUTIES,
				new DatasetValidator.Ids(new it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap<>()));
		staged.end();
		staged.selfReferences(org.dutychain.record.DatasetFormat.DUTIES, it.unimi.dsi.fastutil.ints.IntArrayList.of(0),
				it.unimi.dsi.fastutil.longs.LongArrayList.of(5L), duties);
		staged.close();
		assertThatThrownBy(() -> staged.finish(plain.dataset())).isInstanceOf(BulkFiles.SharedHashException.class);

		BulkFiles files = BulkLoader.finish(staged, plain.dataset(), this.staged, Progress.NONE, plain.rows());

		assertThat(files.numbered()).isFalse();
		assertThat(names(files.relationships())).isEqualTo(names(expected.relationships()));
		for (BulkFiles.Group group : expected.relationships()) {
			assertThat(this.staged.resolve(group.file().getFileName())).hasSameTextualContentAs(group.file());
		}
	}

	private static List<List<String>> read(Path file) throws IOException {
		return Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
	}

	private static List<List<String>> dataRows(Path file) throws IOException {
		List<List<String>> rows = read(file);
		return rows.subList(1, rows.size());
	}

	@Test
	void anInvalidDatasetGivesTheSameProblemsAndLeavesNoFiles() throws IOException {
		append("activities.csv", "a9999999,no-such-unit,CHECK,2024-13-01,1,,,\n");
		append("people.csv", "p000001,重复,wc,书记\n");
		append("gradings.csv", "no-such-unit,2023,ABCD,Z,,\n");
		List<ImportProblem> expected = CheckedDataset.check(this.dataset).problems();
		assertThat(expected).hasSizeGreaterThanOrEqualTo(3);

		CheckedDataset checked = stage(0);

		assertThat(checked.valid()).isFalse();
		assertThat(checked.problems()).isEqualTo(expected);
		assertThat(this.staged).doesNotExist();
	}

	@Test
	void aDatasetBelowTheThresholdGetsNoFiles() {
		CheckedDataset checked = stage(Long.MAX_VALUE);
		assertThat(checked.valid()).isTrue();
		assertThat(checked.takeBulkFiles()).isEmpty();
		assertThat(this.staged).doesNotExist();
	}

	@Test
	void filesNotUsedAreDiscarded() {
		CheckedDataset checked = stage(0);
		assertThat(this.staged).isDirectory();
		checked.discardBulkFiles();
		assertThat(this.staged).doesNotExist();
		assertThat(checked.takeBulkFiles()).isEmpty();
		// the dataset itself stays readable for the transactional import
		assertThat(checked.unitNames()).isNotEmpty().isEqualTo(CheckedDataset.check(this.dataset).unitNames());
	}

	@Test
	void aValueTheImporterCannotHoldFailsTheFilesNotTheValidation() throws IOException {
		// a domain list of separators only: an empty list, which the importer cannot
		// write
		rewriteFirstPost();
		CheckedDataset plain = CheckedDataset.check(this.dataset);
		assertThat(plain.valid()).isTrue();

		CheckedDataset checked = stage(0);

		assertThat(checked.valid()).isTrue();
		BulkFiles.Staged files = checked.takeBulkFiles().orElseThrow();
		assertThatThrownBy(() -> files.finish(checked.dataset()))
			.isInstanceOf(BulkFiles.NotBulkLoadableException.class);
		files.discard();
		assertThat(this.staged).doesNotExist();
	}

	private CheckedDataset stage(long threshold) {
		return CheckedDataset.checkForEmptyStore(this.dataset, "dataset", ImportLimits.DEFAULTS, threshold, () -> {
			try {
				return Files.createDirectory(this.staged);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	private void append(String file, String line) throws IOException {
		Files.writeString(this.dataset.resolve(file), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
	}

	private void rewriteFirstPost() throws IOException {
		Path posts = this.dataset.resolve("posts.csv");
		List<String> lines = Files.readAllLines(posts, StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo("id,unit_id,kind,title,domains");
		String[] cells = lines.get(1).split(",", -1);
		cells[4] = ";";
		lines.set(1, String.join(",", cells));
		Files.write(posts, lines, StandardCharsets.UTF_8);
	}

	private static List<String> names(List<BulkFiles.Group> groups) {
		return groups.stream().map((g) -> g.name() + " " + g.file().getFileName()).toList();
	}

	private static List<BulkFiles.Group> concat(List<BulkFiles.Group> a, List<BulkFiles.Group> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}

}
