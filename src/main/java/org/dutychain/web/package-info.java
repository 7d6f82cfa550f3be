/**
 * REST API (接口): controllers, API records and RFC 7807 problem details. Runs no queries
 * itself.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "people", "duty", "record",
		"accountability", "analysis", "ingest", "report", "security", "ledger", "config" })
package org.dutychain.web;
