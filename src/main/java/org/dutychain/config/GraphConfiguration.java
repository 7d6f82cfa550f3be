package org.dutychain.config;

import java.util.List;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Beans every module shares: the parsed {@link CypherFiles} and the {@link Neo4jGraph}
 * door, which is handed out only after the schema of {@code cypher/schema/} (constraints,
 * indexes; idempotent) has been applied, and after an embedded store filled by the bulk
 * importer at this start has finished its post-load steps ({@link EmptyStoreLoader}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DutychainProperties.class)
class GraphConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GraphConfiguration.class);

	@Bean
	CypherFiles cypherFiles() {
		return CypherFiles.load(new PathMatchingResourcePatternResolver());
	}

	@Bean
	Neo4jGraph neo4jGraph(Driver driver, DutychainProperties properties, CypherFiles cypherFiles,
			ObjectProvider<EmbeddedNeo4jConfiguration.EmbeddedDatabase> embedded,
			@Value("${" + SchemaStatements.SKIP_KEYS + ":}") List<String> skipKeys) {
		Neo4jGraph graph = new Neo4jGraph(driver, properties.database());
		// a store just filled by the bulk importer: its schema and post-load steps first
		EmbeddedNeo4jConfiguration.EmbeddedDatabase database = embedded.getIfAvailable();
		boolean bulkLoaded = database != null && database.completeLoad(graph);
		// the keys a freshly bulk-loaded store leaves out stay out (else all of them)
		List<String> schema = SchemaStatements.of(cypherFiles, bulkLoaded ? skipKeys : List.of());
		graph.runSchema(schema);
		log.info("Schema applied: {} statements from cypher/schema/", schema.size());
		return graph;
	}

}
