package org.dutychain.ledger;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default {@link EditAuthority} (allow), {@link ActorProvider} ("system") and
 * {@link EditLog} (nothing); a security module defines its own beans of these types and
 * these step aside.
 */
@Configuration(proxyBeanMethods = false)
class LedgerDefaults {

	@Bean
	@ConditionalOnMissingBean
	EditAuthority editAuthority() {
		return (unitId) -> true;
	}

	@Bean
	@ConditionalOnMissingBean
	ActorProvider actorProvider() {
		return () -> "system";
	}

	@Bean
	@ConditionalOnMissingBean
	EditLog editLog() {
		return (tx, unitId, change) -> {
		};
	}

}
