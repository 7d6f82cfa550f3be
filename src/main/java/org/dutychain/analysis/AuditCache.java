package org.dutychain.analysis;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dutychain.config.DaemonThreads;
import org.dutychain.config.Progress;
import org.dutychain.organization.DatasetEdited;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Audits computed once and shared (issue 10): the key is (dataset generation and import
 * time, revision — every edit in the tool increments it —, scope, asOf), so a cached
 * document never outlives the data it was computed from. Audits run in the background,
 * with progress: the whole dataset's on one thread, scoped ones on another.
 *
 * <p>
 * Views never run a whole-dataset audit for one unit: the unit panel, the tree and the
 * level profiles read the cached whole-dataset audit when it is ready; otherwise they
 * start it in the background, wait at most {@code dutychain.audit.view-wait} (default 3
 * s), and then answer with what they have and an {@link AuditStatus} saying 审计计算中（进度 n%）.
 * Callers that need the document itself (reports, snapshots, {@code POST /api/audit})
 * wait for it; concurrent requests for one key share one run.
 */
@Service
public class AuditCache implements DisposableBean {

	/** How many documents are kept (least recently used ones are dropped). */
	static final int CAPACITY = 16;

	private static final Logger log = LoggerFactory.getLogger(AuditCache.class);

	private final AnalysisService analyses;

	private final Datasets datasets;

	private final Duration viewWait;

	private final ExecutorService background = Executors
		.newSingleThreadExecutor(DaemonThreads.named("dutychain-audit"));

	/**
	 * Audits of one scope (a restricted user's views, reports of a unit): beside the
	 * whole-dataset one, so that a scope never waits for it, and off the request thread
	 * (the caller computed them before), so that a view waits at most the view wait and
	 * shows the progress like any other; two at a time, so that one large scope does not
	 * hold up a small one.
	 */
	private final ExecutorService scoped = Executors.newFixedThreadPool(2,
			DaemonThreads.named("dutychain-audit-scope"));

	/** An edit's audit is waiting for the audit thread (see {@link #edited}). */
	private final AtomicBoolean editPending = new AtomicBoolean();

	private final Map<Key, Computation> entries = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Computation> eldest) {
			return size() > CAPACITY;
		}

	};

	public AuditCache(AnalysisService analyses, Datasets datasets,
			@Value("${dutychain.audit.view-wait:3s}") Duration viewWait) {
		this.analyses = analyses;
		this.datasets = datasets;
		this.viewWait = viewWait;
	}

	/**
	 * importedAt tells apart two loads that reuse a generation number (test fixtures do);
	 * revision counts the edits of one generation (0 until edits exist).
	 */
	private record Key(long generation, java.time.ZonedDateTime importedAt, long revision, String scope,
			LocalDate asOf) {
	}

	private record Entry(AuditDocument document, Map<String, List<Finding>> byUnit) {

		static Entry of(AuditDocument document) {
			Map<String, List<Finding>> byUnit = new HashMap<>();
			for (Finding f : document.findings()) {
				if (f.unitId() != null) {
					byUnit.computeIfAbsent(f.unitId(), (u) -> new ArrayList<>()).add(f);
				}
			}
			byUnit.replaceAll((u, list) -> List.copyOf(list));
			return new Entry(document, Collections.unmodifiableMap(byUnit));
		}

	}

	/** One audit, running or done. */
	private static final class Computation implements Progress {

		final CompletableFuture<Entry> future = new CompletableFuture<>();

		private volatile String phase = "queued";

		private volatile int percent;

		@Override
		public void report(String phase, long done, long total) {
			this.phase = phase;
			this.percent = (total > 0) ? (int) Math.min(99, done * 100 / total) : this.percent;
		}

		AuditStatus status() {
			if (!this.future.isDone()) {
				return AuditStatus.computing(this.phase, this.percent);
			}
			if (this.future.isCompletedExceptionally()) {
				Throwable cause = this.future.handle((e, ex) -> ex).join();
				Throwable root = (cause instanceof CompletionException && cause.getCause() != null) ? cause.getCause()
						: cause;
				return AuditStatus.failed(String.valueOf(root.getMessage()));
			}
			return AuditStatus.complete();
		}

	}

	/**
	 * Findings of one unit in the whole-dataset audit and where that audit stands.
	 *
	 * @param findings the unit's findings in document order (empty while computing)
	 * @param counts per severity, every severity present
	 */
	public record UnitFindings(List<Finding> findings, Map<Severity, Integer> counts, AuditStatus audit) {
	}

	/**
	 * Finding counts of many units (a tree) and where the audit stands.
	 */
	public record Counts(Map<String, Map<Severity, Integer>> counts, AuditStatus audit) {
	}

	/**
	 * A document of a view and where the audit stands; {@code document} is null while
	 * computing.
	 */
	public record ViewAudit(AuditDocument document, AuditStatus audit) {
	}

	/** The audit of the whole dataset at asOf (null = the dataset's); waits for it. */
	public AuditDocument whole(LocalDate asOf) {
		return audit(null, asOf);
	}

	/**
	 * The audit of a scope (null = every unit) at asOf (null = the dataset's); waits for
	 * it.
	 * @throws org.dutychain.organization.UnknownUnitException when the scope unit is
	 * unknown
	 */
	public AuditDocument audit(String scope, LocalDate asOf) {
		return join(computation(scope, asOf).future).document();
	}

	/**
	 * Starts the whole-dataset audit at asOf in the background if it is not cached (after
	 * an import or an edit); returns at once.
	 */
	public AuditStatus schedule(LocalDate asOf) {
		return computation(null, asOf).status();
	}

	/**
	 * An edit committed: the views' audit of the new revision (at the dataset's default
	 * date, the one the page opens with) starts in the background as soon as the audit
	 * thread is free, so the next view finds it computed or under way.
	 */
	@EventListener
	public void edited(DatasetEdited edit) {
		// a burst of edits starts one audit, of the revision after the last of them: the
		// marker waits behind whatever the audit thread is computing, and the edits that
		// come meanwhile find it queued
		if (this.editPending.compareAndSet(false, true)) {
			this.background.execute(() -> {
				this.editPending.set(false);
				try {
					schedule(null);
				}
				catch (RuntimeException ex) {
					// the next view starts it instead
					log.warn("Could not start the audit after an edit: {}", ex.getMessage());
				}
			});
		}
	}

	/**
	 * Where an audit of a scope (null = every unit) at asOf stands, if one is cached or
	 * running; never starts one.
	 */
	public Optional<AuditStatus> peek(String scope, LocalDate asOf) {
		Key key = key(scope, asOf);
		synchronized (this.entries) {
			return Optional.ofNullable(this.entries.get(key)).map(Computation::status);
		}
	}

	/** Where the whole-dataset audit at asOf stands; starts it if needed. */
	public AuditStatus status(LocalDate asOf) {
		return computation(null, asOf).status();
	}

	/**
	 * The audit of a view: the cached one of the scope, waiting at most the view wait.
	 */
	public ViewAudit view(String scope, LocalDate asOf) {
		Computation c = computation(scope, asOf);
		Entry entry = await(c);
		return new ViewAudit((entry != null) ? entry.document() : null, c.status());
	}

	/** One unit's findings in the whole-dataset audit (never an audit of its own). */
	public UnitFindings unitFindings(String unitId, LocalDate asOf) {
		Computation c = computation(null, asOf);
		Entry entry = await(c);
		List<Finding> findings = (entry != null) ? entry.byUnit().getOrDefault(unitId, List.of()) : List.of();
		return new UnitFindings(findings, count(findings), c.status());
	}

	/**
	 * The findings of the whole-dataset audit whose unit is {@code unitId}, in document
	 * order (empty while the audit is computing).
	 */
	public List<Finding> findingsOf(String unitId, LocalDate asOf) {
		return unitFindings(unitId, asOf).findings();
	}

	/**
	 * Finding counts per severity (every severity present, 0 when none) of one unit in
	 * the whole-dataset audit.
	 */
	public Map<Severity, Integer> severityCounts(String unitId, LocalDate asOf) {
		return unitFindings(unitId, asOf).counts();
	}

	/**
	 * Finding counts per severity for each of the given units in the whole-dataset audit
	 * at asOf (one look-up for a whole tree), with the audit's status.
	 */
	public Counts counts(Collection<String> unitIds, LocalDate asOf) {
		Computation c = computation(null, asOf);
		Entry entry = await(c);
		Map<String, List<Finding>> byUnit = (entry != null) ? entry.byUnit() : Map.of();
		Map<String, Map<Severity, Integer>> counts = new LinkedHashMap<>();
		for (String unitId : unitIds) {
			counts.put(unitId, count(byUnit.getOrDefault(unitId, List.of())));
		}
		return new Counts(counts, c.status());
	}

	/**
	 * Finding counts per severity for each of the given units (zero while the audit is
	 * computing).
	 */
	public Map<String, Map<Severity, Integer>> severityCounts(Collection<String> unitIds, LocalDate asOf) {
		return counts(unitIds, asOf).counts();
	}

	private static Map<Severity, Integer> count(List<Finding> findings) {
		Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
		for (Severity s : Severity.values()) {
			counts.put(s, 0);
		}
		findings.forEach((f) -> counts.merge(f.severity(), 1, Integer::sum));
		return counts;
	}

	/** Drops every remembered document. */
	public void clear() {
		synchronized (this.entries) {
			this.entries.clear();
		}
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
		this.scoped.shutdownNow();
	}

	private Key key(String scope, LocalDate asOf) {
		DatasetInfo dataset = this.datasets.active();
		return new Key(dataset.generation(), dataset.importedAt(), dataset.revision(), scope, this.datasets.asOf(asOf));
	}

	private Computation computation(String scope, LocalDate asOf) {
		Key key = key(scope, asOf);
		LocalDate date = key.asOf();
		Computation c;
		synchronized (this.entries) {
			c = this.entries.get(key);
			if (c != null) {
				return c;
			}
			// documents of replaced generations are of no use any more
			this.entries.keySet().removeIf((k) -> k.generation() != key.generation());
			c = new Computation();
			this.entries.put(key, c);
		}
		Computation started = c;
		Runnable run = () -> {
			synchronized (this.entries) {
				if (this.entries.get(key) != started) {
					// cleared or replaced while queued: do not spend the audit
					// thread on it
					started.future.cancel(false);
					return;
				}
			}
			try {
				started.future.complete(Entry.of(this.analyses.audit(scope, date, started)));
			}
			catch (RuntimeException | Error ex) {
				synchronized (this.entries) {
					this.entries.remove(key, started);
				}
				started.future.completeExceptionally(ex);
				if (!(ex instanceof org.dutychain.organization.UnknownUnitException)) {
					log.warn("Audit of generation {} at {} (scope {}) failed", key.generation(), date, scope, ex);
				}
			}
		};
		((scope == null) ? this.background : this.scoped).execute(run);
		return started;
	}

	private Entry await(Computation c) {
		try {
			return c.future.get(this.viewWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException re) {
				throw re;
			}
			return null;
		}
	}

	private static Entry join(CompletableFuture<Entry> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException re) {
				throw re;
			}
			if (ex.getCause() instanceof Error e) {
				throw e;
			}
			throw ex;
		}
	}

}
