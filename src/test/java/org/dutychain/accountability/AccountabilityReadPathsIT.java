package org.dutychain.accountability;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.duty.DutyDomain;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.organization.Datasets;
import org.dutychain.security.AccessScope;
import org.dutychain.security.Users;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.GraphIT;
import org.dutychain.support.TestDatasets;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lookup reads the embedded store in this process (issue 10); through the driver
 * (Bolt, as with an external server) the same statement must give the same answers. On
 * the demo province: every unit (each with one of the eight domains in turn) and every
 * issue, on the dataset's date and on another, an unknown unit and issue, and all of it
 * again as a scoped user sees it (visibility and the filtered chain).
 */
@GraphIT
class AccountabilityReadPathsIT {

	static final String SCOPED = "read-paths-viewer";

	@Autowired
	AccountabilityService accountability;

	@Autowired
	Neo4jGraph graph;

	@Autowired
	Driver driver;

	@Autowired
	CypherFiles cypher;

	@Autowired
	Datasets datasets;

	@Autowired
	DatasetImporter importer;

	@Autowired
	AccessScope access;

	@Autowired
	Users users;

	@Autowired
	GraphFixtures fixtures;

	@Test
	void inProcessAndThroughBoltTheLookupGivesTheSameAnswers() throws Exception {
		this.fixtures.wipe();
		this.importer.importPath(TestDatasets.folder("demo-province"));
		AccountabilityService throughBolt = new CypherAccountabilityService(
				new Neo4jGraph(throughBolt(this.driver), null), this.cypher, this.datasets);
		List<String> units = ids("MATCH (d:Dataset {active: true}) MATCH (u:Unit {generation: d.generation}) "
				+ "RETURN u.id AS id ORDER BY id");
		List<String> issues = ids("MATCH (d:Dataset {active: true}) MATCH (i:Issue {generation: d.generation}) "
				+ "RETURN i.id AS id ORDER BY id");
		assertThat(units).hasSizeGreaterThan(100);
		assertThat(issues).hasSizeGreaterThan(10);
		DutyDomain[] domains = DutyDomain.values();
		List<Lookup> lookups = new ArrayList<>();
		for (LocalDate asOf : Arrays.asList(null, LocalDate.of(2024, 1, 15))) {
			for (int i = 0; i < units.size(); i++) {
				String unit = units.get(i);
				String domain = domains[i % domains.length].name();
				lookups.add(new Lookup(unit, (service) -> service.resolveUnit(unit, domain, asOf)));
			}
			for (String issue : issues) {
				lookups.add(new Lookup(issue, (service) -> service.resolveIssue(issue, asOf)));
			}
		}
		lookups.add(new Lookup("U-404", (service) -> service.resolveUnit("U-404", "ORGANIZATION", null)));
		lookups.add(new Lookup("I-404", (service) -> service.resolveIssue("I-404", null)));

		int chains = 0;
		for (Lookup lookup : lookups) {
			Object local = answer(() -> lookup.run(this.accountability));
			assertThat(local).as(lookup.id()).isEqualTo(answer(() -> lookup.run(throughBolt)));
			chains += (local instanceof AccountabilityService.Resolved) ? 1 : 0;
		}
		assertThat(chains).isEqualTo(lookups.size() - 2);

		// a VIEWER scoped to a unit in the middle of the first issue's chain
		String scope = this.accountability.forIssue(issues.get(0), null)
			.entries()
			.stream()
			.filter((e) -> e.distance() == 1)
			.findFirst()
			.orElseThrow()
			.unitId();
		this.users.create(new Users.UserRequest(SCOPED, "a-long-test-password-42", "VIEWER", List.of(scope), null));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SCOPED, null,
					List.of(new SimpleGrantedAuthority("ROLE_VIEWER"))));
		try {
			int hidden = 0;
			int visible = 0;
			for (Lookup lookup : lookups) {
				Object local = answer(() -> scoped(lookup.run(this.accountability), lookup.id()));
				assertThat(local).as("scoped " + lookup.id())
					.isEqualTo(answer(() -> scoped(lookup.run(throughBolt), lookup.id())));
				if (local instanceof AccountabilityChain chain) {
					hidden += (int) chain.entries().stream().filter((e) -> e.unitId() == null).count();
					visible += (int) chain.entries().stream().filter((e) -> e.unitId() != null).count();
				}
			}
			assertThat(hidden).as("entries outside the scope").isPositive();
			assertThat(visible).as("entries inside the scope").isPositive();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** What the controller answers a scoped caller: the filtered chain, or "unknown". */
	private Object scoped(AccountabilityService.Resolved resolved, String id) {
		String unit = resolved.chain().unitId();
		if (unit == null || !this.access.isVisible(resolved.dataset(), unit)) {
			return "unknown " + id;
		}
		return this.access.filter(resolved.dataset(), resolved.chain());
	}

	/** The answer, or the class and message of what was thrown. */
	private static Object answer(Supplier<Object> lookup) {
		try {
			return lookup.get();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	/** The app's driver behind a proxy: the door no longer sees the embedded store. */
	private static Driver throughBolt(Driver driver) {
		return (Driver) Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] { Driver.class },
				(proxy, method, args) -> {
					try {
						return method.invoke(driver, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private List<String> ids(String query) {
		return this.graph.read(query, Map.of()).stream().map((row) -> (String) row.get("id")).toList();
	}

	private record Lookup(String id, Function<AccountabilityService, AccountabilityService.Resolved> call) {

		AccountabilityService.Resolved run(AccountabilityService service) {
			return this.call.apply(service);
		}

	}

}
