package org.dutychain.report;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.dutychain.accountability.AccountabilityChain;
import org.dutychain.accountability.AccountabilityEntry;
import org.dutychain.people.ResponsibilityKind;

import static org.assertj.core.api.Assertions.assertThat;

class AuditReportServiceTests {

	private static AccountabilityEntry entry(int rank, ResponsibilityKind kind, String unit, int distance, String post,
			String title, String person) {
		return new AccountabilityEntry(rank, kind, unit, unit + "名", distance, (distance > 0) ? "PRIMARY" : null, post,
				title, person, (person != null) ? person + "名" : null, "RULE", "规则", "rule",
				post != null && person == null);
	}

	@Test
	void namesTheNearestPrincipalAndDirectHoldersOfTheChain() {
		AccountabilityChain chain = new AccountabilityChain("I-1", "U-2", "ORGANIZATION", LocalDate.of(2025, 6, 30),
				List.of(entry(1, ResponsibilityKind.OVERALL, "U-2", 0, null, null, null),
						entry(2, ResponsibilityKind.PRINCIPAL, "U-2", 0, "P-1", "书记", "PE-1"),
						entry(3, ResponsibilityKind.DIRECT, "U-2", 0, "P-2", "组织委员", null),
						entry(4, ResponsibilityKind.PRINCIPAL, "U-1", 1, "P-9", "工委书记", "PE-9")));
		assertThat(AuditReportService.describe(chain)).contains("书记 PE-1名（主体责任）；组织委员 —（空缺，直接责任）");
	}

	@Test
	void namesTheLeadingUnitWhenTheNearestHolderIsAbove() {
		AccountabilityChain chain = new AccountabilityChain(null, "U-2", "ORGANIZATION", LocalDate.of(2025, 6, 30),
				List.of(entry(1, ResponsibilityKind.OVERALL, "U-2", 0, null, null, null),
						entry(2, ResponsibilityKind.DIRECT, "U-1", 1, "P-9", "分管委员", "PE-9")));
		assertThat(AuditReportService.describe(chain)).contains("U-1名 分管委员 PE-9名（直接责任）");
	}

	@Test
	void aChainWithoutPostsNamesNobody() {
		AccountabilityChain chain = new AccountabilityChain(null, "U-2", "ORGANIZATION", LocalDate.of(2025, 6, 30),
				List.of(entry(1, ResponsibilityKind.OVERALL, "U-2", 0, null, null, null)));
		assertThat(AuditReportService.describe(chain)).isEmpty();
	}

}
