package org.dutychain.record;

import java.util.List;

import org.dutychain.organization.UnitKind;
import org.dutychain.people.ResponsibilityKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default post kinds against domain.md: every discipline body has a head post of a
 * SUPERVISORY kind (纪委书记, 纪检监察组组长) that it must fill, and no PRINCIPAL kind is required
 * of it (its head is its principal, GH-11 "discipline heads").
 */
class DefaultPostKindsTests {

	static final List<UnitKind> DISCIPLINE = List.of(UnitKind.DISCIPLINE_COMMISSION, UnitKind.DISCIPLINE_WORK_COMMITTEE,
			UnitKind.ORGAN_DISCIPLINE_COMMITTEE, UnitKind.STATIONED_DISCIPLINE_TEAM);

	@Test
	void everyDisciplineBodyRequiresASupervisoryHeadAndNoPrincipalPost() {
		for (UnitKind kind : DISCIPLINE) {
			assertThat(DatasetFormat.DEFAULT_POST_KINDS).filteredOn((k) -> k.requiredIn().contains(kind))
				.as(kind.name())
				.extracting(DatasetFormat.DefaultPostKind::responsibility)
				.containsExactly(ResponsibilityKind.SUPERVISORY);
		}
	}

}
