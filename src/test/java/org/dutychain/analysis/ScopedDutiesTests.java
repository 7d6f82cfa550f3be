package org.dutychain.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The shared duty lists hand their duties over once (they are not held for the rest of an
 * audit) and keep the post domains for every reader.
 */
class ScopedDutiesTests {

	@Test
	void dutiesAreHandedOverOnceAndThePostDomainsStay() {
		ScopedDuties.Duty duty = new ScopedDuties.Duty(1, "U-1", "P-1", "POLITICAL", new long[0]);
		ScopedDuties lists = new ScopedDuties(List.of(duty), Map.of("P-1", Set.of("POLITICAL")));

		assertThat(lists.takeDuties()).containsExactly(duty);
		assertThatIllegalStateException().isThrownBy(lists::takeDuties).withMessageContaining("handed over already");
		assertThat(lists.personalDomains("P-1")).containsExactly("POLITICAL");
		assertThat(lists.personalDomains("P-2")).isNull();
	}

}
