package org.dutychain.ingest;

/**
 * Reading stopped at an import limit ({@code dutychain.import.limits.*}); the problem
 * says where and which limit.
 */
final class ImportLimitException extends RuntimeException {

	private final ImportProblem problem;

	ImportLimitException(ImportProblem problem) {
		super(problem.toString(), null, false, false);
		this.problem = problem;
	}

	ImportProblem problem() {
		return this.problem;
	}

}
