/**
 * Catalogue, runner, findings and all JGraphT code (分析).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "organization", "people", "duty", "record", "accountability", "config" })
package org.dutychain.analysis;
