package org.dutychain.web;

import java.time.LocalDate;

import org.dutychain.accountability.AccountabilityChain;
import org.dutychain.accountability.AccountabilityService;
import org.dutychain.accountability.UnknownIssueException;
import org.dutychain.config.Labeled;
import org.dutychain.duty.DutyDomain;
import org.dutychain.organization.Datasets;
import org.dutychain.organization.UnitDirectory;
import org.dutychain.security.AccessScope;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who answers for a problem (问责链): by unit and domain, or by issue. */
@RestController
class AccountabilityController {

	private final ObjectProvider<AccountabilityService> accountability;

	private final Datasets datasets;

	private final UnitDirectory units;

	private final AccessScope access;

	AccountabilityController(ObjectProvider<AccountabilityService> accountability, Datasets datasets,
			UnitDirectory units, AccessScope access) {
		this.accountability = accountability;
		this.datasets = datasets;
		this.units = units;
		this.access = access;
	}

	@GetMapping("/api/accountability")
	AccountabilityChain forUnit(@RequestParam String unit, @RequestParam String domain,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		DutyDomain d = Labeled.parse(DutyDomain.class, domain)
			.orElseThrow(() -> new BadRequestException("domain", domain,
					"未知的责任领域“" + domain + "”，应为 " + java.util.Arrays.toString(DutyDomain.values()) + " 之一"));
		this.units.require(this.datasets.active().generation(), unit);
		this.access.requireVisible(unit);
		return this.access.filter(service().forUnit(unit, d.name(), this.datasets.asOf(asOf)));
	}

	@GetMapping("/api/issues/{id}/accountability")
	AccountabilityChain forIssue(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		AccountabilityChain chain = service().forIssue(id, this.datasets.asOf(asOf));
		if (!this.access.isVisible(chain.unitId())) {
			throw new UnknownIssueException(id);
		}
		return this.access.filter(chain);
	}

	private AccountabilityService service() {
		AccountabilityService service = this.accountability.getIfAvailable();
		if (service == null) {
			throw new NotAvailableException("accountability");
		}
		return service;
	}

}
