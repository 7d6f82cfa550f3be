package org.dutychain.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * An enumeration constant with a Chinese and an English label. The one code ↔ label table
 * per enumeration that import, template and page share (import-format.md): the code is
 * the enum name, {@link #zh()} is accepted on import too.
 */
public interface Labeled {

	String name();

	String zh();

	String en();

	/**
	 * Resolves a cell value by code (case-insensitive) or by Chinese label (or one of its
	 * alternatives).
	 */
	static <E extends Enum<E> & Labeled> Optional<E> parse(Class<E> type, String value) {
		if (value == null) {
			return Optional.empty();
		}
		String v = value.trim();
		return Arrays.stream(type.getEnumConstants())
			.filter((e) -> e.name().equalsIgnoreCase(v) || e.zh().equals(v) || e.aliases().contains(v))
			.findFirst();
	}

	/** Further Chinese spellings accepted on import (e.g. 党组 and 部门党组). */
	default java.util.List<String> aliases() {
		return java.util.List.of();
	}

}
