package org.dutychain.support;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON requests of the web ITs: one call, its status checked, its body parsed. */
public final class JsonCalls {

	private JsonCalls() {
	}

	/**
	 * Sends {@code body} (null: none) as JSON, asserts the status and returns the parsed
	 * answer (null when it has no body).
	 */
	public static JsonNode call(TestRestTemplate http, ObjectMapper json, HttpMethod method, String path, Object body,
			int status) throws IOException {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		String text = (body != null) ? json.writeValueAsString(body) : null;
		ResponseEntity<String> response = http.exchange(path, method, new HttpEntity<>(text, headers), String.class);
		assertThat(response.getStatusCode().value()).as(method + " " + path + " -> " + response.getBody())
			.isEqualTo(status);
		return (response.getBody() != null) ? json.readTree(response.getBody()) : null;
	}

}
