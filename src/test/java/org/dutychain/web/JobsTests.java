package org.dutychain.web;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.dutychain.analysis.AuditStatus;
import org.dutychain.config.Progress;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.security.AccessScope;
import org.dutychain.security.Role;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Import jobs run one at a time: a second start while one runs is refused
 * (IMPORT_RUNNING); the job reports its rows while writing and its result at the end.
 * Computations run as their creator, follow their audits' progress, are seen by their
 * creator and ADMINs only, and are bounded in number.
 */
class JobsTests {

	static final AccessScope.Caller ADMIN = new AccessScope.Caller("admin", Role.ADMIN, List.of());

	static final AccessScope.Caller ALICE = new AccessScope.Caller("alice", Role.AUDITOR, List.of("U-1"));

	static final AccessScope.Caller BOB = new AccessScope.Caller("bob", Role.AUDITOR, List.of("U-1"));

	/** The signed-in user as the access rules see it now. */
	final AtomicReference<AccessScope.Caller> now = new AtomicReference<>(ALICE);

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
				released(release);
				return new ImportResult("small", null, 7, java.util.Map.of("UNITS", 3), java.util.List.of(), 1);
			}

		};
		Jobs jobs = new Jobs(null, this.now::get);
		try {
			CheckedDataset dataset = CheckedDataset.check(TestDatasets.small());
			assertThat(dataset.valid()).isTrue();
			Jobs.JobView job = jobs.start(slow, dataset);
			assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
			Jobs.JobView running = jobs.find(job.id(), ADMIN).orElseThrow();
			assertThat(running.state()).isEqualTo("running");
			assertThat(running.phase()).isEqualTo("write");
			assertThat(running.percent()).isBetween(40, 60);
			assertThatThrownBy(() -> jobs.start(slow, dataset)).isInstanceOf(Jobs.ImportRunningException.class);
			release.countDown();
			Jobs.JobView done = ended(jobs, job.id(), ADMIN);
			assertThat(done.state()).isEqualTo("succeeded");
			assertThat(done.percent()).isEqualTo(100);
			assertThat(((ImportResult) done.result()).dataset()).isEqualTo("small");
			assertThat(jobs.start(slow, dataset).id()).as("the next import may start").isNotEqualTo(job.id());
			release.countDown();
			assertThat(jobs.find("nope", ADMIN)).isEmpty();
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
		Jobs jobs = new Jobs(null, this.now::get);
		try {
			Jobs.JobView job = jobs.start(switching, CheckedDataset.check(TestDatasets.small()));
			java.util.List<Integer> seen = new java.util.ArrayList<>();
			for (String phase : java.util.List.of("write", "import", "schema")) {
				assertThat(reached.poll(30, TimeUnit.SECONDS)).isEqualTo(phase);
				Jobs.JobView now = jobs.find(job.id(), ADMIN).orElseThrow();
				assertThat(now.phase()).isEqualTo(phase);
				seen.add(now.percent());
				go.put(true);
			}
			// on the old code the importer's phase (0 of 0 rows) read 0 % after the
			// files'
			// 99 %
			assertThat(seen).containsExactly(20, 40, 85);
			Jobs.JobView done = ended(jobs, job.id(), ADMIN);
			assertThat(done.percent()).isEqualTo(100);
		}
		finally {
			jobs.destroy();
		}
	}

	@Test
	void eachPhaseIsABandOfTheWhole() {
		assertThat(Jobs.percent("write", 50, 100, false)).isEqualTo(49);
		assertThat(Jobs.percent("write", 100, 100, false)).isEqualTo(99);
		assertThat(Jobs.percent("write", 100, 100, true)).isEqualTo(40);
		assertThat(Jobs.percent("import", 0, 0, true)).isEqualTo(40);
		assertThat(Jobs.percent("schema", 0, 0, true)).isEqualTo(85);
		assertThat(Jobs.percent("schema", 5, 10, true)).isEqualTo(92);
		assertThat(Jobs.percent("queued", 0, 0, true)).isZero();
	}

	@Test
	void aComputationRunsAsItsCreatorFollowsItsAuditsAndIsSeenByItsCreatorOnly() throws Exception {
		Jobs jobs = new Jobs(null, this.now::get);
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<AuditStatus> audit = new AtomicReference<>(
				new AuditStatus(AuditStatus.COMPUTING, "audit", 40, "审计计算中（进度 40%）", "Audit in progress (40%)"));
		AtomicReference<String> ranAs = new AtomicReference<>();
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("alice", null, "ROLE_AUDITOR"));
		try {
			Jobs.JobView job = jobs.submit(ALICE, Jobs.AUDIT, subject("范围 U-1"), (tracker) -> {
				tracker.follow(List.of(() -> Optional.of(audit.get()), Optional::empty));
				released(release);
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				ranAs.set((auth != null) ? auth.getName() : null);
				return "the document";
			});
			// the creator logs out meanwhile: the logout empties its session's context
			// object, never the job's
			SecurityContextHolder.getContext().setAuthentication(null);
			assertThat(job.owner()).isEqualTo("alice");
			assertThat(job.kindZh()).isEqualTo("审计");
			Jobs.JobView running = job;
			for (int i = 0; i < 3000 && running.percent() < 20; i++) {
				Thread.sleep(10);
				running = jobs.find(job.id(), ALICE).orElseThrow();
			}
			assertThat(running.percent()).as("the mean of 40 % and not begun").isEqualTo(20);
			audit.set(new AuditStatus(AuditStatus.COMPUTING, "audit", 10, "", ""));
			assertThat(jobs.find(job.id(), ALICE).orElseThrow().percent()).as("never backwards").isEqualTo(20);
			assertThat(jobs.find(job.id(), BOB)).isEmpty();
			assertThat(jobs.find(job.id(), new AccessScope.Caller("alice", Role.AUDITOR, List.of("U-9"))))
				.as("its creator with another scope")
				.isEmpty();
			assertThat(jobs.list(BOB)).isEmpty();
			assertThat(jobs.find(job.id(), ADMIN)).isPresent();
			release.countDown();
			Jobs.JobView done = ended(jobs, job.id(), ALICE);
			assertThat(done.state()).isEqualTo("succeeded");
			assertThat(done.result()).isEqualTo("the document");
			assertThat(ranAs.get()).as("the creator's security context, after its logout too").isEqualTo("alice");
			assertThat(jobs.list(ALICE)).extracting(Jobs.JobView::id).containsExactly(job.id());
			// the list names what each job is about and whether it holds its result, but
			// carries no audit document (tens of MB each at a province's size)
			Jobs.JobView listed = jobs.list(ALICE).get(0);
			assertThat(listed.result()).isNull();
			assertThat(listed.hasResult()).isTrue();
			assertThat(listed.about()).containsExactly(java.util.Map.entry("scope", "U-1"));
			assertThat(done.about()).isEqualTo(listed.about());
		}
		finally {
			SecurityContextHolder.clearContext();
			release.countDown();
			jobs.destroy();
		}
	}

	@Test
	void computationsAreBounded() throws InterruptedException {
		Jobs jobs = new Jobs(null, this.now::get);
		CountDownLatch release = new CountDownLatch(1);
		try {
			for (int i = 0; i < Jobs.ACTIVE_LIMIT; i++) {
				jobs.submit(ALICE, Jobs.AUDIT, subject("s"), (tracker) -> {
					return released(release);
				});
			}
			assertThatThrownBy(() -> jobs.submit(ALICE, Jobs.AUDIT, subject("s"), (tracker) -> true))
				.isInstanceOf(Jobs.JobsBusyException.class);
			release.countDown();
			Jobs.JobView next = null;
			for (int i = 0; i < 3000 && next == null; i++) {
				try {
					next = jobs.submit(ALICE, Jobs.AUDIT, subject("s"), (tracker) -> true);
				}
				catch (Jobs.JobsBusyException busy) {
					Thread.sleep(10);
				}
			}
			assertThat(next).as("the slots are freed when the jobs end").isNotNull();
		}
		finally {
			release.countDown();
			jobs.destroy();
		}
	}

	@Test
	void aComputationsPercentageIsTheMeanOfItsAudits() {
		AuditStatus ready = new AuditStatus(AuditStatus.READY, "done", 100, "", "");
		AuditStatus half = new AuditStatus(AuditStatus.COMPUTING, "audit", 50, "", "");
		assertThat(Jobs.percent(List.of(Optional.of(half), Optional.empty()))).isEqualTo(25);
		assertThat(Jobs.percent(List.of(Optional.of(ready), Optional.of(half)))).isEqualTo(75);
		assertThat(Jobs.percent(List.of(Optional.of(ready)))).as("the result is still to be shaped").isEqualTo(99);
		assertThat(Jobs.percent(List.of())).isZero();
	}

	@Test
	void onlyTheNewestResultsAreKeptAndAJobsFileGoesWithIt() throws Exception {
		Jobs jobs = new Jobs(null, this.now::get);
		List<java.nio.file.Path> files = new java.util.ArrayList<>();
		try {
			for (int i = 0; i <= Jobs.KEPT; i++) {
				java.nio.file.Path file = java.nio.file.Files.createTempFile("jobs-test-", ".json");
				files.add(file);
				Jobs.JobView job = jobs.submit(ALICE, Jobs.REPORT, subject("s"),
						(tracker) -> new Jobs.JobFile("报告.json", "application/json", true, file));
				Jobs.JobView done = ended(jobs, job.id(), ADMIN);
				assertThat(done.result()).isInstanceOf(java.util.Map.class);
				assertThat(((java.util.Map<?, ?>) done.result()).get("href"))
					.isEqualTo("/api/jobs/" + job.id() + "/file");
				assertThat(jobs.file(job.id(), ADMIN)).map(Jobs.JobFile::path).contains(file);
				assertThat(file).exists();
			}
			assertThat(files.get(0)).as("the oldest job was dropped with its file").doesNotExist();
			int kept = files.size() - Jobs.RESULTS_KEPT;
			assertThat(files.get(kept - 1)).as("an older result goes, its job stays").doesNotExist();
			assertThat(files.get(kept)).exists();
			assertThat(jobs.list(ADMIN)).hasSize(Jobs.KEPT);
			assertThat(jobs.list(ADMIN).get(Jobs.RESULTS_KEPT).result()).isNull();
			assertThat(jobs.list(ADMIN).get(Jobs.RESULTS_KEPT).note()).contains("结果已不再保留");
			assertThat(jobs.list(ADMIN).get(Jobs.RESULTS_KEPT - 1).result()).isNotNull();
		}
		finally {
			jobs.destroy();
		}
		assertThat(files).as("a shutdown removes every job's file").allSatisfy((f) -> assertThat(f).doesNotExist());
	}

	@Test
	void aComputationWhoseCreatorsScopeChangedWhileItRanFailsAndLeavesNoFile() throws Exception {
		Jobs jobs = new Jobs(null, this.now::get);
		CountDownLatch release = new CountDownLatch(1);
		java.nio.file.Path file = java.nio.file.Files.createTempFile("jobs-test-", ".pdf");
		try {
			CountDownLatch started = new CountDownLatch(1);
			Jobs.JobView job = jobs.submit(ALICE, Jobs.REPORT, subject("s"), (tracker) -> {
				started.countDown();
				released(release);
				// a report written for a scope alice no longer has
				return new Jobs.JobFile("报告.pdf", "application/pdf", false, file);
			});
			assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
			this.now.set(new AccessScope.Caller("alice", Role.AUDITOR, List.of("U-1", "U-2")));
			release.countDown();
			Jobs.JobView done = ended(jobs, job.id(), ADMIN);
			assertThat(done.state()).isEqualTo("failed");
			assertThat(done.result()).isNull();
			assertThat(done.problem().get("detail")).contains("范围在作业进行中发生了变化");
			assertThat(file).as("the report written for the old scope").doesNotExist();
			assertThat(jobs.file(job.id(), ADMIN)).isEmpty();
		}
		finally {
			release.countDown();
			jobs.destroy();
		}
	}

	@Test
	void aRunningJobIsNeverDroppedAndTheListShrinksBackAfterIt() throws Exception {
		Jobs jobs = new Jobs(null, this.now::get);
		CountDownLatch release = new CountDownLatch(1);
		try {
			Jobs.JobView slow = jobs.submit(ALICE, Jobs.AUDIT, subject("slow"), (tracker) -> {
				return released(release);
			});
			for (int i = 0; i < Jobs.KEPT + 5; i++) {
				ended(jobs, jobs.submit(ALICE, Jobs.AUDIT, subject("quick"), (tracker) -> true).id(), ALICE);
			}
			assertThat(jobs.find(slow.id(), ALICE)).as("the running job stays").isPresent();
			assertThat(jobs.list(ADMIN)).hasSize(Jobs.KEPT);
			release.countDown();
			ended(jobs, slow.id(), ALICE);
			ended(jobs, jobs.submit(ALICE, Jobs.AUDIT, subject("quick"), (tracker) -> true).id(), ALICE);
			assertThat(jobs.find(slow.id(), ALICE)).as("dropped once it ended, as the oldest").isEmpty();
			assertThat(jobs.list(ADMIN)).hasSize(Jobs.KEPT);
		}
		finally {
			release.countDown();
			jobs.destroy();
		}
	}

	@Test
	void aFailedJobSaysWhatToDoButNothingInternal() throws Exception {
		Jobs jobs = new Jobs(null, this.now::get);
		try {
			Jobs.JobView job = jobs.submit(ALICE, Jobs.AUDIT, subject("s"), (tracker) -> {
				throw new IllegalStateException("/var/lib/secret/store: MATCH (u:Unit) failed");
			});
			Jobs.JobView failed = ended(jobs, job.id(), ALICE);
			assertThat(failed.state()).isEqualTo("failed");
			assertThat(failed.hasResult()).isFalse();
			assertThat(failed.problem()).containsEntry("code", "INTERNAL_ERROR");
			assertThat(failed.problem().get("detailEn")).startsWith("Audit failed: internal error").contains(job.id());
			assertThat(failed.problem().get("detail")).startsWith("审计失败：服务器内部错误")
				.contains(job.id())
				.doesNotContain("IllegalStateException")
				.doesNotContain("secret")
				.doesNotContain("MATCH");
			Jobs.JobView busy = ended(jobs, jobs.submit(ALICE, Jobs.AUDIT, subject("s"), (tracker) -> {
				throw new org.neo4j.driver.exceptions.TransientException("Neo.TransientError.General.X", "/secret");
			}).id(), ALICE);
			assertThat(busy.problem().get("detail")).contains("数据库繁忙").doesNotContain("secret");
			assertThat(busy.problem()).containsEntry("code", "DATABASE_BUSY");
			assertThat(busy.problem().get("detailEn"))
				.isEqualTo("Audit failed: the database is busy; please start it again shortly");
			// an invalid upload says where, in each language, by its labels
			Jobs.JobView invalid = ended(jobs, jobs.submit(ALICE, Jobs.AUDIT, subject("s"), (tracker) -> {
				throw new org.dutychain.ingest.InvalidDatasetException(List.of(new org.dutychain.ingest.ImportProblem(
						"units.csv", 7, "parent_id", "UNKNOWN_REFERENCE", "unknown unit u-9", "上级单位 u-9 不存在")));
			}).id(), ALICE);
			assertThat(invalid.problem()).containsEntry("code", "INVALID_DATASET")
				.containsEntry("detail", "审计失败：数据集有 1 个问题：units.csv 第 7 行 parent_id：上级单位 u-9 不存在");
			assertThat(invalid.problem().get("detailEn"))
				.contains("units.csv:7:parent_id: UNKNOWN_REFERENCE unknown unit u-9");
			// the reasons a user acts on, each with its code
			java.util.Map<String, RuntimeException> reasons = java.util.Map.of("IMPORT_AGAIN",
					new RuntimeException(org.dutychain.ingest.ImportAgainException.editedMeanwhile(3, 4)),
					"UNKNOWN_UNIT", new org.dutychain.organization.UnknownUnitException("U-7"), "UNKNOWN_SNAPSHOT",
					new org.dutychain.report.UnknownSnapshotException("s-1"), "FORBIDDEN",
					new org.springframework.security.access.AccessDeniedException("no"));
			for (java.util.Map.Entry<String, RuntimeException> reason : reasons.entrySet()) {
				Jobs.JobView failedFor = ended(jobs, jobs.submit(ALICE, Jobs.AUDIT, subject("s"), (tracker) -> {
					throw reason.getValue();
				}).id(), ALICE);
				assertThat(failedFor.problem()).as(reason.getKey()).containsEntry("code", reason.getKey());
				assertThat(failedFor.problem().get("detail")).as(reason.getKey())
					.doesNotContain("Exception")
					.doesNotContain("服务器内部错误");
			}
		}
		finally {
			jobs.destroy();
		}
	}

	@Test
	void aSubjectKeepsItsFieldsAsTextAndLeavesOutTheAbsentOnes() {
		Jobs.Subject all = Jobs.Subject.scoped(null, java.time.LocalDate.of(2024, 6, 30));
		assertThat(all.text()).isEqualTo("范围 全部，评估日期 2024-06-30");
		assertThat(all.about()).containsExactly(java.util.Map.entry("asOf", "2024-06-30"));
		Jobs.Subject report = Jobs.Subject.scoped("U-1", null).with("format", "pdf", "pdf，");
		assertThat(report.text()).isEqualTo("pdf，范围 U-1，评估日期 数据集默认");
		assertThat(report.about()).containsExactly(java.util.Map.entry("scope", "U-1"),
				java.util.Map.entry("format", "pdf"));
		assertThat(Jobs.Subject.scoped("U-1", null).with("label", null, "").about()).doesNotContainKey("label");
		assertThatThrownBy(() -> report.about().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
		Jobs.Subject trend = Jobs.Subject.between(null, java.time.LocalDate.of(2023, 6, 30),
				java.time.LocalDate.of(2024, 6, 30));
		assertThat(trend.text()).isEqualTo("范围 全部，评估日期 2023-06-30 → 2024-06-30");
		assertThat(trend.about()).containsExactly(java.util.Map.entry("from", "2023-06-30"),
				java.util.Map.entry("to", "2024-06-30"));
	}

	private static Jobs.Subject subject(String text) {
		return new Jobs.Subject(text,
				(text.startsWith("范围 ")) ? java.util.Map.of("scope", text.substring(3)) : java.util.Map.of());
	}

	/** The job once it ended (at most 30 s later), as {@code reader} sees it. */
	static Jobs.JobView ended(Jobs jobs, String id, AccessScope.Caller reader) throws InterruptedException {
		Jobs.JobView job = jobs.find(id, reader).orElseThrow();
		for (int i = 0; i < 3000 && job.state().equals("running"); i++) {
			Thread.sleep(10);
			job = jobs.find(id, reader).orElseThrow();
		}
		return job;
	}

	/** Waits (at most 30 s) for the latch; false when it timed out or was interrupted. */
	static boolean released(CountDownLatch latch) {
		try {
			return latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
