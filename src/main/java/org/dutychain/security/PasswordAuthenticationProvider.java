package org.dutychain.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a username and password (form login and HTTP Basic) against the stored users: a
 * recently verified credential is accepted from {@link CredentialCache}; otherwise the
 * BCrypt hash is checked, unless {@link LoginRateLimiter} counted too many failures for
 * this username and address (429). Unknown users cost the same BCrypt check as known
 * ones.
 */
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private final UserStore users;

	private final PasswordEncoder encoder;

	private final CredentialCache cache;

	private final LoginRateLimiter limiter;

	private final AuditLog audit;

	private final String dummyHash;

	PasswordAuthenticationProvider(UserStore users, PasswordEncoder encoder, CredentialCache cache,
			LoginRateLimiter limiter, AuditLog audit) {
		this.users = users;
		this.audit = audit;
		this.encoder = encoder;
		this.cache = cache;
		this.limiter = limiter;
		this.dummyHash = encoder.encode("not a password of anyone");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = String.valueOf(authentication.getName());
		String password = String.valueOf(authentication.getCredentials());
		Optional<UserAccount> user = this.users.find(username);
		if (user.isPresent() && this.cache.matches(username, password, user.get().passwordHash())) {
			return authenticated(user.get(), authentication);
		}
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : "";
		if (!this.limiter.allowed(username, address)) {
			this.audit.record(username, AuditLog.LOGIN_FAILED, username, "too many attempts", address);
			throw new TooManyAttemptsException(username);
		}
		if (user.isEmpty()) {
			this.encoder.matches(password, this.dummyHash);
			this.limiter.failed(username, address);
			this.audit.record(username, AuditLog.LOGIN_FAILED, username, "unknown user", address);
			throw new BadCredentialsException("Bad credentials");
		}
		if (!this.encoder.matches(password, user.get().passwordHash())) {
			this.limiter.failed(username, address);
			this.audit.record(username, AuditLog.LOGIN_FAILED, username, "wrong password", address);
			throw new BadCredentialsException("Bad credentials");
		}
		this.cache.remember(username, password, user.get().passwordHash());
		this.audit.record(username, AuditLog.LOGIN, username, null, address);
		return authenticated(user.get(), authentication);
	}

	static UsernamePasswordAuthenticationToken authenticated(UserAccount user, Object details) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user.username(),
				null, List.of(new SimpleGrantedAuthority(user.role().authority())));
		if (details instanceof Authentication a) {
			token.setDetails(a.getDetails());
		}
		return token;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
