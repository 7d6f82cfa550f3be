package org.dutychain.analysis;

/** An analysis id that is not in the catalogue. */
public class UnknownAnalysisException extends RuntimeException {

	private final String analysisId;

	public UnknownAnalysisException(String analysisId) {
		super("Unknown analysis: " + analysisId);
		this.analysisId = analysisId;
	}

	public String analysisId() {
		return this.analysisId;
	}

}
