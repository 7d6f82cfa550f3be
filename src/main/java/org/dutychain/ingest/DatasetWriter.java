package org.dutychain.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.Progress;
import org.dutychain.organization.LeadKind;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.FileFormat;
import org.dutychain.record.GradingScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a validated dataset as one new generation, in parameterized UNWIND batches of
 * the statements under {@code cypher/ingest/} (labels and types are fixed there; nothing
 * here builds Cypher). Rows are handed over with camelCase keys ({@code parent_id} →
 * {@code parentId}), plus the derived ids of gradings and personnel events.
 */
final class DatasetWriter {

	static final int BATCH = 5000;

	private static final int PROGRESS_EVERY = 10_000;

	private static final Logger log = LoggerFactory.getLogger(DatasetWriter.class);

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final long generation;

	private long written;

	private long nextProgress = PROGRESS_EVERY;

	private final Progress progress;

	private final long total;

	DatasetWriter(Neo4jGraph graph, CypherFiles cypher, long generation, Progress progress, long total) {
		this.progress = progress;
		this.total = total;
		this.graph = graph;
		this.cypher = cypher;
		this.generation = generation;
	}

	/** Writes every file; returns the rows written per file name. */
	Map<String, Integer> write(ValidDataset data) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		List<Map<String, Object>> units = camel(data.rows(DatasetFormat.UNITS));
		run("ingest/units.cypher", "units", units);
		List<Map<String, Object>> leads = new ArrayList<>();
		for (Map<String, Object> unit : units) {
			if (unit.get("parentId") != null) {
				leads.add(lead(unit.get("parentId"), unit.get("id"), LeadKind.PRIMARY.name()));
			}
		}
		List<Map<String, Object>> leadership = camel(data.rows(DatasetFormat.LEADERSHIP));
		for (Map<String, Object> row : leadership) {
			leads.add(lead(row.get("leaderId"), row.get("unitId"), row.get("kind")));
		}
		run("ingest/units.cypher", "leads", leads);
		count(counts, data, DatasetFormat.UNITS);
		count(counts, data, DatasetFormat.LEADERSHIP);

		run("ingest/people.cypher", "post-kinds", postKinds(data));
		counts.put(DatasetFormat.POST_KINDS.name(), postKinds(data).size());
		run("ingest/people.cypher", "people", camel(data.rows(DatasetFormat.PEOPLE)));
		run("ingest/people.cypher", "posts", camel(data.rows(DatasetFormat.POSTS)));
		run("ingest/people.cypher", "appointments", camel(data.rows(DatasetFormat.APPOINTMENTS)));
		count(counts, data, DatasetFormat.PEOPLE);
		count(counts, data, DatasetFormat.POSTS);
		count(counts, data, DatasetFormat.APPOINTMENTS);

		List<Map<String, Object>> duties = camel(data.rows(DatasetFormat.DUTIES));
		run("ingest/duties.cypher", "team-duties", duties.stream().filter((d) -> d.get("postId") == null).toList());
		run("ingest/duties.cypher", "post-duties", duties.stream().filter((d) -> d.get("postId") != null).toList());
		run("ingest/duties.cypher", "derived-from",
				duties.stream().filter((d) -> d.get("derivedFrom") != null).toList());
		count(counts, data, DatasetFormat.DUTIES);

		run("ingest/records.cypher", "first-secretaries", camel(data.rows(DatasetFormat.FIRST_SECRETARIES)));
		Set<Object> unitIds = new HashSet<>();
		units.forEach((u) -> unitIds.add(u.get("id")));
		List<Map<String, Object>> assistance = camel(data.rows(DatasetFormat.ASSISTANCE));
		run("ingest/records.cypher", "unit-assists",
				assistance.stream().filter((a) -> unitIds.contains(a.get("assistantId"))).toList());
		run("ingest/records.cypher", "person-assists",
				assistance.stream().filter((a) -> !unitIds.contains(a.get("assistantId"))).toList());
		List<Map<String, Object>> activities = camel(data.rows(DatasetFormat.ACTIVITIES));
		activities.forEach((a) -> a.putIfAbsent("count", 1L));
		run("ingest/records.cypher", "activities", activities);
		List<Map<String, Object>> gradings = camel(data.rows(DatasetFormat.GRADINGS));
		for (Map<String, Object> g : gradings) {
			g.put("id", gradingId(g));
			if (!GradingScheme.SECRETARY_REVIEW.name().equals(g.get("scheme"))) {
				g.remove("personId");
			}
			g.putIfAbsent("problems", List.of());
		}
		run("ingest/records.cypher", "gradings", gradings);
		run("ingest/records.cypher", "issues", camel(data.rows(DatasetFormat.ISSUES)));
		run("ingest/records.cypher", "supervisions", camel(data.rows(DatasetFormat.SUPERVISIONS)));
		List<Map<String, Object>> events = camel(data.rows(DatasetFormat.PERSONNEL_EVENTS));
		events.forEach((e) -> e.put("id", "E:" + e.get("personId") + ":" + e.get("date") + ":" + e.get("kind")));
		run("ingest/records.cypher", "personnel-events", events);
		run("ingest/measures.cypher", "measures", camel(data.rows(DatasetFormat.MEASURES)));
		for (FileFormat format : List.of(DatasetFormat.FIRST_SECRETARIES, DatasetFormat.ASSISTANCE,
				DatasetFormat.ACTIVITIES, DatasetFormat.GRADINGS, DatasetFormat.ISSUES, DatasetFormat.SUPERVISIONS,
				DatasetFormat.PERSONNEL_EVENTS, DatasetFormat.MEASURES)) {
			count(counts, data, format);
		}
		return counts;
	}

	/** {@code G:<unit_id>:<person_id or ->:<year>:<scheme>} (design.md section 2). */
	static String gradingId(Map<String, Object> g) {
		Object person = g.get("personId");
		return "G:" + g.get("unitId") + ":" + ((person != null) ? person : "-") + ":" + g.get("year") + ":"
				+ g.get("scheme");
	}

	private List<Map<String, Object>> postKinds(ValidDataset data) {
		if (data.rows().containsKey(DatasetFormat.POST_KINDS) && !data.rows(DatasetFormat.POST_KINDS).isEmpty()) {
			List<Map<String, Object>> kinds = camel(data.rows(DatasetFormat.POST_KINDS));
			kinds.forEach((k) -> {
				k.putIfAbsent("requiredIn", List.of());
				k.putIfAbsent("domains", List.of());
			});
			return kinds;
		}
		return defaultPostKinds("requiredIn");
	}

	/**
	 * The default post kinds (design.md §2) as rows; {@code requiredInKey} names the
	 * column of the unit kinds that require the post ({@code requiredIn} for the graph,
	 * {@code required_in} for the bulk files).
	 */
	static List<Map<String, Object>> defaultPostKinds(String requiredInKey) {
		List<Map<String, Object>> kinds = new ArrayList<>();
		for (DatasetFormat.DefaultPostKind kind : DatasetFormat.DEFAULT_POST_KINDS) {
			Map<String, Object> row = new HashMap<>();
			row.put("key", kind.key());
			row.put("name", kind.name());
			row.put("responsibility", kind.responsibility().name());
			row.put(requiredInKey, kind.requiredIn().stream().map(Enum::name).toList());
			row.put("domains", kind.domains().stream().map(Enum::name).toList());
			kinds.add(row);
		}
		return kinds;
	}

	private static Map<String, Object> lead(Object leader, Object unit, Object kind) {
		Map<String, Object> row = new HashMap<>();
		row.put("leaderId", leader);
		row.put("unitId", unit);
		row.put("kind", kind);
		return row;
	}

	private static void count(Map<String, Integer> counts, ValidDataset data, FileFormat format) {
		if (data.rows().containsKey(format)) {
			counts.put(format.name(), data.rows(format).size());
		}
	}

	/** Rows with camelCase keys, as the statements expect. */
	static List<Map<String, Object>> camel(List<Map<String, Object>> rows) {
		List<Map<String, Object>> out = new ArrayList<>(rows.size());
		for (Map<String, Object> row : rows) {
			Map<String, Object> m = new HashMap<>();
			row.forEach((k, v) -> m.put(camel(k), v));
			out.add(m);
		}
		return out;
	}

	static String camel(String snake) {
		StringBuilder b = new StringBuilder(snake.length());
		boolean upper = false;
		for (char c : snake.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				b.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return b.toString();
	}

	private void run(String file, String statement, List<Map<String, Object>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		String text = this.cypher.statement(file, statement);
		for (int from = 0; from < rows.size(); from += BATCH) {
			List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
			this.graph.write(text, Map.of("generation", this.generation, "rows", batch));
			this.written += batch.size();
			this.progress.report("write", Math.min(this.written, this.total), this.total);
			if (this.written >= this.nextProgress) {
				log.info("Import generation {}: {} rows written ({} {})", this.generation, this.written, statement,
						Math.min(rows.size(), from + BATCH) + "/" + rows.size());
				this.nextProgress += PROGRESS_EVERY;
			}
		}
	}

}
