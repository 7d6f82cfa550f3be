package org.dutychain.security;

import java.time.ZonedDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A user (用户): system data, stored as {@code (:User)} without a dataset generation.
 *
 * @param username the sign-in name
 * @param passwordHash DelegatingPasswordEncoder hash ({@code {bcrypt}…}); never sent out
 * @param role what the user may do
 * @param scopes unit ids whose subtrees the user may see (empty for ADMIN)
 * @param personId optional link to a person of the dataset
 * @param createdAt when the user was created
 */
public record UserAccount(String username, @JsonIgnore String passwordHash, Role role, List<String> scopes,
		String personId, ZonedDateTime createdAt) {

	public UserAccount {
		scopes = (scopes == null) ? List.of() : List.copyOf(scopes);
	}

	public String roleZh() {
		return this.role.zh();
	}

}
