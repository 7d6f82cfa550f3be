package org.dutychain.web;

/** A feature whose implementing bean is absent from this build (answered with 503). */
class NotAvailableException extends RuntimeException {

	private final String feature;

	NotAvailableException(String feature) {
		super(feature + " is not available");
		this.feature = feature;
	}

	String feature() {
		return this.feature;
	}

}
