package org.dutychain.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code dutychain.*}.
 *
 * @param dataDir where embedded Neo4j keeps its files (ignored with an external
 * {@code spring.neo4j.uri})
 * @param ephemeral embedded database in a temporary directory, deleted on shutdown
 * (tests, the CLI {@code audit})
 * @param boltPort an extra Bolt port of the embedded database on 127.0.0.1 for Neo4j
 * Browser or cypher-shell (0 = none: the app's own driver uses a private ephemeral port)
 * @param boltPassword password of the {@code browser} Neo4j user on that port
 * ({@code DUTYCHAIN_BOLT_PASSWORD}; required with a bolt port)
 * @param pageCache page cache of the embedded database, e.g. {@code 512m}
 * @param database database name on an external server (null = the server's default)
 * @param demoOnEmpty load a generated demo province when the database holds no dataset at
 * start-up
 * @param demoUnits size of that demo province
 */
@ConfigurationProperties("dutychain")
public record DutychainProperties(@DefaultValue("./data/neo4j") Path dataDir, @DefaultValue("false") boolean ephemeral,
		@DefaultValue("0") int boltPort, String boltPassword, @DefaultValue("512m") String pageCache, String database,
		@DefaultValue("true") boolean demoOnEmpty, @DefaultValue("600") int demoUnits) {
}
