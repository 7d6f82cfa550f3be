package org.dutychain.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisSettings;
import org.dutychain.analysis.Findings;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Notification;
import org.neo4j.driver.summary.ResultSummary;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every statement of every file under {@code cypher/} against a POPULATED database: all
 * the analysis fixtures loaded side by side (each as its own generation), so that every
 * label, relationship type and property key a rule legitimately reads exists. Fails on a
 * syntax error, on a notification about an unknown label, relationship type or property
 * key (a {@code :LEAD} typo), and, for every finding statement of an analysis, on a
 * returned column that the header's {@code returns:} does not list, or a subject name or
 * message placeholder of its code that the statement does not return. Analysis statements
 * run for real (fixture generation 1, every unit, default settings); the others are
 * planned with {@code EXPLAIN}.
 */
@GraphIT
class CypherFilesIT {

	private static final Pattern PARAM = Pattern.compile("\\$([A-Za-z][A-Za-z0-9_]*)");

	private static final Set<String> UNKNOWN_NAME_WARNINGS = Set.of(
			"Neo.ClientNotification.Statement.UnknownLabelWarning",
			"Neo.ClientNotification.Statement.UnknownRelationshipTypeWarning",
			"Neo.ClientNotification.Statement.UnknownPropertyKeyWarning");

	private static final Set<String> FINDING_FIELDS = Set.of("unitId", "postId", "personId", "dutyId", "issueId");

	static final Path FIXTURES = Path.of("src/test/resources/fixtures");

	static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	@Autowired
	CypherFiles files;

	@Autowired
	Driver driver;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	GraphFixtures fixtures;

	private static boolean populated;

	/**
	 * Loads every fixture under fixtures/ once, one after the other (each load wipes the
	 * graph, but Neo4j keeps every label, relationship type and property key token it has
	 * seen, which is what its unknown-name notifications test), and a snapshot; the last
	 * fixture stays loaded as generation 1 for the statements that run for real.
	 */
	private static final String SYSTEM_TOKENS = """
			CREATE (:User:CypherCheckTokens {username: 'x', passwordHash: 'x', role: 'ADMIN', scopes: [], personId: 'x',
			                                 createdAt: datetime()}),
			       (:AuditEntry:CypherCheckTokens {at: datetime(), username: 'x', action: 'x', target: 'x', detail: 'x',
			                                       clientAddress: 'x'}),
			       (:ChangeRecord:CypherCheckTokens {at: datetime(), actor: 'x', entity: 'x', entityId: 'x', action: 'x',
			                                        before: 'x', after: 'x', revision: 0}),
			       (:GenerationLease:CypherCheckTokens {generation: 0, leased: datetime(), expires: datetime()}),
			       (:Measure:CypherCheckTokens {returnReason: 'x', version: 0}),
			       (:Secret:CypherCheckTokens {name: 'x', value: 'x'})
			""";

	@BeforeEach
	void populate() throws IOException {
		if (populated) {
			return;
		}
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(FIXTURES)) {
			paths = walk.filter((p) -> p.toString().endsWith(".cypher")).sorted().toList();
		}
		for (Path path : paths) {
			CypherFile fixture = CypherFiles.parse(FIXTURES.relativize(path).toString(), Files.readString(path));
			this.fixtures.load(fixture, AS_OF);
		}
		this.graph.write(this.files.statement("query/snapshots.cypher", "create"), snapshotParameters());
		// system data (users, the audit log, change records, leases) and edit counters
		// are not in the analysis
		// fixtures: write one node of each and remove it again, so that Neo4j knows their
		// property keys
		this.graph.write(SYSTEM_TOKENS, Map.of());
		this.graph.write("MATCH (n:CypherCheckTokens) DETACH DELETE n", Map.of());
		populated = true;
	}

	private Map<String, Object> snapshotParameters() {
		Map<String, Object> p = new HashMap<>();
		Matcher m = PARAM.matcher(this.files.statement("query/snapshots.cypher", "create"));
		while (m.find()) {
			p.put(m.group(1), "x");
		}
		p.put("asOf", AS_OF);
		p.put("createdAt", java.time.OffsetDateTime.now());
		return p;
	}

	@Test
	void everyStatementRunsWithoutUnknownNamesAndReturnsItsDeclaredColumns() {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		try (Session session = this.driver.session()) {
			for (CypherFile file : this.files.all()) {
				if (file.path().startsWith("schema/")) {
					continue;
				}
				AnalysisDefinition definition = file.path().startsWith("analysis/") ? AnalysisDefinition.of(file)
						: null;
				for (CypherFile.Statement s : file.statements()) {
					String where = "cypher/" + file.path() + ":" + s.line() + " (" + s.name() + ")";
					try {
						boolean run = definition != null;
						Result result = session.run(run ? s.cypher() : "EXPLAIN " + s.cypher(),
								run ? runParameters(s.cypher()) : placeholders(s.cypher()));
						List<String> columns = result.keys();
						ResultSummary summary = result.consume();
						for (Notification n : summary.notifications()) {
							if (UNKNOWN_NAME_WARNINGS.contains(n.code())) {
								failures.add(where + ": " + n.code() + " " + n.description());
							}
						}
						if (definition != null && definition.codes().containsKey(s.name())) {
							failures.addAll(checkColumns(where, definition, s.name(), columns));
						}
						checked++;
					}
					catch (RuntimeException ex) {
						failures.add(where + ": " + ex.getMessage());
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(checked).isGreaterThan(50);
	}

	@Test
	void aTypoInALabelOrRelationshipTypeFails() {
		try (Session session = this.driver.session()) {
			ResultSummary summary = session
				.run("EXPLAIN MATCH (u:Unit)-[:LEAD]->(c:Unit) WHERE u.generation = 1 RETURN c", Map.of())
				.consume();
			assertThat(summary.notifications()).extracting(Notification::code)
				.contains("Neo.ClientNotification.Statement.UnknownRelationshipTypeWarning");
			ResultSummary fine = session
				.run("EXPLAIN MATCH (u:Unit)-[:LEADS]->(c:Unit) WHERE u.generation = 1 RETURN c", Map.of())
				.consume();
			assertThat(fine.notifications()).extracting(Notification::code)
				.doesNotContainAnyElementsOf(UNKNOWN_NAME_WARNINGS);
		}
	}

	static List<String> checkColumns(String where, AnalysisDefinition definition, String code, List<String> columns) {
		List<String> failures = new ArrayList<>();
		Set<String> declared = declaredColumns(definition.file().headerValue("returns").orElse(""));
		for (String c : columns) {
			if (!declared.contains(c)) {
				failures.add(where + ": returns column " + c + ", which the header's returns: does not list");
			}
		}
		AnalysisDefinition.CodeInfo info = definition.code(code);
		for (String name : info.subject()) {
			if (!columns.contains(name)) {
				failures.add(where + ": " + code + ".subject names " + name + ", which the statement does not return");
			}
		}
		Set<String> parameters = new LinkedHashSet<>(AnalysisSettings.defaults().toParameters().keySet());
		parameters.addAll(List.of("generation", "unitIds", "asOf"));
		for (String template : List.of(info.zh(), info.en())) {
			Matcher m = Findings.PLACEHOLDER.matcher(template);
			while (m.find()) {
				if (!columns.contains(m.group(1)) && !parameters.contains(m.group(1))) {
					failures.add(where + ": message placeholder {" + m.group(1) + "} is not a returned column");
				}
			}
		}
		if (!columns.contains("code")) {
			failures.add(where + ": a finding statement must return code");
		}
		return failures;
	}

	/** The column names of a returns: header; parenthesised remarks are not columns. */
	static Set<String> declaredColumns(String returns) {
		String names = returns.replaceAll("(?s)\\([^)]*\\)", " ");
		Set<String> declared = new LinkedHashSet<>();
		for (String token : names.split("[,\\s]+")) {
			if (token.matches("[A-Za-z][A-Za-z0-9_]*")) {
				declared.add(token);
			}
		}
		return declared;
	}

	static Map<String, Object> runParameters(String cypher) {
		Map<String, Object> p = new HashMap<>(AnalysisSettings.defaults().toParameters());
		p.put("generation", 1L);
		p.put("asOf", AS_OF);
		Matcher m = PARAM.matcher(cypher);
		while (m.find()) {
			p.putIfAbsent(m.group(1), "x");
		}
		p.put("unitIds", null); // every unit (putIfAbsent treats a null value as absent)
		return p;
	}

	static Map<String, Object> placeholders(String cypher) {
		Map<String, Object> p = new HashMap<>(AnalysisSettings.defaults().toParameters());
		p.put("generation", 1L);
		p.put("unitIds", List.of("U-1"));
		p.put("asOf", AS_OF);
		p.put("rows", List.of()); // batches of the import: UNWIND $rows AS row
		p.put("leased", List.of()); // generations still read by an audit
		p.put("ids", List.of("U-1")); // records whose owning units a scoped view asks for
		p.put("keys", List.of(Map.of("key", 1L, "unitId", "U-1", "domain", "POLITICAL"))); // duties
																							// by
																							// key
		p.put("hours", 1L);
		p.put("set", Map.of()); // ledger edits: SET n += $set
		p.put("limit", 1L);
		p.put("days", 30L);
		p.put("domainCodes", Map.of("X", "X")); // accountability: spelling -> duty domain
												// code
		Matcher m = PARAM.matcher(cypher);
		while (m.find()) {
			p.putIfAbsent(m.group(1), "x");
		}
		return p;
	}

}
