package org.dutychain.web;

import java.net.URI;
import java.time.ZonedDateTime;
import java.util.List;

import org.dutychain.organization.Datasets;
import org.dutychain.organization.UnitDirectory;
import org.dutychain.organization.UnitNode;
import org.dutychain.security.AccessScope;
import org.dutychain.security.AuditLog;
import org.dutychain.security.TokenService;
import org.dutychain.security.UserAccount;
import org.dutychain.security.Users;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users (用户, ADMIN), the audit log (审计日志, ADMIN), the signed-in user ({@code /api/me})
 * and bearer tokens ({@code POST /api/tokens}).
 */
@RestController
class UserController {

	static final int MAX_PAGE_SIZE = 500;

	private final Users users;

	private final AuditLog auditLog;

	private final AccessScope access;

	private final TokenService tokens;

	private final Datasets datasets;

	private final UnitDirectory units;

	UserController(Users users, AuditLog auditLog, AccessScope access, TokenService tokens, Datasets datasets,
			UnitDirectory units) {
		this.users = users;
		this.auditLog = auditLog;
		this.access = access;
		this.tokens = tokens;
		this.datasets = datasets;
		this.units = units;
	}

	/** A user as the API shows it (never the password hash). */
	record UserView(String username, String role, String roleZh, List<String> scopes, String personId,
			ZonedDateTime createdAt) {

		static UserView of(UserAccount u) {
			return new UserView(u.username(), u.role().name(), u.role().zh(), u.scopes(), u.personId(), u.createdAt());
		}

	}

	/** A scope unit with its name (null when it is not in the active dataset). */
	record ScopeUnit(String id, String name) {
	}

	/**
	 * The signed-in user: role and scope units with names, and the person it carries (the
	 * page's default verifier), for the page.
	 */
	record Me(String username, String role, String roleZh, String roleEn, List<ScopeUnit> scopes, String personId) {
	}

	@GetMapping("/api/me")
	Me me() {
		AccessScope.Caller caller = this.access.caller();
		List<ScopeUnit> scopes = List.of();
		if (!caller.roots().isEmpty() && this.datasets.active().present()) {
			List<UnitNode> nodes = this.units.nodes(this.datasets.active().generation(), caller.roots());
			scopes = caller.roots()
				.stream()
				.map((id) -> new ScopeUnit(id,
						nodes.stream().filter((n) -> n.id().equals(id)).map(UnitNode::name).findFirst().orElse(null)))
				.toList();
		}
		String personId = (caller.username() != null)
				? this.users.find(caller.username()).map(UserAccount::personId).orElse(null) : null;
		return new Me(caller.username(), caller.role().name(), caller.role().zh(), caller.role().en(), scopes,
				personId);
	}

	@GetMapping("/api/users")
	@PreAuthorize("hasRole('ADMIN')")
	List<UserView> list() {
		return this.users.list().stream().map(UserView::of).toList();
	}

	@PostMapping("/api/users")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<UserView> create(@RequestBody Users.UserRequest request) {
		UserAccount user = this.users.create(request);
		return ResponseEntity.created(URI.create("/api/users/" + user.username())).body(UserView.of(user));
	}

	@GetMapping("/api/users/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	UserView user(@PathVariable String username) {
		return UserView.of(this.users.require(username));
	}

	/** Changes the given fields (password, role, scopes, personId); others stay. */
	@PatchMapping("/api/users/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	UserView update(@PathVariable String username, @RequestBody Users.UserRequest changes) {
		return UserView.of(this.users.update(username, changes));
	}

	@DeleteMapping("/api/users/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> delete(@PathVariable String username) {
		this.users.delete(username);
		return ResponseEntity.noContent().build();
	}

	/** The audit log, newest first. */
	@GetMapping("/api/audit-log")
	@PreAuthorize("hasRole('ADMIN')")
	AuditLog.Page auditLog(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw new BadRequestException("page", String.valueOf(page), "page 不能为负数");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new BadRequestException("size", String.valueOf(size), "size 应在 1 到 " + MAX_PAGE_SIZE + " 之间");
		}
		return this.auditLog.page(page, size);
	}

	/**
	 * A bearer token for the signed-in user ({@code Authorization: Bearer …}), so an API
	 * client does not send its password (and pay a BCrypt check) on every request.
	 */
	@PostMapping("/api/tokens")
	ResponseEntity<TokenService.Token> token() {
		AccessScope.Caller caller = this.access.caller();
		TokenService.Token token = this.tokens.issue(caller.username());
		this.auditLog.record(AuditLog.TOKEN, caller.username(), "expires " + token.expiresAt());
		return ResponseEntity.status(201).body(token);
	}

}
