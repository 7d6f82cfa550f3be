package org.dutychain.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The level-by-level walk of an access scope: one look-up per level, every unit once,
 * however deep the chain or however many DUAL edges join the branches again.
 */
class ScopeTraversalTests {

	/** A deep chain: U0 → U1 → … → U(n-1). */
	static Map<String, List<String>> chain(int n) {
		Map<String, List<String>> children = new HashMap<>();
		for (int i = 0; i < n - 1; i++) {
			children.put("U" + i, List.of("U" + (i + 1)));
		}
		return children;
	}

	@Test
	void aDeepChainIsWalkedWithOneLookUpPerLevelAndLinearWork() {
		int depth = 100_000;
		Map<String, List<String>> children = chain(depth);
		AtomicInteger lookUps = new AtomicInteger();
		AtomicLong examined = new AtomicLong();
		Set<String> scope = ScopeTraversal.walk(List.of("U0"), List.of(), (frontier) -> {
			lookUps.incrementAndGet();
			examined.addAndGet(frontier.size());
			return frontier.stream().flatMap((u) -> children.getOrDefault(u, List.of()).stream()).toList();
		});
		assertThat(scope).hasSize(depth).contains("U0", "U" + (depth - 1));
		assertThat(lookUps.get()).isEqualTo(depth);
		assertThat(examined.get()).isEqualTo(depth);
	}

	@Test
	void aScopeInTheMiddleOfTheChainHasOnlyItsSubtree() {
		Map<String, List<String>> children = chain(1_000);
		Set<String> scope = ScopeTraversal.walk(List.of("U990"), List.of(), lookUp(children));
		assertThat(scope).hasSize(10).doesNotContain("U989");
	}

	@Test
	void dualEdgesThatJoinBranchesAgainVisitEachUnitOnce() {
		// a ladder: every level has two units, each leading both units of the next level
		// (PRIMARY and DUAL)
		Map<String, List<String>> children = new HashMap<>();
		int levels = 5_000;
		for (int i = 0; i < levels - 1; i++) {
			List<String> next = List.of("L" + (i + 1), "R" + (i + 1));
			children.put("L" + i, next);
			children.put("R" + i, next);
		}
		AtomicLong examined = new AtomicLong();
		Set<String> scope = ScopeTraversal.walk(List.of("L0", "R0"), List.of(), (frontier) -> {
			examined.addAndGet(frontier.size());
			return lookUp(children).apply(frontier);
		});
		assertThat(scope).hasSize(2 * levels);
		assertThat(examined.get()).as("each unit's children asked for once").isEqualTo(2L * levels);
	}

	@Test
	void unitsGuidedByAWorkCommitteeRootAreWalkedLikeItsChildren() {
		Map<String, List<String>> children = Map.of("W", List.of("A"), "X", List.of("X1"), "X1", List.of("X2"));
		Set<String> scope = ScopeTraversal.walk(List.of("W"), List.of("X"), lookUp(children));
		assertThat(scope).containsExactlyInAnyOrder("W", "A", "X", "X1", "X2");
		assertThat(ScopeTraversal.walk(List.of("W"), List.of(), lookUp(children))).containsExactlyInAnyOrder("W", "A");
	}

	@Test
	void aCycleEnds() {
		Map<String, List<String>> children = Map.of("A", List.of("B"), "B", List.of("C"), "C", List.of("A"));
		assertThat(ScopeTraversal.walk(List.of("B"), List.of(), lookUp(children))).containsExactlyInAnyOrder("A", "B",
				"C");
	}

	static java.util.function.Function<List<String>, Collection<String>> lookUp(Map<String, List<String>> children) {
		return (frontier) -> {
			List<String> next = new ArrayList<>();
			frontier.forEach((u) -> next.addAll(children.getOrDefault(u, List.of())));
			return next;
		};
	}

}
