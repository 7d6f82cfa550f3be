package org.dutychain.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the batch writer's statements ahead of it on a second thread: each statement of
 * the per-row ingest files, in the order the writer uses them, run once with no rows
 * (nothing is written, no lock is taken) so that Neo4j parses and plans it while the
 * writer is still busy with the statements before. The plan lands in the query cache
 * under the same key as the writer's own call (same text, the same parameter types:
 * {@code generation} an integer, {@code rows} a list), so the writer finds it compiled.
 * On a JVM that has already planned them (a server's second import) each costs a cache
 * hit. Cypher compilation is most of a small import in a fresh JVM (the CLI's throw-away
 * database: ≈ 60 % of the Bolt workers' time) and ran on one processor until now.
 *
 * <p>
 * The plans do not depend on the store's statistics: every look-up in these files is
 * forced to an index seek ({@code USING INDEX SEEK}, {@code IngestPlansIT}), so planning
 * on an empty store gives the plan the writer would get.
 */
final class PlanWarmer {

	/** The per-row files, in the order {@link DatasetWriter} writes them. */
	static final List<String> FILES = List.of("ingest/units.cypher", "ingest/people.cypher", "ingest/duties.cypher",
			"ingest/records.cypher", "ingest/measures.cypher");

	static final PlanWarmer NONE = new PlanWarmer();

	private static final Logger log = LoggerFactory.getLogger(PlanWarmer.class);

	private final Set<String> claimed = ConcurrentHashMap.newKeySet();

	private volatile boolean stopped;

	private final AtomicInteger planned = new AtomicInteger();

	private final List<String> failed = new CopyOnWriteArrayList<>();

	private Thread thread;

	private PlanWarmer() {
	}

	/** Starts planning every statement of {@link #FILES} for {@code generation}. */
	static PlanWarmer start(Neo4jGraph graph, CypherFiles cypher, long generation) {
		PlanWarmer warmer = new PlanWarmer();
		List<String> statements = FILES.stream()
			.flatMap((path) -> cypher.file(path).statements().stream())
			.map(CypherFile.Statement::cypher)
			.toList();
		Map<String, Object> params = Map.of("generation", generation, "rows", List.of());
		warmer.thread = new Thread(() -> warmer.plan(graph, statements, params), "dutychain-plan-warmer");
		warmer.thread.setDaemon(true);
		warmer.thread.start();
		return warmer;
	}

	private void plan(Neo4jGraph graph, List<String> statements, Map<String, Object> params) {
		for (String statement : statements) {
			if (this.stopped) {
				return;
			}
			if (this.claimed.add(statement)) {
				try {
					graph.write(statement, params);
					this.planned.incrementAndGet();
				}
				catch (RuntimeException ex) {
					// only a head start: the writer plans it itself
					this.failed.add(ex.getMessage());
					log.debug("Planning ahead failed: {}", ex.getMessage());
				}
			}
		}
	}

	/** Statements planned ahead so far. */
	int planned() {
		return this.planned.get();
	}

	/** Why planning ahead failed, per statement that failed. */
	List<String> failed() {
		return List.copyOf(this.failed);
	}

	/** Waits until every statement is planned (or stopped), at most {@code ms}. */
	void await(long ms) throws InterruptedException {
		if (this.thread != null) {
			this.thread.join(ms);
		}
	}

	/**
	 * The writer is about to run {@code statement}: planned ahead already, or now by the
	 * writer itself.
	 */
	void claim(String statement) {
		this.claimed.add(statement);
	}

	/**
	 * Stops planning ahead; waits a moment for the statement under way (it writes
	 * nothing, so one left running does no harm).
	 */
	void stop() {
		this.stopped = true;
		if (this.thread != null) {
			try {
				this.thread.join(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
