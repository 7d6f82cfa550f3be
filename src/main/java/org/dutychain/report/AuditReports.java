package org.dutychain.report;

import java.io.OutputStream;
import java.time.LocalDate;

/**
 * The pre-inspection audit report of a scope in every format; implemented in this module.
 */
public interface AuditReports {

	/**
	 * Runs the audit of the scope (null = everything) at asOf (null = the dataset's) and
	 * writes the report.
	 * @param sinceSnapshot optional snapshot id to include the diff against (null = none)
	 */
	void write(String scope, LocalDate asOf, ReportFormat format, String sinceSnapshot, OutputStream out);

	/**
	 * Writes the report of an audit already computed (the CLI's
	 * {@code audit --format pdf} does not audit twice).
	 */
	void write(org.dutychain.analysis.AuditDocument audit, ReportFormat format, String sinceSnapshot, OutputStream out);

}
