package org.dutychain.web;

import java.time.LocalDate;

import org.dutychain.accountability.AccountabilityChain;
import org.dutychain.accountability.AccountabilityService;
import org.dutychain.accountability.UnknownIssueException;
import org.dutychain.config.Labeled;
import org.dutychain.duty.DutyDomain;
import org.dutychain.organization.UnknownUnitException;
import org.dutychain.security.AccessScope;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who answers for a problem (问责链): by unit and domain, or by issue. */
@RestController
class AccountabilityController {

	private final AccountabilityService accountability;

	private final AccessScope access;

	AccountabilityController(AccountabilityService accountability, AccessScope access) {
		this.accountability = accountability;
		this.access = access;
	}

	/**
	 * One read of the store per lookup (issue 10): the service reads the active dataset,
	 * the unit (or the issue) and the chain in one statement; the caller comes from
	 * memory ({@link AccessScope#caller()}) and its scope from the dataset read with the
	 * chain.
	 */
	@GetMapping("/api/accountability")
	AccountabilityChain forUnit(@RequestParam String unit, @RequestParam String domain,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		DutyDomain d = Labeled.parse(DutyDomain.class, domain)
			.orElseThrow(() -> new BadRequestException("domain", domain,
					"未知的责任领域“" + domain + "”，应为 " + java.util.Arrays.toString(DutyDomain.values()) + " 之一"));
		AccountabilityService.Resolved resolved = this.accountability.resolveUnit(unit, d.name(), asOf);
		if (!this.access.isVisible(resolved.dataset(), unit)) {
			throw new UnknownUnitException(unit);
		}
		return this.access.filter(resolved.dataset(), resolved.chain());
	}

	@GetMapping("/api/issues/{id}/accountability")
	AccountabilityChain forIssue(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		AccountabilityService.Resolved resolved = this.accountability.resolveIssue(id, asOf);
		if (!this.access.isVisible(resolved.dataset(), resolved.chain().unitId())) {
			throw new UnknownIssueException(id);
		}
		return this.access.filter(resolved.dataset(), resolved.chain());
	}

}
