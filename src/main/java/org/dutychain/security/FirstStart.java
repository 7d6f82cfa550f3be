package org.dutychain.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * First start of the server with no user at all: creates {@code admin} with
 * {@code DUTYCHAIN_ADMIN_PASSWORD} ({@code dutychain.admin-password}) or, when it is not
 * set, with a random password printed once in the log. There is never a fixed default.
 */
@Component
@ConditionalOnWebApplication
public class FirstStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstStart.class);

	static final String ADMIN = "admin";

	private final Users users;

	private final String configuredPassword;

	FirstStart(Users users, @Value("${dutychain.admin-password:}") String configuredPassword) {
		this.users = users;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		ensureAdmin();
	}

	/**
	 * Creates the first admin when there is no user (also after a test wiped the graph).
	 */
	public void ensureAdmin() {
		boolean configured = !this.configuredPassword.isBlank();
		String password = configured ? this.configuredPassword : generated();
		if (this.users.createFirstAdmin(ADMIN, password)) {
			if (configured) {
				log.info("No user yet: created user '{}' with the password from DUTYCHAIN_ADMIN_PASSWORD", ADMIN);
			}
			else {
				log.warn(
						"No user yet: created user '{}' with the generated password {} "
								+ "(shown only now; change it with PATCH /api/users/{} or `user reset-password {}`)",
						ADMIN, password, ADMIN, ADMIN);
			}
		}
	}

	static String generated() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
