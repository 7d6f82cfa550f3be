package org.dutychain.security;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads and writes {@code (:User)} nodes through {@code cypher/security/users.cypher}.
 * The app's own Neo4j driver is used (not Spring Data Neo4j): every other module goes
 * through {@link Neo4jGraph} with Cypher in files, and users are four small statements.
 *
 * <p>
 * Every authenticated request needs its user's current role and scopes (the bearer
 * token's user, {@link AccessScope#caller()}): {@link #current(String)} answers from
 * memory. Every write of this class forgets what it changed before it returns, so a
 * changed role or scope and a deleted user take effect with the next request; a write
 * this process did not make (another instance on an external server, a test wiping the
 * graph) is seen after at most {@code dutychain.security.user-cache} (default 5 s; 0
 * reads the store on every request). User management itself ({@link #find(String)})
 * always reads the store.
 */
@Component
class UserStore {

	private static final String FILE = "security/users.cypher";

	private static final int MAX_REMEMBERED = 10_000;

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

	/** Incremented by every write, before it forgets the user it changed. */
	private final AtomicLong writes = new AtomicLong();

	private record Remembered(Optional<UserAccount> user, long readAtNanos) {
	}

	/** How long a remembered user is trusted without reading the store again. */
	private final long maxAgeNanos;

	UserStore(Neo4jGraph graph, CypherFiles cypher, @Value("${dutychain.security.user-cache:5s}") Duration maxAge) {
		this.graph = graph;
		this.cypher = cypher;
		this.maxAgeNanos = maxAge.toNanos();
	}

	/**
	 * The user as authentication sees it: from memory when read less than
	 * {@code dutychain.security.user-cache} ago and not written since by this process,
	 * else from the store.
	 */
	Optional<UserAccount> current(String username) {
		if (username == null) {
			return Optional.empty();
		}
		long now = System.nanoTime();
		Remembered r = this.remembered.get(username);
		if (r != null && now - r.readAtNanos() < this.maxAgeNanos) {
			return r.user();
		}
		long before = this.writes.get();
		Optional<UserAccount> user = find(username);
		if (this.remembered.size() >= MAX_REMEMBERED) {
			this.remembered.clear();
		}
		// kept only when no write ran meanwhile (a write forgets the user after
		// counting, under the same lock as this check)
		this.remembered.compute(username, (k, old) -> (this.writes.get() == before) ? new Remembered(user, now) : old);
		return user;
	}

	/** Forgets a user after a write (also one by another component of this process). */
	void forget(String username) {
		this.writes.incrementAndGet();
		this.remembered.remove(username);
	}

	Optional<UserAccount> find(String username) {
		if (username == null) {
			return Optional.empty();
		}
		// on the path of every request once its user is no longer remembered: read in
		// this process with the embedded database (issue 10)
		return this.graph.readLocal(statement("find"), Map.of("username", username))
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
		try {
			this.graph.write(statement("create"), params(user));
		}
		finally {
			forget(user.username());
		}
	}

	void update(UserAccount user) {
		try {
			this.graph.write(statement("update"), params(user));
		}
		finally {
			forget(user.username());
		}
	}

	boolean delete(String username) {
		try {
			List<Map<String, Object>> rows = this.graph.write(statement("delete"), Map.of("username", username));
			return !rows.isEmpty() && ((Number) rows.get(0).get("deleted")).longValue() > 0;
		}
		finally {
			forget(username);
		}
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
