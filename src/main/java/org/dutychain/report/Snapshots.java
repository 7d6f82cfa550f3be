package org.dutychain.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Stored audits and their comparison (快照与比较). A snapshot is a {@code (:Snapshot)} node
 * holding the full audit document as JSON, without a generation, so re-imports keep it.
 * Two audits are compared by finding key (design.md section 5): new, resolved and
 * unchanged findings, and per level the change of coverage and pressure.
 */
@Service
public class Snapshots {

	private static final String FILE = "query/snapshots.cypher";

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

	private static final Comparator<SnapshotDiff.FindingRef> ORDER = Comparator
		.comparing(SnapshotDiff.FindingRef::severity)
		.thenComparingInt(SnapshotDiff.FindingRef::level)
		.thenComparing((SnapshotDiff.FindingRef f) -> (f.unitId() != null) ? f.unitId() : "")
		.thenComparing(SnapshotDiff.FindingRef::key);

	private final AnalysisService analysis;

	private final AuditCache audits;

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final Clock clock;

	public Snapshots(AnalysisService analysis, AuditCache audits, Neo4jGraph graph, CypherFiles cypher,
			ObjectProvider<Clock> clock) {
		this.analysis = analysis;
		this.audits = audits;
		this.graph = graph;
		this.cypher = cypher;
		this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
	}

	/**
	 * Audits the scope (null = everything) at asOf (null = the dataset's) and stores the
	 * document.
	 */
	public SnapshotInfo create(String scope, LocalDate asOf, String label) {
		// the cached audit of the views and reports: a snapshot never audits twice
		return save(this.audits.audit(scope, asOf), label);
	}

	/** Stores an audit document under a label (blank = "快照 yyyy-MM-dd HH:mm"). */
	public SnapshotInfo save(AuditDocument document, String label) {
		return save(document, label, false);
	}

	/**
	 * {@link #save(AuditDocument, String)}; {@code masked} when the document is what a
	 * scoped user may see (only such snapshots are shown to scoped users).
	 */
	public SnapshotInfo save(AuditDocument document, String label, boolean masked) {
		OffsetDateTime now = OffsetDateTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
		String id = "S-" + now.format(ID_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
		String name = (label == null || label.isBlank()) ? "快照 " + now.format(ReportScores.DATE_TIME) : label.strip();
		String json;
		try {
			json = ReportJson.MAPPER.writeValueAsString(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, Object> params = new HashMap<>();
		params.put("id", id);
		params.put("label", name);
		params.put("createdAt", now);
		params.put("scope", document.scope());
		params.put("asOf", document.asOf());
		params.put("dataset", document.dataset());
		params.put("json", json);
		params.put("masked", masked);
		try {
			params.put("rules", ReportJson.MAPPER.writeValueAsString(this.analysis.codeVersions()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.graph.write(this.cypher.statement(FILE, "create"), params);
		return new SnapshotInfo(id, name, now, document.scope(), document.asOf(), document.dataset());
	}

	/**
	 * The ids of the snapshots saved as masked (see
	 * {@link #save(AuditDocument, String, boolean)}).
	 */
	public java.util.Set<String> maskedIds() {
		java.util.Set<String> ids = new java.util.HashSet<>();
		this.graph.read(this.cypher.statement(FILE, "masked"), Map.of()).forEach((r) -> ids.add((String) r.get("id")));
		return ids;
	}

	/** Every snapshot, newest first. */
	public List<SnapshotInfo> list() {
		return this.graph.read(this.cypher.statement(FILE, "list"), Map.of()).stream().map(Snapshots::info).toList();
	}

	public Optional<SnapshotInfo> find(String id) {
		return row(id).map(Snapshots::info);
	}

	/**
	 * @throws UnknownSnapshotException when no snapshot has this id
	 */
	public SnapshotInfo require(String id) {
		return find(id).orElseThrow(() -> new UnknownSnapshotException(id));
	}

	/** What changed from snapshot {@code a} to snapshot {@code b}. */
	public SnapshotDiff diff(String a, String b) {
		Map<String, Object> from = row(a).orElseThrow(() -> new UnknownSnapshotException(a));
		Map<String, Object> to = row(b).orElseThrow(() -> new UnknownSnapshotException(b));
		Map<String, String> toRules = rules(to).orElseGet(this.analysis::codeVersions);
		return diff(info(from), parse(from), info(to), parse(to), rules(from), toRules);
	}

	/**
	 * What changed from snapshot {@code a} to an audit not stored (the one a report
	 * shows).
	 */
	public SnapshotDiff diff(String a, AuditDocument current) {
		Map<String, Object> from = row(a).orElseThrow(() -> new UnknownSnapshotException(a));
		SnapshotInfo to = new SnapshotInfo(null, "本次", null, current.scope(), current.asOf(), current.dataset());
		return diff(info(from), parse(from), to, Stored.of(current), rules(from), this.analysis.codeVersions());
	}

	/**
	 * What changed from one audit to another, neither stored (the current data at two
	 * evaluation dates): both under the same rules, so nothing is a rule change.
	 */
	public SnapshotDiff diff(AuditDocument from, AuditDocument to) {
		return diff(unsaved(from), Stored.of(from), unsaved(to), Stored.of(to));
	}

	private static SnapshotInfo unsaved(AuditDocument document) {
		return new SnapshotInfo(null, String.valueOf(document.asOf()), null, document.scope(), document.asOf(),
				document.dataset());
	}

	static SnapshotDiff diff(SnapshotInfo fromInfo, Stored from, SnapshotInfo toInfo, Stored to) {
		return diff(fromInfo, from, toInfo, to, Optional.empty(), Map.of());
	}

	/**
	 * Findings matched by key. A finding on one side only whose code differs between the
	 * two rule sets (retired, new, or with another definition fingerprint) is a rule
	 * change, not a closure or a new finding. Without the earlier rule set (a snapshot
	 * older than the fingerprints) only codes the later rule set lacks count as changed.
	 */
	static SnapshotDiff diff(SnapshotInfo fromInfo, Stored from, SnapshotInfo toInfo, Stored to,
			Optional<Map<String, String>> fromRules, Map<String, String> toRules) {
		java.util.function.Predicate<String> changed = (code) -> {
			if (toRules.isEmpty()) {
				return false;
			}
			if (!toRules.containsKey(code)) {
				return true;
			}
			return fromRules.map((r) -> !toRules.get(code).equals(r.get(code))).orElse(false);
		};
		Map<String, SnapshotDiff.FindingRef> before = new LinkedHashMap<>();
		from.findings().forEach((f) -> before.put(f.key(), f));
		Map<String, SnapshotDiff.FindingRef> after = new LinkedHashMap<>();
		to.findings().forEach((f) -> after.put(f.key(), f));
		List<SnapshotDiff.FindingRef> added = new ArrayList<>();
		List<SnapshotDiff.FindingRef> unchanged = new ArrayList<>();
		List<SnapshotDiff.FindingRef> ruleChanged = new ArrayList<>();
		after.forEach((key, f) -> (before.containsKey(key) ? unchanged : changed.test(f.code()) ? ruleChanged : added)
			.add(f));
		List<SnapshotDiff.FindingRef> resolved = new ArrayList<>();
		before.values()
			.stream()
			.filter((f) -> !after.containsKey(f.key()))
			.forEach((f) -> (changed.test(f.code()) ? ruleChanged : resolved).add(f));
		added.sort(ORDER);
		resolved.sort(ORDER);
		unchanged.sort(ORDER);
		ruleChanged.sort(ORDER);
		return new SnapshotDiff(fromInfo, toInfo, added, resolved, unchanged, levels(from, to), ruleChanged);
	}

	private static List<SnapshotDiff.LevelDelta> levels(Stored from, Stored to) {
		Map<Integer, StoredLevel> before = new TreeMap<>();
		from.levels().forEach((l) -> before.put(l.level(), l));
		Map<Integer, StoredLevel> after = new TreeMap<>();
		to.levels().forEach((l) -> after.put(l.level(), l));
		TreeSet<Integer> all = new TreeSet<>(before.keySet());
		all.addAll(after.keySet());
		List<SnapshotDiff.LevelDelta> deltas = new ArrayList<>();
		for (int level : all) {
			StoredLevel b = before.getOrDefault(level, StoredLevel.empty(level));
			StoredLevel a = after.getOrDefault(level, StoredLevel.empty(level));
			TreeSet<String> domains = new TreeSet<>(b.coverage().keySet());
			domains.addAll(a.coverage().keySet());
			Map<String, Double> coverage = new LinkedHashMap<>();
			for (String d : domains) {
				coverage.put(d, a.coverage().getOrDefault(d, 0.0) - b.coverage().getOrDefault(d, 0.0));
			}
			deltas.add(new SnapshotDiff.LevelDelta(level, b.units(), a.units(), coverage,
					a.pressureMean() - b.pressureMean(), a.pressureMedian() - b.pressureMedian(),
					a.coldShare() - b.coldShare()));
		}
		return deltas;
	}

	private Optional<Map<String, Object>> row(String id) {
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(FILE, "find"), Map.of("id", id));
		return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
	}

	/** The rule set stored with a snapshot, empty for a snapshot older than that. */
	private static Optional<Map<String, String>> rules(Map<String, Object> row) {
		if (!(row.get("rules") instanceof String json)) {
			return Optional.empty();
		}
		try {
			return Optional.of(ReportJson.MAPPER.readValue(json,
					new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {
					}));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Snapshot " + row.get("id") + " holds unreadable rules", ex);
		}
	}

	private static SnapshotInfo info(Map<String, Object> row) {
		Object created = row.get("createdAt");
		OffsetDateTime createdAt = (created instanceof ZonedDateTime z) ? z.toOffsetDateTime()
				: (created instanceof OffsetDateTime o) ? o : null;
		return new SnapshotInfo((String) row.get("id"), (String) row.get("label"), createdAt, (String) row.get("scope"),
				(LocalDate) row.get("asOf"), (String) row.get("dataset"));
	}

	private static Stored parse(Map<String, Object> row) {
		try {
			return ReportJson.MAPPER.readValue((String) row.get("json"), Stored.class);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Snapshot " + row.get("id") + " holds unreadable JSON", ex);
		}
	}

	/** The parts of a stored audit document a comparison reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Stored(List<SnapshotDiff.FindingRef> findings, List<StoredLevel> levels) {

		Stored {
			findings = (findings != null) ? List.copyOf(findings) : List.of();
			levels = (levels != null) ? List.copyOf(levels) : List.of();
		}

		static Stored of(AuditDocument document) {
			List<SnapshotDiff.FindingRef> findings = new ArrayList<>();
			for (Finding f : document.findings()) {
				findings.add(ref(f));
			}
			List<StoredLevel> levels = new ArrayList<>();
			for (AuditDocument.LevelSummary l : document.levels()) {
				levels.add(new StoredLevel(l.level(), l.units(), l.coverage(), l.pressureMean(), l.pressureMedian(),
						l.coldShare()));
			}
			return new Stored(findings, levels);
		}

	}

	static SnapshotDiff.FindingRef ref(Finding f) {
		return new SnapshotDiff.FindingRef(f.key(), f.analysis(), f.code(), f.severity(), f.unitId(), f.level(),
				f.messageZh(), f.messageEn());
	}

	/** One level of a stored audit document. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record StoredLevel(int level, int units, Map<String, Double> coverage, double pressureMean, double pressureMedian,
			double coldShare) {

		StoredLevel {
			coverage = (coverage != null) ? Map.copyOf(coverage) : Map.of();
		}

		static StoredLevel empty(int level) {
			return new StoredLevel(level, 0, Map.of(), 0, 0, 0);
		}

	}

}
