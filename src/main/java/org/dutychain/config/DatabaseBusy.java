package org.dutychain.config;

import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.graphdb.DatabaseShutdownException;
import org.neo4j.graphdb.TransientFailureException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Which failures mean the database could not take a request in time, so that trying again
 * later may succeed: no pooled connection within the acquisition timeout under overload,
 * a transient failure that outlived the retries (driver, embedded reads, Spring Data), an
 * external server that is unreachable, a store shut down under a read. The driver's and
 * the embedded API's types stay here, in the one module that talks to Neo4j.
 */
public final class DatabaseBusy {

	private DatabaseBusy() {
	}

	/** Whether {@code failure}, or one of its causes, is such a failure. */
	public static boolean is(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (t instanceof OptimisticLockingFailureException) {
				return false; // a conflicting edit, not a busy database
			}
			if (t instanceof TransientException || t instanceof SessionExpiredException
					|| t instanceof ServiceUnavailableException || t instanceof TransientFailureException
					|| t instanceof DatabaseShutdownException || t instanceof TransientDataAccessException
					|| t instanceof DataAccessResourceFailureException) {
				return true;
			}
		}
		return false;
	}

}
