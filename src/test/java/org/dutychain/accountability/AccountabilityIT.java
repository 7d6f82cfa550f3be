package org.dutychain.accountability;

import java.nio.file.Path;
import java.time.LocalDate;

import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.Finding;
import org.dutychain.organization.UnknownUnitException;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.dutychain.people.ResponsibilityKind.DIRECT;
import static org.dutychain.people.ResponsibilityKind.IMPORTANT;
import static org.dutychain.people.ResponsibilityKind.OVERALL;
import static org.dutychain.people.ResponsibilityKind.PRINCIPAL;
import static org.dutychain.people.ResponsibilityKind.SUPERVISORY;

/**
 * The accountability chain on the four-level chain 工委 → 党组 → 机关党委 → 党支部 of
 * {@code fixtures/accountability/four-levels.cypher}, with dual leadership (机关党委 also led
 * by 工委) and vacant DIRECT posts.
 */
@GraphIT
class AccountabilityIT {

	static final Path FIXTURE = Path.of("src/test/resources/fixtures/accountability/four-levels.cypher");

	static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	@Autowired
	AccountabilityService accountability;

	@Autowired
	AnalysisService analyses;

	@Autowired
	GraphFixtures fixtures;

	@BeforeEach
	void load() {
		this.fixtures.load(FIXTURE);
	}

	@Test
	void resolvesTheIssueChainNearestFirstWithDualLeaderAfterPrimaryAtEqualDistance() {
		AccountabilityChain chain = this.accountability.forIssue("I-1", null);
		assertThat(chain.issueId()).isEqualTo("I-1");
		assertThat(chain.unitId()).isEqualTo("U-4");
		assertThat(chain.domain()).isEqualTo("ORGANIZATION");
		assertThat(chain.asOf()).isEqualTo(AS_OF);
		assertThat(chain.entries())
			.extracting(AccountabilityEntry::rank, AccountabilityEntry::responsibility, AccountabilityEntry::unitId,
					AccountabilityEntry::postId, AccountabilityEntry::personId, AccountabilityEntry::rule,
					AccountabilityEntry::gap)
			.containsExactly(tuple(1, OVERALL, "U-4", null, null, "TEAM_OVERALL", false),
					tuple(2, PRINCIPAL, "U-4", "P-4-1", "PER-41", "UNIT_PRINCIPAL", false),
					tuple(3, DIRECT, "U-4", "P-4-2", null, "DOMAIN_IN_CHARGE", true),
					tuple(4, IMPORTANT, "U-4", "P-4-3", "PER-43", "TEAM_MEMBER", false),
					tuple(5, PRINCIPAL, "U-3", "P-3-1", "PER-31", "LEADER_PRINCIPAL", false),
					tuple(6, DIRECT, "U-3", "P-3-2", "PER-32", "LEADER_DOMAIN_IN_CHARGE", false),
					tuple(7, SUPERVISORY, "U-3", "P-3-3", "PER-33", "DISCIPLINE_BODY", false),
					tuple(8, PRINCIPAL, "U-2", "P-2-1", "PER-21", "LEADER_PRINCIPAL", false),
					tuple(9, DIRECT, "U-2", "P-2-2", null, "LEADER_DOMAIN_IN_CHARGE", true),
					tuple(10, PRINCIPAL, "U-1", "P-1-1", "PER-11", "LEADER_PRINCIPAL", false),
					tuple(11, DIRECT, "U-1", "P-1-2", "PER-12", "LEADER_DOMAIN_IN_CHARGE", false),
					tuple(12, SUPERVISORY, "U-9", "P-9-1", "PER-91", "DISCIPLINE_BODY", false));
		assertThat(chain.entries())
			.extracting(AccountabilityEntry::unitId, AccountabilityEntry::distance, AccountabilityEntry::via)
			.containsExactly(tuple("U-4", 0, null), tuple("U-4", 0, null), tuple("U-4", 0, null), tuple("U-4", 0, null),
					tuple("U-3", 1, "PRIMARY"), tuple("U-3", 1, "PRIMARY"), tuple("U-3", 1, "PRIMARY"),
					tuple("U-2", 2, "PRIMARY"), tuple("U-2", 2, "PRIMARY"), tuple("U-1", 2, "DUAL"),
					tuple("U-1", 2, "DUAL"), tuple("U-9", 3, null));
		AccountabilityEntry overall = chain.entries().get(0);
		assertThat(overall.ruleZh()).isEqualTo("领导班子全面领导责任");
		assertThat(overall.ruleEn()).isNotBlank();
		assertThat(overall.unitName()).isEqualTo("预算处党支部");
		assertThat(chain.entries().get(1).personName()).isEqualTo("陈十");
		assertThat(chain.gaps()).extracting(AccountabilityEntry::postId).containsExactly("P-4-2", "P-2-2");
	}

	@Test
	void resolvesAUnitAndDomainWhereTheDualLeaderIsOneHopAway() {
		AccountabilityChain chain = this.accountability.forUnit("U-3", "POLITICAL", AS_OF);
		assertThat(chain.issueId()).isNull();
		assertThat(chain.entries())
			.extracting(AccountabilityEntry::rank, AccountabilityEntry::responsibility, AccountabilityEntry::unitId,
					AccountabilityEntry::postId, AccountabilityEntry::personId, AccountabilityEntry::rule,
					AccountabilityEntry::gap)
			.containsExactly(tuple(1, OVERALL, "U-3", null, null, "TEAM_OVERALL", false),
					tuple(2, PRINCIPAL, "U-3", "P-3-1", "PER-31", "UNIT_PRINCIPAL", false),
					tuple(3, DIRECT, "U-3", "P-3-2", "PER-32", "DOMAIN_IN_CHARGE", false),
					tuple(4, SUPERVISORY, "U-3", "P-3-3", "PER-33", "DISCIPLINE_BODY", false),
					tuple(5, PRINCIPAL, "U-2", "P-2-1", "PER-21", "LEADER_PRINCIPAL", false),
					tuple(6, PRINCIPAL, "U-1", "P-1-1", "PER-11", "LEADER_PRINCIPAL", false),
					tuple(7, DIRECT, "U-1", "P-1-3", null, "LEADER_DOMAIN_IN_CHARGE", true),
					tuple(8, SUPERVISORY, "U-9", "P-9-1", "PER-91", "DISCIPLINE_BODY", false));
		assertThat(chain.entries().get(5).via()).isEqualTo("DUAL");
		assertThat(chain.entries().get(5).distance()).isEqualTo(1);
	}

	@Test
	void aUnitWithoutAnyPrincipalPostYieldsAGapEntry() {
		AccountabilityChain chain = this.accountability.forUnit("U-5", "基层组织建设", AS_OF);
		assertThat(chain.domain()).isEqualTo("ORGANIZATION");
		assertThat(chain.entries())
			.extracting(AccountabilityEntry::rank, AccountabilityEntry::responsibility, AccountabilityEntry::unitId,
					AccountabilityEntry::postId, AccountabilityEntry::personId, AccountabilityEntry::rule,
					AccountabilityEntry::gap)
			.containsExactly(tuple(1, OVERALL, "U-5", null, null, "TEAM_OVERALL", false),
					tuple(2, PRINCIPAL, "U-5", null, null, "UNIT_PRINCIPAL", true),
					tuple(3, PRINCIPAL, "U-4", "P-4-1", "PER-41", "LEADER_PRINCIPAL", false),
					tuple(4, DIRECT, "U-4", "P-4-2", null, "LEADER_DOMAIN_IN_CHARGE", true),
					tuple(5, PRINCIPAL, "U-3", "P-3-1", "PER-31", "LEADER_PRINCIPAL", false),
					tuple(6, DIRECT, "U-3", "P-3-2", "PER-32", "LEADER_DOMAIN_IN_CHARGE", false),
					tuple(7, SUPERVISORY, "U-3", "P-3-3", "PER-33", "DISCIPLINE_BODY", false),
					tuple(8, PRINCIPAL, "U-2", "P-2-1", "PER-21", "LEADER_PRINCIPAL", false),
					tuple(9, DIRECT, "U-2", "P-2-2", null, "LEADER_DOMAIN_IN_CHARGE", true),
					tuple(10, PRINCIPAL, "U-1", "P-1-1", "PER-11", "LEADER_PRINCIPAL", false),
					tuple(11, DIRECT, "U-1", "P-1-2", "PER-12", "LEADER_DOMAIN_IN_CHARGE", false),
					tuple(12, SUPERVISORY, "U-9", "P-9-1", "PER-91", "DISCIPLINE_BODY", false));
	}

	@Test
	void appointmentsAreEvaluatedAtTheGivenDate() {
		AccountabilityChain chain = this.accountability.forIssue("I-1", LocalDate.of(2025, 7, 1));
		assertThat(chain.gaps()).extracting(AccountabilityEntry::postId).containsExactly("P-4-1", "P-4-2");
		assertThat(chain.entries()).filteredOn((e) -> "P-2-2".equals(e.postId()))
			.extracting(AccountabilityEntry::personId)
			.containsExactly("PER-23");
	}

	@Test
	void theHeadOfADisciplineUnitIsItsPrincipal() {
		// U-9 (派驻纪检监察组) has no PRINCIPAL post; its 组长 P-9-1 is a SUPERVISORY post held by
		// PER-91
		AccountabilityChain chain = this.accountability.forUnit("U-9", "DISCIPLINE", AS_OF);
		assertThat(chain.entries()).filteredOn((e) -> e.unitId().equals("U-9") && e.responsibility() == PRINCIPAL)
			.extracting(AccountabilityEntry::postId, AccountabilityEntry::personId, AccountabilityEntry::rule,
					AccountabilityEntry::gap)
			.containsExactly(tuple("P-9-1", "PER-91", "DISCIPLINE_HEAD", false));
		assertThat(chain.entries()).filteredOn(AccountabilityEntry::gap).isEmpty();
	}

	@Test
	void gapsAnalysisAgreesWithTheChain() {
		assertThat(this.analyses.run("accountability-gaps", null, AS_OF).findings()).isEmpty();
		LocalDate dayAfter = AS_OF.plusDays(1);
		assertThat(this.analyses.run("accountability-gaps", null, dayAfter).findings()).extracting(Finding::key)
			.containsExactly("accountability-gaps/NO_PRINCIPAL/U-4/I-1");
		assertThat(this.accountability.forIssue("I-1", dayAfter).entries())
			.filteredOn((e) -> e.rule().equals("UNIT_PRINCIPAL"))
			.extracting(AccountabilityEntry::gap)
			.containsOnly(true);
	}

	@Test
	void unknownIdsAreRejected() {
		assertThatThrownBy(() -> this.accountability.forIssue("I-404", null)).isInstanceOf(UnknownIssueException.class)
			.extracting((ex) -> ((UnknownIssueException) ex).issueId())
			.isEqualTo("I-404");
		assertThatThrownBy(() -> this.accountability.forUnit("U-404", "ORGANIZATION", null))
			.isInstanceOf(UnknownUnitException.class)
			.extracting((ex) -> ((UnknownUnitException) ex).unitId())
			.isEqualTo("U-404");
	}

}
