package org.dutychain.analysis;

/**
 * Where the cached whole-dataset audit of the views stands: {@code ready}, or
 * {@code computing} with its phase and percentage, or {@code failed}. Views that show
 * findings carry it, so that the page can say 审计计算中（进度 n%） instead of numbers from
 * another computation.
 *
 * @param state {@code ready}, {@code computing} or {@code failed}
 * @param phase {@code queued}, {@code audit} (analyses running) or {@code done}
 * @param percent 0–100
 * @param messageZh e.g. 审计计算中（进度 45%）
 * @param messageEn e.g. Audit in progress (45%)
 */
public record AuditStatus(String state, String phase, int percent, String messageZh, String messageEn) {

	public static final String READY = "ready";

	public static final String COMPUTING = "computing";

	public static final String FAILED = "failed";

	static AuditStatus complete() {
		return new AuditStatus(READY, "done", 100, "审计已完成", "Audit complete");
	}

	static AuditStatus computing(String phase, int percent) {
		return new AuditStatus(COMPUTING, phase, percent, "审计计算中（进度 " + percent + "%）",
				"Audit in progress (" + percent + "%)");
	}

	static AuditStatus failed(String reason) {
		return new AuditStatus(FAILED, "done", 0, "审计失败：" + reason, "Audit failed: " + reason);
	}

	public boolean isReady() {
		return READY.equals(this.state);
	}

}
