package org.dutychain.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * An integration test against a real embedded Neo4j in a temporary directory, without the
 * web server. Every class carrying it shares one application context (so one database);
 * each test starts from a known graph by loading a fixture through {@link GraphFixtures}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "dutychain.ephemeral=true", "dutychain.bolt-port=0", "dutychain.demo-on-empty=false",
				"dutychain.page-cache=64m",
				// views wait for the background audit: tests see its findings, never a
				// "computing" answer
				"dutychain.audit.view-wait=300s" })
@Import(GraphFixtures.class)
public @interface GraphIT {

}
