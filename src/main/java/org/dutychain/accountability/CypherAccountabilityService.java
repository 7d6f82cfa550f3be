package org.dutychain.accountability;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Resolves the accountability chain (问责链) with one Cypher path query
 * ({@code cypher/query/accountability.cypher}, statement {@code chain}): the unit and
 * every unit above it along PRIMARY and DUAL edges, their posts and current holders, and
 * the discipline bodies over the chain. The query orders the entries as design.md fixes
 * (distance, PRIMARY before DUAL, responsibility, unit id, post id); this class numbers
 * them and adds the rule texts.
 *
 * <p>
 * Cost: one upward variable-length expansion from the unit (the chain is short: a handful
 * of units even under dual leadership), then the posts of the chain units; independent of
 * the size of the rest of the graph.
 */
@Service
class CypherAccountabilityService implements AccountabilityService {

	private static final String FILE = "query/accountability.cypher";

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final Datasets datasets;

	CypherAccountabilityService(Neo4jGraph graph, CypherFiles cypher, Datasets datasets) {
		this.graph = graph;
		this.cypher = cypher;
		this.datasets = datasets;
	}

	@Override
	public AccountabilityChain forIssue(String issueId, LocalDate asOf) {
		if (issueId == null) {
			throw new UnknownIssueException(null);
		}
		DatasetInfo dataset = this.datasets.active();
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(FILE, "issue"),
				Map.of("generation", dataset.generation(), "issueId", issueId));
		if (rows.isEmpty()) {
			throw new UnknownIssueException(issueId);
		}
		Map<String, Object> issue = rows.get(0);
		String unitId = (String) issue.get("unitId");
		String domain = domainCode((String) issue.get("domain"));
		LocalDate date = this.datasets.asOf(asOf);
		List<AccountabilityEntry> entries = (unitId != null) ? entries(dataset, unitId, domain, date) : List.of();
		return new AccountabilityChain(issueId, unitId, domain, date, entries);
	}

	@Override
	public AccountabilityChain forUnit(String unitId, String domain, LocalDate asOf) {
		if (unitId == null) {
			throw new UnknownUnitException(null);
		}
		DatasetInfo dataset = this.datasets.active();
		this.datasets.requireUnit(dataset.generation(), unitId);
		String code = Labeled.parse(DutyDomain.class, domain)
			.map(Enum::name)
			.orElseThrow(() -> new IllegalArgumentException("Unknown duty domain: " + domain));
		LocalDate date = this.datasets.asOf(asOf);
		return new AccountabilityChain(null, unitId, code, date, entries(dataset, unitId, code, date));
	}

	private List<AccountabilityEntry> entries(DatasetInfo dataset, String unitId, String domain, LocalDate asOf) {
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(FILE, "chain"),
				Map.of("generation", dataset.generation(), "unitId", unitId, "domain", domain, "asOf", asOf));
		List<AccountabilityEntry> entries = new ArrayList<>(rows.size());
		for (Map<String, Object> row : rows) {
			AccountabilityRule rule = AccountabilityRule.valueOf((String) row.get("rule"));
			entries.add(new AccountabilityEntry(entries.size() + 1,
					ResponsibilityKind.valueOf((String) row.get("responsibility")), (String) row.get("unitId"),
					(String) row.get("unitName"), ((Number) row.get("distance")).intValue(), (String) row.get("via"),
					(String) row.get("postId"), (String) row.get("postTitle"), (String) row.get("personId"),
					(String) row.get("personName"), rule.name(), rule.zh(), rule.en(),
					Boolean.TRUE.equals(row.get("gap"))));
		}
		return entries;
	}

	/**
	 * A stored domain as its code; a value that is no known domain is kept as it is (it
	 * then matches no post).
	 */
	private static String domainCode(String domain) {
		return Labeled.parse(DutyDomain.class, domain).map(Enum::name).orElse(domain);
	}

}
