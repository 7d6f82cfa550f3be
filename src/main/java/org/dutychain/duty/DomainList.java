package org.dutychain.duty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A responsibility list grouped by the eight domains (八个责任领域).
 *
 * @param byDomain every one of the eight domains, in their order, with its items (an
 * empty list when it has none)
 * @param blank the domains the list answers for that have no item (空白领域)
 */
public record DomainList(Map<String, List<DutyItem>> byDomain, List<String> blank) {

	public DomainList {
		byDomain = Collections.unmodifiableMap(new LinkedHashMap<>(byDomain));
		blank = List.copyOf(blank);
	}

	/** Groups items; {@code answersFor} are the domains that must not be blank. */
	static DomainList of(List<DutyItem> items, List<String> answersFor) {
		Map<String, List<DutyItem>> byDomain = new LinkedHashMap<>();
		for (DutyDomain domain : DutyDomain.values()) {
			byDomain.put(domain.name(), new java.util.ArrayList<>());
		}
		for (DutyItem item : items) {
			byDomain.computeIfAbsent(item.domain(), (d) -> new java.util.ArrayList<>()).add(item);
		}
		List<String> blank = answersFor.stream()
			.filter((d) -> byDomain.getOrDefault(d, List.of()).isEmpty())
			.distinct()
			.toList();
		Map<String, List<DutyItem>> frozen = new LinkedHashMap<>();
		byDomain.forEach((d, list) -> frozen.put(d, List.copyOf(list)));
		return new DomainList(frozen, blank);
	}

	public int size() {
		return this.byDomain.values().stream().mapToInt(List::size).sum();
	}

}
