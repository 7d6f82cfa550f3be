package org.dutychain.analysis;

/**
 * One analysis of the catalogue: a {@code cypher/analysis/<id>.cypher} file, plus a Java
 * class where it names one.
 */
public interface Analysis {

	/** Kebab-case id, equal to the file name. Stable API. */
	String id();

	/** "中文 | English", from the header. */
	String title();

	/** Read-only; the same graph and scope give the same result. */
	AnalysisResult run(AnalysisContext context);

}
