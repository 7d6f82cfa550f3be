/**
 * Units and the LEADS hierarchy, including dual leadership (组织体系).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "config" })
package org.dutychain.organization;
