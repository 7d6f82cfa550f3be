/**
 * Issue to ranked responsible chain, with the rule behind each link (问责链).
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "organization", "people", "duty", "record", "config" })
package org.dutychain.accountability;
