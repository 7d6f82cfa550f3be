package org.dutychain.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed password checks per username and client address in a sliding minute
 * ({@code dutychain.security.login-attempts-per-minute}, default 10): once the limit is
 * reached every further check (right or wrong) is refused (429) until the oldest failure
 * leaves the window. A remembered credential or a token is not a password check.
 */
@Component
class LoginRateLimiter {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private final int perMinute;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

	LoginRateLimiter(@Value("${dutychain.security.login-attempts-per-minute:10}") int perMinute) {
		this.perMinute = perMinute;
	}

	/** False when the limit of failures in the last minute is reached. */
	boolean allowed(String username, String clientAddress) {
		Deque<Instant> window = this.attempts.get(key(username, clientAddress));
		if (window == null) {
			return true;
		}
		synchronized (window) {
			prune(window, this.clock.instant());
			return window.size() < this.perMinute;
		}
	}

	/** Counts one failed check. */
	void failed(String username, String clientAddress) {
		if (this.attempts.size() > 100_000) {
			this.attempts.clear();
		}
		Deque<Instant> window = this.attempts.computeIfAbsent(key(username, clientAddress), (k) -> new ArrayDeque<>());
		Instant now = this.clock.instant();
		synchronized (window) {
			prune(window, now);
			window.addLast(now);
		}
	}

	private static void prune(Deque<Instant> window, Instant now) {
		while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(WINDOW))) {
			window.pollFirst();
		}
	}

	private static String key(String username, String clientAddress) {
		return username + "\u0000" + clientAddress;
	}

}
