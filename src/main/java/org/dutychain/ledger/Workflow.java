package org.dutychain.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dutychain.record.IssueStatus;
import org.dutychain.record.MeasureStatus;

/**
 * The rectification state machine (整改流程), without any database: a measure goes PLANNED →
 * IN_PROGRESS → SUBMITTED (申请销号, evidence required) → VERIFIED (验收通过, verifier and date
 * required) or RETURNED (退回, reason required) → IN_PROGRESS. Its issue is OPEN until a
 * measure has left PLANNED, RECTIFYING until every measure is VERIFIED, then CLOSED (销号)
 * with the date. An issue without measures is closed by verifying the issue itself; 回头看
 * (look-back) acts on a CLOSED issue and may reopen it. Every refusal is an
 * {@link EditRefusedException} (409 illegal, 422 missing field) thrown before anything
 * changes.
 */
public final class Workflow {

	private Workflow() {
	}

	/** A transition of a measure (the POST actions). */
	public enum Action {

		START("开始整改", "start"), SUBMIT("申请销号", "submit"), VERIFY("验收通过", "verify"), RETURN("退回", "return");

		private final String zh;

		private final String path;

		Action(String zh, String path) {
			this.zh = zh;
			this.path = path;
		}

		public String zh() {
			return this.zh;
		}

		/** The last path segment of its POST, e.g. {@code submit}. */
		public String path() {
			return this.path;
		}

		public static Action ofPath(String path) {
			for (Action a : values()) {
				if (a.path.equals(path)) {
					return a;
				}
			}
			throw new IllegalArgumentException(path);
		}

	}

	/**
	 * What a transition carries.
	 *
	 * @param evidence SUBMIT: the evidence (else the measure's own)
	 * @param verifierId VERIFY: the verifying person
	 * @param on the date of the transition (today)
	 * @param reason RETURN: why
	 */
	public record Input(String evidence, String verifierId, LocalDate on, String reason) {
	}

	/** A measure's state as far as the workflow is concerned. */
	public record Measure(String id, MeasureStatus status, String evidence, String verifierId, LocalDate verifiedOn,
			String returnReason) {
	}

	/** The states each action may start from. */
	static final Map<Action, List<MeasureStatus>> FROM = Map.of(Action.START,
			List.of(MeasureStatus.PLANNED, MeasureStatus.RETURNED), Action.SUBMIT, List.of(MeasureStatus.IN_PROGRESS),
			Action.VERIFY, List.of(MeasureStatus.SUBMITTED), Action.RETURN, List.of(MeasureStatus.SUBMITTED));

	/** The measure after the action, or a refusal. */
	public static Measure apply(Measure m, Action action, Input in) {
		if (!FROM.get(action).contains(m.status())) {
			throw EditRefusedException.illegal("整改措施 " + m.id() + " 当前状态为「" + m.status().zh() + "」，不能" + action.zh(),
					"Measure " + m.id() + " is " + m.status().name() + "; " + action.name() + " is not allowed");
		}
		return switch (action) {
			case START -> new Measure(m.id(), MeasureStatus.IN_PROGRESS, m.evidence(), m.verifierId(), m.verifiedOn(),
					m.returnReason());
			case SUBMIT -> {
				String evidence = blank(in.evidence()) ? m.evidence() : in.evidence().strip();
				if (blank(evidence)) {
					throw EditRefusedException.missing("evidence", "申请销号须提供整改佐证材料", "Submitting needs evidence");
				}
				yield new Measure(m.id(), MeasureStatus.SUBMITTED, evidence, m.verifierId(), m.verifiedOn(),
						m.returnReason());
			}
			case VERIFY -> {
				if (blank(in.verifierId())) {
					throw EditRefusedException.missing("verifierId", "验收须指明验收人", "Verifying needs a verifier");
				}
				if (in.on() == null) {
					throw EditRefusedException.missing("on", "验收须有验收日期", "Verifying needs a date");
				}
				yield new Measure(m.id(), MeasureStatus.VERIFIED, m.evidence(), in.verifierId(), in.on(),
						m.returnReason());
			}
			case RETURN -> {
				if (blank(in.reason())) {
					throw EditRefusedException.missing("reason", "退回须说明理由", "Returning needs a reason");
				}
				yield new Measure(m.id(), MeasureStatus.RETURNED, m.evidence(), m.verifierId(), m.verifiedOn(),
						in.reason().strip());
			}
		};
	}

	/**
	 * An issue's status given its measures' statuses (non-empty): CLOSED when all are
	 * VERIFIED, RECTIFYING when any has left PLANNED, else OPEN.
	 */
	public static IssueStatus issueStatus(List<MeasureStatus> measures) {
		if (measures.isEmpty()) {
			throw new IllegalArgumentException("an issue without measures keeps its own status");
		}
		if (measures.stream().allMatch((s) -> s == MeasureStatus.VERIFIED)) {
			return IssueStatus.CLOSED;
		}
		if (measures.stream().anyMatch((s) -> s != MeasureStatus.PLANNED)) {
			return IssueStatus.RECTIFYING;
		}
		return IssueStatus.OPEN;
	}

	/**
	 * The closing date after a change: kept while CLOSED, set on closing, null otherwise.
	 */
	public static LocalDate closedOn(IssueStatus before, IssueStatus after, LocalDate closedOn, LocalDate today) {
		if (after != IssueStatus.CLOSED) {
			return null;
		}
		return (before == IssueStatus.CLOSED && closedOn != null) ? closedOn : today;
	}

	/** A measure may be added to an issue that is not CLOSED. */
	public static void checkAddMeasure(String issueId, IssueStatus status) {
		if (status == IssueStatus.CLOSED) {
			throw EditRefusedException.illegal("问题 " + issueId + " 已销号，须先回头看并重新打开才能增加整改措施",
					"Issue " + issueId + " is closed; reopen it by a look-back before adding measures");
		}
	}

	/**
	 * Verifying the issue itself (销号 without measures, or after a reopening when every
	 * measure is VERIFIED): the issue is not CLOSED, no measure is unverified, and a
	 * verifier and date are given.
	 */
	public static void checkVerifyIssue(String issueId, IssueStatus status, List<MeasureStatus> measures,
			String verifierId, LocalDate on) {
		if (status == IssueStatus.CLOSED) {
			throw EditRefusedException.illegal("问题 " + issueId + " 已销号", "Issue " + issueId + " is already closed");
		}
		if (measures.stream().anyMatch((s) -> s != MeasureStatus.VERIFIED)) {
			throw EditRefusedException.illegal("问题 " + issueId + " 还有未验收的整改措施，须逐项验收后自动销号",
					"Issue " + issueId + " has unverified measures; verify each measure");
		}
		if (blank(verifierId)) {
			throw EditRefusedException.missing("verifierId", "验收须指明验收人", "Verifying needs a verifier");
		}
		if (on == null) {
			throw EditRefusedException.missing("on", "验收须有验收日期", "Verifying needs a date");
		}
	}

	/** 回头看 acts on a CLOSED issue only. */
	public static void checkLookBack(String issueId, IssueStatus status) {
		if (status != IssueStatus.CLOSED) {
			throw EditRefusedException.illegal("问题 " + issueId + " 尚未销号，不能回头看",
					"Issue " + issueId + " is not closed; a look-back needs a closed issue");
		}
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static String entityZh(String entity) {
		return switch (entity) {
			case "Issue" -> "问题";
			case "Measure" -> "整改措施";
			case "Duty" -> "责任事项";
			case "Post" -> "岗位";
			case "Person" -> "人员";
			case "Unit" -> "单位";
			default -> "对象";
		};
	}

}
