package org.dutychain.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;

import org.springframework.stereotype.Service;

/**
 * The responsibility lists of a unit (责任清单查询): the team list and every post's personal
 * list, grouped by the eight domains. Statements: {@code cypher/query/duties.cypher}.
 */
@Service
public class DutyLists {

	private static final String FILE = "query/duties.cypher";

	private static final List<String> ALL_DOMAINS = Arrays.stream(DutyDomain.values()).map(Enum::name).toList();

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	public DutyLists(Neo4jGraph graph, CypherFiles cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	/**
	 * The team list (一班子一清单); a team answers for all eight domains, so every empty one is
	 * blank.
	 */
	public DomainList teamList(long generation, String unitId) {
		List<DutyItem> items = this.graph
			.read(this.cypher.statement(FILE, "team-list"), Map.of("generation", generation, "unitId", unitId))
			.stream()
			.map(DutyLists::item)
			.toList();
		return DomainList.of(items, ALL_DOMAINS);
	}

	/**
	 * Each post's personal list, by post id; a post without items is included with every
	 * domain blank.
	 */
	public List<PersonalList> personalLists(long generation, String unitId) {
		List<PersonalList> lists = new ArrayList<>();
		for (Map<String, Object> row : this.graph.read(this.cypher.statement(FILE, "personal-lists"),
				Map.of("generation", generation, "unitId", unitId))) {
			List<String> domains = strings(row.get("domains"));
			List<DutyItem> items = new ArrayList<>();
			for (Object d : (Collection<?>) row.get("duties")) {
				@SuppressWarnings("unchecked")
				Map<String, Object> m = (Map<String, Object>) d;
				items.add(item(m));
			}
			items.sort(
					java.util.Comparator.comparing(DutyItem::domain, java.util.Comparator.nullsLast(String::compareTo))
						.thenComparing(DutyItem::id));
			lists.add(new PersonalList((String) row.get("postId"), (String) row.get("title"), domains,
					DomainList.of(items, domains)));
		}
		return lists;
	}

	private static DutyItem item(Map<String, Object> row) {
		return new DutyItem((String) row.get("id"), (String) row.get("domain"), (String) row.get("text"),
				(String) row.get("cadence"), (LocalDate) row.get("due"), strings(row.get("derivedFrom")));
	}

	private static List<String> strings(Object o) {
		return (o instanceof Collection<?> c)
				? c.stream().filter(java.util.Objects::nonNull).map(String::valueOf).toList() : List.of();
	}

}
