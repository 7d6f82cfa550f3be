package org.dutychain.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;

/**
 * The test administrator of every {@link WebIT} context: {@code dutychain.admin-password}
 * creates it at start (and {@link GraphFixtures} again after a wipe), and the injected
 * {@code TestRestTemplate} sends its credentials (HTTP Basic) unless a request carries
 * its own {@code Authorization} header.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAdmin {

	public static final String USERNAME = "admin";

	public static final String PASSWORD = "test-admin-password";

	@Bean
	RestTemplateCustomizer testAdminCredentials() {
		return (restTemplate) -> restTemplate.getInterceptors()
			.add(new BasicAuthenticationInterceptor(USERNAME, PASSWORD));
	}

}
