package org.dutychain.security;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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
import org.dutychain.analysis.Finding;
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

	private final Map<ScopeKey, OutsideNames> names = new ConcurrentHashMap<>();

	private record OwnerKey(long generation, ZonedDateTime importedAt) {
	}

	private final Map<OwnerKey, Map<String, ScopeMask.Owner>> owners = new ConcurrentHashMap<>();

	/**
	 * The key of the digests that stand for outside ids in finding keys: system data
	 * ({@code cypher/security/secrets.cypher}), read once.
	 */
	private volatile byte[] maskSecret;

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

	/**
	 * The signed-in user with its current role and scopes ({@link UserStore#current}:
	 * every change of this process is seen at once).
	 */
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
		Optional<UserAccount> user = this.users.current(auth.getName());
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
	 * {@link #isVisible(String)} in a dataset the caller has read already (no second read
	 * of the active dataset).
	 */
	public boolean isVisible(DatasetInfo dataset, String unitId) {
		Caller caller = caller();
		return caller.unrestricted() || units(dataset, caller.roots()).contains(unitId);
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
		List<Finding> kept = new ArrayList<>();
		for (Finding f : findings) {
			if (hide && isSensitive(f)) {
				continue;
			}
			if (units != null && (f.unitId() == null || !units.contains(f.unitId()))) {
				continue;
			}
			kept.add(f);
		}
		if (units == null || kept.isEmpty()) {
			return kept;
		}
		ScopeMask mask = mask(caller.roots(), units, kept);
		List<Finding> clipped = new ArrayList<>(kept.size());
		kept.forEach((f) -> clipped.add(mask.clip(f)));
		return clipped;
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
		List<String> roots = distinctRoots();
		List<Finding> findings = new ArrayList<>();
		boolean wholeDataset = document.scope() == null;
		for (Finding f : document.findings()) {
			if (!(wholeDataset && SCOPE_LEVEL_CODES.contains(f.code()))) {
				findings.add(f);
			}
		}
		List<AuditDocument> rootAudits = new ArrayList<>();
		if (wholeDataset) {
			for (String root : roots) {
				AuditDocument rootAudit = this.audits.audit(root, document.asOf());
				rootAudits.add(rootAudit);
				rootAudit.findings()
					.stream()
					.filter((f) -> SCOPE_LEVEL_CODES.contains(f.code()))
					.forEach(findings::add);
			}
		}
		List<Finding> kept = new ArrayList<>(filter(findings));
		kept.sort(org.dutychain.analysis.Findings.ORDER);
		if (!wholeDataset) {
			return new AuditDocument(document.dataset(), document.asOf(), document.scope(), document.analyses(),
					document.levels(), kept);
		}
		if (rootAudits.isEmpty()) {
			// no scope unit left in the dataset: never the whole dataset's summaries
			return new AuditDocument(document.dataset(), document.asOf(), "", List.of(), List.of(), kept);
		}
		return new AuditDocument(document.dataset(), document.asOf(), String.join(",", roots),
				(rootAudits.size() == 1) ? rootAudits.get(0).analyses() : AuditMerge.analyses(roots, rootAudits),
				(rootAudits.size() == 1) ? rootAudits.get(0).levels() : AuditMerge.levels(rootAudits), kept);
	}

	/**
	 * The caller's scope roots without those inside another root's subtree (their units
	 * are counted once), in the order of its scopes.
	 */
	public List<String> distinctRoots() {
		List<String> roots = roots().stream().distinct().toList();
		if (roots.size() < 2) {
			return roots;
		}
		List<String> distinct = new ArrayList<>();
		for (String root : roots) {
			boolean nested = false;
			for (String other : roots) {
				if (!other.equals(root) && units(List.of(other)).contains(root)
						&& !(units(List.of(root)).contains(other) && roots.indexOf(other) > roots.indexOf(root))) {
					nested = true;
				}
			}
			if (!nested) {
				distinct.add(root);
			}
		}
		return distinct;
	}

	/**
	 * The cached audit behind a level view (coverage, pressure) without waiting for it:
	 * the requested unit's (checked), else the whole dataset's for an unrestricted
	 * caller, else one document over every root of the caller's scope (its level
	 * summaries and metrics merged, {@link AuditMerge}); null document while an audit is
	 * still running.
	 */
	public AuditCache.ViewAudit view(String requested, LocalDate asOf) {
		if (requested != null && !requested.isBlank()) {
			return this.audits.view(effectiveScope(requested), asOf);
		}
		if (caller().unrestricted()) {
			return this.audits.view(null, asOf);
		}
		List<String> roots = distinctRoots();
		if (roots.size() == 1) {
			return this.audits.view(roots.get(0), asOf);
		}
		List<AuditDocument> documents = new ArrayList<>();
		AuditCache.ViewAudit last = null;
		for (String root : roots) {
			last = this.audits.view(root, asOf);
			if (last.document() == null) {
				return last;
			}
			documents.add(last.document());
		}
		if (documents.isEmpty()) {
			// no scope unit left in the dataset: nothing to show (never the whole
			// dataset)
			AuditCache.ViewAudit whole = this.audits.view(null, asOf);
			return new AuditCache.ViewAudit(
					(whole.document() == null) ? null : new AuditDocument(whole.document().dataset(),
							whole.document().asOf(), "", List.of(), List.of(), List.of()),
					whole.audit());
		}
		AuditDocument first = documents.get(0);
		return new AuditCache.ViewAudit(new AuditDocument(first.dataset(), first.asOf(), String.join(",", roots),
				AuditMerge.analyses(roots, documents), AuditMerge.levels(documents), List.of()), last.audit());
	}

	/**
	 * An accountability chain as the caller may see it: units outside its scope by name
	 * only (no unit id, post or person).
	 */
	public AccountabilityChain filter(AccountabilityChain chain) {
		return filter(this.datasets.active(), chain);
	}

	/**
	 * {@link #filter(AccountabilityChain)} for a chain read from this dataset (no second
	 * read of the active dataset).
	 */
	public AccountabilityChain filter(DatasetInfo dataset, AccountabilityChain chain) {
		Caller caller = caller();
		if (caller.unrestricted()) {
			return chain;
		}
		Set<String> units = units(dataset, caller.roots());
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
		return units(this.datasets.active(), roots);
	}

	/** The unit ids of the subtrees of these scope units in this dataset. */
	private Set<String> units(DatasetInfo dataset, List<String> roots) {
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

	/**
	 * The names of the units outside a scope.
	 *
	 * @param outside id → name of every unit outside the scope
	 * @param hidden the names of outside units no inside unit carries
	 */
	private record OutsideNames(Map<String, String> outside, Set<String> hidden) {
	}

	/** Id → name of every unit outside the scope, remembered per dataset and scope. */
	private OutsideNames outsideNames(List<String> roots, Set<String> units) {
		DatasetInfo dataset = this.datasets.active();
		ScopeKey key = new ScopeKey(dataset.generation(), dataset.importedAt(), List.copyOf(roots));
		OutsideNames cached = this.names.get(key);
		if (cached != null) {
			return cached;
		}
		Map<String, String> outside = new HashMap<>();
		Set<String> insideNames = new HashSet<>();
		this.graph.read(this.cypher.statement(FILE, "names"), Map.of("generation", dataset.generation()))
			.forEach((row) -> {
				String name = (String) row.get("name");
				if (!units.contains((String) row.get("id"))) {
					outside.put((String) row.get("id"), (name != null) ? name : "");
				}
				else if (name != null) {
					insideNames.add(name);
				}
			});
		Set<String> hidden = new HashSet<>();
		outside.values().stream().filter((n) -> !n.isBlank() && !insideNames.contains(n)).forEach(hidden::add);
		OutsideNames names = new OutsideNames(Map.copyOf(outside), Set.copyOf(hidden));
		if (this.names.size() > 64) {
			this.names.clear();
		}
		this.names.put(key, names);
		return names;
	}

	/** The mask of a scope, with the owners of every record the findings refer to. */
	private ScopeMask mask(List<String> roots, Set<String> units, List<Finding> findings) {
		OutsideNames names = outsideNames(roots, units);
		Set<String> ids = new HashSet<>();
		findings.forEach((f) -> ids.addAll(ScopeMask.referencedIds(f)));
		ids.removeAll(units);
		ids.removeAll(names.outside().keySet());
		Map<String, ScopeMask.Owner> owners = owners(ids);
		return new ScopeMask(units, names.outside(), names.hidden(), (id) -> {
			ScopeMask.Owner owner = owners.get(id);
			return (owner == NO_RECORD) ? null : owner;
		}, this::templates, maskSecret());
	}

	private byte[] maskSecret() {
		byte[] secret = this.maskSecret;
		if (secret == null) {
			byte[] fresh = new byte[32];
			new java.security.SecureRandom().nextBytes(fresh);
			List<Map<String, Object>> rows = this.graph.write(
					this.cypher.statement("security/secrets.cypher", "secret"),
					Map.of("name", "scope-mask", "value", java.util.Base64.getEncoder().encodeToString(fresh)));
			secret = java.util.Base64.getDecoder().decode((String) rows.get(0).get("value"));
			this.maskSecret = secret;
		}
		return secret;
	}

	private static final ScopeMask.Owner NO_RECORD = new ScopeMask.Owner(null, Set.of(), false);

	/**
	 * The owners of these record ids in the active dataset ({@code owners} in
	 * {@value #FILE}), remembered per dataset generation ({@link #NO_RECORD} for an id
	 * that is no record).
	 */
	Map<String, ScopeMask.Owner> owners(Collection<String> ids) {
		DatasetInfo dataset = this.datasets.active();
		OwnerKey key = new OwnerKey(dataset.generation(), dataset.importedAt());
		Map<String, ScopeMask.Owner> cache = this.owners.get(key);
		if (cache == null || cache.size() > 1_000_000) {
			this.owners.clear();
			cache = new ConcurrentHashMap<>();
			this.owners.put(key, cache);
		}
		Map<String, ScopeMask.Owner> known = cache;
		List<String> missing = ids.stream().filter((id) -> id != null && !known.containsKey(id)).toList();
		String statement = this.cypher.statement(FILE, "owners");
		for (int from = 0; from < missing.size(); from += 10_000) {
			List<String> chunk = missing.subList(from, Math.min(missing.size(), from + 10_000));
			Map<String, String> names = new HashMap<>();
			Set<String> people = new HashSet<>();
			Map<String, Set<String>> units = new HashMap<>();
			this.graph.read(statement, Map.of("generation", dataset.generation(), "ids", chunk)).forEach((row) -> {
				String id = (String) row.get("id");
				Set<String> of = units.computeIfAbsent(id, (k) -> new HashSet<>());
				if (row.get("unitId") != null) {
					of.add((String) row.get("unitId"));
				}
				if (row.get("name") != null) {
					names.put(id, (String) row.get("name"));
				}
				if (Boolean.TRUE.equals(row.get("person"))) {
					people.add(id);
				}
			});
			for (String id : chunk) {
				Set<String> of = units.get(id);
				cache.put(id, (of == null) ? NO_RECORD : new ScopeMask.Owner(names.get(id), of, people.contains(id)));
			}
		}
		Map<String, ScopeMask.Owner> result = new HashMap<>();
		for (String id : ids) {
			if (id != null) {
				result.put(id, cache.getOrDefault(id, NO_RECORD));
			}
		}
		return result;
	}

	private String[] templates(String analysis, String code) {
		try {
			AnalysisDefinition.CodeInfo info = this.analyses.definition(analysis).code(code);
			return new String[] { info.zh(), info.en() };
		}
		catch (RuntimeException unknown) {
			return null;
		}
	}

	/**
	 * The audit of the requested unit (checked) or, without one, of the whole dataset, as
	 * the caller may see it.
	 */
	public AuditDocument audit(String requested, LocalDate asOf) {
		if (requested == null || requested.isBlank()) {
			return wholeAudit(asOf);
		}
		requireVisible(requested.strip());
		return filter(this.audits.audit(requested.strip(), asOf));
	}

	/** For callers that cache per date: the caller's view of the whole audit at asOf. */
	public AuditDocument wholeAudit(LocalDate asOf) {
		return filter(this.audits.whole(asOf));
	}

}
