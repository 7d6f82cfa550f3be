package org.dutychain.config;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Leases on dataset generations: whoever reads one generation for a long time (an audit)
 * holds a lease, an import never deletes a leased generation, and the last lease to end
 * on a replaced generation deletes it in the background (deferred deletion). Leases are
 * {@code GenerationLease} nodes (statements in {@code cypher/query/generations.cypher}),
 * so several app instances on one database respect each other's; a lease of a crashed
 * instance expires after {@link #HOURS} hours.
 */
@Component
public class GenerationLeases implements DisposableBean {

	/** A lease older than this is ignored (its holder crashed). */
	static final int HOURS = 6;

	private static final String FILE = "query/generations.cypher";

	private static final Logger log = LoggerFactory.getLogger(GenerationLeases.class);

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final ExecutorService deleter = Executors
		.newSingleThreadExecutor(DaemonThreads.named("dutychain-generation-delete"));

	public GenerationLeases(Neo4jGraph graph, CypherFiles cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	/** Leases {@code generation} until the returned lease is closed. */
	public Lease acquire(long generation) {
		String id = UUID.randomUUID().toString();
		this.graph.write(this.cypher.statement(FILE, "acquire"),
				Map.of("id", id, "generation", generation, "hours", HOURS));
		return new Lease(id, generation);
	}

	/** The generations some live lease holds. */
	public List<Long> leased() {
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(FILE, "leased"), Map.of());
		if (rows.isEmpty() || !(rows.get(0).get("generations") instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().map((g) -> ((Number) g).longValue()).toList();
	}

	private void release(Lease lease) {
		try {
			this.graph.write(this.cypher.statement(FILE, "release"), Map.of("id", lease.id()));
			if (!this.graph.read(this.cypher.statement(FILE, "retired"), Map.of("generation", lease.generation()))
				.isEmpty()) {
				this.deleter.execute(() -> deleteRetired(lease.generation()));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not release the lease on generation {}: {}", lease.generation(), ex.getMessage());
		}
	}

	private void deleteRetired(long generation) {
		try {
			// checked again: a new lease may have been taken meanwhile
			if (this.graph.read(this.cypher.statement(FILE, "retired"), Map.of("generation", generation)).isEmpty()) {
				return;
			}
			this.graph.write(this.cypher.statement(FILE, "expired"), Map.of());
			this.graph.autoCommit(this.cypher.statement(FILE, "delete-generation"), Map.of("generation", generation));
			log.info("Deleted the replaced generation {} after its last audit ended", generation);
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete the replaced generation {} (the next import does): {}", generation,
					ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		this.deleter.shutdownNow();
	}

	/** A lease on one generation; close it when done reading. */
	public final class Lease implements AutoCloseable {

		private final String id;

		private final long generation;

		private boolean closed;

		private Lease(String id, long generation) {
			this.id = id;
			this.generation = generation;
		}

		public String id() {
			return this.id;
		}

		public long generation() {
			return this.generation;
		}

		@Override
		public synchronized void close() {
			if (!this.closed) {
				this.closed = true;
				release(this);
			}
		}

	}

}
