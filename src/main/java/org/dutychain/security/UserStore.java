package org.dutychain.security;

import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;

import org.springframework.stereotype.Component;

/**
 * Reads and writes {@code (:User)} nodes through {@code cypher/security/users.cypher}.
 * The app's own Neo4j driver is used (not Spring Data Neo4j): every other module goes
 * through {@link Neo4jGraph} with Cypher in files, and users are four small statements.
 */
@Component
class UserStore {

	private static final String FILE = "security/users.cypher";

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	UserStore(Neo4jGraph graph, CypherFiles cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	Optional<UserAccount> find(String username) {
		if (username == null) {
			return Optional.empty();
		}
		return this.graph.read(statement("find"), Map.of("username", username))
			.stream()
			.findFirst()
			.map(UserStore::account);
	}

	List<UserAccount> list() {
		return this.graph.read(statement("list"), Map.of()).stream().map(UserStore::account).toList();
	}

	long count() {
		return ((Number) this.graph.read(statement("count"), Map.of()).get(0).get("count")).longValue();
	}

	void create(UserAccount user) {
		this.graph.write(statement("create"), params(user));
	}

	void update(UserAccount user) {
		this.graph.write(statement("update"), params(user));
	}

	boolean delete(String username) {
		List<Map<String, Object>> rows = this.graph.write(statement("delete"), Map.of("username", username));
		return !rows.isEmpty() && ((Number) rows.get(0).get("deleted")).longValue() > 0;
	}

	private static Map<String, Object> params(UserAccount user) {
		Map<String, Object> params = new HashMap<>();
		params.put("username", user.username());
		params.put("passwordHash", user.passwordHash());
		params.put("role", user.role().name());
		params.put("scopes", user.scopes());
		params.put("personId", user.personId());
		return params;
	}

	@SuppressWarnings("unchecked")
	private static UserAccount account(Map<String, Object> row) {
		Object created = row.get("createdAt");
		Object scopes = row.get("scopes");
		return new UserAccount((String) row.get("username"), (String) row.get("passwordHash"),
				Role.valueOf((String) row.get("role")), (scopes instanceof List<?> l) ? (List<String>) l : List.of(),
				(String) row.get("personId"), (created instanceof TemporalAccessor t) ? ZonedDateTime.from(t) : null);
	}

	private String statement(String name) {
		return this.cypher.statement(FILE, name);
	}

}
