package org.dutychain.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Beans of every context (server and CLI): the password encoder
 * (DelegatingPasswordEncoder, BCrypt by default) and the password check. Defining the
 * check also keeps Spring Boot from creating its in-memory user with a generated
 * password.
 */
@Configuration(proxyBeanMethods = false)
class SecurityBeans {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	PasswordAuthenticationProvider passwordAuthenticationProvider(UserStore users, PasswordEncoder encoder,
			CredentialCache cache, LoginRateLimiter limiter, AuditLog audit) {
		return new PasswordAuthenticationProvider(users, encoder, cache, limiter, audit);
	}

}
