package org.dutychain.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A stand-alone Neo4j server for {@link ExternalServerIT}, run in its own JVM:
 * {@code <store-dir> <password>} starts Neo4j on that store with authentication and a
 * Bolt connector on an ephemeral 127.0.0.1 port, prints {@code BOLT <port>}, and shuts
 * down when its standard input closes (so it never outlives the test JVM).
 */
public final class ExternalNeo4jServerMain {

	private ExternalNeo4jServerMain() {
	}

	public static void main(String[] args) throws IOException {
		DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(args[0]))
			.setConfig(GraphDatabaseSettings.auth_enabled, true)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse("64m"))
			.build();
		GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		system.executeTransactionally("ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
				Map.of("password", args[1]));
		int port = system.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT)
			.getPort();
		System.out.println("BOLT " + port);
		System.out.flush();
		while (System.in.read() >= 0) {
			// wait for the parent to close standard input (or to die)
		}
		dbms.shutdown();
	}

}
