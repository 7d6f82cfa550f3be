package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;

/**
 * The duty lists in scope (责任清单) that analyses share: loaded once per run through
 * {@link AnalysisContext#shared} from {@code cypher/query/scoped-duties.cypher}, the way
 * the scoped unit graph is. duty-cascade searches the DERIVED_FROM graph of
 * {@link #takeDuties()}; list-coverage reads the domains of each personal list
 * ({@link #personalDomains(String)}). Draft duties are not seen.
 */
public final class ScopedDuties {

	/** The file that selects the duty lists. */
	public static final String FILE = "query/scoped-duties.cypher";

	/**
	 * One duty in scope: the list it is on (the unit's team list, or the personal list of
	 * post {@code postId}), its domain and the duties it is derived from.
	 */
	public record Duty(String dutyId, String unitId, String postId, String domain, List<String> derivedFrom) {
	}

	private List<Duty> duties;

	private final Map<String, Set<String>> personalDomains;

	ScopedDuties(List<Duty> duties, Map<String, Set<String>> personalDomains) {
		this.duties = Collections.unmodifiableList(duties);
		this.personalDomains = personalDomains;
	}

	/**
	 * The run's duty lists, loaded on first use and shared by every analysis of the run.
	 */
	public static ScopedDuties of(AnalysisContext context, CypherFiles files) {
		return context.shared(ScopedDuties.class, () -> load(context, files.file(FILE).statement("duties")));
	}

	/**
	 * Every duty in scope once, in no particular order, handed over once: the duties are
	 * the bulk of this load (≈ 250 MB at 100k units) and duty-cascade, their only reader,
	 * is done with them long before the audit ends, so they are not kept for the rest of
	 * it (the post domains are). A duty on several lists keeps the list that sorts first
	 * (by unit id, then post id, a team list after the personal lists of its unit); its
	 * sources are those of every list.
	 * @throws IllegalStateException when they were taken already in this run
	 */
	public synchronized List<Duty> takeDuties() {
		List<Duty> taken = this.duties;
		if (taken == null) {
			throw new IllegalStateException("The duties of this run were handed over already; a second reader of "
					+ FILE + " must share them another way");
		}
		this.duties = null;
		return taken;
	}

	/**
	 * The domains of the duties on a post's personal list (a duty without a domain adds
	 * none), or null when the list holds no duty.
	 */
	public Set<String> personalDomains(String postId) {
		return this.personalDomains.get(postId);
	}

	/**
	 * Reads the compact rows of statement {@code duties} (a unit per row, an entry per
	 * DERIVED_FROM edge of each of its duties) as they arrive.
	 */
	static ScopedDuties load(AnalysisContext context, CypherFile.Statement statement) {
		Map<String, Accumulator> byId = new HashMap<>();
		Map<String, Set<String>> personal = new HashMap<>();
		// few distinct domains: one set per combination, not one per post
		Map<Set<String>, Set<String>> canonical = new HashMap<>();
		// every entry arrives as new strings: one object per domain and per post instead
		// (millions of duties at a national size, held for the whole audit)
		Map<String, String> domains = new HashMap<>();
		context.stream(statement, (r) -> {
			String unitId = Objects.toString(r.get("unitId"), null);
			String lastPost = null;
			for (String column : List.of("team", "personal")) {
				if (r.get(column) instanceof List<?> entries) {
					for (Object e : entries) {
						List<?> entry = (List<?>) e;
						String postId = (entry.size() > 3) ? Objects.toString(entry.get(3), null) : null;
						if (postId != null && postId.equals(lastPost)) {
							postId = lastPost; // a post's duties arrive one after another
						}
						lastPost = (postId != null) ? postId : lastPost;
						String domain = Objects.toString(entry.get(1), null);
						domain = (domain != null) ? domains.computeIfAbsent(domain, (d) -> d) : null;
						String source = Objects.toString(entry.get(2), null);
						Accumulator known = (source != null) ? byId.get(source) : null;
						byId.computeIfAbsent(Objects.toString(entry.get(0), null), Accumulator::new)
							.add(unitId, postId, domain, (known != null) ? known.dutyId : source);
						if (postId != null) {
							Set<String> held = personal.get(postId);
							if (held == null || (domain != null && !held.contains(domain))) {
								Set<String> grown = new TreeSet<>((held != null) ? held : Set.of());
								if (domain != null) {
									grown.add(domain);
								}
								personal.put(postId,
										canonical.computeIfAbsent(Collections.unmodifiableSet(grown), (k) -> k));
							}
						}
					}
				}
			}
		});
		List<Duty> duties = new ArrayList<>(byId.size());
		for (Accumulator a : byId.values()) {
			duties.add(new Duty(a.dutyId, a.unitId, a.postId, a.domain, a.sources));
		}
		return new ScopedDuties(duties, personal);
	}

	/** One duty while its entries arrive. */
	private static final class Accumulator {

		private final String dutyId;

		private String unitId;

		private String postId;

		private String domain;

		// most duties derive from one duty or none: no list until the first
		private List<String> sources = List.of();

		Accumulator(String dutyId) {
			this.dutyId = dutyId;
		}

		void add(String unit, String post, String dutyDomain, String source) {
			if (this.unitId == null || before(unit, post)) {
				this.unitId = unit;
				this.postId = post;
				this.domain = dutyDomain;
			}
			if (source != null && !this.sources.contains(source)) {
				if (this.sources.isEmpty()) {
					this.sources = new ArrayList<>(1);
				}
				this.sources.add(source);
			}
		}

		/**
		 * Whether (unit, post) sorts before the kept list: unit id, then post id, nulls
		 * last.
		 */
		private boolean before(String unit, String post) {
			int c = unit.compareTo(this.unitId);
			if (c != 0) {
				return c < 0;
			}
			if (post == null) {
				return false;
			}
			return this.postId == null || post.compareTo(this.postId) < 0;
		}

	}

}
