package org.dutychain.security;

import org.springframework.security.core.AuthenticationException;

/** More password checks for a username and address than the limit allows (429). */
class TooManyAttemptsException extends AuthenticationException {

	TooManyAttemptsException(String username) {
		super("Too many sign-in attempts for " + username);
	}

}
