package org.dutychain;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules use only their allowed modules, through public types, and form no cycles. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(DutychainApplication.class);

	@Test
	void modulesUseOnlyAllowedModulesThroughPublicTypes() {
		this.modules.verify();
	}

	@Test
	void writeModuleDiagrams() {
		new Documenter(this.modules).writeDocumentation();
	}

}
