package org.dutychain.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may call what (issue 9): form login for the page (session cookie HttpOnly,
 * SameSite=Strict; CSRF token in the {@code XSRF-TOKEN} cookie, sent back as
 * {@code X-XSRF-TOKEN} on every state-changing request), HTTP Basic and bearer tokens for
 * API clients (requests with an {@code Authorization} header need no CSRF token), RFC
 * 7807 401/403/429 answers, and the security headers. Data scope is enforced by
 * {@link AccessScope} in the services and controllers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * ECharts draws on canvas and sets styles through the DOM; the HTML report has a
	 * style block: styles may be inline, scripts never.
	 */
	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/**
	 * The patterns of {@code requestMatchers(String...)} below are plain path patterns
	 * (Spring Security 7's default) instead of Spring MVC matchers, each of which asked
	 * MVC's {@code HandlerMappingIntrospector} for the request's handler mapping on every
	 * request until one matched (issue 10, lookup latency). The one
	 * {@code DispatcherServlet} is mapped at {@code /}, so both match the same paths.
	 */
	@Bean
	PathPatternRequestMatcherBuilderFactoryBean requestMatcherBuilder() {
		return new PathPatternRequestMatcherBuilderFactoryBean();
	}

	@Bean
	AuthenticationManager authenticationManager(PasswordAuthenticationProvider provider) {
		return new ProviderManager(provider);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
			TokenService tokens, UserStore users, AuditLog audit) throws Exception {
		Problems problems = new Problems();
		CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Strict").path("/"));
		// the token stays deferred (a null attribute name loads it on every request);
		// CsrfCookieFilter loads it for the page, never for an API client
		CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests((authorize) -> authorize
				.requestMatchers("/login.html", "/js/login.js", "/css/**", "/favicon.ico", "/error")
				.permitAll()
				.requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator",
						"/actuator/**")
				.hasRole("ADMIN")
				.requestMatchers(HttpMethod.POST, "/api/imports", "/api/imports/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/users", "/api/users/**", "/api/audit-log", "/api/audit-log/**")
				.hasRole("ADMIN")
				// the dataset export has every unit and person (no scoped export yet);
				// jobs are any user's: JobController shows each to its creator and ADMINs
				.requestMatchers("/api/export", "/api/export/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/reports/**", "/api/snapshots", "/api/snapshots/**")
				.hasAnyRole("ADMIN", "EDITOR", "AUDITOR")
				.anyRequest()
				.authenticated())
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				.csrfTokenRequestHandler(csrfHandler)
				.ignoringRequestMatchers((request) -> request.getHeader("Authorization") != null))
			.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, users, problems), BasicAuthenticationFilter.class)
			// no saved request: the login never returns to one (it answers or
			// redirects to /), and a cache cost every request a look-up and every
			// unauthenticated one a session
			.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.formLogin((form) -> form.loginPage(Problems.LOGIN_PAGE)
				.loginProcessingUrl("/login")
				.usernameParameter("username")
				.passwordParameter("password")
				.successHandler(
						(request, response, authentication) -> loggedIn(problems, request, response, authentication))
				.failureHandler((request, response, ex) -> loginFailed(problems, response, ex))
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout").addLogoutHandler((request, response, authentication) -> {
				if (authentication != null) {
					audit.record(authentication.getName(), AuditLog.LOGOUT, authentication.getName(), null,
							request.getRemoteAddr());
				}
			}).logoutSuccessHandler((request, response, authentication) -> {
				if (Problems.fromPage(request)) {
					response.setStatus(204);
				}
				else {
					response.sendRedirect(request.getContextPath() + Problems.LOGIN_PAGE + "?logout");
				}
			}).deleteCookies("JSESSIONID"))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

	private static void loggedIn(Problems problems, HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		if (Problems.fromPage(request)) {
			problems.writeJson(response, 200, Map.of("username", authentication.getName(), "redirect", "/"));
		}
		else {
			response.sendRedirect(request.getContextPath() + "/");
		}
	}

	private static void loginFailed(Problems problems, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (ex instanceof TooManyAttemptsException) {
			problems.tooMany(response);
		}
		else {
			problems.badCredentials(response);
		}
	}

	/**
	 * Loads the deferred CSRF token on every request of the page so that the
	 * {@code XSRF-TOKEN} cookie is always there for its scripts. Not for a request with
	 * an {@code Authorization} header (an API client with Basic or a bearer token): CSRF
	 * does not apply to it, and a new token and {@code Set-Cookie} on every API answer
	 * cost a secure random number and a header for nothing (issue 10, lookup latency).
	 */
	static final class CsrfCookieFilter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getHeader("Authorization") == null
					&& request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

}
