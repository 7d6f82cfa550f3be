package org.dutychain.ledger;

import java.time.LocalDate;
import java.util.List;

import org.dutychain.ledger.Workflow.Action;
import org.dutychain.ledger.Workflow.Input;
import org.dutychain.ledger.Workflow.Measure;
import org.dutychain.record.IssueStatus;
import org.dutychain.record.MeasureStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rectification state machine, every transition legal and illegal. */
class WorkflowTests {

	static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

	static final Input FULL = new Input("台账照片", "p01", TODAY, "佐证不足");

	static Measure measure(MeasureStatus status) {
		return new Measure("m1", status, null, null, null, null);
	}

	@Test
	void theHappyPathEndsVerifiedWithVerifierAndDate() {
		Measure m = Workflow.apply(measure(MeasureStatus.PLANNED), Action.START, FULL);
		assertThat(m.status()).isEqualTo(MeasureStatus.IN_PROGRESS);
		m = Workflow.apply(m, Action.SUBMIT, new Input("整改报告", null, TODAY, null));
		assertThat(m.status()).isEqualTo(MeasureStatus.SUBMITTED);
		assertThat(m.evidence()).isEqualTo("整改报告");
		m = Workflow.apply(m, Action.VERIFY, new Input(null, "p09", TODAY, null));
		assertThat(m.status()).isEqualTo(MeasureStatus.VERIFIED);
		assertThat(m.verifierId()).isEqualTo("p09");
		assertThat(m.verifiedOn()).isEqualTo(TODAY);
	}

	@Test
	void aReturnedMeasureKeepsItsReasonAndStartsAgain() {
		Measure m = Workflow.apply(measure(MeasureStatus.SUBMITTED), Action.RETURN, FULL);
		assertThat(m.status()).isEqualTo(MeasureStatus.RETURNED);
		assertThat(m.returnReason()).isEqualTo("佐证不足");
		assertThat(Workflow.apply(m, Action.START, FULL).status()).isEqualTo(MeasureStatus.IN_PROGRESS);
	}

	@ParameterizedTest
	@EnumSource(MeasureStatus.class)
	void everyActionFromEveryStateIsLegalExactlyWhereTheTableSays(MeasureStatus from) {
		for (Action action : Action.values()) {
			boolean legal = Workflow.FROM.get(action).contains(from);
			if (legal) {
				assertThat(Workflow.apply(measure(from), action, FULL).status()).isNotEqualTo(from);
			}
			else {
				assertThatThrownBy(() -> Workflow.apply(measure(from), action, FULL))
					.isInstanceOfSatisfying(EditRefusedException.class, (ex) -> {
						assertThat(ex.status()).isEqualTo(409);
						assertThat(ex.code()).isEqualTo("ILLEGAL_TRANSITION");
						assertThat(ex.messageZh()).contains("不能" + action.zh()).contains(from.zh());
					});
			}
		}
		long legalFrom = java.util.Arrays.stream(Action.values())
			.filter((a) -> Workflow.FROM.get(a).contains(from))
			.count();
		assertThat(legalFrom).isEqualTo(switch (from) {
			case PLANNED, RETURNED, IN_PROGRESS -> 1L;
			case SUBMITTED -> 2L;
			case VERIFIED -> 0L;
		});
	}

	@Test
	void missingFieldsAre422() {
		assertThatThrownBy(() -> Workflow.apply(measure(MeasureStatus.IN_PROGRESS), Action.SUBMIT,
				new Input(" ", null, TODAY, null)))
			.isInstanceOfSatisfying(EditRefusedException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(422);
				assertThat(ex.messageZh()).contains("佐证");
			});
		assertThatThrownBy(() -> Workflow.apply(measure(MeasureStatus.SUBMITTED), Action.VERIFY,
				new Input(null, null, TODAY, null)))
			.isInstanceOfSatisfying(EditRefusedException.class, (ex) -> assertThat(ex.status()).isEqualTo(422));
		assertThatThrownBy(
				() -> Workflow.apply(measure(MeasureStatus.SUBMITTED), Action.RETURN, new Input(null, null, TODAY, "")))
			.isInstanceOfSatisfying(EditRefusedException.class, (ex) -> assertThat(ex.messageZh()).contains("理由"));
		Measure withEvidence = new Measure("m1", MeasureStatus.IN_PROGRESS, "已有佐证", null, null, null);
		assertThat(Workflow.apply(withEvidence, Action.SUBMIT, new Input(null, null, TODAY, null)).evidence())
			.isEqualTo("已有佐证");
	}

	@Test
	void issueStatusFollowsItsMeasures() {
		assertThat(Workflow.issueStatus(List.of(MeasureStatus.PLANNED, MeasureStatus.PLANNED)))
			.isEqualTo(IssueStatus.OPEN);
		assertThat(Workflow.issueStatus(List.of(MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS)))
			.isEqualTo(IssueStatus.RECTIFYING);
		assertThat(Workflow.issueStatus(List.of(MeasureStatus.VERIFIED, MeasureStatus.SUBMITTED)))
			.isEqualTo(IssueStatus.RECTIFYING);
		assertThat(Workflow.issueStatus(List.of(MeasureStatus.VERIFIED, MeasureStatus.VERIFIED)))
			.isEqualTo(IssueStatus.CLOSED);
		assertThat(Workflow.closedOn(IssueStatus.RECTIFYING, IssueStatus.CLOSED, null, TODAY)).isEqualTo(TODAY);
		assertThat(Workflow.closedOn(IssueStatus.CLOSED, IssueStatus.CLOSED, TODAY.minusDays(3), TODAY))
			.isEqualTo(TODAY.minusDays(3));
		assertThat(Workflow.closedOn(IssueStatus.CLOSED, IssueStatus.RECTIFYING, TODAY, TODAY)).isNull();
	}

	@Test
	void anIssueIsVerifiedItselfOnlyWithoutUnverifiedMeasuresAndLookedBackOnlyWhenClosed() {
		Workflow.checkVerifyIssue("i1", IssueStatus.OPEN, List.of(), "p01", TODAY);
		Workflow.checkVerifyIssue("i1", IssueStatus.RECTIFYING, List.of(MeasureStatus.VERIFIED), "p01", TODAY);
		assertThatThrownBy(
				() -> Workflow.checkVerifyIssue("i1", IssueStatus.OPEN, List.of(MeasureStatus.SUBMITTED), "p01", TODAY))
			.isInstanceOfSatisfying(EditRefusedException.class, (ex) -> assertThat(ex.status()).isEqualTo(409));
		assertThatThrownBy(() -> Workflow.checkVerifyIssue("i1", IssueStatus.CLOSED, List.of(), "p01", TODAY))
			.isInstanceOfSatisfying(EditRefusedException.class, (ex) -> assertThat(ex.status()).isEqualTo(409));
		assertThatThrownBy(() -> Workflow.checkVerifyIssue("i1", IssueStatus.OPEN, List.of(), null, TODAY))
			.isInstanceOfSatisfying(EditRefusedException.class, (ex) -> assertThat(ex.status()).isEqualTo(422));
		Workflow.checkLookBack("i1", IssueStatus.CLOSED);
		assertThatThrownBy(() -> Workflow.checkLookBack("i1", IssueStatus.RECTIFYING))
			.isInstanceOfSatisfying(EditRefusedException.class, (ex) -> assertThat(ex.messageZh()).contains("回头看"));
		assertThatThrownBy(() -> Workflow.checkAddMeasure("i1", IssueStatus.CLOSED))
			.isInstanceOf(EditRefusedException.class);
	}

}
