package org.dutychain.security;

/**
 * A user request that cannot be carried out: {@code status} 404 (unknown user), 409
 * (exists already) or 422 (invalid field); answered as a problem with {@code field}.
 */
public class UserProblemException extends RuntimeException {

	private final int status;

	private final String field;

	private final String detailZh;

	public UserProblemException(int status, String field, String detailZh, String detailEn) {
		super(detailEn);
		this.status = status;
		this.field = field;
		this.detailZh = detailZh;
	}

	public int status() {
		return this.status;
	}

	public String field() {
		return this.field;
	}

	public String detailZh() {
		return this.detailZh;
	}

	public String detailEn() {
		return getMessage();
	}

}
