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

}
