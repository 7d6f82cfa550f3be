package org.dutychain.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.dutychain.analysis.AuditCache;
import org.dutychain.config.Progress;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Imports as jobs (issue 10): an upload is received and validated by the request, then
 * written in the background, one import at a time; {@code GET /api/jobs/{id}} reports
 * phase, rows, percentage and the result or the problem.
 *
 * <p>
 * Jobs live in memory only: they are lost on restart (an interrupted import leaves the
 * previous dataset active, as any failed import does), and the last {@link #KEPT} are
 * kept.
 */
@Component
class ImportJobs implements DisposableBean {

	static final int KEPT = 50;

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final AuditCache audits;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((r) -> {
		Thread t = new Thread(r, "dutychain-import-job");
		t.setDaemon(true);
		return t;
	});

	private final Map<String, Job> jobs = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
			return size() > KEPT;
		}

	};

	private final AtomicReference<Job> running = new AtomicReference<>();

	/**
	 * @param audits refreshed after each import (null: nothing to refresh)
	 */
	ImportJobs(AuditCache audits) {
		this.audits = audits;
	}

	/**
	 * A job of one import.
	 *
	 * @param id the job id
	 * @param kind {@code import}
	 * @param state {@code running}, {@code succeeded} or {@code failed}
	 * @param phase {@code queued}, {@code write} (rows being written), {@code done}
	 * @param rows rows written so far
	 * @param totalRows rows of the dataset
	 * @param percent 0–100
	 * @param dataset the uploaded file
	 * @param result the import result once succeeded
	 * @param problem {@code {title, detail}} once failed
	 * @param note where jobs are kept
	 */
	record JobView(String id, String kind, String state, String phase, long rows, long totalRows, int percent,
			String dataset, Instant createdAt, Instant finishedAt, ImportResult result, Map<String, String> problem,
			String note) {
	}

	/** Thrown while another import runs (409 IMPORT_RUNNING). */
	static final class ImportRunningException extends RuntimeException {

		private final String jobId;

		ImportRunningException(String jobId) {
			super("another import is running: job " + jobId);
			this.jobId = jobId;
		}

		String jobId() {
			return this.jobId;
		}

	}

	/**
	 * Starts the import of a checked (valid) dataset.
	 * @throws ImportRunningException when another import runs
	 */
	JobView start(DatasetImporter importer, CheckedDataset dataset) {
		Job job = new Job(UUID.randomUUID().toString(), dataset.displayName(), dataset.rows(),
				importer.replacesStore(dataset));
		if (!this.running.compareAndSet(null, job)) {
			throw new ImportRunningException(this.running.get().id);
		}
		synchronized (this.jobs) {
			this.jobs.put(job.id, job);
		}
		try {
			this.worker.execute(() -> run(importer, dataset, job));
		}
		catch (RuntimeException ex) {
			this.running.set(null);
			throw ex;
		}
		return job.view();
	}

	Optional<JobView> find(String id) {
		synchronized (this.jobs) {
			return Optional.ofNullable(this.jobs.get(id)).map(Job::view);
		}
	}

	private void run(DatasetImporter importer, CheckedDataset dataset, Job job) {
		try {
			ImportResult result = importer.importChecked(dataset, job);
			job.succeed(result);
			if (this.audits != null) {
				this.audits.clear();
				this.audits.schedule(null); // the views' audit of the new dataset
			}
		}
		catch (RuntimeException | Error ex) {
			log.warn("Import job {} of {} failed", job.id, job.dataset, ex);
			job.fail(ex);
		}
		finally {
			dataset.release();
			this.running.set(null);
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

	/**
	 * The job's percentage in a phase: each phase is a band of the whole (a store switch
	 * writes the importer's files, 0–40 %, runs the importer, 40–85 %, and builds the
	 * schema, 85–99 %; a new generation is its writing, 0–99 %), a phase without a count
	 * (total 0) stands at its band's start. A later phase's report never lowers it, so
	 * the bar never runs backwards.
	 */
	static int percent(String phase, long done, long total, boolean replacesStore) {
		int from;
		int to;
		switch (phase) {
			case "write" -> {
				from = 0;
				to = replacesStore ? 40 : 99;
			}
			case "import" -> {
				from = 40;
				to = 85;
			}
			case "schema" -> {
				from = 85;
				to = 99;
			}
			default -> {
				return 0;
			}
		}
		return (total > 0) ? from + (int) ((to - from) * Math.min(done, total) / total) : from;
	}

	private static final class Job implements Progress {

		final String id;

		final String dataset;

		final Instant createdAt = Instant.now();

		private final long total;

		private volatile String state = "running";

		private volatile String phase = "queued";

		private volatile long rows;

		/** Of the whole job, never lower than before (phases are bands of it). */
		private volatile int percent;

		/** Whether the job goes through the store switch (write, import, schema). */
		private final boolean replacesStore;

		private volatile Instant finishedAt;

		private volatile ImportResult result;

		private volatile Map<String, String> problem;

		Job(String id, String dataset, long total, boolean replacesStore) {
			this.id = id;
			this.dataset = dataset;
			this.total = total;
			this.replacesStore = replacesStore;
		}

		@Override
		public synchronized void report(String phase, long done, long total) {
			this.phase = phase;
			this.rows = done;
			this.percent = Math.max(this.percent, ImportJobs.percent(phase, done, total, this.replacesStore));
		}

		void succeed(ImportResult result) {
			this.result = result;
			this.rows = this.total;
			this.phase = "done";
			this.finishedAt = Instant.now();
			this.state = "succeeded";
		}

		void fail(Throwable ex) {
			this.problem = Map.of("title", "Import failed", "detail", "导入失败，原数据集保持不变：" + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? "：" + ex.getMessage() : ""));
			this.phase = "done";
			this.finishedAt = Instant.now();
			this.state = "failed";
		}

		JobView view() {
			int percent = "succeeded".equals(this.state) ? 100 : this.percent;
			return new JobView(this.id, "import", this.state, this.phase, this.rows, this.total, percent, this.dataset,
					this.createdAt, this.finishedAt, this.result, this.problem,
					"jobs are kept in memory (lost on restart) / 作业仅保存在内存中，重启后不再保留");
		}

	}

}
