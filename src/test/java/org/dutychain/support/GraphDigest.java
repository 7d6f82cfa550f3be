package org.dutychain.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.dutychain.config.Neo4jGraph;

/**
 * A canonical fingerprint of the whole graph: node counts per label, relationship counts
 * per type, and a SHA-256 over a sorted dump of every node (labels + properties) and
 * relationship (type, both end nodes, properties). The properties {@code generation} and
 * {@code importedAt} are left out, so two imports of the same dataset compare equal; and
 * so are system data (users, the audit log, change records, snapshots, the bookkeeping
 * nodes Counter and GenerationLease, design.md section 7) and the edit counters
 * {@code revision} and {@code version}, so that a dataset edited in the tool compares
 * equal to the import of its export. A grading's empty {@code problems} list counts as no
 * list: both loaders leave it out when there are none (Neo4j's bulk importer cannot write
 * an empty list; readers take a missing one as empty), a store written before that holds
 * an empty list, and both read the same.
 *
 * @param nodes node count per label combination (e.g. {@code Unit} → 16)
 * @param relationships relationship count per type
 * @param sha256 hash of the canonical dump
 * @param lines the number of lines in the dump
 */
public record GraphDigest(Map<String, Long> nodes, Map<String, Long> relationships, String sha256, int lines) {

	private static final Set<String> IGNORED = Set.of("generation", "importedAt", "revision", "version");

	public static GraphDigest of(Neo4jGraph graph) {
		List<String> dump = new ArrayList<>();
		Map<String, Long> nodes = new TreeMap<>();
		Map<String, Long> relationships = new TreeMap<>();
		// system data (counters, leases, users, the audit log, change records, snapshots)
		// is
		// outside
		// the digest (issue 9)
		graph.stream(
				"MATCH (n) WHERE NOT (n:Counter OR n:GenerationLease OR n:User OR n:AuditEntry OR n:ChangeRecord OR n:Snapshot OR n:Secret) RETURN labels(n) AS labels, properties(n) AS properties",
				Map.of(), (row) -> {
					String labels = labels(row.get("labels"));
					nodes.merge(labels, 1L, Long::sum);
					Object properties = row.get("properties");
					if (labels.equals("Grading") && properties instanceof Map<?, ?> map
							&& map.get("problems") instanceof Collection<?> problems && problems.isEmpty()) {
						Map<Object, Object> without = new java.util.HashMap<>(map);
						without.remove("problems");
						properties = without;
					}
					dump.add("N " + labels + " " + canonical(properties));
				});
		graph.stream("""
				MATCH (a)-[r]->(b)
				RETURN type(r) AS type, labels(a) AS fromLabels, properties(a) AS fromNode,
				       labels(b) AS toLabels, properties(b) AS toNode, properties(r) AS properties
				""", Map.of(), (row) -> {
			String type = (String) row.get("type");
			relationships.merge(type, 1L, Long::sum);
			dump.add("R " + type + " " + labels(row.get("fromLabels")) + key(row.get("fromNode")) + " -> "
					+ labels(row.get("toLabels")) + key(row.get("toNode")) + " " + canonical(row.get("properties")));
		});
		dump.sort(null);
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String line : dump) {
				sha.update(line.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) '\n');
			}
			return new GraphDigest(nodes, relationships, HexFormat.of().formatHex(sha.digest()), dump.size());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An end node: its id, or (for id-less nodes such as Dataset) all its canonical
	 * properties.
	 */
	private static String key(Object node) {
		Map<?, ?> properties = (Map<?, ?>) node;
		Object id = properties.get("id");
		return (id != null) ? "{id=" + id + "}" : canonical(properties);
	}

	private static String labels(Object labels) {
		return ((Collection<?>) labels).stream().map(String::valueOf).sorted().collect(Collectors.joining(":"));
	}

	private static String canonical(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, String> sorted = new TreeMap<>();
			map.forEach((k, v) -> {
				if (!IGNORED.contains(String.valueOf(k))) {
					sorted.put(String.valueOf(k), canonical(v));
				}
			});
			return sorted.toString();
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(GraphDigest::canonical).collect(Collectors.joining(",", "[", "]"));
		}
		if (value instanceof String s) {
			return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
		}
		return (value != null) ? value.getClass().getSimpleName() + ":" + value : "null";
	}

}
