package org.dutychain.web;

import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.dutychain.config.Progress;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Import jobs run one at a time: a second start while one runs is refused
 * (IMPORT_RUNNING); the job reports its rows while writing and its result at the end.
 */
class ImportJobsTests {

	@Test
	void oneImportAtATimeWithProgressAndResult() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		DatasetImporter slow = new DatasetImporter() {

			@Override
			public ImportResult importUpload(String fileName, InputStream content) {
				throw new UnsupportedOperationException();
			}

			@Override
			public ImportResult importChecked(CheckedDataset dataset, Progress progress) {
				progress.report("write", dataset.rows() / 2, dataset.rows());
				writing.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return new ImportResult("small", null, 7, java.util.Map.of("UNITS", 3), java.util.List.of(), 1);
			}

		};
		ImportJobs jobs = new ImportJobs(null);
		try {
			CheckedDataset dataset = CheckedDataset.check(TestDatasets.small());
			assertThat(dataset.valid()).isTrue();
			ImportJobs.JobView job = jobs.start(slow, dataset);
			assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
			ImportJobs.JobView running = jobs.find(job.id()).orElseThrow();
			assertThat(running.state()).isEqualTo("running");
			assertThat(running.phase()).isEqualTo("write");
			assertThat(running.percent()).isBetween(40, 60);
			assertThatThrownBy(() -> jobs.start(slow, dataset)).isInstanceOf(ImportJobs.ImportRunningException.class);
			release.countDown();
			ImportJobs.JobView done = running;
			for (int i = 0; i < 300 && done.state().equals("running"); i++) {
				Thread.sleep(100);
				done = jobs.find(job.id()).orElseThrow();
			}
			assertThat(done.state()).isEqualTo("succeeded");
			assertThat(done.percent()).isEqualTo(100);
			assertThat(done.result().dataset()).isEqualTo("small");
			assertThat(jobs.start(slow, dataset).id()).as("the next import may start").isNotEqualTo(job.id());
			release.countDown();
			assertThat(jobs.find("nope")).isEmpty();
		}
		finally {
			jobs.destroy();
		}
	}

	@Test
	void aStoreSwitchJobsPercentageNeverRunsBackwards() throws Exception {
		java.util.concurrent.SynchronousQueue<String> reached = new java.util.concurrent.SynchronousQueue<>();
		java.util.concurrent.SynchronousQueue<Boolean> go = new java.util.concurrent.SynchronousQueue<>();
		DatasetImporter switching = new DatasetImporter() {

			@Override
			public ImportResult importUpload(String fileName, InputStream content) {
				throw new UnsupportedOperationException();
			}

			@Override
			public boolean replacesStore(CheckedDataset dataset) {
				return true;
			}

			@Override
			public ImportResult importChecked(CheckedDataset dataset, Progress progress) {
				try {
					progress.report("write", dataset.rows() / 2, dataset.rows());
					reached.put("write");
					go.take();
					// the store switch's phases without a count: the importer, then the
					// schema
					progress.report("write", dataset.rows(), dataset.rows());
					progress.report("import", 0, 0);
					reached.put("import");
					go.take();
					progress.report("schema", 0, 0);
					reached.put("schema");
					go.take();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return new ImportResult("small", null, 7, java.util.Map.of("UNITS", 3), java.util.List.of(), 1);
			}

		};
		ImportJobs jobs = new ImportJobs(null);
		try {
			ImportJobs.JobView job = jobs.start(switching, CheckedDataset.check(TestDatasets.small()));
			java.util.List<Integer> seen = new java.util.ArrayList<>();
			for (String phase : java.util.List.of("write", "import", "schema")) {
				assertThat(reached.poll(30, TimeUnit.SECONDS)).isEqualTo(phase);
				ImportJobs.JobView now = jobs.find(job.id()).orElseThrow();
				assertThat(now.phase()).isEqualTo(phase);
				seen.add(now.percent());
				go.put(true);
			}
			// on the old code the importer's phase (0 of 0 rows) read 0 % after the
			// files'
			// 99 %
			assertThat(seen).containsExactly(20, 40, 85);
			ImportJobs.JobView done = jobs.find(job.id()).orElseThrow();
			for (int i = 0; i < 300 && done.state().equals("running"); i++) {
				Thread.sleep(100);
				done = jobs.find(job.id()).orElseThrow();
			}
			assertThat(done.percent()).isEqualTo(100);
		}
		finally {
			jobs.destroy();
		}
	}

	@Test
	void eachPhaseIsABandOfTheWhole() {
		assertThat(ImportJobs.percent("write", 50, 100, false)).isEqualTo(49);
		assertThat(ImportJobs.percent("write", 100, 100, false)).isEqualTo(99);
		assertThat(ImportJobs.percent("write", 100, 100, true)).isEqualTo(40);
		assertThat(ImportJobs.percent("import", 0, 0, true)).isEqualTo(40);
		assertThat(ImportJobs.percent("schema", 0, 0, true)).isEqualTo(85);
		assertThat(ImportJobs.percent("schema", 5, 10, true)).isEqualTo(92);
		assertThat(ImportJobs.percent("queued", 0, 0, true)).isZero();
	}

}
