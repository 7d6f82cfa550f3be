/**
 * The rectification ledger (整改台账, issue 12): issues and their measures with their state
 * machine, edits inside the tool (appointments, duties with 一键分解 and 认领, first
 * secretaries, assistance), each one transaction on the active generation with a change
 * record, and the export of the active dataset in the import format. Every edit goes
 * through {@link org.dutychain.ledger.Edits}, which asks the {@link EditAuthority} and
 * records the actor of the {@link ActorProvider}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "organization", "people", "duty", "record", "accountability", "ingest", "config" })
package org.dutychain.ledger;
