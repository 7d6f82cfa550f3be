package org.dutychain.report;

/** Formats of the audit report. */
public enum ReportFormat {

	JSON("application/json", "json"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
	HTML("text/html;charset=UTF-8", "html"), PDF("application/pdf", "pdf");

	private final String mediaType;

	private final String extension;

	ReportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	/** By name or extension, any case: {@code xlsx}, {@code PDF}; empty when unknown. */
	public static java.util.Optional<ReportFormat> of(String value) {
		if (value == null) {
			return java.util.Optional.empty();
		}
		String v = value.strip();
		return java.util.Arrays.stream(values())
			.filter((f) -> f.name().equalsIgnoreCase(v) || f.extension.equalsIgnoreCase(v))
			.findFirst();
	}

}
