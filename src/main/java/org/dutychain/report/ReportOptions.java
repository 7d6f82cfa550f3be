package org.dutychain.report;

/**
 * How a report is made beyond its scope and date.
 *
 * @param user who exports it (the signed-in user; null when not known), printed with the
 * 内部资料 注意保密 mark
 * @param appendix include the rule source (Cypher) as an appendix; off by default, since
 * a cadre prints the findings, not the rules
 */
public record ReportOptions(String user, boolean appendix) {

	public static final ReportOptions DEFAULT = new ReportOptions(null, false);

	/** The confidentiality mark every exported PDF, XLSX and HTML carries. */
	public static final String MARK = "内部资料 注意保密";

}
