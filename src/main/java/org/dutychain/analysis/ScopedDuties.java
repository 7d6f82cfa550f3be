package org.dutychain.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;

/**
 * The duty lists in scope (责任清单) that analyses share: loaded once per run through
 * {@link AnalysisContext#shared} from {@code cypher/query/scoped-duties.cypher}, the way
 * the scoped unit graph is. duty-cascade searches the DERIVED_FROM graph of
 * {@link #takeDuties()}; list-coverage reads the domains of each personal list
 * ({@link #personalDomains(String)}). Draft duties are not seen.
 *
 * <p>
 * A duty is known here by its <em>key</em>, the database's internal id, read as a join
 * key of the one result that returns it: the business id ({@code id} property) is read
 * only for the few duties a finding names ({@link #dutyIds}), because reading and
 * carrying 1.4 M id strings was half the time of this load at 100k units. The keys never
 * leave the audit; {@link #dutyIds} reads them back in a later transaction only with a
 * check that each still names a duty of the generation and domain on a list of the same
 * unit, and {@link ListsChangedException} (the audit runs again) when one does not.
 */
public final class ScopedDuties {

	/** The file that selects the duty lists. */
	public static final String FILE = "query/scoped-duties.cypher";

	private static final long[] NO_SOURCES = {};

	/**
	 * One duty in scope: its key (valid within this audit only), the list it is on (the
	 * unit's team list, or the personal list of post {@code postId}), its domain and the
	 * keys of the duties it is derived from.
	 */
	public record Duty(long key, String unitId, String postId, String domain, long[] derivedFrom) {
	}

	/**
	 * A duty read by this audit no longer names a duty of the generation and domain on
	 * its unit's lists: the lists were edited while the audit ran. The audit (or the one
	 * analysis) runs again.
	 */
	public static final class ListsChangedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ListsChangedException(String message) {
			super(message);
		}

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
	 * The business ids of {@code named} duties of this run, by key (statement
	 * {@code duty-ids}; a few thousand at 100k units, read in batches).
	 * @throws ListsChangedException when a key no longer names a duty of the generation
	 * and domain on a list of the duty's unit
	 */
	public static Map<Long, String> dutyIds(AnalysisContext context, CypherFiles files, Collection<Duty> named) {
		CypherFile.Statement statement = files.file(FILE).statement("duty-ids");
		Map<Long, String> units = new LinkedHashMap<>();
		List<Map<String, Object>> keys = new ArrayList<>();
		for (Duty d : named) {
			if (units.putIfAbsent(d.key(), d.unitId()) == null) {
				Map<String, Object> key = new HashMap<>(); // the domain may be null
				key.put("key", d.key());
				key.put("unitId", d.unitId());
				key.put("domain", d.domain());
				keys.add(key);
			}
		}
		Map<Long, String> ids = new HashMap<>();
		for (int from = 0; from < keys.size(); from += 10_000) {
			List<Map<String, Object>> batch = keys.subList(from, Math.min(keys.size(), from + 10_000));
			for (Map<String, Object> row : context.read(statement, Map.of("keys", batch))) {
				ids.put(((Number) row.get("key")).longValue(), (String) row.get("dutyId"));
			}
		}
		for (Map.Entry<Long, String> e : units.entrySet()) {
			if (ids.get(e.getKey()) == null) {
				throw new ListsChangedException("The duty lists of unit " + e.getValue()
						+ " changed while they were read (a duty read from them is no longer on them)");
			}
		}
		return ids;
	}

	/**
	 * Reads the compact rows of statement {@code duties} (a unit per row, an entry per
	 * DERIVED_FROM edge of each of its duties) as they arrive.
	 */
	static ScopedDuties load(AnalysisContext context, CypherFile.Statement statement) {
		Long2ObjectOpenHashMap<Accumulator> byKey = new Long2ObjectOpenHashMap<>();
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
						long key = ((Number) entry.get(0)).longValue();
						Accumulator duty = byKey.get(key);
						if (duty == null) {
							duty = new Accumulator(key);
							byKey.put(key, duty);
						}
						duty.add(unitId, postId, domain, (Number) entry.get(2));
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
		List<Duty> duties = new ArrayList<>(byKey.size());
		for (Accumulator a : byKey.values()) {
			duties.add(new Duty(a.key, a.unitId, a.postId, a.domain, a.sources));
		}
		return new ScopedDuties(duties, personal);
	}

	/** One duty while its entries arrive. */
	private static final class Accumulator {

		private final long key;

		private String unitId;

		private String postId;

		private String domain;

		// most duties derive from one duty or none: no array until the first
		private long[] sources = NO_SOURCES;

		Accumulator(long key) {
			this.key = key;
		}

		void add(String unit, String post, String dutyDomain, Number source) {
			if (this.unitId == null || before(unit, post)) {
				this.unitId = unit;
				this.postId = post;
				this.domain = dutyDomain;
			}
			if (source != null) {
				long s = source.longValue();
				for (long known : this.sources) {
					if (known == s) {
						return;
					}
				}
				this.sources = Arrays.copyOf(this.sources, this.sources.length + 1);
				this.sources[this.sources.length - 1] = s;
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
