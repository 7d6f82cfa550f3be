package org.dutychain.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Fills the default database of an embedded store that has none yet, before the DBMS
 * starts (the bulk importer writes store files, it cannot write into a running database).
 * Called once per start of an embedded database whose store is empty: the first start,
 * {@code import --data-dir} into a new folder, the CLI's throw-away database. An external
 * server never calls it.
 */
@FunctionalInterface
public interface EmptyStoreLoader {

	/**
	 * @param home the embedded Neo4j home: the store goes to
	 * {@code data/databases/neo4j}, its transaction logs to
	 * {@code data/transactions/neo4j}
	 * @return the steps to run once the database is up (the schema of
	 * {@code cypher/schema/}, then what the load leaves to do), before anything else uses
	 * it; empty when nothing was loaded (the store stays empty)
	 */
	Optional<AfterStart> load(Path home);

	/** What a load leaves to do in the running database. */
	@FunctionalInterface
	interface AfterStart {

		void run(Neo4jGraph graph);

	}

}
