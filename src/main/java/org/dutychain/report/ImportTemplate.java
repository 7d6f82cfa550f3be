package org.dutychain.report;

import java.io.OutputStream;

/**
 * The empty import workbook: one sheet per dataset file, Chinese headers, drop-downs;
 * implemented in this module.
 */
public interface ImportTemplate {

	void write(OutputStream out);

}
