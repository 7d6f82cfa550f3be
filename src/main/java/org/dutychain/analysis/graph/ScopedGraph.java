package org.dutychain.analysis.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import org.dutychain.analysis.AnalysisContext;
import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.jgrapht.Graph;
import org.jgrapht.alg.util.Pair;

/**
 * The scoped unit graph (范围内的组织图) that the JGraphT analyses share: loaded once per run
 * through {@link AnalysisContext#shared} from {@code cypher/query/scoped-graph.cypher}
 * (units in scope, LEADS edges of every kind between them, current assistance edges
 * between them).
 *
 * <p>
 * Units are numbered 0..n−1 in business-id order; vertex {@code i} of every graph built
 * here is the unit whose business id is {@link #id(int) id(i)}. The indexes never leave
 * the analysis: findings carry the business ids. Arrays and jgrapht-opt sparse (CSR)
 * graphs keep 100k units to a few tens of megabytes.
 *
 * <p>
 * Roots (design.md section 3): a unit without any incoming LEADS edge whose kind can head
 * a dataset. In a scoped run the scope unit is the root of what the run sees (its own
 * leaders are outside the scope), so it is the root there, whatever its kind.
 */
public final class ScopedGraph {

	/** The file that selects the subgraph. */
	public static final String FILE = "query/scoped-graph.cypher";

	/** Unit kinds that can head a dataset (design.md section 3). */
	public static final Set<String> ROOT_KINDS = Set.of("ORGAN_WORK_COMMITTEE", "PARTY_COMMITTEE",
			"LEADING_PARTY_GROUP", "DISCIPLINE_WORK_COMMITTEE", "DISCIPLINE_COMMISSION");

	/** LEADS kinds that make the target a child (cascade, pressure, scope). */
	public static final Set<String> CHILD_KINDS = Set.of("PRIMARY", "DUAL");

	/** One unit row. */
	public record UnitRow(String id, String name, String kind, int level, int posts) {
	}

	/** One LEADS edge. */
	public record LeadRow(String fromId, String toId, String kind) {
	}

	/**
	 * One current assistance edge; {@code assistantUnitId} is the unit itself or a
	 * person's home unit.
	 */
	public record AssistRow(String assistantId, String assistantUnitId, String targetId) {
	}

	private final String scopeUnitId;

	private final String[] ids;

	private final String[] names;

	private final String[] kinds;

	private final int[] levels;

	private final int[] posts;

	private final Map<String, Integer> index;

	private final int[] leadFrom;

	private final int[] leadTo;

	private final String[] leadKind;

	private final int[] assistFrom;

	private final int[] assistTo;

	private final int[][] children;

	private final int[] primaryParent;

	private final boolean[] roots;

	private ScopedGraph(String scopeUnitId, List<UnitRow> units, List<LeadRow> leads, List<AssistRow> assists) {
		List<UnitRow> sorted = new ArrayList<>(units);
		sorted.sort((a, b) -> a.id().compareTo(b.id()));
		int n = sorted.size();
		this.scopeUnitId = scopeUnitId;
		this.ids = new String[n];
		this.names = new String[n];
		this.kinds = new String[n];
		this.levels = new int[n];
		this.posts = new int[n];
		this.index = new HashMap<>(Math.max(16, n * 2));
		for (int i = 0; i < n; i++) {
			UnitRow u = sorted.get(i);
			this.ids[i] = u.id();
			this.names[i] = u.name();
			this.kinds[i] = u.kind();
			this.levels[i] = u.level();
			this.posts[i] = u.posts();
			this.index.put(u.id(), i);
		}
		List<int[]> kept = new ArrayList<>();
		List<String> keptKinds = new ArrayList<>();
		for (LeadRow l : leads) {
			Integer a = this.index.get(l.fromId());
			Integer b = this.index.get(l.toId());
			if (a != null && b != null) {
				kept.add(new int[] { a, b });
				keptKinds.add(l.kind());
			}
		}
		this.leadFrom = new int[kept.size()];
		this.leadTo = new int[kept.size()];
		this.leadKind = keptKinds.toArray(new String[0]);
		boolean[] led = new boolean[n];
		this.primaryParent = new int[n];
		Arrays.fill(this.primaryParent, -1);
		int[] childCount = new int[n];
		for (int e = 0; e < kept.size(); e++) {
			this.leadFrom[e] = kept.get(e)[0];
			this.leadTo[e] = kept.get(e)[1];
			led[this.leadTo[e]] = true;
			if ("PRIMARY".equals(this.leadKind[e]) && this.primaryParent[this.leadTo[e]] < 0) {
				this.primaryParent[this.leadTo[e]] = this.leadFrom[e];
			}
			if (CHILD_KINDS.contains(this.leadKind[e])) {
				childCount[this.leadFrom[e]]++;
			}
		}
		int[][] ch = new int[n][];
		for (int i = 0; i < n; i++) {
			ch[i] = new int[childCount[i]];
			childCount[i] = 0;
		}
		for (int e = 0; e < this.leadFrom.length; e++) {
			if (CHILD_KINDS.contains(this.leadKind[e])) {
				int a = this.leadFrom[e];
				ch[a][childCount[a]++] = this.leadTo[e];
			}
		}
		for (int i = 0; i < n; i++) {
			ch[i] = Arrays.stream(ch[i]).sorted().distinct().toArray();
		}
		this.children = ch;
		List<int[]> assistEdges = new ArrayList<>();
		for (AssistRow a : assists) {
			Integer from = this.index.get(a.assistantUnitId());
			Integer to = this.index.get(a.targetId());
			if (from != null && to != null) {
				assistEdges.add(new int[] { from, to });
			}
		}
		this.assistFrom = assistEdges.stream().mapToInt((p) -> p[0]).toArray();
		this.assistTo = assistEdges.stream().mapToInt((p) -> p[1]).toArray();
		this.roots = new boolean[n];
		for (int i = 0; i < n; i++) {
			this.roots[i] = (scopeUnitId != null) ? this.ids[i].equals(scopeUnitId)
					: !led[i] && ROOT_KINDS.contains(this.kinds[i]);
		}
	}

	/** A graph from plain rows (tests, or callers that already hold the rows). */
	public static ScopedGraph of(String scopeUnitId, List<UnitRow> units, List<LeadRow> leads,
			List<AssistRow> assists) {
		return new ScopedGraph(scopeUnitId, units, leads, assists);
	}

	/** The run's graph, loaded on first use and shared by every analysis of the run. */
	public static ScopedGraph of(AnalysisContext context, CypherFiles files) {
		return context.shared(ScopedGraph.class, () -> load(context, files));
	}

	static ScopedGraph load(AnalysisContext context, CypherFiles files) {
		CypherFile file = files.file(FILE);
		List<UnitRow> units = new ArrayList<>();
		context.stream(file.statement("units"), (r) -> {
			units.add(new UnitRow(str(r.get("id")), str(r.get("name")), str(r.get("kind")), num(r.get("level")),
					num(r.get("posts"))));
		});
		List<LeadRow> leads = new ArrayList<>();
		context.stream(file.statement("leads"), (r) -> {
			leads.add(new LeadRow(str(r.get("fromId")), str(r.get("toId")), str(r.get("kind"))));
		});
		List<AssistRow> assists = new ArrayList<>();
		context.stream(file.statement("assists"), (r) -> {
			assists
				.add(new AssistRow(str(r.get("assistantId")), str(r.get("assistantUnitId")), str(r.get("targetId"))));
		});
		return new ScopedGraph(context.scope().unitId(), units, leads, assists);
	}

	private static String str(Object o) {
		return (o == null) ? null : String.valueOf(o);
	}

	private static int num(Object o) {
		return (o instanceof Number n) ? n.intValue() : 0;
	}

	/** Number of units. */
	public int size() {
		return this.ids.length;
	}

	/** The scope unit, or null when the run covers every unit. */
	public String scopeUnitId() {
		return this.scopeUnitId;
	}

	public String id(int unit) {
		return this.ids[unit];
	}

	public String name(int unit) {
		return (this.names[unit] != null) ? this.names[unit] : this.ids[unit];
	}

	public String kind(int unit) {
		return this.kinds[unit];
	}

	/** Depth along PRIMARY parents, root = 1; 0 when unknown. */
	public int level(int unit) {
		return this.levels[unit];
	}

	/** Number of posts of the unit. */
	public int posts(int unit) {
		return this.posts[unit];
	}

	public OptionalInt indexOf(String unitId) {
		Integer i = (unitId != null) ? this.index.get(unitId) : null;
		return (i != null) ? OptionalInt.of(i) : OptionalInt.empty();
	}

	/** Units led by PRIMARY or DUAL edges, ascending, distinct (never null). */
	public int[] children(int unit) {
		return this.children[unit];
	}

	/** The PRIMARY parent inside the scope. */
	public OptionalInt primaryParent(int unit) {
		return (this.primaryParent[unit] >= 0) ? OptionalInt.of(this.primaryParent[unit]) : OptionalInt.empty();
	}

	/** Whether the unit is a root of the scoped graph (see the class comment). */
	public boolean isRoot(int unit) {
		return this.roots[unit];
	}

	/** Number of LEADS edges inside the scope. */
	public int leadCount() {
		return this.leadFrom.length;
	}

	/**
	 * The source of LEADS edge {@code edge} (0 ≤ edge < {@link #leadCount()}): every
	 * kind, ordered by source id, target id and kind as the {@code leads} statement reads
	 * them.
	 */
	public int leadFrom(int edge) {
		return this.leadFrom[edge];
	}

	/** The target of LEADS edge {@code edge}. */
	public int leadTo(int edge) {
		return this.leadTo[edge];
	}

	/**
	 * The undirected oversight graph (design.md section 3, single-points): every LEADS
	 * edge of every kind plus every current assistance edge, as a simple graph (a pair of
	 * units linked several ways is one edge; no self-loops). Vertex {@code i} is unit
	 * {@code id(i)}; edges are numbered in (lower, higher) vertex order.
	 */
	public Graph<Integer, Integer> oversightGraph() {
		Set<Long> seen = new HashSet<>();
		List<long[]> pairs = new ArrayList<>();
		addPairs(this.leadFrom, this.leadTo, seen, pairs);
		addPairs(this.assistFrom, this.assistTo, seen, pairs);
		pairs.sort((x, y) -> (x[0] != y[0]) ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
		List<Pair<Integer, Integer>> edges = new ArrayList<>(pairs.size());
		for (long[] p : pairs) {
			edges.add(Pair.of((int) p[0], (int) p[1]));
		}
		return IntGraphs.undirected(size(), edges);
	}

	private static void addPairs(int[] from, int[] to, Set<Long> seen, List<long[]> pairs) {
		for (int e = 0; e < from.length; e++) {
			int a = Math.min(from[e], to[e]);
			int b = Math.max(from[e], to[e]);
			if (a != b && seen.add(((long) a << 32) | b)) {
				pairs.add(new long[] { a, b });
			}
		}
	}

}
