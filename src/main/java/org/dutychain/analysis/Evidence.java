package org.dutychain.analysis;

import java.util.List;

/**
 * The proof of a finding: business ids of the nodes involved and, where a path matters,
 * the paths (ids in order).
 */
public record Evidence(List<String> nodeIds, List<List<String>> paths) {

	public Evidence {
		nodeIds = List.copyOf(nodeIds);
		paths = paths.stream().map(List::copyOf).toList();
	}

	public static Evidence of(List<String> nodeIds) {
		return new Evidence(nodeIds, List.of());
	}

}
