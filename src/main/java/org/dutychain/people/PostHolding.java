package org.dutychain.people;

import java.util.List;

/**
 * A post of a unit (岗位) with its current holders on asOf.
 *
 * @param kind PostKind key
 * @param kindName the kind's name (书记 …)
 * @param responsibility ResponsibilityKind code of the kind (null when the kind is
 * unknown)
 * @param responsibilityZh its Chinese label
 * @param domains the duty domains it answers for (the post's own, else the kind's)
 * @param holder the current holder (the earliest appointed if several), null = vacant
 * (空缺)
 * @param holders every current holder (a second one is a concurrent appointment 兼任)
 */
public record PostHolding(String postId, String kind, String kindName, String title, String responsibility,
		String responsibilityZh, List<String> domains, PostHolder holder, List<PostHolder> holders) {

	public PostHolding {
		domains = List.copyOf(domains);
		holders = List.copyOf(holders);
	}

	@com.fasterxml.jackson.annotation.JsonProperty("vacant")
	public boolean vacant() {
		return this.holder == null;
	}

}
