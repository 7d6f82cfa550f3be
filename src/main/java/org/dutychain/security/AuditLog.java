package org.dutychain.security;

import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log (审计日志): who did what and when, stored as {@code (:AuditEntry)} system
 * data. Other modules call {@link #record(String, String, String)}; the user and client
 * address come from the current request (the CLI records as {@code cli}).
 */
@Service
public class AuditLog {

	/** Successful sign-in. */
	public static final String LOGIN = "LOGIN";

	/** Failed sign-in (wrong password, unknown user, too many attempts). */
	public static final String LOGIN_FAILED = "LOGIN_FAILED";

	public static final String LOGOUT = "LOGOUT";

	/** A bearer token issued. */
	public static final String TOKEN = "TOKEN";

	/** An import (target: file name). */
	public static final String IMPORT = "IMPORT";

	/** A report or export downloaded (target: scope, detail: format). */
	public static final String REPORT = "REPORT";

	public static final String SNAPSHOT = "SNAPSHOT";

	public static final String USER_CREATE = "USER_CREATE";

	public static final String USER_UPDATE = "USER_UPDATE";

	public static final String USER_DELETE = "USER_DELETE";

	/**
	 * An edit of the dataset or the ledger (target: entity and id, detail: action and
	 * unit), written in the edit's transaction.
	 */
	public static final String EDIT = "EDIT";

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private static final String FILE = "security/audit-log.cypher";

	static final int MAX_TEXT = 500;

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	public AuditLog(Neo4jGraph graph, CypherFiles cypher) {
		this.graph = graph;
		this.cypher = cypher;
	}

	/**
	 * One entry.
	 *
	 * @param at when
	 * @param username who ({@code cli} for the command line, the attempted name for a
	 * failed sign-in)
	 * @param action what: LOGIN, LOGIN_FAILED, LOGOUT, TOKEN, IMPORT, REPORT, SNAPSHOT,
	 * USER_CREATE, USER_UPDATE, USER_DELETE, EDIT
	 * @param target what it was done to (file, scope, user)
	 * @param detail more (format, changed fields, reason)
	 * @param clientAddress the client's IP address, null for the command line
	 */
	public record Entry(ZonedDateTime at, String username, String action, String target, String detail,
			String clientAddress) {
	}

	/** One page, newest first. */
	public record Page(int page, int size, long total, List<Entry> entries) {
	}

	/** Records an action of the current user (or {@code cli}). */
	public void record(String action, String target, String detail) {
		record(currentUser(), action, target, detail, clientAddress());
	}

	/**
	 * Records an action of the current user inside a write transaction of the caller, so
	 * that the action and its entry commit or roll back together (edits).
	 */
	public void record(Neo4jGraph.Tx tx, String action, String target, String detail) {
		tx.run(this.cypher.statement(FILE, "append"), params(currentUser(), action, target, detail, clientAddress()));
	}

	private static Map<String, Object> params(String username, String action, String target, String detail,
			String clientAddress) {
		Map<String, Object> params = new HashMap<>();
		params.put("username", clean(username));
		params.put("action", action);
		params.put("target", clean(target));
		params.put("detail", clean(detail));
		params.put("clientAddress", clean(clientAddress));
		return params;
	}

	/** Records an action of the given user from the given address. */
	public void record(String username, String action, String target, String detail, String clientAddress) {
		Map<String, Object> params = params(username, action, target, detail, clientAddress);
		try {
			this.graph.write(this.cypher.statement(FILE, "append"), params);
		}
		catch (RuntimeException ex) {
			log.error("Could not write the audit log entry {} {}", action, clean(target), ex);
			throw ex;
		}
	}

	public Page page(int page, int size) {
		long total = ((Number) this.graph.read(this.cypher.statement(FILE, "count"), Map.of()).get(0).get("count"))
			.longValue();
		List<Entry> entries = this.graph
			.read(this.cypher.statement(FILE, "page"), Map.of("skip", (long) page * size, "limit", (long) size))
			.stream()
			.map(AuditLog::entry)
			.toList();
		return new Page(page, size, total, entries);
	}

	private static Entry entry(Map<String, Object> row) {
		Object at = row.get("at");
		return new Entry((at instanceof TemporalAccessor t) ? ZonedDateTime.from(t) : null,
				(String) row.get("username"), (String) row.get("action"), (String) row.get("target"),
				(String) row.get("detail"), (String) row.get("clientAddress"));
	}

	/** No line breaks or control characters (log forging), at most 500 characters. */
	static String clean(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT));
		for (int i = 0; i < text.length() && out.length() < MAX_TEXT; i++) {
			char c = text.charAt(i);
			out.append(Character.isISOControl(c) ? ' ' : c);
		}
		return out.toString();
	}

	static String currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.isAuthenticated() && auth.getName() != null) {
			return auth.getName();
		}
		return (currentRequest() == null) ? "cli" : "anonymous";
	}

	static String clientAddress() {
		HttpServletRequest request = currentRequest();
		return (request != null) ? request.getRemoteAddr() : null;
	}

	static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
