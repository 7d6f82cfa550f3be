package org.dutychain.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The active dataset and the scopes of analyses (数据集与范围). */
@Service
public class Datasets {

	private static final String FILE = "query/scope.cypher";

	/** The zone of {@link #today()}. */
	private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final Clock clock;

	public Datasets(Neo4jGraph graph, CypherFiles cypher, ObjectProvider<Clock> clock) {
		this.graph = graph;
		this.cypher = cypher;
		this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
	}

	/** The active dataset, or {@link DatasetInfo#none()}. */
	public DatasetInfo active() {
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(FILE, "active-dataset"), Map.of());
		if (rows.isEmpty()) {
			return DatasetInfo.none();
		}
		return DatasetInfo.fromRow(rows.get(0), "name", "asOf");
	}

	/**
	 * {@code asOf} if given; else, once the dataset was edited in the tool, today in
	 * Asia/Shanghai (issue 12); else the active dataset's; else today by the injected
	 * clock.
	 */
	public LocalDate asOf(LocalDate requested) {
		if (requested != null) {
			return requested;
		}
		DatasetInfo active = active();
		if (active.revision() > 0) {
			return today();
		}
		LocalDate own = active.asOf();
		return (own != null) ? own : clockToday();
	}

	/**
	 * Today in the injected clock's own zone: {@link #asOf} of a dataset without a date
	 * that was never edited.
	 */
	public LocalDate clockToday() {
		return LocalDate.now(this.clock);
	}

	/** Today in Asia/Shanghai by the injected clock (the date edits record). */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(SHANGHAI));
	}

	/**
	 * Level of every unit in the scope rooted at {@code unitId} (null = every unit of the
	 * generation), in id order.
	 * @throws UnknownUnitException when the unit is not in the dataset
	 */
	public Map<String, Integer> scopeLevels(long generation, String unitId) {
		List<Map<String, Object>> rows;
		if (unitId == null) {
			rows = this.graph.read(this.cypher.statement(FILE, "unit-levels"), Map.of("generation", generation));
		}
		else {
			requireUnit(generation, unitId);
			rows = this.graph.read(this.cypher.statement(FILE, "scope-levels"),
					Map.of("generation", generation, "unitId", unitId));
		}
		Map<String, Integer> levels = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			Object level = row.get("level");
			levels.put((String) row.get("id"), (level instanceof Number n) ? n.intValue() : 0);
		}
		return levels;
	}

	/**
	 * Number of nodes per label in a generation (the Dataset node itself not counted), in
	 * label order.
	 */
	public Map<String, Long> counts(long generation) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Map<String, Object> row : this.graph.read(this.cypher.statement("query/units.cypher", "counts"),
				Map.of("generation", generation))) {
			counts.put((String) row.get("label"), ((Number) row.get("count")).longValue());
		}
		return counts;
	}

	/**
	 * @throws UnknownUnitException when the active dataset has no unit with this id
	 */
	public void requireUnit(String unitId) {
		requireUnit(active().generation(), unitId);
	}

	/**
	 * @throws UnknownUnitException when the generation has no unit with this id
	 */
	public void requireUnit(long generation, String unitId) {
		if (this.graph
			.read(this.cypher.statement(FILE, "unit-exists"), Map.of("generation", generation, "unitId", unitId))
			.isEmpty()) {
			throw new UnknownUnitException(unitId);
		}
	}

}
