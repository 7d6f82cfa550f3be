/**
 * Configuration (配置): embedded or external Neo4j, the schema bootstrap, and
 * {@link org.dutychain.config.CypherFiles}, the only reader of the {@code cypher/}
 * folder. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.dutychain.config;
