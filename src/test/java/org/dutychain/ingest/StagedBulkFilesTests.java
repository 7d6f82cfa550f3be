package org.dutychain.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.dutychain.config.ImportLimits;
import org.dutychain.config.Progress;
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
		this.staged = this.work.resolve("staged");
	}

	@Test
	void filesWrittenWhileValidatingAreThoseWrittenAfterValidation() throws IOException {
		CheckedDataset plain = CheckedDataset.check(this.dataset);
		Path after = Files.createDirectory(this.work.resolve("after"));
		BulkFiles expected = BulkFiles.write(plain.dataset(), after, Progress.NONE, plain.rows());

		CheckedDataset checked = stage(0);
		assertThat(checked.valid()).isTrue();
		assertThat(checked.rows()).isEqualTo(plain.rows());
		BulkFiles.Staged files = checked.takeBulkFiles().orElseThrow();
		assertThat(checked.takeBulkFiles()).isEmpty();
		BulkFiles actual = files.finish(checked.dataset());

		assertThat(names(actual.nodes())).isEqualTo(names(expected.nodes()));
		assertThat(names(actual.relationships())).isEqualTo(names(expected.relationships()));
		assertThat(actual.counts()).isEqualTo(expected.counts());
		assertThat(actual.entities()).isEqualTo(expected.entities());
		assertThat(actual.multiline()).hasSameSizeAs(expected.multiline());
		for (BulkFiles.Group group : concat(expected.nodes(), expected.relationships())) {
			if (group.name().equals("Dataset")) {
				continue; // its importedAt is the time of writing
			}
			assertThat(this.staged.resolve(group.file().getFileName())).as(group.file().getFileName().toString())
				.hasSameTextualContentAs(group.file());
		}
		files.discard();
		assertThat(this.staged).doesNotExist();
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
