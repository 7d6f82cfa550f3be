package org.dutychain.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditStatus;
import org.dutychain.config.DaemonThreads;
import org.dutychain.config.DatabaseBusy;
import org.dutychain.config.Progress;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportAgainException;
import org.dutychain.ingest.ImportProblem;
import org.dutychain.ingest.ImportResult;
import org.dutychain.ingest.InvalidDatasetException;
import org.dutychain.organization.UnknownUnitException;
import org.dutychain.report.UnknownSnapshotException;
import org.dutychain.security.AccessScope;
import org.dutychain.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Long work as jobs (issue 10): {@code POST} answers {@code 202 Accepted} with the job
 * and {@code Location: /api/jobs/{id}}; {@code GET /api/jobs/{id}} reports phase, rows,
 * percentage and the result or the problem.
 *
 * <p>
 * Two kinds of work: imports (an upload received and validated by the request, written in
 * the background, one at a time, by ADMIN only), and the computations a request would
 * otherwise wait for — an audit, a snapshot, a trend ({@code Prefer: respond-async} on
 * their endpoints). Those run in the signed-in user's security context, so that their
 * result is exactly what the same request would have answered (a scoped user's audit
 * filtered to its subtrees), and only their creator (or an ADMIN) sees the job: anyone
 * else — the creator too once its role or scopes changed — is told there is no such job.
 *
 * <p>
 * Jobs live in memory only: they are lost on restart (an interrupted import leaves the
 * previous dataset active, as any failed import does), and the last {@link #KEPT} are
 * kept.
 */
@Component
class Jobs implements DisposableBean {

	static final int KEPT = 100;

	/** Computations (audits, snapshots, trends) running or queued at once. */
	static final int ACTIVE_LIMIT = 8;

	/**
	 * Finished computations whose result is kept (an audit document of a province is
	 * large): older ones keep their state, their result goes.
	 */
	static final int RESULTS_KEPT = 16;

	static final String IMPORT = "import";

	static final String AUDIT = "audit";

	static final String SNAPSHOT = "snapshot";

	static final String TREND = "trend";

	static final String REPORT = "report";

	private static final Map<String, String> KIND_ZH = Map.of(IMPORT, "导入", AUDIT, "审计", SNAPSHOT, "快照", TREND, "趋势对比",
			REPORT, "报告");

	private static final Map<String, String> KIND_EN = Map.of(IMPORT, "Import", AUDIT, "Audit", SNAPSHOT, "Snapshot",
			TREND, "Comparison", REPORT, "Report");

	private static final Logger log = LoggerFactory.getLogger(Jobs.class);

	private final AuditCache audits;

	private final ExecutorService importer = Executors
		.newSingleThreadExecutor(DaemonThreads.named("dutychain-import-job"));

	/**
	 * Computations: the audits themselves run on the audit cache's threads; these wait
	 * for them and shape the result.
	 */
	private final ExecutorService workers = Executors.newFixedThreadPool(2, DaemonThreads.named("dutychain-job"));

	/** The jobs by id, oldest first; see {@link #remember}. */
	private final Map<String, Job> jobs = new LinkedHashMap<>();

	private final AtomicReference<Job> running = new AtomicReference<>();

	private final AtomicInteger active = new AtomicInteger();

	/** The signed-in user as the access rules see it now (null: no check). */
	private final Supplier<AccessScope.Caller> currentCaller;

	/** Computations that succeeded and still hold their result, oldest first. */
	private final Deque<Job> holding = new ArrayDeque<>();

	@Autowired
	Jobs(AuditCache audits, AccessScope access) {
		this(audits, access::caller);
	}

	/**
	 * @param audits refreshed after each import (null: nothing to refresh)
	 * @param currentCaller the caller as the access rules see it now, checked around a
	 * computation (null: not checked)
	 */
	Jobs(AuditCache audits, Supplier<AccessScope.Caller> currentCaller) {
		this.audits = audits;
		this.currentCaller = currentCaller;
	}

	/**
	 * A job.
	 *
	 * @param id the job id
	 * @param kind {@code import}, {@code audit}, {@code snapshot}, {@code trend} or
	 * {@code report}
	 * @param kindZh 导入, 审计, 快照, 趋势对比, 报告
	 * @param owner the user who started it
	 * @param state {@code running}, {@code succeeded} or {@code failed}
	 * @param phase {@code queued}, then the work's phase: an import's {@code write},
	 * {@code import}, {@code schema}; a computation's {@code audit} (its audits and the
	 * shaping of its result); {@code done}
	 * @param rows rows written so far (imports)
	 * @param totalRows rows of the dataset (imports)
	 * @param percent 0–100, never lower than before
	 * @param subject what the job is about, in words: the uploaded file, or the scope and
	 * date
	 * @param about the same as fields the page labels itself ({@link Subject#about()})
	 * @param result once succeeded: the import result, the audit document, the snapshot,
	 * the trend — what the same request without {@code Prefer: respond-async} answers; a
	 * report's {@code fileName}, {@code mediaType}, {@code size} and {@code href}, where
	 * its file is downloaded. The list of jobs ({@link #list}) shows a report's file but
	 * no other result (an audit document of a province is tens of MB): that is read from
	 * the job itself
	 * @param hasResult whether the job holds its result now (succeeded, not dropped)
	 * @param problem {@code {title, code, detail, detailEn}} once failed
	 * ({@link Job#fail})
	 * @param note where jobs are kept, or that the result was dropped (only the newest
	 * {@link #RESULTS_KEPT} computations keep theirs)
	 */
	record JobView(String id, String kind, String kindZh, String owner, String state, String phase, long rows,
			long totalRows, int percent, String subject, Map<String, Object> about, Instant createdAt,
			Instant finishedAt, Object result, boolean hasResult, Map<String, String> problem, String note) {
	}

	/**
	 * What a job is about: in words, for a reader of the API, and as fields the page
	 * labels itself (a unit by its name, a format by its label): {@code scope} (a unit
	 * id; absent: every unit the user may see), {@code asOf}, {@code from} and {@code to}
	 * (a trend's dates), {@code format} (a report's), {@code label} (a snapshot's),
	 * {@code snapshot} (the label of the snapshot a trend starts from), {@code file} (an
	 * import's upload). Absent fields are left out.
	 */
	record Subject(String text, Map<String, Object> about) {

		Subject {
			Map<String, Object> fields = new LinkedHashMap<>();
			about.forEach((k, v) -> {
				if (v != null) {
					fields.put(k, v.toString());
				}
			});
			about = Collections.unmodifiableMap(fields);
		}

		/** A computation's subject: its scope (null: every unit) and date, in words. */
		static Subject scoped(String scope, LocalDate asOf) {
			Map<String, Object> about = new LinkedHashMap<>();
			about.put("scope", scope);
			about.put("asOf", asOf);
			return new Subject("范围 " + ((scope != null) ? scope : "全部") + "，评估日期 " + ((asOf != null) ? asOf : "数据集默认"),
					about);
		}

		/** A comparison's subject: its scope (null: every unit) and two dates. */
		static Subject between(String scope, LocalDate from, LocalDate to) {
			Map<String, Object> about = new LinkedHashMap<>();
			about.put("scope", scope);
			about.put("from", from);
			about.put("to", to);
			return new Subject(scoped(scope, from).text() + " → " + to, about);
		}

		/** This subject with one more field, {@code words} put before its text. */
		Subject with(String key, Object value, String words) {
			Map<String, Object> more = new LinkedHashMap<>(this.about);
			more.put(key, value);
			return new Subject(words + this.text, more);
		}

	}

	/**
	 * A file a job wrote (a report), kept in a temporary file until the job is forgotten
	 * (the oldest beyond {@link #KEPT}, or at shutdown); the job's {@code result} then
	 * names it and where to download it ({@code GET /api/jobs/{id}/file}).
	 *
	 * @param inline whether it is shown in the browser (HTML, JSON) rather than saved
	 */
	record JobFile(String fileName, String mediaType, boolean inline, Path path) {
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

	/** Thrown when {@link #ACTIVE_LIMIT} computations are running or queued (429). */
	static final class JobsBusyException extends RuntimeException {

		JobsBusyException() {
			super("too many jobs running");
		}

	}

	/** A computation: its result, reporting progress to the job. */
	@FunctionalInterface
	interface Work {

		Object run(Tracker job);

	}

	/** What a computation tells its job while it runs. */
	interface Tracker extends Progress {

		/**
		 * The job's progress follows these audits (their mean percentage) while they
		 * compute; an empty status is one not started yet.
		 */
		void follow(List<Supplier<Optional<AuditStatus>>> audits);

	}

	/**
	 * Starts the import of a checked (valid) dataset.
	 * @throws ImportRunningException when another import runs
	 */
	JobView start(DatasetImporter importer, CheckedDataset dataset) {
		Job job = new Job(IMPORT, new AccessScope.Caller(currentUser(), Role.ADMIN, List.of()),
				new Subject(dataset.displayName(), Map.of("file", dataset.displayName())), dataset.rows(),
				importer.replacesStore(dataset));
		if (!this.running.compareAndSet(null, job)) {
			throw new ImportRunningException(this.running.get().id);
		}
		remember(job);
		try {
			this.importer.execute(() -> runImport(importer, dataset, job));
		}
		catch (RuntimeException ex) {
			this.running.set(null);
			synchronized (this.jobs) {
				this.jobs.remove(job.id);
			}
			throw ex;
		}
		return job.view();
	}

	/**
	 * Starts a computation in the signed-in user's security context.
	 * @param kind {@link #AUDIT}, {@link #SNAPSHOT}, {@link #TREND} or {@link #REPORT}
	 * @param subject the scope and date, for the job's reader
	 * @throws JobsBusyException when {@link #ACTIVE_LIMIT} computations are running or
	 * queued
	 */
	JobView submit(AccessScope.Caller owner, String kind, Subject subject, Work work) {
		if (this.active.incrementAndGet() > ACTIVE_LIMIT) {
			this.active.decrementAndGet();
			throw new JobsBusyException();
		}
		Job job = new Job(kind, owner, subject, 0, false);
		Runnable run = () -> {
			Object result = null;
			try {
				job.report("audit", 0, 0);
				requireOwner(owner);
				result = work.run(job);
				// the result is what the owner may see only if its rights held throughout
				requireOwner(owner);
				job.succeed(result);
				keepNewestResults(job);
			}
			catch (RuntimeException | Error ex) {
				log.warn("{} job {} ({}) failed", kind, job.id, subject.text(), ex);
				if (result instanceof JobFile file) {
					delete(file);
				}
				job.fail(ex);
			}
			finally {
				this.active.decrementAndGet();
			}
		};
		// a copy of the caller's context: the session's own object loses its
		// authentication at logout, and the work would then run as nobody (unrestricted)
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		remember(job);
		try {
			this.workers.execute(new DelegatingSecurityContextRunnable(run, context));
		}
		catch (RuntimeException ex) {
			this.active.decrementAndGet();
			synchronized (this.jobs) {
				this.jobs.remove(job.id);
			}
			throw ex;
		}
		return job.view();
	}

	/**
	 * The signed-in user of the work is the owner with the role and scopes it had when it
	 * started the job, or the job fails.
	 */
	private void requireOwner(AccessScope.Caller owner) {
		if (this.currentCaller == null) {
			return;
		}
		AccessScope.Caller now = this.currentCaller.get();
		if (!sameGrant(owner, now)) {
			throw new OwnerChangedException();
		}
	}

	static boolean sameGrant(AccessScope.Caller a, AccessScope.Caller b) {
		return Objects.equals(a.username(), b.username()) && a.role() == b.role() && a.roots().equals(b.roots());
	}

	/** The creator's role or scopes changed while its job ran. */
	static final class OwnerChangedException extends RuntimeException {

		OwnerChangedException() {
			super("the user's role or scopes changed while the job ran");
		}

	}

	/**
	 * The job if {@code reader} may see it: an ADMIN, or its creator with the role and
	 * scopes it had when it started the job (a result computed for a wider scope is not
	 * shown after the scope was narrowed).
	 */
	Optional<JobView> find(String id, AccessScope.Caller reader) {
		Job job;
		synchronized (this.jobs) {
			job = this.jobs.get(id);
		}
		return Optional.ofNullable(job).filter((j) -> j.visibleTo(reader)).map(Job::view);
	}

	/** The file of a finished job {@code reader} may see, if it wrote one. */
	Optional<JobFile> file(String id, AccessScope.Caller reader) {
		Job job;
		synchronized (this.jobs) {
			job = this.jobs.get(id);
		}
		return Optional.ofNullable(job)
			.filter((j) -> j.visibleTo(reader))
			.map((j) -> j.result)
			.filter(JobFile.class::isInstance)
			.map(JobFile.class::cast)
			.filter((f) -> Files.isReadable(f.path()));
	}

	/** The jobs {@code reader} may see, newest first. */
	List<JobView> list(AccessScope.Caller reader) {
		List<Job> visible = new ArrayList<>();
		synchronized (this.jobs) {
			for (Job j : this.jobs.values()) {
				if (j.visibleTo(reader)) {
					visible.add(0, j);
				}
			}
		}
		return visible.stream().map(Job::summary).toList();
	}

	/**
	 * Keeps the results of the {@link #RESULTS_KEPT} computations that succeeded last:
	 * the oldest result goes (in the order they finished).
	 */
	private void keepNewestResults(Job finished) {
		synchronized (this.jobs) {
			this.holding.addLast(finished);
			while (this.holding.size() > RESULTS_KEPT) {
				this.holding.removeFirst().dropResult();
			}
		}
	}

	/**
	 * Adds a job and drops the oldest ones that are not running beyond {@link #KEPT} (a
	 * running job stays: its poller would lose it; at most {@link #ACTIVE_LIMIT} + 1
	 * run).
	 */
	private void remember(Job job) {
		synchronized (this.jobs) {
			this.jobs.put(job.id, job);
			Iterator<Job> oldest = this.jobs.values().iterator();
			int excess = this.jobs.size() - KEPT;
			while (excess > 0 && oldest.hasNext()) {
				Job j = oldest.next();
				if (!"running".equals(j.state)) {
					j.forget();
					oldest.remove();
					excess--;
				}
			}
		}
	}

	private void runImport(DatasetImporter importer, CheckedDataset dataset, Job job) {
		try {
			ImportResult result = importer.importChecked(dataset, job);
			job.succeed(result);
			if (this.audits != null) {
				this.audits.clear();
				this.audits.schedule(null); // the views' audit of the new dataset
			}
		}
		catch (RuntimeException | Error ex) {
			log.warn("Import job {} of {} failed", job.id, job.subject.text(), ex);
			job.fail(ex);
		}
		finally {
			dataset.release();
			this.running.set(null);
		}
	}

	@Override
	public void destroy() {
		this.importer.shutdownNow();
		this.workers.shutdownNow();
		synchronized (this.jobs) {
			this.jobs.values().forEach(Job::forget);
		}
	}

	private static void delete(JobFile file) {
		try {
			Files.deleteIfExists(file.path());
		}
		catch (IOException ex) {
			log.warn("Could not delete the job file {}: {}", file.path(), ex.getMessage());
		}
	}

	private static String currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return (auth != null && auth.getName() != null) ? auth.getName() : "";
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

	/**
	 * A computation's percentage from the audits it follows: their mean, at most 99 (the
	 * result is still to be shaped when they are done); an audit without a status has not
	 * begun.
	 */
	static int percent(List<Optional<AuditStatus>> audits) {
		if (audits.isEmpty()) {
			return 0;
		}
		int sum = 0;
		for (Optional<AuditStatus> status : audits) {
			sum += status.map(AuditStatus::percent).orElse(0);
		}
		return Math.min(99, sum / audits.size());
	}

	private static final class Job implements Tracker {

		final String id = UUID.randomUUID().toString();

		final String kind;

		/** Who started it, with the role and scopes of that moment. */
		final AccessScope.Caller owner;

		final Subject subject;

		final Instant createdAt = Instant.now();

		private final long total;

		private volatile String state = "running";

		private volatile String phase = "queued";

		private volatile long rows;

		/** Of the whole job, never lower than before (phases are bands of it). */
		private volatile int percent;

		/** Whether the job goes through the store switch (write, import, schema). */
		private final boolean replacesStore;

		private volatile List<Supplier<Optional<AuditStatus>>> followed = List.of();

		private volatile Instant finishedAt;

		private volatile Object result;

		private volatile Map<String, String> problem;

		private volatile boolean forgotten;

		private volatile boolean resultDropped;

		Job(String kind, AccessScope.Caller owner, Subject subject, long total, boolean replacesStore) {
			this.kind = kind;
			this.owner = owner;
			this.subject = subject;
			this.total = total;
			this.replacesStore = replacesStore;
		}

		@Override
		public synchronized void report(String phase, long done, long total) {
			this.phase = phase;
			this.rows = done;
			if (IMPORT.equals(this.kind)) {
				this.percent = Math.max(this.percent, Jobs.percent(phase, done, total, this.replacesStore));
			}
			else if (total > 0) {
				this.percent = Math.max(this.percent, (int) Math.min(99, done * 100 / total));
			}
		}

		@Override
		public void follow(List<Supplier<Optional<AuditStatus>>> audits) {
			this.followed = List.copyOf(audits);
		}

		void succeed(Object result) {
			this.result = result;
			if (this.forgotten) {
				deleteFile(); // dropped from the list while it ran: nobody can fetch it
			}
			this.rows = this.total;
			this.phase = "done";
			this.finishedAt = Instant.now();
			this.state = "succeeded";
		}

		/**
		 * Fails the job with a problem a user can read, in Chinese ({@code detail}) and
		 * English ({@code detailEn}), with a {@code code}, and nothing internal (no class
		 * name, exception message or path): the reason when it is the user's to act on
		 * (rights changed, an invalid or changed upload, an edit during the import, a
		 * unit or snapshot gone, a busy database), else the job id to quote to an
		 * administrator, who finds the exception logged under it.
		 */
		void fail(Throwable ex) {
			String[] reason = reason(ex);
			boolean importing = IMPORT.equals(this.kind);
			this.problem = Map.of("title", importing ? "Import failed" : "Job failed", "code", reason[0], "detail",
					(importing ? "导入失败，原数据集保持不变：" : KIND_ZH.getOrDefault(this.kind, this.kind) + "失败：") + reason[1],
					"detailEn", (importing ? "Import failed, the previous dataset stays active: "
							: KIND_EN.getOrDefault(this.kind, this.kind) + " failed: ") + reason[2]);
			this.phase = "done";
			this.finishedAt = Instant.now();
			this.state = "failed";
		}

		/**
		 * Code, Chinese and English reason of a failure (see {@link #fail}): of the first
		 * exception in its cause chain that is the user's to act on.
		 */
		private String[] reason(Throwable ex) {
			for (Throwable t = ex; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
				String[] known = known(t);
				if (known != null) {
					return known;
				}
			}
			if (DatabaseBusy.is(ex)) {
				return new String[] { "DATABASE_BUSY", "数据库繁忙，请稍后重新发起",
						"the database is busy; please start it again shortly" };
			}
			return new String[] { "INTERNAL_ERROR", "服务器内部错误，请将作业编号 " + this.id + " 告知管理员",
					"internal error; quote job " + this.id + " to your administrator" };
		}

		/** The reason of a failure the user acts on, or null. */
		private static String[] known(Throwable ex) {
			if (ex instanceof OwnerChangedException) {
				return new String[] { "OWNER_CHANGED", "用户的角色或范围在作业进行中发生了变化，请重新发起",
						"the user's role or scopes changed while the job ran; start it again" };
			}
			if (ex instanceof InvalidDatasetException invalid) {
				List<ImportProblem> first = invalid.problems().stream().limit(5).toList();
				String more = (invalid.problems().size() > first.size()) ? "；…" : "";
				return new String[] { "INVALID_DATASET",
						"数据集有 " + invalid.problems().size() + " 个问题："
								+ String.join("；", first.stream()
									.map((p) -> p.file() + " 第 " + p.row() + " 行"
											+ ((p.column() != null) ? " " + p.column() : "") + "：" + p.messageZh())
									.toList())
								+ more,
						invalid.problems().size() + " problem(s) in the dataset: "
								+ String.join("; ", first.stream().map(ImportProblem::toString).toList())
								+ more.replace("；", "; ") };
			}
			if (ex instanceof ImportAgainException again) {
				return new String[] { "IMPORT_AGAIN", again.reasonZh(), again.reasonEn() };
			}
			if (ex instanceof UnknownUnitException unknown) {
				String unit = (unknown.unitId() != null) ? " " + unknown.unitId() : "";
				return new String[] { "UNKNOWN_UNIT", "单位" + unit + " 已不在当前数据集中，请重新发起",
						"the unit" + unit + " is no longer in the active dataset; start it again" };
			}
			if (ex instanceof UnknownSnapshotException) {
				return new String[] { "UNKNOWN_SNAPSHOT", "快照不存在或已被删除", "the snapshot does not exist or was deleted" };
			}
			if (ex instanceof AccessDeniedException) {
				return new String[] { "FORBIDDEN", "当前角色无权执行此操作", "your role may not do this" };
			}
			return null;
		}

		boolean visibleTo(AccessScope.Caller reader) {
			return reader.unrestricted() || sameGrant(this.owner, reader);
		}

		/** Its result (and file) goes; the job stays, saying so. */
		synchronized void dropResult() {
			deleteFile();
			this.result = null;
			this.resultDropped = true;
		}

		/**
		 * Dropped from the list: its result goes (its file now, or when it is written).
		 */
		synchronized void forget() {
			this.forgotten = true;
			dropResult();
		}

		void deleteFile() {
			if (this.result instanceof JobFile file) {
				delete(file);
			}
		}

		/** What the reader sees of the result: a file by its name, size and link. */
		private Object shownResult() {
			if (this.result instanceof JobFile file) {
				Map<String, Object> shown = new LinkedHashMap<>();
				shown.put("fileName", file.fileName());
				shown.put("mediaType", file.mediaType());
				try {
					shown.put("size", Files.size(file.path()));
				}
				catch (IOException ex) {
					shown.put("size", null);
				}
				shown.put("href", "/api/jobs/" + this.id + "/file");
				return shown;
			}
			return this.result;
		}

		/** The job as {@code GET /api/jobs/{id}} shows it, with its result. */
		JobView view() {
			return view(true);
		}

		/** The job as the list shows it: a report's file, no other result. */
		JobView summary() {
			return view(false);
		}

		private synchronized JobView view(boolean withResult) {
			List<Supplier<Optional<AuditStatus>>> audits = this.followed;
			if ("running".equals(this.state) && !audits.isEmpty()) {
				try {
					List<Optional<AuditStatus>> statuses = audits.stream().map(Supplier::get).toList();
					this.percent = Math.max(this.percent, Jobs.percent(statuses));
				}
				catch (RuntimeException ex) {
					// the database busy: the last percentage stands
					log.debug("Job {}: no audit status now: {}", this.id, ex.getMessage());
				}
			}
			int percent = "succeeded".equals(this.state) ? 100 : this.percent;
			return new JobView(this.id, this.kind, KIND_ZH.getOrDefault(this.kind, this.kind), this.owner.username(),
					this.state, this.phase, this.rows, this.total, percent, this.subject.text(), this.subject.about(),
					this.createdAt, this.finishedAt,
					(withResult || this.result instanceof JobFile) ? shownResult() : null, this.result != null,
					this.problem,
					this.resultDropped
							? "the result was dropped (the newest " + RESULTS_KEPT
									+ " are kept): start the job again / 结果已不再保留（仅保留最近 " + RESULTS_KEPT + " 项），请重新发起"
							: "jobs are kept in memory (lost on restart) / 作业仅保存在内存中，重启后不再保留");
		}

	}

}
