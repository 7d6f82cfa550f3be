package org.dutychain.accountability;

/** An issue id the active dataset does not contain. */
public class UnknownIssueException extends RuntimeException {

	private final String issueId;

	public UnknownIssueException(String issueId) {
		super("Unknown issue: " + issueId);
		this.issueId = issueId;
	}

	public String issueId() {
		return this.issueId;
	}

}
