package org.dutychain.config;

import java.util.List;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
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
			ObjectProvider<EmbeddedNeo4jConfiguration.EmbeddedDatabase> embedded) {
		Neo4jGraph graph = new Neo4jGraph(driver, properties.database());
		// a store just filled by the bulk importer: its post-load steps created the
		// schema
		// (less the keys dutychain.schema.skip-keys leaves out, see SchemaStatements)
		EmbeddedNeo4jConfiguration.EmbeddedDatabase database = embedded.getIfAvailable();
		if (database != null && database.completeLoad(graph)) {
			log.info("Schema applied by the bulk load's post-load steps");
			return graph;
		}
		List<String> schema = SchemaStatements.of(cypherFiles, List.of());
		graph.runSchema(schema);
		log.info("Schema applied: {} statements from cypher/schema/", schema.size());
		return graph;
	}

}
