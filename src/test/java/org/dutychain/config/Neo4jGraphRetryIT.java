package org.dutychain.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.dutychain.support.GraphIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionCallback;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads are retry-safe: the driver retries a managed read transaction after a transient
 * error, and the rows of the failed attempt must not reach the caller. The retry is
 * forced for real (the driver's own retry logic against the embedded database): the first
 * attempt runs the statement completely and then fails with a {@link TransientException}.
 */
@GraphIT
class Neo4jGraphRetryIT {

	private static final String ROWS = "MATCH (n:RetryProbe) RETURN n.i AS i ORDER BY i";

	@Autowired
	Driver driver;

	@BeforeEach
	void probes() {
		probes(this.driver);
	}

	@Test
	void aRetriedReadReturnsOnlyTheRowsOfTheAttemptThatSucceeded() {
		aRetriedReadReturnsOnlyTheRowsOfTheAttemptThatSucceeded(this.driver);
	}

	@Test
	void aStreamRetriedBeforeItsFirstRowDeliversEveryRowOnce() {
		aStreamRetriedBeforeItsFirstRowDeliversEveryRowOnce(this.driver);
	}

	@Test
	void aStreamThatFailsAfterDeliveringRowsIsNotRetried() {
		aStreamThatFailsAfterDeliveringRowsIsNotRetried(this.driver);
	}

	// the checks themselves, run on an external server by ExternalServerIT too

	static void probes(Driver driver) {
		try (Session session = driver.session()) {
			session.run("MATCH (n:RetryProbe) DETACH DELETE n").consume();
			session.run("UNWIND range(1, 3) AS i CREATE (:RetryProbe {i: i})").consume();
		}
	}

	static void aRetriedReadReturnsOnlyTheRowsOfTheAttemptThatSucceeded(Driver driver) {
		FailingFirstAttempt graph = new FailingFirstAttempt(driver, true);
		List<Map<String, Object>> rows = graph.read(ROWS, Map.of());
		assertThat(graph.attempts.get()).isEqualTo(2);
		assertThat(rows).extracting((r) -> r.get("i")).containsExactly(1L, 2L, 3L);
	}

	static void aStreamRetriedBeforeItsFirstRowDeliversEveryRowOnce(Driver driver) {
		FailingFirstAttempt graph = new FailingFirstAttempt(driver, false);
		List<Object> seen = new ArrayList<>();
		graph.stream(ROWS, Map.of(), (r) -> seen.add(r.get("i")));
		assertThat(graph.attempts.get()).isEqualTo(2);
		assertThat(seen).containsExactly(1L, 2L, 3L);
	}

	static void aStreamThatFailsAfterDeliveringRowsIsNotRetried(Driver driver) {
		FailingFirstAttempt graph = new FailingFirstAttempt(driver, true);
		List<Object> seen = new ArrayList<>();
		assertThatThrownBy(() -> graph.stream(ROWS, Map.of(), (r) -> seen.add(r.get("i"))))
			.isInstanceOf(Neo4jGraph.StreamInterruptedException.class);
		assertThat(seen).containsExactly(1L, 2L, 3L);
	}

	/**
	 * Fails the first attempt of every read with a transient error, after running the
	 * work ({@code afterWork}) or before it.
	 */
	static final class FailingFirstAttempt extends Neo4jGraph {

		final AtomicInteger attempts = new AtomicInteger();

		private final boolean afterWork;

		FailingFirstAttempt(Driver driver, boolean afterWork) {
			super(driver, null);
			this.afterWork = afterWork;
		}

		@Override
		protected <T> T executeRead(Session session, TransactionCallback<T> work) {
			return session.executeRead((tx) -> {
				boolean first = this.attempts.incrementAndGet() == 1;
				if (first && !this.afterWork) {
					throw new TransientException("Neo.TransientError.General.DatabaseUnavailable", "forced retry");
				}
				T result = work.execute(tx);
				if (first) {
					throw new TransientException("Neo.TransientError.General.DatabaseUnavailable", "forced retry");
				}
				return result;
			});
		}

	}

}
