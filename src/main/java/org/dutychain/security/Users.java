package org.dutychain.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.dutychain.config.Labeled;
import org.dutychain.organization.DatasetInfo;
import org.dutychain.organization.Datasets;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * User management (用户管理) for the REST API and the CLI: validates, hashes passwords, keeps
 * at least one ADMIN, and writes every change to the audit log.
 */
@Service
public class Users {

	static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,64}");

	static final int MIN_PASSWORD = 8;

	/** BCrypt reads at most 72 bytes. */
	static final int MAX_PASSWORD_BYTES = 72;

	private final UserStore store;

	private final PasswordEncoder encoder;

	private final Datasets datasets;

	private final AuditLog audit;

	private final CredentialCache credentials;

	Users(UserStore store, PasswordEncoder encoder, Datasets datasets, AuditLog audit, CredentialCache credentials) {
		this.store = store;
		this.encoder = encoder;
		this.datasets = datasets;
		this.audit = audit;
		this.credentials = credentials;
	}

	/**
	 * A new user, or the changes of a PATCH (null fields stay as they are).
	 *
	 * @param username sign-in name (create only)
	 * @param password new password (create: required)
	 * @param role ADMIN, EDITOR, AUDITOR, VIEWER or a Chinese label
	 * @param scopes unit ids of the active dataset; empty for ADMIN, at least one
	 * otherwise
	 * @param personId optional person of the dataset
	 */
	public record UserRequest(String username, String password, String role, List<String> scopes, String personId) {
	}

	public List<UserAccount> list() {
		return this.store.list();
	}

	public Optional<UserAccount> find(String username) {
		return this.store.find(username);
	}

	public UserAccount require(String username) {
		return this.store.find(username)
			.orElseThrow(() -> new UserProblemException(404, "username", "没有用户 " + username,
					"There is no user " + username));
	}

	public long count() {
		return this.store.count();
	}

	public synchronized UserAccount create(UserRequest request) {
		String username = (request.username() == null) ? "" : request.username().strip();
		if (!USERNAME.matcher(username).matches()) {
			throw new UserProblemException(422, "username", "用户名应为 1 到 64 个字母、数字或 . _ @ -",
					"A username is 1 to 64 letters, digits or . _ @ -");
		}
		if (this.store.find(username).isPresent()) {
			throw new UserProblemException(409, "username", "用户 " + username + " 已存在",
					"User " + username + " exists already");
		}
		Role role = role(request.role());
		List<String> scopes = scopes(role, request.scopes());
		UserAccount user = new UserAccount(username, hash(request.password()), role, scopes,
				blankToNull(request.personId()), null);
		this.store.create(user);
		this.audit.record(AuditLog.USER_CREATE, username, "role=" + role + " scopes=" + String.join(",", scopes));
		return require(username);
	}

	public synchronized UserAccount update(String username, UserRequest changes) {
		UserAccount old = require(username);
		Role role = (changes.role() != null) ? role(changes.role()) : old.role();
		List<String> scopes;
		if (changes.scopes() != null) {
			scopes = scopes(role, changes.scopes());
		}
		else if (role == Role.ADMIN) {
			scopes = List.of();
		}
		else {
			scopes = scopes(role, old.scopes());
		}
		if (old.role() == Role.ADMIN && role != Role.ADMIN) {
			requireAnotherAdmin(username);
		}
		String hash = (changes.password() != null) ? hash(changes.password()) : old.passwordHash();
		String personId = (changes.personId() != null) ? blankToNull(changes.personId()) : old.personId();
		this.store.update(new UserAccount(username, hash, role, scopes, personId, old.createdAt()));
		this.credentials.forget(username);
		List<String> changed = new ArrayList<>();
		if (changes.password() != null) {
			changed.add("password");
		}
		if (role != old.role()) {
			changed.add("role=" + role);
		}
		if (!scopes.equals(old.scopes())) {
			changed.add("scopes=" + String.join(",", scopes));
		}
		if (changes.personId() != null) {
			changed.add("personId");
		}
		this.audit.record(AuditLog.USER_UPDATE, username, String.join(" ", changed));
		return require(username);
	}

	public synchronized void delete(String username) {
		UserAccount old = require(username);
		if (old.role() == Role.ADMIN) {
			requireAnotherAdmin(username);
		}
		this.store.delete(username);
		this.credentials.forget(username);
		this.audit.record(AuditLog.USER_DELETE, username, null);
	}

	/**
	 * Creates {@code admin} with this password when there is no user at all; used at
	 * first start.
	 * @return true when the user was created
	 */
	synchronized boolean createFirstAdmin(String username, String password) {
		if (this.store.count() > 0) {
			return false;
		}
		this.store.create(new UserAccount(username, hash(password), Role.ADMIN, List.of(), null, null));
		return true;
	}

	private void requireAnotherAdmin(String username) {
		boolean another = this.store.list()
			.stream()
			.anyMatch((u) -> u.role() == Role.ADMIN && !u.username().equals(username));
		if (!another) {
			throw new UserProblemException(409, "role", "至少保留一个管理员", "At least one ADMIN must remain");
		}
	}

	private String hash(String password) {
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new UserProblemException(422, "password", "密码至少 " + MIN_PASSWORD + " 个字符",
					"A password has at least " + MIN_PASSWORD + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new UserProblemException(422, "password", "密码最多 " + MAX_PASSWORD_BYTES + " 字节",
					"A password has at most " + MAX_PASSWORD_BYTES + " bytes");
		}
		return this.encoder.encode(password);
	}

	static Role role(String value) {
		if (value == null || value.isBlank()) {
			throw new UserProblemException(422, "role", "缺少角色（ADMIN、EDITOR、AUDITOR、VIEWER）",
					"role is required (ADMIN, EDITOR, AUDITOR, VIEWER)");
		}
		return Labeled.parse(Role.class, value)
			.orElseThrow(() -> new UserProblemException(422, "role",
					"未知角色“" + value + "”（ADMIN 管理员、EDITOR 编辑、AUDITOR 审计、VIEWER 只读）",
					"Unknown role '" + value + "' (ADMIN, EDITOR, AUDITOR, VIEWER)"));
	}

	private List<String> scopes(Role role, List<String> requested) {
		List<String> scopes = new ArrayList<>(new LinkedHashSet<>((requested == null) ? List.of()
				: requested.stream().filter((s) -> s != null && !s.isBlank()).map(String::strip).toList()));
		if (role == Role.ADMIN) {
			if (!scopes.isEmpty()) {
				throw new UserProblemException(422, "scopes", "管理员没有范围（scopes 应为空）", "An ADMIN has no scopes");
			}
			return List.of();
		}
		if (scopes.isEmpty()) {
			throw new UserProblemException(422, "scopes", role.zh() + "至少需要一个范围单位",
					"A " + role + " needs at least one scope unit");
		}
		DatasetInfo dataset = this.datasets.active();
		for (String unitId : scopes) {
			if (!dataset.present() || !exists(dataset.generation(), unitId)) {
				throw new UserProblemException(422, "scopes", "数据集中没有编号为 " + unitId + " 的单位",
						"No unit " + unitId + " in the dataset");
			}
		}
		return List.copyOf(scopes);
	}

	private boolean exists(long generation, String unitId) {
		try {
			this.datasets.requireUnit(generation, unitId);
			return true;
		}
		catch (org.dutychain.organization.UnknownUnitException ex) {
			return false;
		}
	}

	private static String blankToNull(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
