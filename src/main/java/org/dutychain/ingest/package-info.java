/**
 * CSV/XLSX parsing, validation, atomic load and the demo generator (导入).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "organization", "people", "duty", "record", "config" })
package org.dutychain.ingest;
