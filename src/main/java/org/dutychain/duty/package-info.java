/**
 * Responsibility lists and their items in the eight domains (责任清单).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "people", "config" })
package org.dutychain.duty;
