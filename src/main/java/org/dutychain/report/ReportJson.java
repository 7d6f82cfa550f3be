package org.dutychain.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of audit documents in reports and snapshots: ISO dates, unknown properties
 * ignored on reading (a snapshot written by an older version still reads). Independent of
 * the web layer's mapper so stored snapshots do not change with its settings.
 */
final class ReportJson {

	static final ObjectMapper MAPPER = JsonMapper.builder()
		.addModule(new JavaTimeModule())
		.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
		.build();

	private ReportJson() {
	}

}
