package org.dutychain.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dutychain.ledger.Edits;
import org.dutychain.ledger.Ledger;
import org.dutychain.ledger.Ledger.IssueInput;
import org.dutychain.ledger.Ledger.IssuePatch;
import org.dutychain.ledger.Ledger.MeasureInput;
import org.dutychain.ledger.Ledger.MeasurePatch;
import org.dutychain.ledger.Ledger.TransitionInput;
import org.dutychain.ledger.Workflow;
import org.dutychain.security.AccessScope;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The rectification ledger (整改台账): issues per scope with the filters overdue (逾期),
 * dueSoon (即将到期) and toVerify (待验收), measures, the transitions as POSTs, and the change
 * records (history). Refusals are problems (409 illegal / conflict, 422 missing field,
 * 403, 404).
 */
@RestController
class LedgerController {

	private final Ledger ledger;

	private final Edits edits;

	private final AccessScope access;

	LedgerController(Ledger ledger, Edits edits, AccessScope access) {
		this.ledger = ledger;
		this.edits = edits;
		this.access = access;
	}

	@GetMapping("/api/issues")
	List<Map<String, Object>> issues(@RequestParam(required = false) String scope,
			@RequestParam(required = false) String filter,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(defaultValue = "30") int days) {
		String requested = blankToNull(scope);
		if (requested != null) {
			this.access.requireVisible(requested);
			return this.ledger.issues(requested, blankToNull(filter), asOf, days);
		}
		// no scope asked for: a scoped user still sees only the issues of its subtrees
		return inScope(this.ledger.issues(null, blankToNull(filter), asOf, days));
	}

	@PostMapping("/api/issues")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> createIssue(@RequestBody IssueInput body) {
		return this.ledger.createIssue(body);
	}

	@GetMapping("/api/issues/{id}")
	Map<String, Object> issue(@PathVariable String id) {
		return visible(this.ledger.issue(id), "Issue", id);
	}

	@PatchMapping("/api/issues/{id}")
	Map<String, Object> updateIssue(@PathVariable String id, @RequestBody IssuePatch body) {
		return this.ledger.updateIssue(id, body);
	}

	@GetMapping("/api/issues/{id}/measures")
	Object measures(@PathVariable String id) {
		return visible(this.ledger.issue(id), "Issue", id).get("measures");
	}

	@PostMapping("/api/issues/{id}/measures")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addMeasure(@PathVariable String id, @RequestBody MeasureInput body) {
		return this.ledger.addMeasure(id, body);
	}

	@PostMapping("/api/issues/{id}/verify")
	Map<String, Object> verifyIssue(@PathVariable String id, @RequestBody(required = false) TransitionInput body) {
		return this.ledger.verifyIssue(id, orNone(body));
	}

	@PostMapping("/api/issues/{id}/look-back")
	Map<String, Object> lookBack(@PathVariable String id, @RequestBody(required = false) TransitionInput body) {
		return this.ledger.lookBack(id, orNone(body));
	}

	@GetMapping("/api/measures/{id}")
	Map<String, Object> measure(@PathVariable String id) {
		return visible(this.ledger.measure(id), "Measure", id);
	}

	@PatchMapping("/api/measures/{id}")
	Map<String, Object> updateMeasure(@PathVariable String id, @RequestBody MeasurePatch body) {
		return this.ledger.updateMeasure(id, body);
	}

	/** start | submit | verify | return. */
	@PostMapping("/api/measures/{id}/{action:start|submit|verify|return}")
	Map<String, Object> transition(@PathVariable String id, @PathVariable String action,
			@RequestBody(required = false) TransitionInput body) {
		return this.ledger.transition(id, Workflow.Action.ofPath(action), orNone(body));
	}

	/** 到期提醒: overdue and due-soon issues and measures grouped by accountable unit. */
	@GetMapping("/api/digest")
	Map<String, Object> digest(@RequestParam(defaultValue = "30") int days,
			@RequestParam(required = false) String scope,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		String requested = blankToNull(scope);
		if (requested == null && !this.access.caller().unrestricted()) {
			// every subtree of the caller, however many scopes it has
			return this.ledger.digestOf(this.access.visibleUnits(), asOf, days);
		}
		return this.ledger.digest(this.access.effectiveScope(requested), asOf, days);
	}

	/**
	 * Change records, newest first: {@code entity} Issue, Measure, Duty, … and its id.
	 */
	@GetMapping("/api/changes")
	List<Map<String, Object>> changes(@RequestParam(required = false) String entity,
			@RequestParam(required = false) String id, @RequestParam(defaultValue = "200") int limit) {
		List<Map<String, Object>> changes = this.edits.changes(blankToNull(entity), blankToNull(id),
				Math.max(1, Math.min(limit, 5000)));
		// a scoped user sees the change records of its subtrees only
		return inScope(changes);
	}

	/** The rows whose {@code unitId} lies in the caller's scope (all for ADMIN). */
	private List<Map<String, Object>> inScope(List<Map<String, Object>> rows) {
		java.util.Set<String> visible = this.access.visibleUnits();
		return (visible == null) ? rows
				: rows.stream().filter((r) -> visible.contains((String) r.get("unitId"))).toList();
	}

	/**
	 * An issue or measure of a unit outside the caller's scope is unknown to it (404).
	 */
	private Map<String, Object> visible(Map<String, Object> view, String entity, String id) {
		if (view.get("unitId") instanceof String unitId && !this.access.isVisible(unitId)) {
			throw org.dutychain.ledger.EditRefusedException.unknown(entity, id);
		}
		return view;
	}

	private static TransitionInput orNone(TransitionInput body) {
		return (body != null) ? body : TransitionInput.none();
	}

	static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
