package org.dutychain.ingest;

/**
 * An import that was refused for a reason its user can act on by importing again: the
 * active dataset was edited while the import ran (the edit would have been lost), or the
 * upload changed between its validation and its loading. Nothing was written; the
 * previous dataset stays active. Its texts are for the user (a job's problem), in Chinese
 * and English.
 */
public class ImportAgainException extends IllegalStateException {

	private final String reasonZh;

	private final boolean conflict;

	ImportAgainException(String reasonZh, String reasonEn, boolean conflict) {
		super(reasonEn);
		this.reasonZh = reasonZh;
		this.conflict = conflict;
	}

	/** The active dataset was edited (revision {@code from} → {@code to}) meanwhile. */
	public static ImportAgainException editedMeanwhile(long from, long to) {
		return new ImportAgainException("导入期间当前数据集被编辑（修订号 " + from + " → " + to + "），为免丢失编辑未予导入，请重新导入",
				"the active dataset was edited while importing (revision " + from + " → " + to + "); import again",
				true);
	}

	/**
	 * Audits of the running server kept the active dataset leased past the wait: the
	 * store was not switched.
	 */
	static ImportAgainException auditsKeptLeasing(java.time.Duration waited) {
		return new ImportAgainException("当前数据集上的审计在 " + waited.toSeconds() + " 秒内未结束，数据未切换，请稍后重新导入",
				"audits kept leasing the active dataset for " + waited + "; import again later", true);
	}

	/**
	 * The dataset read differently from when it was validated: {@code where} names it.
	 */
	public static ImportAgainException changedSinceValidated(String where) {
		return new ImportAgainException("数据集在校验后发生了变化（" + where + "），请重新导入",
				"the dataset changed since it was validated (" + where + "); import it again", false);
	}

	public String reasonZh() {
		return this.reasonZh;
	}

	public String reasonEn() {
		return getMessage();
	}

	/**
	 * Whether it was a conflict with other work on the database (an edit, audits) rather
	 * than the dataset itself changing.
	 */
	public boolean conflict() {
		return this.conflict;
	}

}
