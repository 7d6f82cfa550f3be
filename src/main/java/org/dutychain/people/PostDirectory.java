package org.dutychain.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Labeled;
import org.dutychain.config.Neo4jGraph;

import org.springframework.stereotype.Service;

/**
 * Posts of a unit and who holds them on a date (岗位与任职查询). Statements:
 * {@code cypher/query/posts.cypher}.
 */
@Service
public class PostDirectory {

	private static final String FILE = "query/posts.cypher";

	private static final Comparator<PostHolder> BY_SINCE = Comparator
		.comparing(PostHolder::since, Comparator.nullsFirst(Comparator.naturalOrder()))
		.thenComparing(PostHolder::personId);

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	public PostDirectory(Neo4jGraph graph, CypherFiles cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	/**
	 * The unit's posts, PRINCIPAL first, then DIRECT, IMPORTANT, SUPERVISORY, then by
	 * post id.
	 */
	public List<PostHolding> posts(long generation, String unitId, LocalDate asOf) {
		List<PostHolding> posts = new ArrayList<>();
		for (Map<String, Object> row : this.graph.read(this.cypher.statement(FILE, "unit-posts"),
				Map.of("generation", generation, "unitId", unitId, "asOf", asOf))) {
			List<PostHolder> holders = new ArrayList<>();
			for (Object h : (Collection<?>) row.get("holders")) {
				Map<?, ?> m = (Map<?, ?>) h;
				holders.add(new PostHolder((String) m.get("personId"), (String) m.get("name"), (String) m.get("title"),
						(LocalDate) m.get("since"), (LocalDate) m.get("until")));
			}
			holders.sort(BY_SINCE);
			String responsibility = (String) row.get("responsibility");
			List<String> domains = ((Collection<?>) row.get("domains")).stream().map(String::valueOf).toList();
			posts.add(new PostHolding((String) row.get("postId"), (String) row.get("kind"),
					(String) row.get("kindName"), (String) row.get("title"), responsibility,
					Labeled.parse(ResponsibilityKind.class, responsibility).map(Labeled::zh).orElse(null), domains,
					holders.isEmpty() ? null : holders.get(0), holders));
		}
		return posts;
	}

	/**
	 * Names of the current PRINCIPAL post holders (书记) of each unit at asOf; units
	 * without one are absent.
	 */
	public Map<String, List<String>> principalHolders(long generation, List<String> unitIds, LocalDate asOf) {
		Map<String, List<String>> holders = new java.util.LinkedHashMap<>();
		for (Map<String, Object> row : this.graph.read(this.cypher.statement(FILE, "principal-holders"),
				Map.of("generation", generation, "unitIds", unitIds, "asOf", asOf))) {
			holders.put((String) row.get("unitId"),
					((List<?>) row.get("names")).stream().map(String::valueOf).toList());
		}
		return holders;
	}

}
