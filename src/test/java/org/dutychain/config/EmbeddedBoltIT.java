package org.dutychain.config;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded database's Bolt connector (issue 9): authentication always on, 127.0.0.1
 * only, the app's own random password; with {@code dutychain.bolt-port} a {@code browser}
 * user with {@code DUTYCHAIN_BOLT_PASSWORD}; a busy configured port fails with one clear
 * message.
 */
class EmbeddedBoltIT {

	static DutychainProperties properties(int port, String password) {
		return new DutychainProperties(Path.of("unused"), true, port, password, "32m", null, false, 0);
	}

	static Driver driver(int port, org.neo4j.driver.AuthToken auth) {
		return GraphDatabase.driver("bolt://127.0.0.1:" + port, auth,
				Config.builder()
					.withoutEncryption()
					.withConnectionTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
					.build());
	}

	@Test
	void theDefaultConnectorNeedsTheInternalPasswordAndAConfiguredOneTheBrowserPassword() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			port = socket.getLocalPort();
		}
		EmbeddedNeo4jConfiguration.EmbeddedDatabase db = EmbeddedNeo4jConfiguration.EmbeddedDatabase
			.start(properties(port, "browser-password-1"));
		try {
			assertThat(db.boltUri()).isEqualTo("bolt://127.0.0.1:" + port);
			try (Driver anonymous = driver(port, AuthTokens.none())) {
				assertThatThrownBy(anonymous::verifyConnectivity).isInstanceOfAny(AuthenticationException.class,
						ClientException.class);
			}
			try (Driver wrong = driver(port, AuthTokens.basic("neo4j", "neo4j"))) {
				assertThatThrownBy(wrong::verifyConnectivity).isInstanceOf(AuthenticationException.class);
			}
			try (Driver app = driver(port, AuthTokens.basic("neo4j", db.internalPassword()))) {
				app.verifyConnectivity();
			}
			try (Driver browser = driver(port, AuthTokens.basic("browser", "browser-password-1"))) {
				browser.verifyConnectivity();
			}
			assertThatThrownBy(() -> EmbeddedNeo4jConfiguration.EmbeddedDatabase.requireFree(port))
				.isInstanceOf(BoltPortBusyException.class)
				.hasMessageContaining("Bolt port " + port + " on 127.0.0.1 is busy");
		}
		finally {
			db.destroy();
		}
	}

	@Test
	void withoutAPortTheConnectorIsEphemeralAndHasNoBrowserUser() throws Exception {
		EmbeddedNeo4jConfiguration.EmbeddedDatabase db = EmbeddedNeo4jConfiguration.EmbeddedDatabase
			.start(properties(0, null));
		try {
			assertThat(db.boltPort()).isPositive();
			try (Driver browser = driver(db.boltPort(), AuthTokens.basic("browser", "browser-password-1"))) {
				assertThatThrownBy(browser::verifyConnectivity).isInstanceOf(AuthenticationException.class);
			}
		}
		finally {
			db.destroy();
		}
	}

	@Test
	void aPortWithoutAPasswordFailsTheStart() {
		assertThatThrownBy(() -> EmbeddedNeo4jConfiguration.EmbeddedDatabase.start(properties(7999, null)))
			.hasMessageContaining("DUTYCHAIN_BOLT_PASSWORD");
	}

}
