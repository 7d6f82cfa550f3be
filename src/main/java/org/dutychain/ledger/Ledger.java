package org.dutychain.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.accountability.AccountabilityEntry;
import org.dutychain.accountability.AccountabilityService;
import org.dutychain.config.Labeled;
import org.dutychain.duty.DutyDomain;
import org.dutychain.ledger.Edits.Change;
import org.dutychain.ledger.Workflow.Action;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;
import org.dutychain.record.IssueSeverity;
import org.dutychain.record.IssueSource;
import org.dutychain.record.IssueStatus;
import org.dutychain.record.MeasureStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The rectification ledger (整改台账): issues with their measures, read per scope with the
 * filters 逾期 / 即将到期 / 待验收, created and edited, and moved through {@link Workflow} — each
 * change one {@link Edits#edit} transaction with its change record.
 */
@Service
public class Ledger {

	private static final String F = Edits.ISSUES;

	private final Edits edits;

	private final Datasets datasets;

	private final org.dutychain.config.Neo4jGraph graph;

	private final org.dutychain.config.CypherFiles cypher;

	private final ObjectProvider<AccountabilityService> accountability;

	Ledger(Edits edits, Datasets datasets, org.dutychain.config.Neo4jGraph graph,
			org.dutychain.config.CypherFiles cypher, ObjectProvider<AccountabilityService> accountability) {
		this.edits = edits;
		this.datasets = datasets;
		this.graph = graph;
		this.cypher = cypher;
		this.accountability = accountability;
	}

	/** A new issue. */
	public record IssueInput(String id, String unitId, String domain, String title, LocalDate foundOn, String source,
			String severity, LocalDate due, String dutyId) {
	}

	/**
	 * Changes of an issue's fields (null = unchanged); version for optimistic locking.
	 */
	public record IssuePatch(Long version, String title, String domain, String severity, String source, LocalDate due) {
	}

	/** A new measure; ownerPostId null = the default owner. */
	public record MeasureInput(String id, String text, String ownerPostId, LocalDate due) {
	}

	/** Changes of a measure's fields (null = unchanged). */
	public record MeasurePatch(Long version, String text, String ownerPostId, LocalDate due) {
	}

	/**
	 * What a transition carries (each field only where the action needs it).
	 *
	 * @param verifierId VERIFY: the verifying person (default: the caller's person)
	 * @param reopen look-back: reopen the issue
	 */
	public record TransitionInput(Long version, String evidence, String verifierId, String reason, Boolean reopen) {

		public static TransitionInput none() {
			return new TransitionInput(null, null, null, null, null);
		}

	}

	// ---- reads

	/** One issue with its unit, duty and measures. */
	public Map<String, Object> issue(String id) {
		DatasetInfo active = this.edits.active();
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(F, "issue"),
				Map.of("generation", active.generation(), "id", id));
		if (rows.isEmpty()) {
			throw EditRefusedException.unknown("Issue", id);
		}
		return issueView(rows.get(0));
	}

	/**
	 * The issues of a scope (null = all), filtered by overdue | dueSoon | toVerify (null
	 * = all) at asOf (null = the default asOf), dueSoon within {@code days}.
	 */
	public List<Map<String, Object>> issues(String scope, String filter, LocalDate asOf, int days) {
		DatasetInfo active = this.datasets.active();
		if (!active.present()) {
			return List.of();
		}
		if (filter != null && !List.of("overdue", "dueSoon", "toVerify").contains(filter)) {
			throw new EditRefusedException(422, "BAD_FILTER", "筛选条件应为 overdue、dueSoon 或 toVerify",
					"filter must be overdue, dueSoon or toVerify");
		}
		List<String> unitIds = (scope != null)
				? List.copyOf(this.datasets.scopeLevels(active.generation(), scope).keySet()) : null;
		Map<String, Object> params = new HashMap<>();
		params.put("generation", active.generation());
		params.put("unitIds", unitIds);
		params.put("asOf", this.datasets.asOf(asOf));
		params.put("days", days);
		params.put("filter", filter);
		return this.graph.read(this.cypher.statement(F, "issues"), params)
			.stream()
			.map((r) -> (Map<String, Object>) new LinkedHashMap<>(plainRow(r)))
			.toList();
	}

	/** One measure with its issue and unit. */
	public Map<String, Object> measure(String id) {
		DatasetInfo active = this.edits.active();
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(F, "measure"),
				Map.of("generation", active.generation(), "id", id));
		if (rows.isEmpty()) {
			throw EditRefusedException.unknown("Measure", id);
		}
		return measureView(rows.get(0));
	}

	/**
	 * 到期提醒: overdue and due-soon (within {@code days}) issues and measures of a scope
	 * (null = all) at asOf (null = the default asOf), grouped by the accountable unit
	 * (the issue's unit; for a measure the unit of its owner post).
	 */
	public Map<String, Object> digest(String scope, LocalDate asOf, int days) {
		DatasetInfo active = this.datasets.active();
		List<String> unitIds = (scope != null && active.present())
				? List.copyOf(this.datasets.scopeLevels(active.generation(), scope).keySet()) : null;
		return digestOf(unitIds, asOf, days);
	}

	/**
	 * {@link #digest} over the given units (null: every unit) — the subtrees of a user
	 * with several scopes.
	 */
	public Map<String, Object> digestOf(java.util.Collection<String> scopeUnits, LocalDate asOf, int days) {
		DatasetInfo active = this.datasets.active();
		List<String> unitIds = (scopeUnits != null) ? List.copyOf(scopeUnits) : null;
		LocalDate date = this.datasets.asOf(asOf);
		Map<String, Object> digest = new LinkedHashMap<>();
		digest.put("dataset", active.name());
		digest.put("asOf", date.toString());
		digest.put("days", days);
		Map<String, Map<String, Object>> units = new java.util.TreeMap<>();
		if (active.present()) {
			Map<String, Object> params = new HashMap<>();
			params.put("generation", active.generation());
			params.put("unitIds", unitIds);
			params.put("asOf", date);
			params.put("days", days);
			for (String statement : List.of("digest-issues", "digest-measures")) {
				for (Map<String, Object> row : this.graph.read(this.cypher.statement(F, statement), params)) {
					Map<String, Object> unit = units.computeIfAbsent((String) row.get("unitId"), (id) -> {
						Map<String, Object> u = new LinkedHashMap<>();
						u.put("unitId", id);
						u.put("unitName", row.get("unitName"));
						u.put("overdue", new ArrayList<Map<String, Object>>());
						u.put("dueSoon", new ArrayList<Map<String, Object>>());
						return u;
					});
					Map<String, Object> item = new LinkedHashMap<>();
					for (String key : List.of("kind", "id", "issueId", "title", "text", "due", "status")) {
						item.put(key, (row.get(key) != null) ? Edits.plainValue(row.get(key)) : null);
					}
					item.put("daysLeft", java.time.temporal.ChronoUnit.DAYS.between(date, (LocalDate) row.get("due")));
					@SuppressWarnings("unchecked")
					List<Map<String, Object>> list = (List<Map<String, Object>>) unit
						.get(Boolean.TRUE.equals(row.get("overdue")) ? "overdue" : "dueSoon");
					list.add(item);
				}
			}
		}
		for (Map<String, Object> unit : units.values()) {
			for (String key : List.of("overdue", "dueSoon")) {
				@SuppressWarnings("unchecked")
				List<Map<String, Object>> list = (List<Map<String, Object>>) unit.get(key);
				list.sort(java.util.Comparator.comparing((Map<String, Object> m) -> (String) m.get("due"))
					.thenComparing((m) -> (String) m.get("id")));
			}
		}
		digest.put("units", new ArrayList<>(units.values()));
		return digest;
	}

	// ---- issue edits

	public Map<String, Object> createIssue(IssueInput in) {
		require(in.unitId(), "unitId", "须指明问题所在单位");
		require(in.title(), "title", "须填写问题描述");
		String domain = code(DutyDomain.class, in.domain(), "domain", "领域");
		String source = (in.source() != null) ? code(IssueSource.class, in.source(), "source", "来源") : null;
		String severity = (in.severity() != null) ? code(IssueSeverity.class, in.severity(), "severity", "严重程度") : null;
		String id = (in.id() != null && !in.id().isBlank()) ? in.id().strip()
				: "I-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		LocalDate foundOn = (in.foundOn() != null) ? in.foundOn() : this.edits.today();
		this.edits.edit(in.unitId(), false, (tx) -> {
			tx.one(Edits.EDITS, "unit", Map.of("id", in.unitId()), "Unit", in.unitId());
			if (!tx.run(F, "issue", Map.of("id", id)).isEmpty()) {
				throw new EditRefusedException(409, "DUPLICATE_ID", "问题编号 " + id + " 已存在", "Issue " + id + " exists");
			}
			Map<String, Object> p = new HashMap<>();
			p.put("id", id);
			p.put("unitId", in.unitId());
			p.put("domain", domain);
			p.put("title", in.title().strip());
			p.put("foundOn", foundOn);
			p.put("source", source);
			p.put("severity", severity);
			p.put("due", in.due());
			p.put("dutyId", in.dutyId());
			tx.run(F, "create-issue", p);
			return new Change("Issue", id, "CREATE", null, issueState(tx, id));
		});
		return issue(id);
	}

	public Map<String, Object> updateIssue(String id, IssuePatch patch) {
		Map<String, Object> current = issue(id);
		Map<String, Object> set = new HashMap<>();
		if (patch.title() != null) {
			set.put("title", patch.title().strip());
		}
		if (patch.domain() != null) {
			set.put("domain", code(DutyDomain.class, patch.domain(), "domain", "领域"));
		}
		if (patch.severity() != null) {
			set.put("severity", code(IssueSeverity.class, patch.severity(), "severity", "严重程度"));
		}
		if (patch.source() != null) {
			set.put("source", code(IssueSource.class, patch.source(), "source", "来源"));
		}
		if (patch.due() != null) {
			set.put("due", patch.due());
		}
		this.edits.edit((String) current.get("unitId"), false, (tx) -> {
			Map<String, Object> before = issueState(tx, id);
			checkVersion(patch.version(), before, "Issue", id);
			tx.run(F, "update-issue", Map.of("id", id, "set", set));
			return new Change("Issue", id, "UPDATE", before, issueState(tx, id));
		});
		return issue(id);
	}

	/** 销号 of the issue itself: no measures (or all VERIFIED after a reopening). */
	public Map<String, Object> verifyIssue(String id, TransitionInput in) {
		Map<String, Object> current = issue(id);
		String verifier = verifier(in);
		LocalDate today = this.edits.today();
		this.edits.edit((String) current.get("unitId"), true, (tx) -> {
			Map<String, Object> before = issueState(tx, id);
			checkVersion(in.version(), before, "Issue", id);
			Workflow.checkVerifyIssue(id, IssueStatus.valueOf((String) before.get("status")), measureStatuses(tx, id),
					verifier, today);
			tx.one(Edits.EDITS, "person", Map.of("id", verifier), "Person", verifier);
			Map<String, Object> set = new HashMap<>();
			set.put("status", IssueStatus.CLOSED.name());
			set.put("closedOn", today);
			tx.run(F, "update-issue", Map.of("id", id, "set", set));
			Map<String, Object> after = issueState(tx, id);
			after.put("verifiedBy", verifier);
			return new Change("Issue", id, "VERIFY", before, after);
		});
		return issue(id);
	}

	/** 回头看: sets lookBackOn on a CLOSED issue and, with reopen, reopens it. */
	public Map<String, Object> lookBack(String id, TransitionInput in) {
		Map<String, Object> current = issue(id);
		LocalDate today = this.edits.today();
		boolean reopen = Boolean.TRUE.equals(in.reopen());
		this.edits.edit((String) current.get("unitId"), false, (tx) -> {
			Map<String, Object> before = issueState(tx, id);
			checkVersion(in.version(), before, "Issue", id);
			Workflow.checkLookBack(id, IssueStatus.valueOf((String) before.get("status")));
			Map<String, Object> set = new HashMap<>();
			set.put("lookBackOn", today);
			if (reopen) {
				set.put("status", IssueStatus.RECTIFYING.name());
				set.put("closedOn", null);
			}
			tx.run(F, "update-issue", Map.of("id", id, "set", set));
			return new Change("Issue", id, reopen ? "LOOK_BACK_REOPEN" : "LOOK_BACK", before, issueState(tx, id));
		});
		return issue(id);
	}

	// ---- measures

	public Map<String, Object> addMeasure(String issueId, MeasureInput in) {
		Map<String, Object> current = issue(issueId);
		require(in.text(), "text", "须填写整改措施内容");
		String owner = (in.ownerPostId() != null && !in.ownerPostId().isBlank()) ? in.ownerPostId().strip()
				: defaultOwner(issueId);
		LocalDate today = this.edits.today();
		String[] created = new String[1];
		this.edits.edit((String) current.get("unitId"), false, (tx) -> {
			Map<String, Object> issueBefore = issueState(tx, issueId);
			Workflow.checkAddMeasure(issueId, IssueStatus.valueOf((String) issueBefore.get("status")));
			if (owner != null) {
				tx.one(Edits.EDITS, "post", Map.of("id", owner), "Post", owner);
			}
			String id = (in.id() != null && !in.id().isBlank()) ? in.id().strip() : nextMeasureId(tx, issueId);
			if (!tx.run(F, "measure-exists", Map.of("id", id)).isEmpty()) {
				throw new EditRefusedException(409, "DUPLICATE_ID", "整改措施编号 " + id + " 已存在",
						"Measure " + id + " exists");
			}
			Map<String, Object> p = new HashMap<>();
			p.put("issueId", issueId);
			p.put("id", id);
			p.put("text", in.text().strip());
			p.put("due", in.due());
			p.put("ownerPostId", owner);
			tx.run(F, "create-measure", p);
			followMeasures(tx, issueId, issueBefore, today);
			created[0] = id;
			return new Change("Measure", id, "CREATE", null, measureState(tx, id));
		});
		return measure(created[0]);
	}

	public Map<String, Object> updateMeasure(String id, MeasurePatch patch) {
		Map<String, Object> current = measure(id);
		this.edits.edit((String) current.get("unitId"), false, (tx) -> {
			Map<String, Object> before = measureState(tx, id);
			checkVersion(patch.version(), before, "Measure", id);
			if (MeasureStatus.VERIFIED.name().equals(before.get("status"))) {
				throw EditRefusedException.illegal("整改措施 " + id + " 已验收通过，不能再修改", "Measure " + id + " is verified");
			}
			Map<String, Object> set = new HashMap<>();
			if (patch.text() != null) {
				set.put("text", patch.text().strip());
			}
			if (patch.due() != null) {
				set.put("due", patch.due());
			}
			tx.run(F, "update-measure", Map.of("id", id, "set", set));
			if (patch.ownerPostId() != null) {
				if (tx.run(F, "set-owner", Map.of("id", id, "postId", patch.ownerPostId())).isEmpty()) {
					throw EditRefusedException.unknown("Post", patch.ownerPostId());
				}
			}
			return new Change("Measure", id, "UPDATE", before, measureState(tx, id));
		});
		return measure(id);
	}

	/** A measure transition (start, submit, verify, return); the issue follows. */
	public Map<String, Object> transition(String id, Action action, TransitionInput in) {
		Map<String, Object> current = measure(id);
		String issueId = (String) current.get("issueId");
		LocalDate today = this.edits.today();
		String verifier = (action == Action.VERIFY) ? verifier(in) : null;
		boolean acceptance = action == Action.VERIFY || action == Action.RETURN;
		this.edits.edit((String) current.get("unitId"), acceptance, (tx) -> {
			Map<String, Object> before = measureState(tx, id);
			checkVersion(in.version(), before, "Measure", id);
			Map<String, Object> issueBefore = issueState(tx, issueId);
			Workflow.Measure m = new Workflow.Measure(id, MeasureStatus.valueOf((String) before.get("status")),
					(String) before.get("evidence"), (String) before.get("verifiedBy"), null,
					(String) before.get("returnReason"));
			Workflow.Measure after = Workflow.apply(m, action,
					new Workflow.Input(in.evidence(), verifier, today, in.reason()));
			if (action == Action.VERIFY) {
				tx.one(Edits.EDITS, "person", Map.of("id", verifier), "Person", verifier);
			}
			Map<String, Object> set = new HashMap<>();
			set.put("status", after.status().name());
			set.put("evidence", after.evidence());
			set.put("returnReason", after.returnReason());
			if (action == Action.VERIFY) {
				set.put("verifiedOn", today);
			}
			tx.run(F, "update-measure", Map.of("id", id, "set", set));
			if (action == Action.VERIFY) {
				tx.run(F, "set-verifier", Map.of("id", id, "personId", verifier));
			}
			followMeasures(tx, issueId, issueBefore, today);
			return new Change("Measure", id, action.name(), before, measureState(tx, id));
		});
		Map<String, Object> view = measure(id);
		view.put("issueStatus", issue(issueId).get("status"));
		return view;
	}

	// ---- helpers

	/**
	 * The default owner: the first entry of the issue's accountability resolution that
	 * names a post.
	 */
	String defaultOwner(String issueId) {
		AccountabilityService service = this.accountability.getIfAvailable();
		if (service == null) {
			return null;
		}
		return service.forIssue(issueId, this.datasets.asOf(null))
			.entries()
			.stream()
			.map(AccountabilityEntry::postId)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private String verifier(TransitionInput in) {
		if (in.verifierId() != null && !in.verifierId().isBlank()) {
			return in.verifierId().strip();
		}
		return this.edits.actor().personId().orElse(null);
	}

	/** Sets the issue's status (and closedOn) from its measures. */
	private void followMeasures(Edits.Tx tx, String issueId, Map<String, Object> issueBefore, LocalDate today) {
		List<MeasureStatus> statuses = measureStatuses(tx, issueId);
		IssueStatus before = IssueStatus.valueOf((String) issueBefore.get("status"));
		IssueStatus after = Workflow.issueStatus(statuses);
		LocalDate closedOn = Workflow.closedOn(before, after,
				(issueBefore.get("closedOn") instanceof String s) ? LocalDate.parse(s) : null, today);
		if (after != before
				|| !java.util.Objects.equals(String.valueOf(closedOn), String.valueOf(issueBefore.get("closedOn")))) {
			Map<String, Object> set = new HashMap<>();
			set.put("status", after.name());
			set.put("closedOn", closedOn);
			tx.run(F, "update-issue", Map.of("id", issueId, "set", set));
		}
	}

	private static List<MeasureStatus> measureStatuses(Edits.Tx tx, String issueId) {
		Map<String, Object> row = tx.one(F, "issue", Map.of("id", issueId), "Issue", issueId);
		List<MeasureStatus> statuses = new ArrayList<>();
		for (Object m : (List<?>) row.get("measures")) {
			statuses.add(MeasureStatus.valueOf((String) ((Map<?, ?>) m).get("status")));
		}
		return statuses;
	}

	private static String nextMeasureId(Edits.Tx tx, String issueId) {
		for (int n = 1;; n++) {
			String id = issueId + "-m" + n;
			if (tx.run(F, "measure-exists", Map.of("id", id)).isEmpty()) {
				return id;
			}
		}
	}

	static Map<String, Object> issueState(Edits.Tx tx, String id) {
		Map<String, Object> row = tx.one(F, "issue", Map.of("id", id), "Issue", id);
		Map<String, Object> state = Edits.plain(row.get("issue"));
		state.put("version", ((Number) state.getOrDefault("version", 0L)).longValue());
		state.put("unitId", row.get("unitId"));
		return state;
	}

	static Map<String, Object> measureState(Edits.Tx tx, String id) {
		Map<String, Object> row = tx.one(F, "measure", Map.of("id", id), "Measure", id);
		Map<String, Object> state = Edits.plain(row.get("measure"));
		state.put("version", ((Number) state.getOrDefault("version", 0L)).longValue());
		state.put("issueId", row.get("issueId"));
		return state;
	}

	private static void checkVersion(Long expected, Map<String, Object> current, String entity, String id) {
		if (expected != null && expected.longValue() != ((Number) current.get("version")).longValue()) {
			throw new EditRefusedException(409, "VERSION_CONFLICT",
					Workflow.entityZh(entity) + " " + id + " 已被他人修改（当前版本 " + current.get("version") + "），请刷新后重试",
					entity + " " + id + " was changed meanwhile (version " + current.get("version") + ")", current);
		}
	}

	private Map<String, Object> issueView(Map<String, Object> row) {
		Map<String, Object> view = new LinkedHashMap<>(Edits.plain(row.get("issue")));
		view.putIfAbsent("version", 0L);
		view.put("unitId", row.get("unitId"));
		view.put("unitName", row.get("unitName"));
		view.put("dutyId", row.get("dutyId"));
		List<Map<String, Object>> measures = new ArrayList<>();
		for (Object m : (List<?>) row.get("measures")) {
			Map<String, Object> mm = new LinkedHashMap<>(Edits.plain(m));
			mm.putIfAbsent("version", 0L);
			measures.add(mm);
		}
		view.put("measures", measures);
		return view;
	}

	private Map<String, Object> measureView(Map<String, Object> row) {
		Map<String, Object> view = new LinkedHashMap<>(Edits.plain(row.get("measure")));
		view.putIfAbsent("version", 0L);
		view.put("issueId", row.get("issueId"));
		view.put("unitId", row.get("unitId"));
		return view;
	}

	private static Map<String, Object> plainRow(Map<String, Object> row) {
		Map<String, Object> out = new LinkedHashMap<>();
		row.forEach((k, v) -> out.put(k, (v != null) ? Edits.plainValue(v) : null));
		return out;
	}

	static void require(String value, String field, String zh) {
		if (value == null || value.isBlank()) {
			throw EditRefusedException.missing(field, zh, field + " is required");
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static String code(Class<? extends Labeled> type, String value, String field, String zh) {
		require(value, field, "须填写" + zh);
		java.util.Optional<Object> parsed = Labeled.parse((Class) type, value);
		return parsed.map((e) -> ((Enum<?>) e).name())
			.orElseThrow(() -> new EditRefusedException(422, "UNKNOWN_ENUM", zh + "“" + value + "”无效",
					field + " '" + value + "' is not valid", Map.of("field", field)));
	}

}
