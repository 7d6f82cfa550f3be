package org.dutychain.report;

import java.io.OutputStream;

/**
 * The empty import workbook: one sheet per dataset file, Chinese headers, drop-downs;
 * implemented in this module.
 */
public interface ImportTemplate {

	void write(OutputStream out);

	/**
	 * The template without an application context (the CLI writes it without starting a
	 * database).
	 */
	static ImportTemplate standalone() {
		return new XlsxImportTemplate();
	}

}
