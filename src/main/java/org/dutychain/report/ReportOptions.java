package org.dutychain.report;

import java.util.function.UnaryOperator;

import org.dutychain.accountability.AccountabilityChain;

/**
 * How a report is made beyond its scope and date.
 *
 * @param user who exports it (the signed-in user; null when not known), printed with the
 * 内部资料 注意保密 mark
 * @param appendix include the rule source (Cypher) as an appendix; off by default, since
 * a cadre prints the findings, not the rules
 * @param chains how the accountability chains a report names are shown to its reader (a
 * scoped reader: units above its scope by name only); identity when null
 */
public record ReportOptions(String user, boolean appendix, UnaryOperator<AccountabilityChain> chains) {

	public ReportOptions {
		chains = (chains == null) ? UnaryOperator.identity() : chains;
	}

	public ReportOptions(String user, boolean appendix) {
		this(user, appendix, null);
	}

	public static final ReportOptions DEFAULT = new ReportOptions(null, false);

	/** The confidentiality mark every exported PDF, XLSX and HTML carries. */
	public static final String MARK = "内部资料 注意保密";

}
