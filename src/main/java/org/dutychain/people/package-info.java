/**
 * Persons, posts and appointments (人员、岗位、任职).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "organization", "config" })
package org.dutychain.people;
