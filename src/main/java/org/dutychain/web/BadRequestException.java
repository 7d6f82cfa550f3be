package org.dutychain.web;

/**
 * A request parameter the API cannot use (an unknown domain, a depth out of range …);
 * answered with 400.
 */
class BadRequestException extends RuntimeException {

	private final String parameter;

	private final String value;

	private final String detailZh;

	BadRequestException(String parameter, String value, String detailZh) {
		super("Bad value for " + parameter + ": " + value);
		this.parameter = parameter;
		this.value = value;
		this.detailZh = detailZh;
	}

	String parameter() {
		return this.parameter;
	}

	String value() {
		return this.value;
	}

	String detailZh() {
		return this.detailZh;
	}

}
