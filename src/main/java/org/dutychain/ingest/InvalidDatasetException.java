package org.dutychain.ingest;

import java.util.List;

/**
 * The dataset has problems; nothing was written. Carries every problem found, not just
 * the first.
 */
public class InvalidDatasetException extends RuntimeException {

	private final List<ImportProblem> problems;

	public InvalidDatasetException(List<ImportProblem> problems) {
		super(problems.size() + " problem(s) in the dataset; nothing was imported: "
				+ String.join("; ", problems.stream().limit(5).map(ImportProblem::toString).toList())
				+ ((problems.size() > 5) ? "; …" : ""));
		this.problems = List.copyOf(problems);
	}

	public List<ImportProblem> problems() {
		return this.problems;
	}

}
