/**
 * Access control (访问控制): users and roles, sign-in (form, HTTP Basic, bearer tokens), the
 * access scope of the caller (the subtrees of its scope units) and the audit log. Users
 * and audit entries are system data: they belong to no dataset generation.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "organization", "accountability", "analysis", "config" })
package org.dutychain.security;
