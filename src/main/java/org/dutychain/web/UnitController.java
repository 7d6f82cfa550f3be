package org.dutychain.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dutychain.analysis.AnalysisSettings;
import org.dutychain.analysis.AuditCache;
import org.dutychain.analysis.AuditStatus;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Severity;
import org.dutychain.duty.DomainList;
import org.dutychain.duty.DutyLists;
import org.dutychain.duty.PersonalList;
import org.dutychain.organization.ChildLink;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;
import org.dutychain.organization.UnitDetails;
import org.dutychain.organization.UnitDirectory;
import org.dutychain.organization.UnitEdge;
import org.dutychain.organization.UnitNode;
import org.dutychain.organization.UnitSummary;
import org.dutychain.people.PostDirectory;
import org.dutychain.people.PostHolding;
import org.dutychain.record.UnitRecords;
import org.dutychain.security.AccessScope;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Units: search, the unit panel, the lazy tree and the roots (单位). */
@RestController
class UnitController {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 500;

	/**
	 * Levels one tree request may ask for: the page opens three, its overview loads a
	 * whole hierarchy with eight per request (walked level by level, linear in the
	 * subtree).
	 */
	static final int MAX_DEPTH = 8;

	private final Datasets datasets;

	private final UnitDirectory units;

	private final PostDirectory posts;

	private final DutyLists duties;

	private final UnitRecords records;

	private final AuditCache audits;

	private final AnalysisSettings settings;

	private final AccessScope access;

	UnitController(Datasets datasets, UnitDirectory units, PostDirectory posts, DutyLists duties, UnitRecords records,
			AuditCache audits, AnalysisSettings settings, AccessScope access) {
		this.access = access;
		this.datasets = datasets;
		this.units = units;
		this.posts = posts;
		this.duties = duties;
		this.records = records;
		this.audits = audits;
		this.settings = settings;
	}

	/**
	 * The unit panel.
	 *
	 * @param parents the primary ancestors, root first
	 * @param leaders every leading unit by edge kind (PRIMARY, DUAL, GUIDANCE,
	 * DISCIPLINE_SUPERVISION)
	 * @param posts posts with their current holder (null = vacant)
	 * @param teamList the team list by the eight domains
	 * @param personalLists each post's list by domain, with its blank domains
	 * @param gradings by year, latest first
	 * @param findingCounts the unit's findings per severity
	 * @param findings the unit's findings in the whole-dataset audit at asOf
	 * @param audit where that audit stands: while it is computing (in the background,
	 * never for this unit alone) findings are empty and {@code audit.messageZh} says
	 * 审计计算中（进度 n%）
	 */
	record UnitPanel(LocalDate asOf, UnitDetails unit, List<UnitSummary> parents,
			Map<String, List<UnitSummary>> leaders, List<PostHolding> posts, DomainList teamList,
			List<PersonalList> personalLists, List<UnitRecords.FirstSecretaryPosting> firstSecretaries,
			List<UnitRecords.AssistanceRecord> assistance, Map<Integer, List<UnitRecords.GradingRecord>> gradings,
			List<UnitRecords.OpenIssue> openIssues, Map<Severity, Integer> findingCounts, List<Finding> findings,
			AuditStatus audit) {
	}

	/**
	 * A node of the lazy tree.
	 *
	 * @param edgeKind PRIMARY or DUAL: the edge from its parent in this tree (null for
	 * the requested unit)
	 * @param findings finding counts per severity in the whole-dataset audit
	 * @param worst the highest severity among them, null when none
	 * @param pressure weighted trailing-year activity ÷ expected for its kind (null when
	 * the kind has no expectation)
	 * @param members party members (null when not recorded)
	 * @param secretary current holder(s) of the PRINCIPAL post at asOf, joined by 、 (null
	 * = vacant or no such post)
	 * @param children loaded children, PRIMARY first; null when not loaded (below the
	 * requested depth)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TreeNode(String id, String name, String kind, String kindZh, int level, String edgeKind, int childCount,
			Map<Severity, Integer> findings, Severity worst, Double pressure, Long members, String secretary,
			List<TreeNode> children) {
	}

	/** What every node of one tree answer carries besides its own row. */
	private record NodeFacts(Map<String, Double> pressure, Map<String, Map<Severity, Integer>> findingCounts,
			Map<String, List<String>> secretaries, AuditStatus audit) {
	}

	/**
	 * @param extraEdges GUIDANCE and DISCIPLINE_SUPERVISION edges touching any node of
	 * the tree
	 * @param audit where the whole-dataset audit behind the finding counts stands (counts
	 * are 0 while it is computing)
	 */
	record TreeResponse(LocalDate asOf, int depth, TreeNode root, List<UnitEdge> extraEdges, AuditStatus audit) {
	}

	@GetMapping("/api/units")
	List<UnitSummary> search(@RequestParam(required = false) String query,
			@RequestParam(required = false) Integer limit) {
		int n = (limit != null) ? limit : DEFAULT_LIMIT;
		if (n < 0 || n > MAX_LIMIT) {
			throw new BadRequestException("limit", String.valueOf(limit), "limit 应在 0 到 " + MAX_LIMIT + " 之间");
		}
		Set<String> visible = this.access.visibleUnits();
		if (visible == null) {
			return this.units.search(generation(), query, n);
		}
		return this.units.search(generation(), query, MAX_LIMIT)
			.stream()
			.filter((u) -> visible.contains(u.id()))
			.limit(n)
			.toList();
	}

	/**
	 * Every unit of the active dataset as id, name, kind and level: the page shows units
	 * by name (findings, blank lists, pressure tables) with the id secondary.
	 */
	@GetMapping("/api/units/index")
	List<UnitSummary> index() {
		return this.units.search(generation(), "", Integer.MAX_VALUE);
	}

	/**
	 * The units that lead this one, by edge kind (PRIMARY, DUAL, DISCIPLINE_SUPERVISION
	 * …): the accountability diagram draws its real edges from them.
	 */
	@GetMapping("/api/units/{id}/leaders")
	Map<String, List<UnitSummary>> leaders(@PathVariable String id) {
		long generation = generation();
		this.units.require(generation, id);
		return this.units.leaders(generation, id);
	}

	@GetMapping("/api/units/{id}")
	UnitPanel unit(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		long generation = generation();
		UnitDetails unit = this.units.require(generation, id);
		this.access.requireVisible(id);
		LocalDate date = this.datasets.asOf(asOf);
		Map<Integer, List<UnitRecords.GradingRecord>> gradings = new TreeMap<>(java.util.Comparator.reverseOrder());
		if (!this.access.hidesSensitive()) {
			for (UnitRecords.GradingRecord g : this.records.gradings(generation, id)) {
				gradings.computeIfAbsent(g.year(), (y) -> new ArrayList<>()).add(g);
			}
		}
		AuditCache.UnitFindings unitFindings = this.audits.unitFindings(id, date);
		List<Finding> findings = this.access.filter(unitFindings.findings());
		return new UnitPanel(date, unit, this.units.primaryAncestors(generation, id),
				this.units.leaders(generation, id), this.posts.posts(generation, id, date),
				this.duties.teamList(generation, id), this.duties.personalLists(generation, id),
				this.records.firstSecretaries(generation, id, date), this.records.assistance(generation, id, date),
				gradings, this.records.openIssues(generation, id), count(findings), findings, unitFindings.audit());
	}

	@GetMapping("/api/units/{id}/tree")
	TreeResponse tree(@PathVariable String id, @RequestParam(defaultValue = "1") int depth,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		if (depth < 0 || depth > MAX_DEPTH) {
			throw new BadRequestException("depth", String.valueOf(depth), "depth 应在 0 到 " + MAX_DEPTH + " 之间");
		}
		long generation = generation();
		List<UnitNode> start = this.units.nodes(generation, List.of(id));
		if (start.isEmpty()) {
			throw new org.dutychain.organization.UnknownUnitException(id);
		}
		this.access.requireVisible(id);
		Set<String> visible = this.access.visibleUnits();
		LocalDate date = this.datasets.asOf(asOf);
		Map<String, List<ChildLink>> childrenOf = new LinkedHashMap<>();
		Set<String> ids = new LinkedHashSet<>(List.of(id));
		List<String> frontier = List.of(id);
		for (int d = 0; d < depth && !frontier.isEmpty(); d++) {
			List<String> next = new ArrayList<>();
			for (ChildLink link : this.units.children(generation, frontier)) {
				if (visible != null && !visible.contains(link.child().id())) {
					continue;
				}
				childrenOf.computeIfAbsent(link.parentId(), (p) -> new ArrayList<>()).add(link);
				if (ids.add(link.child().id())) {
					next.add(link.child().id());
				}
			}
			frontier.forEach((p) -> childrenOf.putIfAbsent(p, List.of()));
			frontier = next;
		}
		NodeFacts facts = facts(generation, List.copyOf(ids), date);
		TreeNode root = node(start.get(0), null, depth, childrenOf, facts);
		return new TreeResponse(date, depth, root, this.units.extraEdges(generation, List.copyOf(ids)), facts.audit());
	}

	@GetMapping("/api/roots")
	List<TreeNode> roots(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		long generation = generation();
		LocalDate date = this.datasets.asOf(asOf);
		List<String> scopeRoots = this.access.roots();
		List<UnitNode> roots = this.access.caller().unrestricted() ? this.units.roots(generation)
				: this.units.nodes(generation, scopeRoots);
		NodeFacts facts = facts(generation, roots.stream().map(UnitNode::id).toList(), date);
		return roots.stream().map((r) -> node(r, null, 0, Map.of(), facts)).toList();
	}

	private NodeFacts facts(long generation, List<String> ids, LocalDate date) {
		AuditCache.Counts all = this.audits.counts(ids, date);
		Map<String, Map<Severity, Integer>> counts = all.counts();
		boolean filtered = !this.access.caller().unrestricted() || this.access.hidesSensitive();
		if (filtered) {
			counts = new LinkedHashMap<>();
			for (String unitId : ids) {
				counts.put(unitId, count(this.access.filter(this.audits.unitFindings(unitId, date).findings())));
			}
		}
		return new NodeFacts(pressure(generation, ids, date), counts,
				this.posts.principalHolders(generation, ids, date), all.audit());
	}

	/** Finding counts per severity, every severity present. */
	private static Map<Severity, Integer> count(List<Finding> findings) {
		Map<Severity, Integer> counts = new java.util.EnumMap<>(Severity.class);
		for (Severity s : Severity.values()) {
			counts.put(s, 0);
		}
		findings.forEach((f) -> counts.merge(f.severity(), 1, Integer::sum));
		return counts;
	}

	private TreeNode node(UnitNode unit, String edgeKind, int depth, Map<String, List<ChildLink>> childrenOf,
			NodeFacts facts) {
		List<TreeNode> children = null;
		if (depth > 0 && childrenOf.containsKey(unit.id())) {
			children = childrenOf.get(unit.id())
				.stream()
				.map((link) -> node(link.child(), link.edgeKind(), depth - 1, childrenOf, facts))
				.toList();
		}
		Map<Severity, Integer> counts = facts.findingCounts().get(unit.id());
		Severity worst = counts.entrySet()
			.stream()
			.filter((e) -> e.getValue() > 0)
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
		List<String> secretaries = facts.secretaries().get(unit.id());
		return new TreeNode(unit.id(), unit.name(), unit.kind(), unit.kindZh(), unit.level(), edgeKind,
				unit.childCount(), counts, worst, facts.pressure().get(unit.id()), unit.members(),
				(secretaries != null) ? String.join("、", secretaries) : null, children);
	}

	private Map<String, Double> pressure(long generation, List<String> ids, LocalDate asOf) {
		return this.records.pressure(generation, ids, asOf, this.settings.weights(), this.settings.expected());
	}

	private long generation() {
		DatasetInfo dataset = this.datasets.active();
		return dataset.generation();
	}

}
