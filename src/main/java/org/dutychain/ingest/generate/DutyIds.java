package org.dutychain.ingest.generate;

import org.dutychain.duty.DutyDomain;
import org.dutychain.ingest.generate.Model.Post;
import org.dutychain.ingest.generate.Model.Unit;

/**
 * Duty ids: derived from the unit or post, so the cascade can be written without keeping
 * every duty in memory.
 */
final class DutyIds {

	private static final String[] CODES = { "PO", "TH", "OR", "ME", "DI", "MA", "SC", "SU" };

	private DutyIds() {
	}

	static String code(DutyDomain domain) {
		return CODES[domain.ordinal()];
	}

	/** A duty of the team list (一班子一清单); lane 0 follows the primary leader. */
	static String team(Unit unit, int lane, DutyDomain domain) {
		return unit.id + "/" + lane + "/" + code(domain);
	}

	/** A duty of a personal list (一人一清单). */
	static String personal(Post post, DutyDomain domain) {
		return post.id + "/" + code(domain);
	}

}
