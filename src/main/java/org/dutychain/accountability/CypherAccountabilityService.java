package org.dutychain.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Labeled;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.duty.DutyDomain;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;
import org.dutychain.organization.UnknownUnitException;
import org.dutychain.people.ResponsibilityKind;

import org.springframework.stereotype.Service;

/**
 * Resolves the accountability chain (问责链) with one Cypher statement
 * ({@code cypher/query/accountability.cypher}, statement {@code lookup}): the active
 * dataset, the issue and its unit (when asked by issue), then the unit and every unit
 * above it along PRIMARY and DUAL edges, their posts and current holders, and the
 * discipline bodies over the chain. The query orders the entries as design.md fixes
 * (distance, PRIMARY before DUAL, responsibility, unit id, post id); this class numbers
 * them and adds the rule texts.
 *
 * <p>
 * Cost: one read transaction (one round trip to the database) per lookup, whichever way
 * it is asked; in it, index seeks for the dataset, the issue and the unit, one upward
 * variable-length expansion from the unit (the chain is short: a handful of units even
 * under dual leadership), then the posts of the chain units; independent of the size of
 * the rest of the graph.
 */
@Service
class CypherAccountabilityService implements AccountabilityService {

	private static final String FILE = "query/accountability.cypher";

	/**
	 * Every spelling {@link Labeled#parse} accepts for a duty domain, as the statement
	 * looks a stored issue's domain up: the code in upper case, the Chinese label and the
	 * aliases as written.
	 */
	static final Map<String, String> DOMAIN_CODES;

	static {
		Map<String, String> codes = new HashMap<>();
		for (DutyDomain d : DutyDomain.values()) {
			d.aliases().forEach((a) -> codes.putIfAbsent(a, d.name()));
			codes.putIfAbsent(d.zh(), d.name());
		}
		for (DutyDomain d : DutyDomain.values()) {
			codes.put(d.name().toUpperCase(Locale.ROOT), d.name());
		}
		DOMAIN_CODES = Map.copyOf(codes);
	}

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final Datasets datasets;

	CypherAccountabilityService(Neo4jGraph graph, CypherFiles cypher, Datasets datasets) {
		this.graph = graph;
		this.cypher = cypher;
		this.datasets = datasets;
	}

	@Override
	public Resolved resolveIssue(String issueId, LocalDate asOf) {
		if (issueId == null) {
			throw new UnknownIssueException(null);
		}
		Map<String, Object> row = lookup(issueId, null, null, asOf);
		if (row == null || !Boolean.TRUE.equals(row.get("issueFound"))) {
			throw new UnknownIssueException(issueId);
		}
		String unitId = (String) row.get("unitId");
		List<AccountabilityEntry> entries = (unitId != null) ? entries(row) : List.of();
		return new Resolved(dataset(row), new AccountabilityChain(issueId, unitId, (String) row.get("domain"),
				(LocalDate) row.get("asOf"), entries));
	}

	@Override
	public Resolved resolveUnit(String unitId, String domain, LocalDate asOf) {
		if (unitId == null) {
			throw new UnknownUnitException(null);
		}
		String code = Labeled.parse(DutyDomain.class, domain)
			.map(Enum::name)
			.orElseThrow(() -> new IllegalArgumentException("Unknown duty domain: " + domain));
		Map<String, Object> row = lookup(null, unitId, code, asOf);
		if (row == null || !Boolean.TRUE.equals(row.get("unitFound"))) {
			throw new UnknownUnitException(unitId);
		}
		return new Resolved(dataset(row),
				new AccountabilityChain(null, unitId, code, (LocalDate) row.get("asOf"), entries(row)));
	}

	/** The statement's one row; null without an active dataset. */
	private Map<String, Object> lookup(String issueId, String unitId, String domain, LocalDate asOf) {
		Map<String, Object> params = new HashMap<>();
		params.put("issueId", issueId);
		params.put("unitId", unitId);
		params.put("domain", domain);
		params.put("domainCodes", DOMAIN_CODES);
		params.put("asOf", asOf);
		params.put("today", this.datasets.today());
		params.put("clockToday", this.datasets.clockToday());
		List<Map<String, Object>> rows = this.graph.readLocal(this.cypher.statement(FILE, "lookup"), params);
		return rows.isEmpty() ? null : rows.get(0);
	}

	private static DatasetInfo dataset(Map<String, Object> row) {
		return DatasetInfo.fromRow(row, "datasetName", "datasetAsOf");
	}

	@SuppressWarnings("unchecked")
	private static List<AccountabilityEntry> entries(Map<String, Object> row) {
		List<Map<String, Object>> rows = (List<Map<String, Object>>) row.get("entries");
		List<AccountabilityEntry> entries = new ArrayList<>(rows.size());
		for (Map<String, Object> e : rows) {
			AccountabilityRule rule = AccountabilityRule.valueOf((String) e.get("rule"));
			entries.add(new AccountabilityEntry(entries.size() + 1,
					ResponsibilityKind.valueOf((String) e.get("responsibility")), (String) e.get("unitId"),
					(String) e.get("unitName"), ((Number) e.get("distance")).intValue(), (String) e.get("via"),
					(String) e.get("postId"), (String) e.get("postTitle"), (String) e.get("personId"),
					(String) e.get("personName"), rule.name(), rule.zh(), rule.en(),
					Boolean.TRUE.equals(e.get("gap"))));
		}
		return entries;
	}

}
