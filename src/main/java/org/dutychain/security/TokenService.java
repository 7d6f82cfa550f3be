package org.dutychain.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bearer tokens ({@code POST /api/tokens}) for API clients: random 256-bit values kept in
 * memory as SHA-256 hashes with the user and an expiry
 * ({@code dutychain.security.token-ttl}, default 12 h). A restart invalidates every
 * token.
 */
@Component
public class TokenService {

	private final Duration ttl;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

	record Issued(String username, Instant expiresAt) {
	}

	/** A new token: the value (shown once) and its expiry. */
	public record Token(String token, Instant expiresAt) {
	}

	TokenService(@Value("${dutychain.security.token-ttl:12h}") Duration ttl) {
		this.ttl = ttl;
	}

	public Token issue(String username) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = "dct_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant expires = this.clock.instant().plus(this.ttl);
		Instant now = this.clock.instant();
		this.tokens.values().removeIf((i) -> i.expiresAt().isBefore(now));
		this.tokens.put(hash(token), new Issued(username, expires));
		return new Token(token, expires);
	}

	Optional<String> username(String token) {
		Issued issued = this.tokens.get(hash(token));
		if (issued == null || issued.expiresAt().isBefore(this.clock.instant())) {
			return Optional.empty();
		}
		return Optional.of(issued.username());
	}

	void revokeAll(String username) {
		this.tokens.values().removeIf((i) -> i.username().equals(username));
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
