package org.dutychain.analysis.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.dutychain.analysis.ScopedDuties.Duty;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DutyCascade} against brute force (the transitive closure of DERIVED_FROM
 * computed per duty) on small random hierarchies and duty graphs with fixed seeds.
 */
class DutyCascadeTests {

	@Test
	void aDutyDerivedTwoHopsDeepStillCounts() {
		ScopedGraph graph = ScopedGraph.of(null,
				List.of(unit("U-1", 1, 1), unit("U-2", 2, 1), unit("U-3", 2, 1), unit("U-4", 3, 0)),
				List.of(lead("U-1", "U-2", "PRIMARY"), lead("U-1", "U-3", "PRIMARY"), lead("U-2", "U-4", "PRIMARY")),
				List.of());
		List<Duty> duties = List.of(duty("D-1", "U-1"), duty("D-2", "U-2", "D-1"), duty("D-3", "U-4", "D-2"),
				duty("D-9", "U-3", "D-3"));
		DutyCascade.Result result = DutyCascade.compute(graph, duties, Set.of("U-1"));
		assertThat(result.breaks()).isEmpty();
		assertThat(result.reach()).singleElement().satisfies((r) -> {
			assertThat(r.deepestLevel()).isEqualTo(3);
			assertThat(r.subtreeDepth()).isEqualTo(3);
			assertThat(r.leafCoverage()).isEqualTo(1.0);
		});
	}

	@Test
	void reportsEachChildWithPostsThatTheDutyNeverReaches() {
		ScopedGraph graph = ScopedGraph.of(null,
				List.of(unit("U-1", 1, 1), unit("U-2", 2, 1), unit("U-3", 2, 1), unit("U-4", 2, 0)),
				List.of(lead("U-1", "U-2", "PRIMARY"), lead("U-1", "U-3", "DUAL"), lead("U-1", "U-4", "PRIMARY")),
				List.of());
		DutyCascade.Result result = DutyCascade.compute(graph, List.of(duty("D-1", "U-1"), duty("D-2", "U-2", "D-1")),
				Set.of("U-1"));
		assertThat(result.breaks()).extracting((b) -> "D-" + b.duty().key() + "/" + graph.id(b.child()))
			.containsExactly("D-1/U-3");
		assertThat(result.reach()).singleElement().satisfies((r) -> assertThat(r.leafCoverage()).isEqualTo(1.0 / 3));
	}

	@Test
	void agreesWithBruteForceOnRandomGraphs() {
		for (long seed = 1; seed <= 300; seed++) {
			Random random = new Random(seed);
			int n = 1 + random.nextInt(9);
			List<ScopedGraph.UnitRow> units = new ArrayList<>();
			List<ScopedGraph.LeadRow> leads = new ArrayList<>();
			int[] level = new int[n];
			Map<Integer, Set<Integer>> children = new HashMap<>();
			for (int i = 0; i < n; i++) {
				children.put(i, new HashSet<>());
			}
			for (int i = 0; i < n; i++) {
				level[i] = 1;
				if (i > 0 && random.nextDouble() < 0.85) {
					int p = random.nextInt(i);
					level[i] = level[p] + 1;
					leads.add(lead(id(p), id(i), "PRIMARY"));
					children.get(p).add(i);
				}
				if (i > 1 && random.nextDouble() < 0.2) {
					int p = random.nextInt(i);
					leads.add(lead(id(p), id(i), random.nextBoolean() ? "DUAL" : "GUIDANCE"));
					if (leads.get(leads.size() - 1).kind().equals("DUAL")) {
						children.get(p).add(i);
					}
				}
			}
			int[] posts = new int[n];
			for (int i = 0; i < n; i++) {
				posts[i] = random.nextDouble() < 0.8 ? 1 : 0;
				units.add(unit(id(i), level[i], posts[i]));
			}
			int m = random.nextInt(25);
			int[] owner = new int[m];
			List<List<Integer>> from = new ArrayList<>();
			List<Duty> rows = new ArrayList<>();
			for (int x = 0; x < m; x++) {
				owner[x] = random.nextInt(n);
				List<Integer> f = new ArrayList<>();
				for (int y = 0; y < m; y++) {
					if (y != x && random.nextDouble() < ((y < x) ? 0.15 : 0.02)) {
						f.add(y);
					}
				}
				from.add(f);
				rows.add(new Duty(x, id(owner[x]), null, "POLITICAL",
						f.stream().mapToLong(Integer::longValue).toArray()));
			}
			ScopedGraph graph = ScopedGraph.of(null, units, leads, List.of());
			DutyCascade.Result result = DutyCascade.compute(graph, rows, Set.of(id(0)));
			// brute force: ancestors of every duty by DFS along derivedFrom
			List<Set<Integer>> ancestors = new ArrayList<>();
			for (int x = 0; x < m; x++) {
				Set<Integer> seen = new HashSet<>();
				ArrayDeque<Integer> stack = new ArrayDeque<>(from.get(x));
				while (!stack.isEmpty()) {
					int y = stack.pop();
					if (seen.add(y)) {
						stack.addAll(from.get(y));
					}
				}
				seen.remove(x);
				ancestors.add(seen);
			}
			Set<String> expected = new HashSet<>();
			for (int d = 0; d < m; d++) {
				for (int c : children.get(owner[d])) {
					if (posts[c] == 0) {
						continue;
					}
					boolean covered = false;
					for (int x = 0; x < m; x++) {
						covered |= owner[x] == c && ancestors.get(x).contains(d);
					}
					if (!covered) {
						expected.add("D-" + d + "/" + id(c));
					}
				}
			}
			Set<String> actual = new HashSet<>();
			result.breaks().forEach((b) -> actual.add("D-" + b.duty().key() + "/" + graph.id(b.child())));
			assertThat(actual).as("seed %d", seed).isEqualTo(expected);
			for (DutyCascade.Reach r : result.reach()) {
				int d = (int) r.duty().key();
				int deepest = level[owner[d]];
				for (int x = 0; x < m; x++) {
					if (ancestors.get(x).contains(d)) {
						deepest = Math.max(deepest, level[owner[x]]);
					}
				}
				assertThat(r.deepestLevel()).as("seed %d deepest level of D-%d", seed, d).isEqualTo(deepest);
			}
		}
	}

	private static String id(int i) {
		return String.format("U-%02d", i);
	}

	static ScopedGraph.UnitRow unit(String id, int level, int posts) {
		return new ScopedGraph.UnitRow(id, id, "BRANCH", level, posts);
	}

	static ScopedGraph.LeadRow lead(String from, String to, String kind) {
		return new ScopedGraph.LeadRow(from, to, kind);
	}

	/** A duty whose key is the number in its id ("D-2": key 2). */
	private static Duty duty(String id, String unit, String... from) {
		return new Duty(key(id), unit, null, "POLITICAL",
				java.util.Arrays.stream(from).mapToLong(DutyCascadeTests::key).toArray());
	}

	private static long key(String id) {
		return Long.parseLong(id.substring(2));
	}

}
