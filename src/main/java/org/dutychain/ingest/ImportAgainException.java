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

	private final String reasonEn;

	ImportAgainException(String reasonZh, String reasonEn) {
		super(reasonEn);
		this.reasonZh = reasonZh;
		this.reasonEn = reasonEn;
	}

	/** The active dataset was edited (revision {@code from} → {@code to}) meanwhile. */
	static ImportAgainException editedMeanwhile(long from, long to) {
		return new ImportAgainException("导入期间当前数据集被编辑（修订号 " + from + " → " + to + "），为免丢失编辑未予导入，请重新导入",
				"the active dataset was edited while importing (revision " + from + " → " + to + "); import again");
	}

	/** The upload read differently from when it was validated: {@code where} names it. */
	static ImportAgainException changedSinceValidated(String where) {
		return new ImportAgainException("上传的数据集在校验后发生了变化（" + where + "），请重新上传",
				"the dataset changed since it was validated (" + where + "); upload it again");
	}

	public String reasonZh() {
		return this.reasonZh;
	}

	public String reasonEn() {
		return this.reasonEn;
	}

}
