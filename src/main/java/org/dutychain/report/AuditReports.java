package org.dutychain.report;

import java.io.OutputStream;
import java.time.LocalDate;

/**
 * The pre-inspection audit report of a scope in every format; implemented in this module.
 */
public interface AuditReports {

	/**
	 * Runs the audit of the scope (null = everything) at asOf (null = the dataset's) and
	 * writes the report, without the rule appendix and without a user name.
	 * @param sinceSnapshot optional snapshot id to include the diff against (null = none)
	 */
	default void write(String scope, LocalDate asOf, ReportFormat format, String sinceSnapshot, OutputStream out) {
		write(scope, asOf, format, sinceSnapshot, ReportOptions.DEFAULT, out);
	}

	/**
	 * Runs the audit of the scope (null = everything) at asOf (null = the dataset's) and
	 * writes the report.
	 * @param sinceSnapshot optional snapshot id to include the diff against (null = none)
	 * @param options who exports it and whether the rule appendix is included
	 */
	void write(String scope, LocalDate asOf, ReportFormat format, String sinceSnapshot, ReportOptions options,
			OutputStream out);

	/**
	 * The report's file name: title, the scope unit's name and the evaluation date, e.g.
	 * {@code 审计报告-省发展改革委党组-2024-06-30.pdf} (characters a file system refuses are
	 * replaced).
	 */
	String fileName(String scope, LocalDate asOf, ReportFormat format);

	/**
	 * Writes the report of an audit already computed (the CLI's
	 * {@code audit --format pdf} does not audit twice).
	 */
	default void write(org.dutychain.analysis.AuditDocument audit, ReportFormat format, String sinceSnapshot,
			OutputStream out) {
		write(audit, format, sinceSnapshot, ReportOptions.DEFAULT, out);
	}

	/**
	 * Writes the report of an audit already computed, with the exporting user and the
	 * optional rule appendix.
	 */
	void write(org.dutychain.analysis.AuditDocument audit, ReportFormat format, String sinceSnapshot,
			ReportOptions options, OutputStream out);

}
