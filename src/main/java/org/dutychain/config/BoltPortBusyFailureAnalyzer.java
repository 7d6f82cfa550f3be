package org.dutychain.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a busy {@code dutychain.bolt-port} into one clear line instead of a stack trace.
 */
class BoltPortBusyFailureAnalyzer extends AbstractFailureAnalyzer<BoltPortBusyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BoltPortBusyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Free port " + cause.port() + ", set another dutychain.bolt-port, or leave it unset (no Bolt port).",
				cause);
	}

}
