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
 * Password checks per username and client address in a sliding minute
 * ({@code dutychain.security.login-attempts-per-minute}, default 10); one more is refused
 * (429) until the oldest leaves the window. Only checks that reach the password hash
 * count (a remembered credential or a token costs nothing).
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

	/**
	 * Counts one attempt.
	 * @return false when the limit is reached (the attempt is not made)
	 */
	boolean tryAcquire(String username, String clientAddress) {
		String key = username + "\u0000" + clientAddress;
		Instant now = this.clock.instant();
		if (this.attempts.size() > 100_000) {
			this.attempts.clear();
		}
		Deque<Instant> window = this.attempts.computeIfAbsent(key, (k) -> new ArrayDeque<>());
		synchronized (window) {
			while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(WINDOW))) {
				window.pollFirst();
			}
			if (window.size() >= this.perMinute) {
				return false;
			}
			window.addLast(now);
			return true;
		}
	}

}
