/**
 * Command line (命令行): picocli commands in the same jar; only {@code serve} starts the web
 * server.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "people", "duty", "record",
		"accountability", "analysis", "ingest", "report", "security", "ledger", "config" })
package org.dutychain.cli;
