package org.dutychain.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message in Chinese and English ({@code messageZh} / {@code messageEn} in the JSON),
 * and the values its templates were rendered from (the placeholders of the code's
 * {@code zh:} and {@code en:} headers; empty for a message read back from JSON). The
 * values let a reader render the message again for a caller who may not see some of them
 * (a scoped user: units and people outside its scope, see {@code AccessScope}).
 *
 * @param zh Chinese text
 * @param en English text
 * @param values placeholder name → value the texts were rendered from (never serialized)
 */
public record Message(String zh, String en, Map<String, Object> values) {

	public Message {
		values = (values == null || values.isEmpty()) ? Map.of()
				: Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	public Message(String zh, String en) {
		this(zh, en, Map.of());
	}

}
