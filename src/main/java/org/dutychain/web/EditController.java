package org.dutychain.web;

import java.util.List;
import java.util.Map;

import org.dutychain.ledger.DataEdits;
import org.dutychain.ledger.DataEdits.Appointment;
import org.dutychain.ledger.DataEdits.Assistance;
import org.dutychain.ledger.DataEdits.DutyInput;
import org.dutychain.ledger.DataEdits.DutyPatch;
import org.dutychain.ledger.DataEdits.FirstSecretary;
import org.dutychain.ledger.EditAuthority;
import org.dutychain.security.AccessScope;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Edits of the organization data (issue 12): appointments (任命 / 免职), duties (create,
 * edit, 一键分解, 认领), first secretaries and assistance. Each answers the recorded
 * {@code after} state. For the page: the unit's drafts (待认领), a person search and what
 * the caller may do at a unit.
 */
@RestController
class EditController {

	private final DataEdits edits;

	private final EditAuthority authority;

	private final AccessScope access;

	EditController(DataEdits edits, EditAuthority authority, AccessScope access) {
		this.edits = edits;
		this.authority = authority;
		this.access = access;
	}

	/**
	 * What the caller may do at a unit: edit its data, accept or return its
	 * rectification.
	 */
	record Rights(String unitId, boolean edit, boolean verify) {
	}

	@GetMapping("/api/rights")
	Rights rights(@RequestParam String unit) {
		return new Rights(unit, this.authority.mayEdit(unit), this.authority.mayVerify(unit));
	}

	/** 待认领: the unit's DRAFT duties from 一键分解. */
	@GetMapping("/api/units/{unitId}/drafts")
	List<Map<String, Object>> drafts(@PathVariable String unitId) {
		this.access.requireVisible(unitId);
		return this.edits.drafts(unitId);
	}

	/** Persons by name or id, for the appointment and verifier fields. */
	@GetMapping("/api/people")
	List<Map<String, Object>> people(@RequestParam(defaultValue = "") String query,
			@RequestParam(defaultValue = "20") int limit) {
		// a scoped user finds no one outside its subtrees (personnel data)
		return this.edits.people(query, Math.max(1, Math.min(limit, 100)), this.access.visibleUnits());
	}

	@PostMapping("/api/posts/{postId}/appointments")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> appoint(@PathVariable String postId, @RequestBody Appointment body) {
		return this.edits.appoint(postId, body);
	}

	@PostMapping("/api/posts/{postId}/appointments/end")
	Map<String, Object> endAppointment(@PathVariable String postId, @RequestBody Appointment body) {
		return this.edits.endAppointment(postId, body);
	}

	@PostMapping("/api/duties")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> createDuty(@RequestBody DutyInput body) {
		return this.edits.createDuty(body);
	}

	@PatchMapping("/api/duties/{id}")
	Map<String, Object> updateDuty(@PathVariable String id, @RequestBody DutyPatch body) {
		return this.edits.updateDuty(id, body);
	}

	/** 一键分解. */
	@PostMapping("/api/duties/{id}/decompose")
	Map<String, Object> decompose(@PathVariable String id) {
		return this.edits.decompose(id);
	}

	/** 认领. */
	@PostMapping("/api/duties/{id}/confirm")
	Map<String, Object> confirm(@PathVariable String id) {
		return this.edits.confirm(id);
	}

	@PostMapping("/api/units/{unitId}/first-secretaries")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addFirstSecretary(@PathVariable String unitId, @RequestBody FirstSecretary body) {
		return this.edits.addFirstSecretary(unitId, body);
	}

	@PostMapping("/api/units/{unitId}/first-secretaries/end")
	Map<String, Object> endFirstSecretary(@PathVariable String unitId, @RequestBody FirstSecretary body) {
		return this.edits.endFirstSecretary(unitId, body);
	}

	@PostMapping("/api/units/{unitId}/assistance")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addAssistance(@PathVariable String unitId, @RequestBody Assistance body) {
		return this.edits.addAssistance(unitId, body);
	}

	@PostMapping("/api/units/{unitId}/assistance/end")
	Map<String, Object> endAssistance(@PathVariable String unitId, @RequestBody Assistance body) {
		return this.edits.endAssistance(unitId, body);
	}

}
