package org.dutychain.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An integration test of the HTTP server on a random port against a real embedded Neo4j
 * in a temporary directory. Every class carrying it shares one application context.
 * Anything every HTTP test needs (for example the credentials of its client) is
 * configured here, once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dutychain.ephemeral=true", "dutychain.bolt-port=0", "dutychain.demo-on-empty=false",
				"dutychain.page-cache=64m", "dutychain.admin-password=" + TestAdmin.PASSWORD,
				// views wait for the background audit: tests see its findings, never a
				// "computing" answer
				"dutychain.audit.view-wait=300s",
				// users remembered far longer than a test runs: a change the server does
				// not forget at once fails the test instead of ageing out (issue 10)
				"dutychain.security.user-cache=1h" })
@Import({ GraphFixtures.class, TestAdmin.class })
public @interface WebIT {

}
