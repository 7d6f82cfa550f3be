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
 * @param boltPort Bolt port of the embedded database on localhost (0 = any free port)
 * @param pageCache page cache of the embedded database, e.g. {@code 512m}
 * @param database database name on an external server (null = the server's default)
 * @param demoOnEmpty load a generated demo province when the database holds no dataset at
 * start-up
 * @param demoUnits size of that demo province
 */
@ConfigurationProperties("dutychain")
public record DutychainProperties(@DefaultValue("./data/neo4j") Path dataDir, @DefaultValue("false") boolean ephemeral,
		@DefaultValue("7687") int boltPort, @DefaultValue("512m") String pageCache, String database,
		@DefaultValue("true") boolean demoOnEmpty, @DefaultValue("600") int demoUnits) {
}
