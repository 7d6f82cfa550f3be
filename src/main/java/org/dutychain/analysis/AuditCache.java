package org.dutychain.analysis;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;

import org.springframework.stereotype.Service;

/**
 * Remembers the last few audit documents per (dataset generation, revision and import
 * time, scope, asOf) — every edit in the tool increments the revision —, so that the tree
 * and unit views can show finding counts without running every analysis on each click. A
 * new import makes a new generation, so a cached document never outlives the data it was
 * computed from. Concurrent requests for the same key share one run.
 */
@Service
public class AuditCache {

	/** How many documents are kept (least recently used ones are dropped). */
	static final int CAPACITY = 4;

	private final AnalysisService analyses;

	private final Datasets datasets;

	private final Map<Key, CompletableFuture<Entry>> entries = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Entry>> eldest) {
			return size() > CAPACITY;
		}

	};

	public AuditCache(AnalysisService analyses, Datasets datasets) {
		this.analyses = analyses;
		this.datasets = datasets;
	}

	/**
	 * importedAt tells apart two loads that reuse a generation number (test fixtures do).
	 */
	private record Key(long generation, long revision, java.time.ZonedDateTime importedAt, String scope,
			LocalDate asOf) {
	}

	private record Entry(AuditDocument document, Map<String, List<Finding>> byUnit) {

		static Entry of(AuditDocument document) {
			Map<String, List<Finding>> byUnit = new HashMap<>();
			for (Finding f : document.findings()) {
				if (f.unitId() != null) {
					byUnit.computeIfAbsent(f.unitId(), (u) -> new java.util.ArrayList<>()).add(f);
				}
			}
			byUnit.replaceAll((u, list) -> List.copyOf(list));
			return new Entry(document, Collections.unmodifiableMap(byUnit));
		}

	}

	/** The audit of the whole dataset at asOf (null = the dataset's). */
	public AuditDocument whole(LocalDate asOf) {
		return entry(null, asOf).document();
	}

	/**
	 * The audit of a scope (null = every unit) at asOf (null = the dataset's).
	 * @throws org.dutychain.organization.UnknownUnitException when the scope unit is
	 * unknown
	 */
	public AuditDocument audit(String scope, LocalDate asOf) {
		return entry(scope, asOf).document();
	}

	/**
	 * The findings of the whole-dataset audit whose unit is {@code unitId}, in document
	 * order.
	 */
	public List<Finding> findingsOf(String unitId, LocalDate asOf) {
		return entry(null, asOf).byUnit().getOrDefault(unitId, List.of());
	}

	/**
	 * Finding counts per severity (every severity present, 0 when none) of one unit in
	 * the whole-dataset audit.
	 */
	public Map<Severity, Integer> severityCounts(String unitId, LocalDate asOf) {
		return count(findingsOf(unitId, asOf));
	}

	/**
	 * Finding counts per severity for each of the given units in the whole-dataset audit
	 * at asOf (one look-up for a whole tree).
	 */
	public Map<String, Map<Severity, Integer>> severityCounts(java.util.Collection<String> unitIds, LocalDate asOf) {
		Map<String, List<Finding>> byUnit = entry(null, asOf).byUnit();
		Map<String, Map<Severity, Integer>> counts = new LinkedHashMap<>();
		for (String unitId : unitIds) {
			counts.put(unitId, count(byUnit.getOrDefault(unitId, List.of())));
		}
		return counts;
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

	private Entry entry(String scope, LocalDate asOf) {
		DatasetInfo dataset = this.datasets.active();
		LocalDate date = this.datasets.asOf(asOf);
		Key key = new Key(dataset.generation(), dataset.revision(), dataset.importedAt(), scope, date);
		CompletableFuture<Entry> future;
		boolean mine = false;
		synchronized (this.entries) {
			future = this.entries.get(key);
			if (future == null) {
				future = new CompletableFuture<>();
				this.entries.put(key, future);
				mine = true;
			}
		}
		if (mine) {
			try {
				future.complete(Entry.of(this.analyses.audit(scope, date)));
			}
			catch (RuntimeException ex) {
				synchronized (this.entries) {
					this.entries.remove(key, future);
				}
				future.completeExceptionally(ex);
			}
		}
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException re) {
				throw re;
			}
			throw ex;
		}
	}

}
