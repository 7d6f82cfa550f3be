package org.dutychain.analysis;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;

/**
 * One run of one or more analyses over one scope: the resolved scope, the parameters
 * every statement gets, and a cache that lets analyses share work (the scoped JGraphT
 * graph is loaded once per run, not once per analysis).
 *
 * <p>
 * Parameters every statement receives: {@code generation} (the active dataset
 * generation), {@code unitIds} (the ids in scope, or null for every unit), {@code asOf}
 * (a date) and every named threshold of {@link AnalysisSettings}.
 *
 * <p>
 * Facts of the run (shared fragments, {@link CypherFiles.Fact}): a context made with
 * facts runs a statement that uses one in its shared form, after evaluating each fact it
 * reads once per run and handing its rows over as a parameter; a context without them (a
 * single analysis, the baseline) runs every statement as written, computing everything
 * itself. Both give the same rows.
 */
public final class AnalysisContext {

	private final AnalysisScope scope;

	private final long generation;

	private final List<String> unitIds;

	private final Map<String, Integer> levels;

	private final Map<String, Object> parameters;

	private final Neo4jGraph graph;

	private final Map<Object, Future<Object>> shared = new ConcurrentHashMap<>();

	private final Map<String, Long> sharedMillis = new ConcurrentHashMap<>();

	private final Map<String, CypherFiles.Fact> facts;

	/**
	 * A context that runs every statement as written (no facts shared).
	 * @param unitIds the units in scope, or null when the scope is every unit
	 * @param levels level of every unit in scope (also every unit when {@code unitIds} is
	 * null)
	 */
	public AnalysisContext(AnalysisScope scope, long generation, List<String> unitIds, Map<String, Integer> levels,
			AnalysisSettings settings, Neo4jGraph graph) {
		this(scope, generation, unitIds, levels, settings, graph, List.of());
	}

	/**
	 * A context that evaluates each of {@code facts} at most once and hands it to the
	 * statements that use it.
	 * @param unitIds the units in scope, or null when the scope is every unit
	 * @param levels level of every unit in scope (also every unit when {@code unitIds} is
	 * null)
	 * @param facts the facts of the run; empty to run every statement as written
	 */
	public AnalysisContext(AnalysisScope scope, long generation, List<String> unitIds, Map<String, Integer> levels,
			AnalysisSettings settings, Neo4jGraph graph, Collection<CypherFiles.Fact> facts) {
		this.scope = scope;
		this.generation = generation;
		this.unitIds = (unitIds != null) ? List.copyOf(unitIds) : null;
		this.levels = Collections.unmodifiableMap(new HashMap<>(levels));
		Map<String, Object> p = new LinkedHashMap<>(settings.toParameters());
		p.put("generation", generation);
		p.put("unitIds", this.unitIds);
		p.put("asOf", scope.asOf());
		this.parameters = Collections.unmodifiableMap(p);
		this.graph = graph;
		Map<String, CypherFiles.Fact> byParameter = new HashMap<>();
		for (CypherFiles.Fact fact : facts) {
			if (p.containsKey(fact.parameter())) {
				throw new IllegalStateException("cypher/fragment/" + fact.fragment() + ".cypher: shared parameter "
						+ fact.parameter() + " is already a run parameter");
			}
			byParameter.put(fact.parameter(), fact);
		}
		this.facts = Map.copyOf(byParameter);
	}

	public AnalysisScope scope() {
		return this.scope;
	}

	public long generation() {
		return this.generation;
	}

	/** Ids in scope, or null for "every unit". */
	public List<String> unitIds() {
		return this.unitIds;
	}

	/** Number of units in scope. */
	public int unitCount() {
		return this.levels.size();
	}

	/** Level of a unit in scope; 0 when unknown. */
	public int level(String unitId) {
		return (unitId != null) ? this.levels.getOrDefault(unitId, 0) : 0;
	}

	public Map<String, Integer> levels() {
		return this.levels;
	}

	/**
	 * The parameters every statement receives (a statement ignores the ones it does not
	 * use).
	 */
	public Map<String, Object> parameters() {
		return this.parameters;
	}

	/** Runs a read-only statement with the run's parameters plus {@code extra}. */
	public List<Map<String, Object>> read(String cypher, Map<String, Object> extra) {
		Map<String, Object> p = new HashMap<>(this.parameters);
		p.putAll(extra);
		return this.graph.read(cypher, p);
	}

	public List<Map<String, Object>> read(String cypher) {
		return this.graph.read(cypher, this.parameters);
	}

	/**
	 * Runs a statement of a file with the run's parameters plus {@code extra}: in its
	 * shared form when this context shares the facts it uses, else as written.
	 */
	public List<Map<String, Object>> read(CypherFile.Statement statement, Map<String, Object> extra) {
		Prepared run = prepared(statement, extra);
		return this.graph.read(run.cypher(), run.parameters());
	}

	public List<Map<String, Object>> read(CypherFile.Statement statement) {
		return read(statement, Map.of());
	}

	/**
	 * Runs a read-only statement and hands each row to {@code sink} as it arrives,
	 * without holding all rows.
	 */
	public void stream(String cypher, java.util.function.Consumer<Map<String, Object>> sink) {
		this.graph.stream(cypher, this.parameters, sink);
	}

	/**
	 * {@link #stream(String, java.util.function.Consumer)} for a statement of a file, in
	 * its shared form when this context shares the facts it uses.
	 */
	public void stream(CypherFile.Statement statement, java.util.function.Consumer<Map<String, Object>> sink) {
		stream(statement, Map.of(), sink);
	}

	/**
	 * {@link #stream(CypherFile.Statement, java.util.function.Consumer)} with the run's
	 * parameters plus {@code extra}.
	 */
	public void stream(CypherFile.Statement statement, Map<String, Object> extra,
			java.util.function.Consumer<Map<String, Object>> sink) {
		Prepared run = prepared(statement, extra);
		this.graph.stream(run.cypher(), run.parameters(), sink);
	}

	/**
	 * A statement of a file as this context runs it: its text, in its shared form when
	 * this context shares the facts it uses, and the run's parameters (with those facts,
	 * evaluated on first use) plus {@code extra}. Public for the audit benchmark, which
	 * PROFILEs each statement as the audit runs it.
	 */
	public Prepared prepared(CypherFile.Statement statement, Map<String, Object> extra) {
		boolean shared = sharesFacts(statement);
		Map<String, Object> p = shared ? withFacts(statement.facts()) : new HashMap<>(this.parameters);
		p.putAll(extra);
		return new Prepared(shared ? statement.sharedCypher() : statement.cypher(), p);
	}

	/** A statement's text and parameters, ready to run. */
	public record Prepared(String cypher, Map<String, Object> parameters) {
	}

	private boolean sharesFacts(CypherFile.Statement statement) {
		return !statement.facts().isEmpty() && this.facts.keySet().containsAll(statement.facts());
	}

	/** The run's parameters plus the rows of each fact (evaluated once per run). */
	private Map<String, Object> withFacts(List<String> parameters) {
		Map<String, Object> p = new HashMap<>(this.parameters);
		for (String parameter : parameters) {
			p.put(parameter, fact(parameter));
		}
		return p;
	}

	/**
	 * The rows of one fact of the run, evaluated on first use (reading the facts it needs
	 * the same way) and shared by every statement of the run.
	 */
	private List<Map<String, Object>> fact(String parameter) {
		CypherFiles.Fact fact = this.facts.get(parameter);
		return shared("$" + parameter, () -> List.copyOf(this.graph.read(fact.statement(), withFacts(fact.needs()))));
	}

	/**
	 * How long each shared result took to compute (ms), by key (a class key by its simple
	 * name): the audit's shared phases, for timings and benchmarks.
	 */
	public Map<String, Long> sharedMillis() {
		return Map.copyOf(this.sharedMillis);
	}

	private static String name(Object key) {
		return (key instanceof Class<?> c) ? c.getSimpleName() : String.valueOf(key);
	}

	/**
	 * Something computed once per run and shared by the analyses that need it (e.g. the
	 * scoped JGraphT graph).
	 */
	@SuppressWarnings("unchecked")
	public <T> T shared(Object key, Supplier<T> loader) {
		// analyses of one run execute in parallel: the first caller loads, the others
		// wait for its result (no lock is held while loading, so a loader may use
		// shared() itself)
		FutureTask<Object> task = new FutureTask<>(loader::get);
		Future<Object> existing = this.shared.putIfAbsent(key, task);
		if (existing == null) {
			long started = System.nanoTime();
			task.run();
			this.sharedMillis.put(name(key), (System.nanoTime() - started) / 1_000_000);
			existing = task;
		}
		try {
			return (T) existing.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for " + key, ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException re) {
				throw re;
			}
			if (ex.getCause() instanceof Error e) {
				throw e;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
