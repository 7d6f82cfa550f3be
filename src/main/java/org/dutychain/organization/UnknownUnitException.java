package org.dutychain.organization;

/** A unit id that the active dataset does not contain (未知单位). */
public class UnknownUnitException extends RuntimeException {

	private final String unitId;

	public UnknownUnitException(String unitId) {
		super("Unknown unit: " + unitId);
		this.unitId = unitId;
	}

	public String unitId() {
		return this.unitId;
	}

}
