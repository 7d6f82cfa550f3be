package org.dutychain.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import org.dutychain.config.EmbeddedNeo4jConfiguration.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;

/**
 * Replaces the embedded store of a running server (issue 10): a new dataset is loaded
 * into a fresh Neo4j home beside the current one ({@link StoreHomes}), a second embedded
 * DBMS is started on it (its own ephemeral Bolt port, the same internal sign-in), and the
 * app's one driver (and with it the reads in this process, {@link Neo4jGraph#readLocal})
 * is switched to it in one step; sessions and reads opened before the switch end on the
 * old store, which is then shut down and deleted. Until the switch, the old store serves
 * every read and write; a {@link Candidate} that is closed unswitched is shut down and
 * its home deleted. Embedded only: an external server keeps the generation-based batch
 * writer. Not used with a fixed {@code dutychain.bolt-port} (the second DBMS could not
 * take the port Neo4j Browser uses).
 */
public final class StoreSwitch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(StoreSwitch.class);

	/** How long a retired store waits for the sessions and reads still open on it. */
	static final Duration RETIRE_WAIT = Duration.ofMinutes(2);

	private final DutychainProperties properties;

	private final SwitchableDriver driver;

	private volatile EmbeddedDatabase current;

	StoreSwitch(DutychainProperties properties, EmbeddedDatabase initial, SwitchableDriver driver) {
		this.properties = properties;
		this.current = initial;
		this.driver = driver;
	}

	/** The app's one driver, whose target {@link Candidate#switchOver()} swaps. */
	org.neo4j.driver.Driver driver() {
		return this.driver;
	}

	/** Whether this server can replace its store (not with a fixed Bolt port). */
	public boolean available() {
		return this.properties.boltPort() <= 0;
	}

	/** The Neo4j home of the store serving now. */
	public Path currentHome() {
		return this.current.home();
	}

	/**
	 * Makes a new home beside the current one, hands it to {@code loader} before its DBMS
	 * starts (the bulk importer writes the store files), starts the DBMS and runs what
	 * the load left to do (schema, post-load steps) there. On any failure the new home is
	 * removed and the current store keeps serving.
	 */
	public Candidate prepare(EmptyStoreLoader loader) {
		if (!available()) {
			throw new IllegalStateException("no store switch with a fixed dutychain.bolt-port");
		}
		Path home;
		try {
			home = this.properties.ephemeral() ? PrivateFiles.createTempDirectory("dutychain-neo4j")
					: StoreHomes.newHome(dataDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		EmbeddedDatabase database = null;
		Candidate candidate = null;
		try {
			EmptyStoreLoader.AfterStart after = loader.load(home)
				.orElseThrow(() -> new IllegalStateException("the loader wrote no store into " + home));
			database = EmbeddedDatabase.startAt(this.properties, home, this.properties.ephemeral());
			candidate = new Candidate(database);
			after.run(candidate.graph());
			return candidate;
		}
		catch (RuntimeException | Error ex) {
			if (candidate != null) {
				candidate.close();
			}
			else if (database != null) {
				database.destroy();
				StoreHomes.deleteTree(home);
			}
			else {
				StoreHomes.deleteTree(home);
			}
			throw ex;
		}
	}

	private Path dataDir() {
		return this.properties.dataDir().toAbsolutePath().normalize();
	}

	@Override
	public void destroy() {
		// the driver bean closed the current driver already
		this.current.destroy();
	}

	/** A loaded store, started beside the current one and not serving yet. */
	public final class Candidate implements AutoCloseable {

		private final EmbeddedDatabase database;

		private final org.neo4j.driver.Driver candidateDriver;

		private final Neo4jGraph graph;

		private boolean switched;

		private boolean closed;

		private Candidate(EmbeddedDatabase database) {
			this.database = database;
			this.candidateDriver = database.connect();
			this.graph = new Neo4jGraph(this.candidateDriver, StoreSwitch.this.properties.database());
		}

		/** Its own door (before the switch only the switching code writes here). */
		public Neo4jGraph graph() {
			return this.graph;
		}

		/**
		 * Makes this store the serving one: the pointer file names it (a restart opens
		 * it), then the app's driver sends every new session here. Call with the system
		 * data copied and writes to the old store frozen.
		 */
		public synchronized void switchOver() {
			if (this.closed || this.switched) {
				throw new IllegalStateException("candidate already " + (this.closed ? "closed" : "switched"));
			}
			if (!StoreSwitch.this.properties.ephemeral()) {
				try {
					StoreHomes.point(dataDir(), this.database.home());
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			SwitchableDriver.Target old = StoreSwitch.this.driver.switchTo(this.candidateDriver,
					this.database.database(StoreSwitch.this.properties.database()));
			EmbeddedDatabase retired = StoreSwitch.this.current;
			StoreSwitch.this.current = this.database;
			this.switched = true;
			this.oldTarget = old;
			this.retired = retired;
		}

		private SwitchableDriver.Target oldTarget;

		private EmbeddedDatabase retired;

		/**
		 * After {@link #switchOver()}: waits for the sessions still open on the old store
		 * (at most {@link #RETIRE_WAIT}), then shuts it down and deletes its home.
		 */
		public void retireOld() {
			if (this.retired == null) {
				return;
			}
			try {
				if (!SwitchableDriver.awaitIdle(this.oldTarget, RETIRE_WAIT)) {
					log.warn("{} session(s) or read(s) still open on the replaced store after {}; closing it anyway",
							this.oldTarget.open.get(), RETIRE_WAIT);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			try {
				this.oldTarget.driver.close();
			}
			catch (RuntimeException ex) {
				log.warn("Closing the driver of the replaced store failed: {}", ex.getMessage());
			}
			Path home = this.retired.home();
			this.retired.shutdown();
			if (!StoreSwitch.this.properties.ephemeral()) {
				StoreHomes.delete(dataDir(), home);
			}
			else {
				StoreHomes.deleteTree(home);
			}
			log.info("Replaced store at {} shut down and deleted", home);
			this.retired = null;
		}

		/** Shuts down and deletes this store unless it was switched to. */
		@Override
		public synchronized void close() {
			if (this.switched || this.closed) {
				return;
			}
			this.closed = true;
			try {
				this.candidateDriver.close();
			}
			catch (RuntimeException ex) {
				log.warn("Closing the driver of the unused store failed: {}", ex.getMessage());
			}
			this.database.shutdown();
			StoreHomes.deleteTree(this.database.home());
			log.info("Unused store at {} shut down and deleted", this.database.home());
		}

	}

}
