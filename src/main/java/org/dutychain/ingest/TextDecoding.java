package org.dutychain.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes a dataset text file without garbling it: UTF-8 (a BOM is dropped) when the
 * bytes are strictly valid UTF-8, else GB18030 (a superset of GBK) when they are strictly
 * valid GB18030, else nothing. Text containing NUL characters (UTF-16, binary files) is
 * not accepted either.
 */
final class TextDecoding {

	static final Charset GB18030 = Charset.forName("GB18030");

	private TextDecoding() {
	}

	/** The decoded text, or empty when the bytes are neither UTF-8 nor GB18030 text. */
	static Optional<String> decode(byte[] bytes) {
		int offset = 0;
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
			offset = 3;
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		Optional<String> text = strict(buffer.duplicate(), StandardCharsets.UTF_8);
		if (text.isEmpty() && offset == 0) {
			text = strict(buffer.duplicate(), GB18030);
		}
		return text.filter((t) -> t.indexOf('\u0000') < 0);
	}

	private static Optional<String> strict(ByteBuffer bytes, Charset charset) {
		try {
			CharBuffer chars = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
			return Optional.of(chars.toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

}
