package org.dutychain.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An enumeration constant with a Chinese and an English label. The one code ↔ label table
 * per enumeration that import, template and page share (import-format.md): the code is
 * the enum name, {@link #zh()} is accepted on import too.
 */
public interface Labeled {

	String name();

	/**
	 * The constant's labels; an enum keeps one {@link Label} instead of three fields and
	 * accessors.
	 */
	Label label();

	default String zh() {
		return label().zh();
	}

	default String en() {
		return label().en();
	}

	/** Further Chinese spellings accepted on import (e.g. 党组 and 部门党组). */
	default List<String> aliases() {
		return label().aliases();
	}

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

	/**
	 * Chinese label, English label, and the other Chinese spellings accepted on import.
	 *
	 * @param zh Chinese label (shown first, accepted on import)
	 * @param en English label
	 * @param aliases further accepted spellings
	 */
	record Label(String zh, String en, List<String> aliases) {

		public Label {
			aliases = List.copyOf(aliases);
		}

		public Label(String zh, String en) {
			this(zh, en, List.of());
		}

	}

}
