package org.dutychain.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Remembers recently verified passwords (an HMAC under a per-process random key, never
 * the password) for a few minutes, so an API client sending HTTP Basic on every request
 * pays one BCrypt check, not one per request. An entry is valid only while the stored
 * hash is unchanged; a password change or deletion forgets it.
 */
@Component
class CredentialCache {

	static final Duration TTL = Duration.ofMinutes(10);

	private final byte[] key = new byte[32];

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final Clock clock = Clock.systemUTC();

	private record Verified(byte[] mac, String passwordHash, Instant until) {
	}

	CredentialCache() {
		new SecureRandom().nextBytes(this.key);
	}

	boolean matches(String username, String password, String passwordHash) {
		Verified v = this.verified.get(username);
		if (v == null || !v.passwordHash().equals(passwordHash) || this.clock.instant().isAfter(v.until())) {
			return false;
		}
		return MessageDigest.isEqual(v.mac(), mac(username, password));
	}

	void remember(String username, String password, String passwordHash) {
		if (this.verified.size() > 10_000) {
			this.verified.clear();
		}
		this.verified.put(username,
				new Verified(mac(username, password), passwordHash, this.clock.instant().plus(TTL)));
	}

	void forget(String username) {
		this.verified.remove(username);
	}

	private byte[] mac(String username, String password) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			mac.update(username.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
