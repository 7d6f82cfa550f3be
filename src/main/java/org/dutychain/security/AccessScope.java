package org.dutychain.security;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.dutychain.accountability.AccountabilityChain;
import org.dutychain.accountability.AccountabilityEntry;
import org.dutychain.analysis.AnalysisDefinition;
import org.dutychain.analysis.AnalysisService;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Evidence;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Message;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;
import org.dutychain.organization.UnknownUnitException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * What the caller may see (访问范围), for every module: the units of its scope (the subtrees
 * of its scope units along PRIMARY and DUAL edges, and GUIDANCE edges of an
 * ORGAN_WORK_COMMITTEE root; {@code cypher/security/scope.cypher}), whether it sees
 * sensitive findings, and filters for audit documents and accountability chains. A unit
 * outside the scope is answered as unknown (404). ADMIN, and code running without a
 * signed-in user (the CLI, start-up), is unrestricted.
 */
@Service
public class AccessScope {

	private static final String FILE = "security/scope.cypher";

	/** The name shown for a unit outside the caller's scope. */
	public static final String OUTSIDE_ZH = "范围外单位";

	public static final String OUTSIDE_EN = "a unit outside your scope";

	/**
	 * Analyses whose findings rest on gradings, personnel events or admonitions; hidden
	 * from VIEWER (a rule header {@code sensitive: true} adds one, {@code sensitive:
	 * CODE, CODE} marks single codes).
	 */
	static final Set<String> SENSITIVE_ANALYSES = Set.of("review-followup", "weak-org-rectification");

	static final Set<String> SENSITIVE_CODES = Set.of("WEAK_UNASSISTED", "WEAK_VILLAGE_NO_FIRST_SECRETARY",
			"ASSISTANCE_EXPIRED");

	/**
	 * Codes computed over a whole scope; a scoped audit takes them from each scope root.
	 */
	static final Set<String> SCOPE_LEVEL_CODES = Set.of("QUOTA_SHORTFALL", "LEVEL_DECAY", "HOT_TOP_COLD_BOTTOM");

	private final UserStore users;

	private final Datasets datasets;

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final AuditCache audits;

	private final AnalysisService analyses;

	private final Map<ScopeKey, Set<String>> visible = new ConcurrentHashMap<>();

	private final Map<ScopeKey, Map<String, String>> names = new ConcurrentHashMap<>();

	private record ScopeKey(long generation, ZonedDateTime importedAt, List<String> roots) {
	}

	AccessScope(UserStore users, Datasets datasets, Neo4jGraph graph, CypherFiles cypher, AuditCache audits,
			AnalysisService analyses) {
		this.users = users;
		this.datasets = datasets;
		this.graph = graph;
		this.cypher = cypher;
		this.audits = audits;
		this.analyses = analyses;
	}

	/**
	 * The caller.
	 *
	 * @param username null when no user is signed in (CLI, start-up)
	 * @param role ADMIN when unrestricted
	 * @param roots the scope units (empty for ADMIN)
	 */
	public record Caller(String username, Role role, List<String> roots) {

		public boolean unrestricted() {
			return this.role == Role.ADMIN;
		}

	}

	/** The signed-in user with its current role and scopes (read fresh). */
	public Caller caller() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
			return new Caller(null, Role.ADMIN, List.of());
		}
		jakarta.servlet.http.HttpServletRequest request = AuditLog.currentRequest();
		if (request != null && request.getAttribute(CALLER) instanceof Caller c
				&& auth.getName().equals(c.username())) {
			return c;
		}
		Optional<UserAccount> user = this.users.find(auth.getName());
		if (user.isEmpty()) {
			throw new AccessDeniedException("User " + auth.getName() + " no longer exists");
		}
		Caller caller = new Caller(user.get().username(), user.get().role(), user.get().scopes());
		if (request != null) {
			request.setAttribute(CALLER, caller);
		}
		return caller;
	}

	private static final String CALLER = AccessScope.class.getName() + ".caller";

	/** Null when the caller sees every unit; else the unit ids of its scope. */
	public Set<String> visibleUnits() {
		Caller caller = caller();
		return caller.unrestricted() ? null : units(caller.roots());
	}

	public boolean isVisible(String unitId) {
		Set<String> units = visibleUnits();
		return units == null || units.contains(unitId);
	}

	/**
	 * @throws UnknownUnitException (404) when the unit is outside the caller's scope
	 */
	public void requireVisible(String unitId) {
		if (unitId != null && !isVisible(unitId)) {
			throw new UnknownUnitException(unitId);
		}
	}

	/**
	 * For editing endpoints: the unit is in scope (else 404) and the caller is EDITOR or
	 * ADMIN (else 403).
	 */
	public void requireEditable(String unitId) {
		requireVisible(unitId);
		if (!caller().role().mayEdit()) {
			throw new AccessDeniedException("Editing needs the EDITOR or ADMIN role");
		}
	}

	/**
	 * The scope a request works on: the requested unit (checked), else null for an
	 * unrestricted caller, else the caller's first scope unit.
	 */
	public String effectiveScope(String requested) {
		if (requested != null && !requested.isBlank()) {
			requireVisible(requested.strip());
			return requested.strip();
		}
		Caller caller = caller();
		return caller.unrestricted() ? null : caller.roots().get(0);
	}

	/**
	 * The roots of the caller's scope that exist in the active dataset; empty for ADMIN.
	 */
	public List<String> roots() {
		Caller caller = caller();
		if (caller.unrestricted()) {
			return List.of();
		}
		Set<String> units = units(caller.roots());
		return caller.roots().stream().filter(units::contains).toList();
	}

	/**
	 * VIEWER does not see findings built on gradings, personnel events or admonitions.
	 */
	public boolean hidesSensitive() {
		return caller().role() == Role.VIEWER;
	}

	public boolean isSensitive(Finding finding) {
		if (SENSITIVE_ANALYSES.contains(finding.analysis()) || SENSITIVE_CODES.contains(finding.code())) {
			return true;
		}
		try {
			AnalysisDefinition definition = this.analyses.definition(finding.analysis());
			String header = definition.file().headerValue("sensitive").orElse("").strip();
			return header.equalsIgnoreCase("true") || List.of(header.split("[,\\s]+")).contains(finding.code());
		}
		catch (RuntimeException unknown) {
			return false;
		}
	}

	/** The findings the caller may see, in the same order. */
	public List<Finding> filter(List<Finding> findings) {
		Caller caller = caller();
		boolean hide = caller.role() == Role.VIEWER;
		if (caller.unrestricted() && !hide) {
			return findings;
		}
		Set<String> units = caller.unrestricted() ? null : units(caller.roots());
		Map<String, String> outside = caller.unrestricted() ? Map.of() : outsideNames(caller.roots(), units);
		List<Finding> kept = new ArrayList<>();
		for (Finding f : findings) {
			if (hide && isSensitive(f)) {
				continue;
			}
			if (units != null && (f.unitId() == null || !units.contains(f.unitId()))) {
				continue;
			}
			kept.add((units == null) ? f : clip(f, units, outside));
		}
		return kept;
	}

	/**
	 * A whole-dataset (or any) audit as the caller may see it: its findings filtered to
	 * the caller's scope (evidence outside dropped, outside units named
	 * {@value #OUTSIDE_ZH}); for a scoped caller, the scope-level codes, the level
	 * summaries and the metrics come from the audits of its scope roots.
	 */
	public AuditDocument filter(AuditDocument document) {
		Caller caller = caller();
		if (caller.unrestricted() && caller.role() != Role.VIEWER) {
			return document;
		}
		if (caller.unrestricted()) {
			return new AuditDocument(document.dataset(), document.asOf(), document.scope(), document.analyses(),
					document.levels(), filter(document.findings()));
		}
		List<String> roots = roots();
		List<Finding> findings = new ArrayList<>();
		boolean wholeDataset = document.scope() == null;
		for (Finding f : document.findings()) {
			if (!(wholeDataset && SCOPE_LEVEL_CODES.contains(f.code()))) {
				findings.add(f);
			}
		}
		AuditDocument first = null;
		if (wholeDataset) {
			for (String root : roots) {
				AuditDocument rootAudit = this.audits.audit(root, document.asOf());
				first = (first == null) ? rootAudit : first;
				rootAudit.findings()
					.stream()
					.filter((f) -> SCOPE_LEVEL_CODES.contains(f.code()))
					.forEach(findings::add);
			}
		}
		List<Finding> kept = new ArrayList<>(filter(findings));
		kept.sort(org.dutychain.analysis.Findings.ORDER);
		AuditDocument summary = (first != null) ? first : document;
		return new AuditDocument(document.dataset(), document.asOf(),
				wholeDataset ? String.join(",", roots) : document.scope(), summary.analyses(), summary.levels(), kept);
	}

	/**
	 * An accountability chain as the caller may see it: units outside its scope by name
	 * only (no unit id, post or person).
	 */
	public AccountabilityChain filter(AccountabilityChain chain) {
		Caller caller = caller();
		if (caller.unrestricted()) {
			return chain;
		}
		Set<String> units = units(caller.roots());
		List<AccountabilityEntry> entries = chain.entries()
			.stream()
			.map((e) -> units.contains(e.unitId()) ? e
					: new AccountabilityEntry(e.rank(), e.responsibility(), null, e.unitName(), e.distance(), e.via(),
							null, e.postTitle(), null, null, e.rule(), e.ruleZh(), e.ruleEn(), e.gap()))
			.toList();
		return new AccountabilityChain(chain.issueId(), chain.unitId(), chain.domain(), chain.asOf(), entries);
	}

	/** The unit ids of the subtrees of these scope units in the active dataset. */
	Set<String> units(List<String> roots) {
		DatasetInfo dataset = this.datasets.active();
		ScopeKey key = new ScopeKey(dataset.generation(), dataset.importedAt(), List.copyOf(roots));
		Set<String> cached = this.visible.get(key);
		if (cached != null) {
			return cached;
		}
		Set<String> units = traverse(dataset.generation(), roots);
		if (this.visible.size() > 256) {
			this.visible.clear();
		}
		this.visible.put(key, units);
		return units;
	}

	/** Walks the hierarchy below the roots level by level in one read transaction. */
	Set<String> traverse(long generation, Collection<String> roots) {
		return this.graph.inReadOnlyTransaction((tx) -> {
			List<String> existing = ids(tx.run(this.cypher.statement(FILE, "roots"),
					Map.of("generation", generation, "unitIds", List.copyOf(roots))));
			List<String> guidance = ids(tx.run(this.cypher.statement(FILE, "guidance-children"),
					Map.of("generation", generation, "unitIds", existing)));
			String children = this.cypher.statement(FILE, "children");
			return java.util.Collections.unmodifiableSet(ScopeTraversal.walk(existing, guidance,
					(frontier) -> ids(tx.run(children, Map.of("generation", generation, "unitIds", frontier)))));
		});
	}

	private static List<String> ids(List<Map<String, Object>> rows) {
		List<String> ids = new ArrayList<>(rows.size());
		rows.forEach((r) -> ids.add((String) r.get("id")));
		return ids;
	}

	/** Id → name of every unit outside the scope, remembered per dataset and scope. */
	private Map<String, String> outsideNames(List<String> roots, Set<String> units) {
		DatasetInfo dataset = this.datasets.active();
		ScopeKey key = new ScopeKey(dataset.generation(), dataset.importedAt(), List.copyOf(roots));
		Map<String, String> cached = this.names.get(key);
		if (cached != null) {
			return cached;
		}
		Map<String, String> outside = new HashMap<>();
		this.graph.read(this.cypher.statement(FILE, "names"), Map.of("generation", dataset.generation()))
			.forEach((row) -> {
				if (!units.contains((String) row.get("id"))) {
					outside.put((String) row.get("id"), (String) row.get("name"));
				}
			});
		if (this.names.size() > 64) {
			this.names.clear();
		}
		this.names.put(key, outside);
		return outside;
	}

	/** Drops evidence outside the scope and names outside units as such. */
	private static Finding clip(Finding f, Set<String> units, Map<String, String> outside) {
		List<String> dropped = new ArrayList<>();
		List<String> nodeIds = new ArrayList<>();
		for (String id : f.evidence().nodeIds()) {
			if (outside.containsKey(id)) {
				dropped.add(id);
			}
			else {
				nodeIds.add(id);
			}
		}
		List<List<String>> paths = f.evidence()
			.paths()
			.stream()
			.filter((p) -> p.stream().noneMatch(outside::containsKey))
			.toList();
		if (dropped.isEmpty() && paths.size() == f.evidence().paths().size()) {
			return f;
		}
		String zh = f.messageZh();
		String en = f.messageEn();
		Set<String> namesToHide = new LinkedHashSet<>();
		for (List<String> p : f.evidence().paths()) {
			p.stream().filter(outside::containsKey).forEach(dropped::add);
		}
		dropped.forEach((id) -> {
			String name = outside.get(id);
			if (name != null && !name.isBlank()) {
				namesToHide.add(name);
			}
		});
		for (String name : namesToHide) {
			zh = (zh != null) ? zh.replace(name, OUTSIDE_ZH) : null;
			en = (en != null) ? en.replace(name, OUTSIDE_EN) : null;
		}
		return new Finding(f.analysis(), f.code(), f.severity(), f.unitId(), f.level(), f.postId(), f.personId(),
				f.dutyId(), f.issueId(), f.subject(), new Message(zh, en), new Evidence(nodeIds, paths), f.metrics());
	}

	/** For callers that cache per date: the caller's view of the whole audit at asOf. */
	public AuditDocument wholeAudit(LocalDate asOf) {
		return filter(this.audits.whole(asOf));
	}

}
