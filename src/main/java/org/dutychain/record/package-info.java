/**
 * Issues, activities, gradings, listed supervision, assistance, first secretaries,
 * personnel events (工作记录).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "people", "duty", "config" })
package org.dutychain.record;
