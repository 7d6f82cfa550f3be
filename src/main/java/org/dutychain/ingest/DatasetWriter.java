package org.dutychain.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

	/**
	 * Writes every file, streaming its rows from the source in batches (a file may be
	 * read more than once: the LEADS edges need every unit written first, DERIVED_FROM
	 * every duty); returns the rows written per file name.
	 */
	Map<String, Integer> write(ValidDataset data) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		try (Batch units = batch("ingest/units.cypher", "units")) {
			data.forEach(DatasetFormat.UNITS, (u) -> units.add(camel(u)));
		}
		try (Batch leads = batch("ingest/units.cypher", "leads")) {
			data.forEach(DatasetFormat.UNITS, (u) -> {
				if (u.get("parent_id") != null) {
					leads.add(lead(u.get("parent_id"), u.get("id"), LeadKind.PRIMARY.name()));
				}
			});
			data.forEach(DatasetFormat.LEADERSHIP,
					(row) -> leads.add(lead(row.get("leader_id"), row.get("unit_id"), row.get("kind"))));
		}
		count(counts, data, DatasetFormat.UNITS);
		count(counts, data, DatasetFormat.LEADERSHIP);

		List<Map<String, Object>> postKinds = postKinds(data);
		try (Batch kinds = batch("ingest/people.cypher", "post-kinds")) {
			postKinds.forEach(kinds::add);
		}
		counts.put(DatasetFormat.POST_KINDS.name(), postKinds.size());
		write(data, DatasetFormat.PEOPLE, "ingest/people.cypher", "people");
		write(data, DatasetFormat.POSTS, "ingest/people.cypher", "posts");
		write(data, DatasetFormat.APPOINTMENTS, "ingest/people.cypher", "appointments");
		count(counts, data, DatasetFormat.PEOPLE);
		count(counts, data, DatasetFormat.POSTS);
		count(counts, data, DatasetFormat.APPOINTMENTS);

		try (Batch team = batch("ingest/duties.cypher", "team-duties");
				Batch personal = batch("ingest/duties.cypher", "post-duties")) {
			data.forEach(DatasetFormat.DUTIES, (d) -> ((d.get("post_id") == null) ? team : personal).add(camel(d)));
		}
		try (Batch derived = batch("ingest/duties.cypher", "derived-from")) {
			data.forEach(DatasetFormat.DUTIES, (d) -> {
				if (d.get("derived_from") != null) {
					derived.add(camel(d));
				}
			});
		}
		count(counts, data, DatasetFormat.DUTIES);

		write(data, DatasetFormat.FIRST_SECRETARIES, "ingest/records.cypher", "first-secretaries");
		try (Batch byUnit = batch("ingest/records.cypher", "unit-assists");
				Batch byPerson = batch("ingest/records.cypher", "person-assists")) {
			data.forEach(DatasetFormat.ASSISTANCE, (a) -> {
				Object assistant = a.get("assistant_id");
				((assistant instanceof String id && data.isUnit(id)) ? byUnit : byPerson).add(camel(a));
			});
		}
		try (Batch activities = batch("ingest/records.cypher", "activities")) {
			data.forEach(DatasetFormat.ACTIVITIES, (a) -> {
				Map<String, Object> row = camel(a);
				row.putIfAbsent("count", 1L);
				activities.add(row);
			});
		}
		try (Batch gradings = batch("ingest/records.cypher", "gradings")) {
			data.forEach(DatasetFormat.GRADINGS, (row) -> {
				Map<String, Object> g = camel(row);
				g.put("id", gradingId(g));
				if (!GradingScheme.SECRETARY_REVIEW.name().equals(g.get("scheme"))) {
					g.remove("personId");
				}
				// no problems: no property (as the bulk importer writes it; readers
				// take a missing list as empty)
				if (g.get("problems") instanceof List<?> problems && problems.isEmpty()) {
					g.remove("problems");
				}
				gradings.add(g);
			});
		}
		write(data, DatasetFormat.ISSUES, "ingest/records.cypher", "issues");
		write(data, DatasetFormat.SUPERVISIONS, "ingest/records.cypher", "supervisions");
		try (Batch events = batch("ingest/records.cypher", "personnel-events")) {
			data.forEach(DatasetFormat.PERSONNEL_EVENTS, (row) -> {
				Map<String, Object> e = camel(row);
				e.put("id", "E:" + e.get("personId") + ":" + e.get("date") + ":" + e.get("kind"));
				events.add(e);
			});
		}
		write(data, DatasetFormat.MEASURES, "ingest/measures.cypher", "measures");
		for (FileFormat format : List.of(DatasetFormat.FIRST_SECRETARIES, DatasetFormat.ASSISTANCE,
				DatasetFormat.ACTIVITIES, DatasetFormat.GRADINGS, DatasetFormat.ISSUES, DatasetFormat.SUPERVISIONS,
				DatasetFormat.PERSONNEL_EVENTS, DatasetFormat.MEASURES)) {
			count(counts, data, format);
		}
		return counts;
	}

	/** Every row of {@code format} with camelCase keys, through one statement. */
	private void write(ValidDataset data, FileFormat format, String file, String statement) {
		try (Batch batch = batch(file, statement)) {
			data.forEach(format, (row) -> batch.add(camel(row)));
		}
	}

	private Batch batch(String file, String statement) {
		return new Batch(file, statement);
	}

	/**
	 * Rows of one statement, written {@link #BATCH} at a time (the rest when closed).
	 */
	private final class Batch implements AutoCloseable {

		private final String file;

		private final String statement;

		private String text;

		private List<Map<String, Object>> rows = new ArrayList<>();

		private long done;

		Batch(String file, String statement) {
			this.file = file;
			this.statement = statement;
		}

		void add(Map<String, Object> row) {
			this.rows.add(row);
			if (this.rows.size() >= BATCH) {
				flush();
			}
		}

		private void flush() {
			if (this.rows.isEmpty()) {
				return;
			}
			if (this.text == null) {
				this.text = DatasetWriter.this.cypher.statement(this.file, this.statement);
			}
			DatasetWriter.this.graph.write(this.text,
					Map.of("generation", DatasetWriter.this.generation, "rows", this.rows));
			this.done += this.rows.size();
			written(this.statement, this.rows.size(), this.done);
			this.rows = new ArrayList<>();
		}

		@Override
		public void close() {
			flush();
		}

	}

	/** {@code G:<unit_id>:<person_id or ->:<year>:<scheme>} (design.md section 2). */
	static String gradingId(Map<String, Object> g) {
		Object person = g.get("personId");
		return "G:" + g.get("unitId") + ":" + ((person != null) ? person : "-") + ":" + g.get("year") + ":"
				+ g.get("scheme");
	}

	private List<Map<String, Object>> postKinds(ValidDataset data) {
		if (data.count(DatasetFormat.POST_KINDS) > 0) {
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
		if (data.has(format)) {
			counts.put(format.name(), (int) data.count(format));
		}
	}

	/** Rows with camelCase keys, as the statements expect. */
	static List<Map<String, Object>> camel(List<Map<String, Object>> rows) {
		List<Map<String, Object>> out = new ArrayList<>(rows.size());
		for (Map<String, Object> row : rows) {
			out.add(camel(row));
		}
		return out;
	}

	/** A row with camelCase keys. */
	static Map<String, Object> camel(Map<String, Object> row) {
		Map<String, Object> m = new HashMap<>();
		row.forEach((k, v) -> m.put(camel(k), v));
		return m;
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

	private void written(String statement, int rows, long done) {
		this.written += rows;
		this.progress.report("write", Math.min(this.written, this.total), this.total);
		if (this.written >= this.nextProgress) {
			log.info("Import generation {}: {} rows written ({} {})", this.generation, this.written, statement, done);
			this.nextProgress += PROGRESS_EVERY;
		}
	}

}
