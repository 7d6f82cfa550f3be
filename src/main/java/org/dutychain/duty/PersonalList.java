package org.dutychain.duty;

import java.util.List;

/**
 * The personal list of one post (一人一清单).
 *
 * @param domains the domains the post answers for (the post's own, else its kind's)
 * @param list its items by domain; {@code list.blank()} = answered-for domains without an
 * item
 */
public record PersonalList(String postId, String title, List<String> domains, DomainList list) {

	public PersonalList {
		domains = List.copyOf(domains);
	}

}
