package org.dutychain.ledger;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.organization.DatasetEdited;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The one place every edit goes through: refuses while an import runs (409 正在导入数据，暂不能修改),
 * asks the {@link EditAuthority} about the unit, then runs the edit in one write
 * transaction on the active generation together with its change record (actor from the
 * {@link ActorProvider}, before and after as JSON), its audit log entry ({@link EditLog})
 * and the increment of the Dataset's revision. A refusal thrown by the edit rolls
 * everything back; a committed edit is announced as {@link DatasetEdited} (the views'
 * audit of the new revision starts in the background).
 */
@Service
public class Edits {

	static final String ISSUES = "ledger/issues.cypher";

	static final String EDITS = "ledger/edits.cypher";

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final Datasets datasets;

	private final EditAuthority authority;

	private final ActorProvider actor;

	private final ObjectProvider<DatasetImporter> importer;

	private final EditLog editLog;

	private final ObjectMapper json;

	private final ApplicationEventPublisher events;

	Edits(Neo4jGraph graph, CypherFiles cypher, Datasets datasets, EditAuthority authority, ActorProvider actor,
			ObjectProvider<DatasetImporter> importer, ObjectMapper json, EditLog editLog,
			ApplicationEventPublisher events) {
		this.graph = graph;
		this.cypher = cypher;
		this.datasets = datasets;
		this.authority = authority;
		this.actor = actor;
		this.importer = importer;
		this.json = json;
		this.editLog = editLog;
		this.events = events;
	}

	/**
	 * What an edit did.
	 *
	 * @param entity Issue, Measure, Appointment, Duty, FirstSecretary, Assistance
	 * @param entityId its id (a composite one for relationships, e.g.
	 * {@code person/post/since})
	 * @param action CREATE, UPDATE, START, SUBMIT, VERIFY, RETURN, LOOK_BACK, APPOINT,
	 * END, DECOMPOSE, CONFIRM …
	 * @param before state before (null for a creation)
	 * @param after state after
	 */
	public record Change(String entity, String entityId, String action, Map<String, Object> before,
			Map<String, Object> after) {
	}

	/** The statements of one edit's transaction, with the generation filled in. */
	public final class Tx {

		private final Neo4jGraph.Tx tx;

		private final long generation;

		Tx(Neo4jGraph.Tx tx, long generation) {
			this.tx = tx;
			this.generation = generation;
		}

		public long generation() {
			return this.generation;
		}

		public List<Map<String, Object>> run(String file, String statement, Map<String, Object> params) {
			Map<String, Object> p = new java.util.HashMap<>(params);
			p.put("generation", this.generation);
			return this.tx.run(Edits.this.cypher.statement(file, statement), p);
		}

		/** The first row, or a 404 naming the entity. */
		public Map<String, Object> one(String file, String statement, Map<String, Object> params, String entity,
				String id) {
			List<Map<String, Object>> rows = run(file, statement, params);
			if (rows.isEmpty()) {
				throw EditRefusedException.unknown(entity, id);
			}
			return rows.get(0);
		}

	}

	/** The active generation (404-like refusal when nothing is imported). */
	public DatasetInfo active() {
		DatasetInfo active = this.datasets.active();
		if (!active.present()) {
			throw new EditRefusedException(409, "NO_DATASET", "尚未导入数据集，不能修改", "No dataset is imported");
		}
		return active;
	}

	/** Today in Asia/Shanghai: the date transitions record. */
	public LocalDate today() {
		return this.datasets.today();
	}

	public ActorProvider actor() {
		return this.actor;
	}

	/**
	 * Runs an edit of a unit's data.
	 * @param unitId the unit the authority is asked about
	 * @param verify whether it is an acceptance (VERIFY / RETURN), asked with
	 * {@link EditAuthority#mayVerify}
	 * @param work the edit: statements through {@link Tx}, returning what it did
	 * @return the change, as recorded
	 */
	public Change edit(String unitId, boolean verify, Function<Tx, Change> work) {
		DatasetImporter running = this.importer.getIfAvailable();
		if (running != null && running.importing()) {
			throw new EditRefusedException(409, "IMPORT_RUNNING", "正在导入数据，暂不能修改",
					"An import is running; edits are refused until it ends");
		}
		boolean allowed = verify ? this.authority.mayVerify(unitId) : this.authority.mayEdit(unitId);
		if (!allowed) {
			throw new EditRefusedException(403, "FORBIDDEN", verify ? "无权验收本单位的整改（不能自己验收自己）" : "无权修改该单位的数据",
					verify ? "You may not accept this unit's rectification" : "You may not edit this unit's data");
		}
		long generation = active().generation();
		Change done = this.graph.inTransaction((tx) -> {
			Change change = work.apply(new Tx(tx, generation));
			Map<String, Object> params = new java.util.HashMap<>();
			params.put("actor", this.actor.actor());
			params.put("entity", change.entity());
			params.put("entityId", change.entityId());
			params.put("action", change.action());
			params.put("before", toJson(change.before()));
			params.put("after", toJson(change.after()));
			params.put("unitId", unitId);
			tx.run(this.cypher.statement(ISSUES, "record-change"), params);
			this.editLog.edited(tx, unitId, change);
			return change;
		});
		this.events.publishEvent(new DatasetEdited(generation, unitId));
		return done;
	}

	/** A read outside any edit. */
	List<Map<String, Object>> read(String file, String statement, Map<String, Object> params) {
		return this.graph.read(this.cypher.statement(file, statement), params);
	}

	/** The change records of an entity (null = all), newest first. */
	public List<Map<String, Object>> changes(String entity, String id, int limit) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("entity", entity);
		params.put("id", id);
		params.put("limit", limit);
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(ISSUES, "changes"), params);
		return rows.stream().map((row) -> {
			Map<String, Object> r = new LinkedHashMap<>(row);
			r.put("before", fromJson(row.get("before")));
			r.put("after", fromJson(row.get("after")));
			return (Map<String, Object>) r;
		}).toList();
	}

	/** A node's properties as plain JSON-able values, without the generation. */
	public static Map<String, Object> plain(Object properties) {
		Map<String, Object> out = new TreeMap<>();
		if (properties instanceof Map<?, ?> map) {
			map.forEach((k, v) -> {
				if (!"generation".equals(k) && v != null) {
					out.put(String.valueOf(k), plainValue(v));
				}
			});
		}
		return out;
	}

	static Object plainValue(Object v) {
		if (v instanceof LocalDate || v instanceof TemporalAccessor) {
			return v.toString();
		}
		if (v instanceof Collection<?> c) {
			return c.stream().map(Edits::plainValue).toList();
		}
		if (v instanceof Map<?, ?> m) {
			Map<String, Object> out = new LinkedHashMap<>();
			m.forEach((k, x) -> out.put(String.valueOf(k), (x != null) ? plainValue(x) : null));
			return out;
		}
		return v;
	}

	private String toJson(Map<String, Object> state) {
		if (state == null) {
			return null;
		}
		try {
			return this.json.writeValueAsString(plainValue(state));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Object fromJson(Object text) {
		if (!(text instanceof String s)) {
			return null;
		}
		try {
			return this.json.readValue(s, Map.class);
		}
		catch (JsonProcessingException ex) {
			return s;
		}
	}

}
