/**
 * Exports, snapshots, diffs and the import template (报告).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "organization", "people", "duty", "record", "accountability", "analysis", "config" })
package org.dutychain.report;
