package org.dutychain.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: Neo4j 5 embedded in this process, with a Bolt connector on
 * localhost so that Neo4j Browser or cypher-shell can attach. Active only when
 * {@code spring.neo4j.uri} is not set; with it, Spring Boot's own driver configuration
 * connects to the external server or cluster and everything else stays the same, because
 * all access goes through the driver.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.neo4j.uri:}'.isEmpty()")
class EmbeddedNeo4jConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

	@Bean(destroyMethod = "")
	EmbeddedDatabase embeddedDatabase(DutychainProperties properties) {
		return EmbeddedDatabase.start(properties);
	}

	@Bean(destroyMethod = "close")
	Driver neo4jDriver(EmbeddedDatabase database) {
		return GraphDatabase.driver(database.boltUri(), AuthTokens.none(),
				Config.builder()
					.withoutEncryption()
					.withConnectionTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
					.build());
	}

	/** The running embedded DBMS; shut down after the driver is closed. */
	static final class EmbeddedDatabase implements org.springframework.beans.factory.DisposableBean {

		private final DatabaseManagementService dbms;

		private final Path home;

		private final boolean ephemeral;

		private final int boltPort;

		private EmbeddedDatabase(DatabaseManagementService dbms, Path home, boolean ephemeral, int boltPort) {
			this.dbms = dbms;
			this.home = home;
			this.ephemeral = ephemeral;
			this.boltPort = boltPort;
		}

		static EmbeddedDatabase start(DutychainProperties properties) {
			try {
				Path home = properties.ephemeral() ? Files.createTempDirectory("dutychain-neo4j")
						: properties.dataDir().toAbsolutePath().normalize();
				Files.createDirectories(home);
				long started = System.nanoTime();
				DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
					.setConfig(BoltConnector.enabled, true)
					.setConfig(BoltConnector.listen_address, new SocketAddress("localhost", freeBoltPort(properties)))
					.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
					.setConfig(HttpConnector.enabled, false)
					.setConfig(HttpsConnector.enabled, false)
					.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCache()))
					.setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
					.setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
					.build();
				GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
				int port = system.getDependencyResolver()
					.resolveDependency(ConnectorPortRegister.class)
					.getLocalAddress(ConnectorType.BOLT)
					.getPort();
				log.info(
						"Embedded Neo4j started in {} ms at {}; attach Neo4j Browser or cypher-shell to bolt://localhost:{} (no authentication)",
						(System.nanoTime() - started) / 1_000_000, home, port);
				return new EmbeddedDatabase(dbms, home, properties.ephemeral(), port);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * The configured Bolt port, or any free one (with a log line) when it is taken,
		 * e.g. by another Neo4j.
		 */
		private static int freeBoltPort(DutychainProperties properties) {
			int port = properties.boltPort();
			if (port == 0) {
				return 0;
			}
			try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
				probe.bind(new java.net.InetSocketAddress("localhost", port));
				return port;
			}
			catch (IOException ex) {
				log.warn("Bolt port {} is in use; the embedded database listens on a free port instead (logged below)",
						port);
				return 0;
			}
		}

		String boltUri() {
			return "bolt://localhost:" + this.boltPort;
		}

		int boltPort() {
			return this.boltPort;
		}

		@Override
		public void destroy() {
			this.dbms.shutdown();
			if (this.ephemeral) {
				try (Stream<Path> files = Files.walk(this.home)) {
					files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
				}
				catch (IOException ex) {
					log.warn("Could not delete {}: {}", this.home, ex.getMessage());
				}
			}
		}

	}

}
