package org.dutychain.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: Neo4j 5 embedded in this process. Its Bolt connector listens on
 * 127.0.0.1 only, with Neo4j authentication: the app's own driver signs in as
 * {@code neo4j} with a random password made at each start and never logged, on an
 * ephemeral port; {@code dutychain.bolt-port} puts the connector on a fixed port for
 * Neo4j Browser or cypher-shell, which sign in as {@code browser} with
 * {@code DUTYCHAIN_BOLT_PASSWORD} (Community has no roles: that user can also write). A
 * configured port that is busy fails start with one clear line. Active only when
 * {@code spring.neo4j.uri} is not set; with it, Spring Boot's own driver configuration
 * connects to the external server or cluster and everything else stays the same, because
 * all access goes through the driver.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isEmpty()")
class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	/** The Neo4j user of the app's own driver. */
	static final String INTERNAL_USER = "neo4j";

	/**
	 * The Neo4j user for Neo4j Browser and cypher-shell on {@code dutychain.bolt-port}.
	 */
	static final String BROWSER_USER = "browser";

	@Bean(destroyMethod = "")
	EmbeddedDatabase embeddedDatabase(DutychainProperties properties, ObjectProvider<EmptyStoreLoader> loader,
			ObjectProvider<EmbeddedStart> early) {
		// a CLI command may have started it while the context was being built
		EmbeddedStart started = early.getIfAvailable();
		return (started != null) ? started.take() : EmbeddedDatabase.start(properties, loader.getIfAvailable());
	}

	/** Replaces the store of the running server (issue 10); owns the serving DBMS. */
	@Bean
	StoreSwitch storeSwitch(DutychainProperties properties, EmbeddedDatabase database) {
		return new StoreSwitch(properties, database,
				new SwitchableDriver(database.connect(), database.database(properties.database())));
	}

	/** One driver whose target a store switch swaps; closed before the database. */
	@Bean(destroyMethod = "close")
	Driver neo4jDriver(StoreSwitch storeSwitch) {
		return storeSwitch.driver();
	}

	/** The running embedded DBMS; shut down after the driver is closed. */
	static final class EmbeddedDatabase implements org.springframework.beans.factory.DisposableBean {

		private final DatabaseManagementService dbms;

		private final Path home;

		private final boolean ephemeral;

		private final int boltPort;

		private final String internalPassword;

		private EmptyStoreLoader.AfterStart afterLoad;

		private EmbeddedDatabase(DatabaseManagementService dbms, Path home, boolean ephemeral, int boltPort,
				String internalPassword, EmptyStoreLoader.AfterStart afterLoad) {
			this.dbms = dbms;
			this.home = home;
			this.ephemeral = ephemeral;
			this.boltPort = boltPort;
			this.internalPassword = internalPassword;
			this.afterLoad = afterLoad;
		}

		/**
		 * Runs, once, what the load of an empty store left to do (schema, post-load
		 * steps); nothing when the store was not loaded at this start. Whether it ran
		 * them (the bulk importer filled the store at this start).
		 */
		synchronized boolean completeLoad(Neo4jGraph graph) {
			EmptyStoreLoader.AfterStart steps = this.afterLoad;
			this.afterLoad = null;
			if (steps != null) {
				steps.run(graph);
			}
			return steps != null;
		}

		/**
		 * Whether the default database of the store under {@code home} holds nothing yet
		 * (no store files, no transaction logs).
		 */
		static boolean emptyStore(Path home) {
			return emptyOrAbsent(home.resolve("data/databases/neo4j"))
					&& emptyOrAbsent(home.resolve("data/transactions/neo4j"));
		}

		private static boolean emptyOrAbsent(Path folder) {
			if (!Files.isDirectory(folder)) {
				return !Files.exists(folder);
			}
			try (Stream<Path> files = Files.list(folder)) {
				return files.findAny().isEmpty();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String internalPassword() {
			return this.internalPassword;
		}

		Path home() {
			return this.home;
		}

		/**
		 * The database the app's driver opens sessions on ({@code dutychain.database};
		 * blank: the default database), for reads through its Java API in this process.
		 */
		GraphDatabaseService database(String name) {
			return this.dbms
				.database((name == null || name.isBlank()) ? GraphDatabaseSettings.DEFAULT_DATABASE_NAME : name);
		}

		/** A new driver signed in as the app's internal user. */
		Driver connect() {
			return GraphDatabase.driver(boltUri(), AuthTokens.basic(INTERNAL_USER, this.internalPassword),
					Config.builder()
						.withoutEncryption()
						.withConnectionTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
						.build());
		}

		/** Fails with one clear line when the configured port is taken. */
		static void requireFree(int port) {
			try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
				socket.setReuseAddress(true);
				socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
			}
			catch (IOException ex) {
				throw new BoltPortBusyException(port);
			}
		}

		private static String randomPassword() {
			byte[] bytes = new byte[24];
			new java.security.SecureRandom().nextBytes(bytes);
			return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}

		static EmbeddedDatabase start(DutychainProperties properties) {
			return start(properties, null);
		}

		/**
		 * Starts the DBMS; an empty store is first handed to {@code loader} (may be
		 * null), which may fill it with the bulk importer.
		 */
		static EmbeddedDatabase start(DutychainProperties properties, EmptyStoreLoader loader) {
			try {
				Path home;
				if (properties.ephemeral()) {
					home = PrivateFiles.createTempDirectory("dutychain-neo4j");
				}
				else {
					Path dataDir = PrivateFiles
						.createPrivateDirectories(properties.dataDir().toAbsolutePath().normalize());
					// the store a switch made current (StoreHomes), else the data
					// directory
					StoreHomes.removeStrays(dataDir);
					home = StoreHomes.current(dataDir);
				}
				return start(properties, home, properties.ephemeral(), properties.boltPort(), loader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * Starts a second DBMS on a store loaded beside the serving one (a store switch):
		 * its own ephemeral Bolt port, the same internal sign-in.
		 */
		static EmbeddedDatabase startAt(DutychainProperties properties, Path home, boolean ephemeral) {
			return start(properties, home, ephemeral, 0, null);
		}

		private static EmbeddedDatabase start(DutychainProperties properties, Path home, boolean ephemeral,
				int boltPort, EmptyStoreLoader loader) {
			try {
				// personnel data: the store folder and its files are owner-only
				PrivateFiles.restrict(home);
				boolean external = boltPort > 0;
				if (external) {
					if (properties.boltPassword() == null || properties.boltPassword().length() < 8) {
						throw new IllegalStateException("dutychain.bolt-port=" + properties.boltPort()
								+ " needs DUTYCHAIN_BOLT_PASSWORD (dutychain.bolt-password, at least 8 characters)");
					}
					requireFree(boltPort);
				}
				EmptyStoreLoader.AfterStart afterLoad = null;
				if (loader != null && emptyStore(home)) {
					afterLoad = loader.load(home).orElse(null);
					PrivateFiles.restrict(home);
				}
				long pageCache = MachineMemory.pageCache(properties.pageCache(), home);
				if (MachineMemory.isAuto(properties.pageCache())) {
					log.info("Page cache {} MB for the store at {} (dutychain.page-cache=auto)", pageCache >> 20, home);
				}
				long started = System.nanoTime();
				DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
					.setConfig(GraphDatabaseSettings.auth_enabled, true)
					.setConfig(BoltConnector.enabled, true)
					.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
					.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
					.setConfig(HttpConnector.enabled, false)
					.setConfig(HttpsConnector.enabled, false)
					.setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
					.setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
					// Bolt's two Netty event loop groups wait a quiet period (5 s each by
					// default) at shutdown for tasks that never come: our driver is
					// closed
					// before the database, so every shutdown waited 10 s for nothing
					.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
					// a throw-away store (audit, accountable) never needs a preallocated
					// or retained transaction log
					.setConfig(GraphDatabaseSettings.preallocate_logical_logs, !ephemeral)
					.setConfig(GraphDatabaseSettings.keep_logical_logs, ephemeral ? "false" : "2 files")
					.build();
				PrivateFiles.restrict(home);
				GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
				int port = system.getDependencyResolver()
					.resolveDependency(ConnectorPortRegister.class)
					.getLocalAddress(ConnectorType.BOLT)
					.getPort();
				String internalPassword = randomPassword();
				GraphDatabaseService users = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
				users.executeTransactionally(
						"ALTER USER " + INTERNAL_USER + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("password", internalPassword));
				if (external) {
					users.executeTransactionally(
							"CREATE OR REPLACE USER " + BROWSER_USER
									+ " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
							Map.of("password", properties.boltPassword()));
					log.info(
							"Embedded Neo4j started in {} ms at {}; Neo4j Browser or cypher-shell: bolt://127.0.0.1:{} as user '{}' with DUTYCHAIN_BOLT_PASSWORD",
							(System.nanoTime() - started) / 1_000_000, home, port, BROWSER_USER);
				}
				else {
					// a new throw-away store has no such user
					if (!properties.ephemeral()) {
						users.executeTransactionally("DROP USER " + BROWSER_USER + " IF EXISTS");
					}
					log.info("Embedded Neo4j started in {} ms at {} (no Bolt port for other clients)",
							(System.nanoTime() - started) / 1_000_000, home);
				}
				return new EmbeddedDatabase(dbms, home, ephemeral, port, internalPassword, afterLoad);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		String boltUri() {
			return "bolt://127.0.0.1:" + this.boltPort;
		}

		int boltPort() {
			return this.boltPort;
		}

		private boolean down;

		/** Shuts the DBMS down (once), keeping its files. */
		synchronized void shutdown() {
			if (!this.down) {
				this.down = true;
				this.dbms.shutdown();
			}
		}

		@Override
		public void destroy() {
			shutdown();
			if (this.ephemeral) {
				PrivateFiles.deleteTree(this.home);
			}
		}

	}

}
