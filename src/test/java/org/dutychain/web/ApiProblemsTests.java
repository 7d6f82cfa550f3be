package org.dutychain.web;

import org.dutychain.config.DatabaseBusy;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransientException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unexpected failure answers with a generic text and a correlation id, never the
 * exception's message (issue 9: a 500 leaked index names, element ids, font paths); a
 * busy database answers 503 with {@code Retry-After} (issue 10: overload gave 500s after
 * 60 s).
 */
class ApiProblemsTests {

	@Test
	void a500CarriesACorrelationIdAndNoInternals() {
		var answer = new ApiProblems().unexpected(new IllegalStateException(
				"Property value is too large to index, please see index documentation for limitations. Index: Index( id=7, name='unit_name' ) /usr/share/fonts"));
		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		ProblemDetail problem = answer.getBody();
		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getType().toString()).isEqualTo("/problems/internal-error");
		String correlationId = (String) problem.getProperties().get("correlationId");
		assertThat(correlationId).isNotBlank();
		assertThat(problem.getDetail()).contains(correlationId)
			.contains("服务器内部错误")
			.doesNotContain("index")
			.doesNotContain("unit_name")
			.doesNotContain("/usr/share")
			.doesNotContain("IllegalStateException");
	}

	@Test
	void aBusyDatabaseAsksTheClientToComeBackLater() {
		// what the driver throws when no pooled connection came within the acquisition
		// timeout, as the service passes it on
		var busy = new ApiProblems().unexpected(new IllegalStateException("lookup failed", new TransientException("N/A",
				"Unable to acquire connection from the pool within configured maximum time of 60000ms")));
		assertThat(busy.getStatusCode().value()).isEqualTo(503);
		assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		ProblemDetail problem = busy.getBody();
		assertThat(problem.getType().toString()).isEqualTo("/problems/database-busy");
		assertThat(problem.getDetail()).contains("数据库繁忙").doesNotContain("pool").doesNotContain("60000");
	}

	@Test
	void onlyFailuresWorthRetryingAreBusy() {
		assertThat(DatabaseBusy.is(new ServiceUnavailableException("server gone"))).isTrue();
		assertThat(DatabaseBusy.is(new TransientDataAccessResourceException("deadlock"))).isTrue();
		assertThat(DatabaseBusy.is(new ClientException("Invalid input 'MATCH'"))).isFalse();
		assertThat(DatabaseBusy.is(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseBusy.is(new OptimisticLockingFailureException("edited meanwhile"))).isFalse();
		assertThat(new ApiProblems().unexpected(new ClientException("Invalid input")).getStatusCode().value())
			.isEqualTo(500);
	}

}
