package org.dutychain.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.duty.Cadence;
import org.dutychain.duty.DutyDomain;
import org.dutychain.duty.DutyStatus;
import org.dutychain.ledger.Edits.Change;
import org.dutychain.record.AssistanceLevel;
import org.dutychain.record.FirstSecretaryKind;

import org.springframework.stereotype.Service;

/**
 * Edits of the organization data inside the tool (issue 12): appointments (任职, HOLDS),
 * duties (责任清单: create, edit, 一键分解 into DRAFT duties of every child with posts, 认领),
 * first secretaries (第一书记) and assistance (帮扶). Each is one {@link Edits#edit}
 * transaction with its change record; what it creates looks exactly like imported data.
 */
@Service
public class DataEdits {

	private static final String F = Edits.EDITS;

	private final Edits edits;

	DataEdits(Edits edits) {
		this.edits = edits;
	}

	/** An appointment: person holds post from since (until null = in office). */
	public record Appointment(String personId, LocalDate since, LocalDate until) {
	}

	/** A duty: post null = the team list. */
	public record DutyInput(String id, String unitId, String postId, String domain, String text, String derivedFrom,
			String cadence, LocalDate due, String status) {
	}

	/** Changes of a duty (null = unchanged). */
	public record DutyPatch(Long version, String text, String domain, String cadence, LocalDate due) {
	}

	/** A first-secretary posting. */
	public record FirstSecretary(String personId, String kind, String dispatchedBy, LocalDate since, LocalDate until) {
	}

	/** An assistance row: assistant a person or a unit. */
	public record Assistance(String assistantId, String level, LocalDate since, LocalDate until) {
	}

	// ---- appointments

	/** 任命: a new HOLDS of the post. */
	public Map<String, Object> appoint(String postId, Appointment in) {
		Ledger.require(in.personId(), "personId", "须指明人员");
		LocalDate since = (in.since() != null) ? in.since() : this.edits.today();
		checkPeriod(since, in.until());
		String unitId = unitOfPost(postId);
		String key = in.personId() + "/" + postId + "/" + since;
		return this.edits.edit(unitId, false, (tx) -> {
			tx.one(F, "person", Map.of("id", in.personId()), "Person", in.personId());
			List<Map<String, Object>> existing = tx.run(F, "holds",
					Map.of("personId", in.personId(), "postId", postId));
			if (existing.stream().anyMatch((h) -> since.equals(h.get("since")))) {
				throw new EditRefusedException(409, "DUPLICATE_ROW", "该任职记录已存在（同一人员、岗位、任职日期）",
						"This appointment exists");
			}
			Map<String, Object> p = new HashMap<>();
			p.put("personId", in.personId());
			p.put("postId", postId);
			p.put("since", since);
			p.put("until", in.until());
			tx.run(F, "appoint", p);
			return new Change("Appointment", key, "APPOINT", null, state(p));
		}).after();
	}

	/**
	 * 免职 / 离任: ends the person's open (or given) appointment to the post on {@code until}
	 * (default today).
	 */
	public Map<String, Object> endAppointment(String postId, Appointment in) {
		Ledger.require(in.personId(), "personId", "须指明人员");
		LocalDate until = (in.until() != null) ? in.until() : this.edits.today();
		String unitId = unitOfPost(postId);
		return this.edits.edit(unitId, false, (tx) -> {
			List<Map<String, Object>> holds = tx.run(F, "holds", Map.of("personId", in.personId(), "postId", postId));
			Map<String, Object> target = pick(holds, in.since(), "任职");
			LocalDate since = (LocalDate) target.get("since");
			checkPeriod(since, until);
			Map<String, Object> p = new HashMap<>();
			p.put("personId", in.personId());
			p.put("postId", postId);
			p.put("since", since);
			p.put("until", until);
			tx.run(F, "end-appointment", p);
			Map<String, Object> before = new HashMap<>(p);
			before.put("until", target.get("until"));
			return new Change("Appointment", in.personId() + "/" + postId + "/" + since, "END", state(before),
					state(p));
		}).after();
	}

	// ---- first secretaries

	public Map<String, Object> addFirstSecretary(String unitId, FirstSecretary in) {
		Ledger.require(in.personId(), "personId", "须指明人员");
		String kind = Ledger.code(FirstSecretaryKind.class, in.kind(), "kind", "第一书记类型");
		LocalDate since = (in.since() != null) ? in.since() : this.edits.today();
		checkPeriod(since, in.until());
		return this.edits.edit(unitId, false, (tx) -> {
			tx.one(F, "unit", Map.of("id", unitId), "Unit", unitId);
			tx.one(F, "person", Map.of("id", in.personId()), "Person", in.personId());
			if (in.dispatchedBy() != null) {
				tx.one(F, "unit", Map.of("id", in.dispatchedBy()), "Unit", in.dispatchedBy());
			}
			if (tx.run(F, "first-secretaries", Map.of("personId", in.personId(), "unitId", unitId))
				.stream()
				.anyMatch((r) -> since.equals(r.get("since")))) {
				throw new EditRefusedException(409, "DUPLICATE_ROW", "该第一书记记录已存在", "This posting exists");
			}
			Map<String, Object> p = new HashMap<>();
			p.put("personId", in.personId());
			p.put("unitId", unitId);
			p.put("kind", kind);
			p.put("dispatchedBy", in.dispatchedBy());
			p.put("since", since);
			p.put("until", in.until());
			tx.run(F, "add-first-secretary", p);
			return new Change("FirstSecretary", in.personId() + "/" + unitId + "/" + since, "CREATE", null, state(p));
		}).after();
	}

	public Map<String, Object> endFirstSecretary(String unitId, FirstSecretary in) {
		Ledger.require(in.personId(), "personId", "须指明人员");
		LocalDate until = (in.until() != null) ? in.until() : this.edits.today();
		return this.edits.edit(unitId, false, (tx) -> {
			Map<String, Object> target = pick(
					tx.run(F, "first-secretaries", Map.of("personId", in.personId(), "unitId", unitId)), in.since(),
					"第一书记");
			LocalDate since = (LocalDate) target.get("since");
			checkPeriod(since, until);
			Map<String, Object> p = new HashMap<>();
			p.put("personId", in.personId());
			p.put("unitId", unitId);
			p.put("since", since);
			p.put("until", until);
			tx.run(F, "end-first-secretary", p);
			Map<String, Object> before = new HashMap<>(p);
			before.put("until", target.get("until"));
			return new Change("FirstSecretary", in.personId() + "/" + unitId + "/" + since, "END", state(before),
					state(p));
		}).after();
	}

	// ---- assistance

	public Map<String, Object> addAssistance(String unitId, Assistance in) {
		Ledger.require(in.assistantId(), "assistantId", "须指明帮扶人或帮扶单位");
		String level = Ledger.code(AssistanceLevel.class, in.level(), "level", "帮扶层级");
		LocalDate since = (in.since() != null) ? in.since() : this.edits.today();
		checkPeriod(since, in.until());
		return this.edits.edit(unitId, false, (tx) -> {
			tx.one(F, "unit", Map.of("id", unitId), "Unit", unitId);
			tx.one(F, "assistant", Map.of("id", in.assistantId()), "Person", in.assistantId());
			Map<String, Object> p = new HashMap<>();
			p.put("assistantId", in.assistantId());
			p.put("unitId", unitId);
			p.put("level", level);
			p.put("since", since);
			p.put("until", in.until());
			if (tx.run(F, "assists", p).stream().anyMatch((r) -> since.equals(r.get("since")))) {
				throw new EditRefusedException(409, "DUPLICATE_ROW", "该帮扶记录已存在", "This assistance exists");
			}
			tx.run(F, "add-assistance", p);
			return new Change("Assistance", in.assistantId() + "/" + unitId + "/" + level + "/" + since, "CREATE", null,
					state(p));
		}).after();
	}

	public Map<String, Object> endAssistance(String unitId, Assistance in) {
		Ledger.require(in.assistantId(), "assistantId", "须指明帮扶人或帮扶单位");
		String level = Ledger.code(AssistanceLevel.class, in.level(), "level", "帮扶层级");
		LocalDate until = (in.until() != null) ? in.until() : this.edits.today();
		return this.edits.edit(unitId, false, (tx) -> {
			Map<String, Object> p = new HashMap<>();
			p.put("assistantId", in.assistantId());
			p.put("unitId", unitId);
			p.put("level", level);
			Map<String, Object> target = pick(tx.run(F, "assists", p), in.since(), "帮扶");
			LocalDate since = (LocalDate) target.get("since");
			checkPeriod(since, until);
			p.put("since", since);
			p.put("until", until);
			tx.run(F, "end-assistance", p);
			Map<String, Object> before = new HashMap<>(p);
			before.put("until", target.get("until"));
			return new Change("Assistance", in.assistantId() + "/" + unitId + "/" + level + "/" + since, "END",
					state(before), state(p));
		}).after();
	}

	// ---- duties

	public Map<String, Object> createDuty(DutyInput in) {
		Ledger.require(in.unitId(), "unitId", "须指明单位");
		Ledger.require(in.text(), "text", "须填写责任内容");
		String domain = Ledger.code(DutyDomain.class, in.domain(), "domain", "领域");
		String cadence = (in.cadence() != null) ? Ledger.code(Cadence.class, in.cadence(), "cadence", "频次") : null;
		String status = (in.status() != null) ? Ledger.code(DutyStatus.class, in.status(), "status", "状态") : null;
		String id = (in.id() != null && !in.id().isBlank()) ? in.id().strip()
				: "D-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		return this.edits.edit(in.unitId(), false, (tx) -> {
			tx.one(F, "unit", Map.of("id", in.unitId()), "Unit", in.unitId());
			if (in.postId() != null) {
				Map<String, Object> post = tx.one(F, "post", Map.of("id", in.postId()), "Post", in.postId());
				if (!in.unitId().equals(post.get("unitId"))) {
					throw new EditRefusedException(422, "POST_OF_OTHER_UNIT",
							"岗位 " + in.postId() + " 不属于单位 " + in.unitId(),
							"Post " + in.postId() + " is not a post of " + in.unitId(), Map.of("field", "postId"));
				}
			}
			if (in.derivedFrom() != null) {
				tx.one(F, "duty", Map.of("id", in.derivedFrom()), "Duty", in.derivedFrom());
			}
			Map<String, Object> p = dutyRow(id, in.unitId(), in.postId(), domain, in.text().strip(), in.derivedFrom(),
					cadence, in.due(), status);
			createDuty(tx, p);
			return new Change("Duty", id, "CREATE", null, dutyState(tx, id));
		}).after();
	}

	public Map<String, Object> updateDuty(String id, DutyPatch patch) {
		String unitId = unitOfDuty(id);
		Map<String, Object> set = new HashMap<>();
		if (patch.text() != null) {
			set.put("text", patch.text().strip());
		}
		if (patch.domain() != null) {
			set.put("domain", Ledger.code(DutyDomain.class, patch.domain(), "domain", "领域"));
		}
		if (patch.cadence() != null) {
			set.put("cadence", Ledger.code(Cadence.class, patch.cadence(), "cadence", "频次"));
		}
		if (patch.due() != null) {
			set.put("due", patch.due());
		}
		return this.edits.edit(unitId, false, (tx) -> {
			Map<String, Object> before = dutyState(tx, id);
			if (patch.version() != null
					&& patch.version().longValue() != ((Number) before.get("version")).longValue()) {
				throw new EditRefusedException(409, "VERSION_CONFLICT", "责任事项 " + id + " 已被他人修改，请刷新后重试",
						"Duty " + id + " was changed meanwhile", before);
			}
			tx.run(F, "update-duty", Map.of("id", id, "set", set));
			return new Change("Duty", id, "UPDATE", before, dutyState(tx, id));
		}).after();
	}

	/**
	 * 一键分解: a DRAFT team duty derived from the duty on every child (PRIMARY or DUAL) that
	 * has posts and holds no duty derived from it yet; id {@code <duty>@<child>}.
	 */
	public Map<String, Object> decompose(String dutyId) {
		String unitId = unitOfDuty(dutyId);
		return this.edits.edit(unitId, false, (tx) -> {
			Map<String, Object> duty = dutyState(tx, dutyId);
			List<String> created = new ArrayList<>();
			for (Map<String, Object> target : tx.run(F, "decompose-targets",
					Map.of("unitId", unitId, "dutyId", dutyId))) {
				if (Boolean.TRUE.equals(target.get("covered"))) {
					continue;
				}
				String child = (String) target.get("childId");
				String id = dutyId + "@" + child;
				if (!tx.run(F, "duty", Map.of("id", id)).isEmpty()) {
					continue;
				}
				createDuty(tx, dutyRow(id, child, null, (String) duty.get("domain"), (String) duty.get("text"), dutyId,
						(String) duty.get("cadence"), (duty.get("due") instanceof String d) ? LocalDate.parse(d) : null,
						DutyStatus.DRAFT.name()));
				created.add(id);
			}
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("dutyId", dutyId);
			after.put("created", created);
			return new Change("Duty", dutyId, "DECOMPOSE", null, after);
		}).after();
	}

	/** 认领: a DRAFT duty becomes CONFIRMED (asked of its own unit). */
	public Map<String, Object> confirm(String dutyId) {
		String unitId = unitOfDuty(dutyId);
		return this.edits.edit(unitId, false, (tx) -> {
			Map<String, Object> before = dutyState(tx, dutyId);
			if (!DutyStatus.DRAFT.name().equals(before.get("status"))) {
				throw EditRefusedException.illegal("责任事项 " + dutyId + " 不是待认领的草稿",
						"Duty " + dutyId + " is not a draft");
			}
			tx.run(F, "update-duty", Map.of("id", dutyId, "set", Map.of("status", DutyStatus.CONFIRMED.name())));
			return new Change("Duty", dutyId, "CONFIRM", before, dutyState(tx, dutyId));
		}).after();
	}

	// ---- reads for the page

	/**
	 * 待认领: the DRAFT duties of a unit (team list and its posts' lists) with the duty and
	 * unit they derive from.
	 */
	public List<Map<String, Object>> drafts(String unitId) {
		long generation = this.edits.active().generation();
		if (this.edits.read(F, "unit", Map.of("generation", generation, "id", unitId)).isEmpty()) {
			throw EditRefusedException.unknown("Unit", unitId);
		}
		return plainRows(this.edits.read(F, "drafts", Map.of("generation", generation, "unitId", unitId)));
	}

	/**
	 * Persons whose name or id contains the text, for the appointment and verifier
	 * fields.
	 */
	/**
	 * Persons by name or id; {@code unitIds} (null = no limit) limits them to those whose
	 * home unit is one of these units or who hold a post at one.
	 */
	public List<Map<String, Object>> people(String query, int limit, java.util.Collection<String> unitIds) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		long generation = this.edits.active().generation();
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("generation", generation);
		params.put("query", query.strip());
		params.put("limit", (long) limit);
		params.put("unitIds", (unitIds != null) ? List.copyOf(unitIds) : null);
		return plainRows(this.edits.read(F, "people", params));
	}

	private static List<Map<String, Object>> plainRows(List<Map<String, Object>> rows) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Map<String, Object> row : rows) {
			Map<String, Object> plain = new LinkedHashMap<>();
			row.forEach((k, v) -> plain.put(k, (v != null) ? Edits.plainValue(v) : null));
			out.add(plain);
		}
		return out;
	}

	// ---- helpers

	private static Map<String, Object> dutyRow(String id, String unitId, String postId, String domain, String text,
			String derivedFrom, String cadence, LocalDate due, String status) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("unitId", unitId);
		p.put("postId", postId);
		p.put("domain", domain);
		p.put("text", text);
		p.put("derivedFrom", derivedFrom);
		p.put("cadence", cadence);
		p.put("due", due);
		p.put("status", status);
		return p;
	}

	private static void createDuty(Edits.Tx tx, Map<String, Object> p) {
		if (!tx.run(F, "duty", Map.of("id", p.get("id"))).isEmpty()) {
			throw new EditRefusedException(409, "DUPLICATE_ID", "责任事项编号 " + p.get("id") + " 已存在",
					"Duty " + p.get("id") + " exists");
		}
		tx.run(F, (p.get("postId") != null) ? "create-post-duty" : "create-team-duty", p);
	}

	private static Map<String, Object> dutyState(Edits.Tx tx, String id) {
		Map<String, Object> row = tx.one(F, "duty", Map.of("id", id), "Duty", id);
		Map<String, Object> state = Edits.plain(row.get("duty"));
		state.put("version", ((Number) state.getOrDefault("version", 0L)).longValue());
		if (row.get("derivedFrom") != null) {
			state.put("derivedFrom", row.get("derivedFrom"));
		}
		return state;
	}

	private String unitOfPost(String postId) {
		return readOne("post", postId, "Post").get("unitId").toString();
	}

	private String unitOfDuty(String dutyId) {
		Map<String, Object> duty = Edits.plain(readOne("duty", dutyId, "Duty").get("duty"));
		return (String) duty.get("unitId");
	}

	private Map<String, Object> readOne(String statement, String id, String entity) {
		long generation = this.edits.active().generation();
		List<Map<String, Object>> rows = this.edits.read(F, statement, Map.of("generation", generation, "id", id));
		if (rows.isEmpty()) {
			throw EditRefusedException.unknown(entity, id);
		}
		return rows.get(0);
	}

	/** The row with the given since, else the open one (until null), else the latest. */
	private static Map<String, Object> pick(List<Map<String, Object>> rows, LocalDate since, String what) {
		if (rows.isEmpty()) {
			throw new EditRefusedException(404, "UNKNOWN_ENTITY", "没有这条" + what + "记录", "No such " + what + " row");
		}
		if (since != null) {
			return rows.stream()
				.filter((r) -> since.equals(r.get("since")))
				.findFirst()
				.orElseThrow(() -> new EditRefusedException(404, "UNKNOWN_ENTITY", "没有自 " + since + " 起的" + what + "记录",
						"No " + what + " row since " + since));
		}
		return rows.stream().filter((r) -> r.get("until") == null).findFirst().orElse(rows.get(rows.size() - 1));
	}

	private static void checkPeriod(LocalDate since, LocalDate until) {
		if (until != null && since != null && until.isBefore(since)) {
			throw new EditRefusedException(422, "UNTIL_BEFORE_SINCE", "结束日期 " + until + " 早于开始日期 " + since,
					"until " + until + " is before since " + since, Map.of("field", "until"));
		}
	}

	private static Map<String, Object> state(Map<String, Object> p) {
		Map<String, Object> out = new java.util.TreeMap<>();
		p.forEach((k, v) -> {
			if (v != null) {
				out.put(k, Edits.plainValue(v));
			}
		});
		return out;
	}

}
