package org.dutychain.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.TransientFailureException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * The one door to Neo4j: parameterized statements (text from {@link CypherFiles}) in read
 * or write transactions through the Java driver, so embedded and external databases take
 * the same path. Values come back as plain Java objects ({@code LocalDate}, {@code List},
 * {@code Map}, {@code Long}, {@code Double}, {@code String}). One exception, for short
 * lookups on the latency path (issue 10): {@link #readLocal} reads an embedded database
 * through its own Java API, without Bolt.
 */
public class Neo4jGraph {

	/**
	 * How long {@link #readLocal} retries a transient failure, with the driver's default
	 * back-off (1 s, doubling), as {@link Session#executeRead} does.
	 */
	static final java.time.Duration LOCAL_RETRY_TIME = java.time.Duration.ofSeconds(30);

	private final Driver driver;

	/**
	 * The embedded store's switchable driver, whose current database {@link #readLocal}
	 * reads in this process; null with an external server.
	 */
	private final SwitchableDriver local;

	private final SessionConfig sessionConfig;

	/**
	 * Held (shared) by every write through this door; a store switch takes it exclusively
	 * for the short time it copies the system data and swaps the store, so no write is
	 * lost between the copy and the swap.
	 */
	private final ReentrantReadWriteLock writeGate = new ReentrantReadWriteLock();

	/**
	 * @param driver the driver; when it is the embedded store's switchable driver,
	 * {@link #readLocal} reads that store in this process
	 * @param database the database name (null or blank: the default database)
	 */
	public Neo4jGraph(Driver driver, String database) {
		this.driver = driver;
		this.local = (driver instanceof SwitchableDriver switchable) ? switchable : null;
		this.sessionConfig = (database == null || database.isBlank()) ? SessionConfig.defaultConfig()
				: SessionConfig.forDatabase(database);
	}

	/**
	 * Runs a read-only statement and returns every row. The rows are collected inside the
	 * transaction function, so a retried attempt (transient error, leader switch) starts
	 * from an empty list and returns only its own rows.
	 */
	public List<Map<String, Object>> read(String cypher, Map<String, Object> params) {
		try (Session session = this.driver.session(this.sessionConfig)) {
			return executeRead(session, (tx) -> {
				List<Map<String, Object>> rows = new ArrayList<>();
				tx.run(cypher, params).stream().map(Neo4jGraph::toMap).forEach(rows::add);
				return rows;
			});
		}
	}

	/**
	 * {@link #read}, for short lookups on the latency path (issue 10): with the embedded
	 * database, in a read-only transaction through its own Java API in this process (no
	 * Bolt, no driver), on the store serving now (a store switch waits for the read
	 * before it shuts the old store down); with an external server, {@link #read} itself.
	 * The rows are the same Java values either way, converted as the driver converts them
	 * ({@link Values#value(Object)}, then {@link Value#asObject()}). So the statement may
	 * return scalars, temporals, lists and maps, but no nodes, relationships, paths,
	 * points or durations: the embedded API's objects for those have no driver value, and
	 * a row holding one fails here (not through the driver). Retry-safe like
	 * {@link #read}: a transient failure is retried (for at most
	 * {@link #LOCAL_RETRY_TIME}) with a new transaction, on the store serving then, and
	 * each attempt collects its own rows.
	 */
	public List<Map<String, Object>> readLocal(String cypher, Map<String, Object> params) {
		if (this.local == null) {
			return read(cypher, params);
		}
		long deadline = System.nanoTime() + LOCAL_RETRY_TIME.toNanos();
		long delayMillis = 1000;
		while (true) {
			try {
				return this.local.inDatabase((database) -> readInProcess(database, cypher, params));
			}
			catch (TransientFailureException | DatabaseShutdownException ex) {
				// a store shut down under the read: the next attempt reads the
				// one serving then
				if (System.nanoTime() + delayMillis * 1_000_000 > deadline) {
					throw ex;
				}
				try {
					Thread.sleep(delayMillis);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
				delayMillis *= 2;
			}
		}
	}

	/** One attempt of {@link #readLocal}: its own read-only transaction and rows. */
	private static List<Map<String, Object>> readInProcess(GraphDatabaseService database, String cypher,
			Map<String, Object> params) {
		// read-only: a write in the statement fails
		SecurityContext readOnly = SecurityContext.authDisabled(AccessMode.Static.READ,
				ClientConnectionInfo.EMBEDDED_CONNECTION, database.databaseName());
		try (Transaction tx = ((GraphDatabaseAPI) database).beginTransaction(KernelTransaction.Type.EXPLICIT, readOnly);
				Result result = tx.execute(cypher, params)) {
			List<Map<String, Object>> rows = new ArrayList<>();
			while (result.hasNext()) {
				rows.add(toMap(result.next()));
			}
			tx.commit();
			return rows;
		}
	}

	/**
	 * Runs a read-only statement and hands each row to {@code sink} as it arrives (large
	 * results, without holding them). Retry-safe: an attempt that fails before its first
	 * row is retried like any read; once a row has reached the sink, a failure is not
	 * retried (the sink cannot take rows back) but thrown as
	 * {@link StreamInterruptedException}, so the caller never sees a row twice.
	 */
	public void stream(String cypher, Map<String, Object> params, Consumer<Map<String, Object>> sink) {
		java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
		try (Session session = this.driver.session(this.sessionConfig)) {
			executeRead(session, (tx) -> {
				if (delivered.get() > 0) {
					// an earlier attempt already handed rows over (e.g. its commit
					// failed)
					throw new StreamInterruptedException(delivered.get(), null);
				}
				try {
					var result = tx.run(cypher, params);
					while (result.hasNext()) {
						Map<String, Object> row = toMap(result.next());
						delivered.incrementAndGet();
						sink.accept(row);
					}
				}
				catch (RuntimeException ex) {
					if (delivered.get() > 0 && !(ex instanceof StreamInterruptedException)) {
						throw new StreamInterruptedException(delivered.get(), ex);
					}
					throw ex;
				}
				return null;
			});
		}
	}

	/**
	 * The driver's managed read transaction: the one place reads are retried (a seam for
	 * tests that force a retry).
	 */
	protected <T> T executeRead(Session session, TransactionCallback<T> work) {
		return session.executeRead(work);
	}

	/**
	 * A streamed read failed after some rows had reached the sink; not retried.
	 */
	public static final class StreamInterruptedException extends RuntimeException {

		StreamInterruptedException(long delivered, RuntimeException cause) {
			super("read failed after " + delivered + " row(s) were delivered"
					+ ((cause != null) ? ": " + cause.getMessage() : ""), cause);
		}

	}

	/** Runs a statement in its own write transaction and returns every row. */
	public List<Map<String, Object>> write(String cypher, Map<String, Object> params) {
		return inWriteTransaction((tx) -> tx.run(cypher, params).stream().map(Neo4jGraph::toMap).toList());
	}

	/** Runs work in one write transaction: all of it commits, or none. */
	public <T> T inWriteTransaction(Function<TransactionContext, T> work) {
		this.writeGate.readLock().lock();
		try (Session session = this.driver.session(this.sessionConfig)) {
			return session.executeWrite(work::apply);
		}
		finally {
			this.writeGate.readLock().unlock();
		}
	}

	/**
	 * Stops writes through this door until the returned freeze is closed: waits (at most
	 * {@code timeout}) for the writes under way to end; writes begun meanwhile wait.
	 * Reads go on. The thread holding the freeze may still write.
	 * @throws IllegalStateException when the writes under way did not end in time
	 */
	public WriteFreeze freezeWrites(java.time.Duration timeout) {
		try {
			if (!this.writeGate.writeLock().tryLock(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("writes did not pause within " + timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while pausing writes", ex);
		}
		return () -> this.writeGate.writeLock().unlock();
	}

	/** Writes paused by {@link #freezeWrites}; closing it lets them go on. */
	@FunctionalInterface
	public interface WriteFreeze extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * One write transaction seen through plain maps (for modules that may not touch the
	 * driver): every statement run in it commits together, or none does.
	 */
	@FunctionalInterface
	public interface Tx {

		/** Runs a statement in the transaction and returns every row. */
		List<Map<String, Object>> run(String cypher, Map<String, Object> params);

	}

	/**
	 * Runs work in one write transaction through {@link Tx}; an exception rolls all of it
	 * back.
	 */
	public <T> T inTransaction(Function<Tx, T> work) {
		return inWriteTransaction((tx) -> work
			.apply((cypher, params) -> tx.run(cypher, params).stream().map(Neo4jGraph::toMap).toList()));
	}

	/**
	 * Runs work in one read transaction through {@link Tx} (several statements see one
	 * snapshot).
	 */
	public <T> T inReadOnlyTransaction(Function<Tx, T> work) {
		return inReadTransaction((tx) -> work
			.apply((cypher, params) -> tx.run(cypher, params).stream().map(Neo4jGraph::toMap).toList()));
	}

	/** Runs work in one read transaction (several statements see one snapshot). */
	public <T> T inReadTransaction(Function<TransactionContext, T> work) {
		try (Session session = this.driver.session(this.sessionConfig)) {
			return executeRead(session, work::apply);
		}
	}

	/** Runs a schema statement (constraints, indexes) in an auto-commit transaction. */
	public void runSchema(String cypher) {
		autoCommit(cypher, Map.of());
	}

	/**
	 * Runs schema statements (idempotent: {@code IF NOT EXISTS}) in one transaction: one
	 * commit and one schema change instead of one per statement.
	 */
	public void runSchema(List<String> statements) {
		inWriteTransaction((tx) -> {
			statements.forEach((cypher) -> tx.run(cypher).consume());
			return statements.size();
		});
	}

	/**
	 * Runs a statement in an auto-commit transaction: needed for {@code CALL { … } IN
	 * TRANSACTIONS}, which commits in batches (bulk deletes of a generation).
	 */
	public void autoCommit(String cypher, Map<String, Object> params) {
		this.writeGate.readLock().lock();
		try (Session session = this.driver.session(this.sessionConfig)) {
			session.run(cypher, params).consume();
		}
		finally {
			this.writeGate.readLock().unlock();
		}
	}

	/** A row as a map of plain Java values. */
	public static Map<String, Object> toMap(Record record) {
		return record.asMap(Neo4jGraph::plain);
	}

	/**
	 * A row of the embedded API as {@link #toMap(Record)} gives it for the same row read
	 * through the driver: each value converted to a driver value and back.
	 */
	static Map<String, Object> toMap(Map<String, Object> row) {
		return Values.value(row).asMap(Neo4jGraph::plain);
	}

	private static Object plain(Value value) {
		return value.isNull() ? null : value.asObject();
	}

	/**
	 * Converts a Java value to a driver value (for callers that build parameter maps by
	 * hand).
	 */
	public static Value value(Object o) {
		return Values.value(o);
	}

}
