package org.dutychain.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * RFC 7807 answers of the security filters: 401 (not signed in), 403 (role or CSRF), 429
 * (too many sign-in attempts). Pages (anything outside the API, Swagger and actuator) are
 * redirected to the login page instead of a 401.
 */
final class Problems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String LOGIN_PAGE = "/login.html";

	private final ObjectMapper json = new ObjectMapper();

	private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE);

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/v3/api-docs")
				|| path.startsWith("/swagger-ui") || path.startsWith("/actuator") || path.equals("/login")
				|| path.equals("/logout");
	}

	/** The page's fetch calls say so; they get no Basic challenge (no browser dialog). */
	static boolean fromPage(HttpServletRequest request) {
		return request.getHeader("X-Requested-With") != null;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof TooManyAttemptsException) {
			tooMany(response);
			return;
		}
		if (!isApi(request)) {
			try {
				this.login.commence(request, response, ex);
			}
			catch (jakarta.servlet.ServletException se) {
				throw new IOException(se);
			}
			return;
		}
		if (!fromPage(request)) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"dutychain\", charset=\"UTF-8\"");
		}
		write(response, 401, "/problems/unauthenticated", "Unauthenticated",
				"请先登录（用户名和密码、会话或令牌） · Sign in first (password, session or token)");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ex instanceof CsrfException) {
			write(response, 403, "/problems/csrf", "CSRF token missing or invalid",
					"缺少或无效的 CSRF 令牌，请刷新页面后重试 · CSRF token missing or invalid; reload the page");
			return;
		}
		write(response, 403, "/problems/forbidden", "Forbidden", "当前角色无权执行此操作 · Your role may not do this");
	}

	void tooMany(HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "60");
		write(response, 429, "/problems/too-many-attempts", "Too many sign-in attempts",
				"登录尝试过于频繁，请一分钟后再试 · Too many sign-in attempts; try again in a minute");
	}

	void badCredentials(HttpServletResponse response) throws IOException {
		write(response, 401, "/problems/bad-credentials", "Bad credentials", "用户名或密码错误 · Wrong username or password");
	}

	void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type);
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), body);
	}

}
