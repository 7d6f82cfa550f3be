package org.dutychain.web;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unexpected failure answers with a generic text and a correlation id, never the
 * exception's message (issue 9: a 500 leaked index names, element ids, font paths).
 */
class ApiProblemsTests {

	@Test
	void a500CarriesACorrelationIdAndNoInternals() {
		ProblemDetail problem = new ApiProblems().unexpected(new IllegalStateException(
				"Property value is too large to index, please see index documentation for limitations. Index: Index( id=7, name='unit_name' ) /usr/share/fonts"));
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

}
