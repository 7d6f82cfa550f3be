package org.dutychain.ingest;

/**
 * The import's problem codes with their English and Chinese messages (one place, so
 * wording stays consistent).
 */
final class Problems {

	private Problems() {
	}

	static ImportProblem notADataset(String file, String why, String whyZh) {
		return new ImportProblem(file, 0, null, "NOT_A_DATASET",
				"not a dataset (a CSV folder, a .zip of it or an .xlsx workbook): " + why,
				"不是数据集（CSV文件夹、其.zip压缩包或.xlsx工作簿）：" + whyZh);
	}

	static ImportProblem badEncoding(String file) {
		return new ImportProblem(file, 0, null, "BAD_ENCODING",
				"the file is neither UTF-8 nor GBK/GB18030 text and cannot be decoded",
				"文件既不是UTF-8也不是GBK/GB18030编码的文本，无法解码");
	}

	static ImportProblem missingFile(String file) {
		return new ImportProblem(file, 0, null, "MISSING_FILE", "the required file " + file + " is missing",
				"缺少必需的文件" + file);
	}

	static ImportProblem missingColumn(String file, int row, String column, String zh) {
		return new ImportProblem(file, row, column, "MISSING_COLUMN",
				"the required column " + column + " (" + zh + ") is missing", "缺少必需的列“" + column + "”（" + zh + "）");
	}

	static ImportProblem missingValue(String file, int row, String column) {
		return new ImportProblem(file, row, column, "MISSING_VALUE", "a value is required", "此项不能为空");
	}

	static ImportProblem badDate(String file, int row, String column, String value) {
		return new ImportProblem(file, row, column, "BAD_DATE",
				"'" + value + "' is not a date (write yyyy-MM-dd, yyyy/M/d or yyyy年M月d日)",
				"“" + value + "”不是有效日期（请写作yyyy-MM-dd、yyyy/M/d或yyyy年M月d日）");
	}

	static ImportProblem badNumber(String file, int row, String column, String value) {
		return new ImportProblem(file, row, column, "BAD_NUMBER", "'" + value + "' is not a whole number",
				"“" + value + "”不是整数");
	}

	static ImportProblem negativeCount(String file, int row, String column, String value) {
		return new ImportProblem(file, row, column, "NEGATIVE_COUNT",
				"'" + value + "' is negative; a count is 0 or more", "“" + value + "”为负数，数量不能小于0");
	}

	static ImportProblem unknownEnum(String file, int row, String column, String value, String allowed) {
		return new ImportProblem(file, row, column, "UNKNOWN_ENUM", "'" + value + "' is not one of " + allowed,
				"“" + value + "”不是有效取值，可选：" + allowed);
	}

	static ImportProblem duplicateId(String file, int row, String column, String value, int first) {
		return new ImportProblem(file, row, column, "DUPLICATE_ID",
				"the id '" + value + "' is already used in row " + first, "编号“" + value + "”已在第" + first + "行使用");
	}

	static ImportProblem duplicateRow(String file, int row, String column, String key, int first) {
		return new ImportProblem(file, row, column, "DUPLICATE_ROW",
				"the same (" + key + ") as row " + first + " repeats", "与第" + first + "行重复（" + key + "）");
	}

	static ImportProblem dangling(String file, int row, String column, String value, String target) {
		return new ImportProblem(file, row, column, "DANGLING_REFERENCE", "'" + value + "' is not an id in " + target,
				"“" + value + "”在" + target + "中不存在");
	}

	static ImportProblem selfLeadership(String file, int row, String column, String unit) {
		return new ImportProblem(file, row, column, "SELF_LEADERSHIP", "the unit '" + unit + "' leads itself",
				"单位“" + unit + "”领导自身");
	}

	static ImportProblem leadsCycle(String file, int row, String column, String cycle) {
		return new ImportProblem(file, row, column, "LEADS_CYCLE", "this leading edge closes a cycle: " + cycle,
				"此领导关系构成循环：" + cycle);
	}

	static ImportProblem untilBeforeSince(String file, int row, String column, Object until, Object since) {
		return new ImportProblem(file, row, column, "UNTIL_BEFORE_SINCE",
				"until " + until + " is before since " + since, "结束日期" + until + "早于开始日期" + since);
	}

	static ImportProblem idClash(String file, int row, String column, String id) {
		return new ImportProblem(file, row, column, "ID_CLASH",
				"the person id '" + id + "' is also a unit id (an assistant_id must be unambiguous)",
				"人员编号“" + id + "”与单位编号相同（帮扶人或单位编号必须唯一）");
	}

	static ImportProblem kindMismatch(String file, int row, String column, String kind,
			org.dutychain.record.ActivitySubkind subkind, org.dutychain.record.ActivityKind expected) {
		return new ImportProblem(file, row, column, "KIND_MISMATCH",
				"the kind " + kind + " does not fit the subkind " + subkind.name() + " (" + subkind.zh()
						+ "), which is a " + expected.name() + "; leave kind empty or write " + expected.name(),
				"类型“" + org.dutychain.record.ActivityKind.valueOf(kind).zh() + "”与子类型“" + subkind.zh() + "”不符，"
						+ subkind.zh() + "属于“" + expected.zh() + "”；类型可留空或填写“" + expected.zh() + "”");
	}

	// ---- limits and hostile input (dutychain.import.limits.*)

	static ImportProblem tooLarge(String file, long limitBytes) {
		return new ImportProblem(file, 0, null, "TOO_LARGE",
				"the dataset expands to more than " + mb(limitBytes) + " (dutychain.import.limits.decompressed); "
						+ "reading stopped",
				"数据集解压后超过" + mb(limitBytes) + "（dutychain.import.limits.decompressed），已停止读取");
	}

	static ImportProblem zipBomb(String file, int ratio) {
		return new ImportProblem(file, 0, null, "ZIP_BOMB",
				"the entry expands more than " + ratio + " times its compressed size (a zip bomb?); reading stopped",
				"压缩条目解压后超过压缩大小的" + ratio + "倍（疑似压缩炸弹），已停止读取");
	}

	static ImportProblem unsafeZipEntry(String file, String entry) {
		return new ImportProblem(file, 0, null, "UNSAFE_ZIP_ENTRY",
				"the zip entry '" + entry + "' has an absolute path or climbs out with ../; the zip is rejected",
				"压缩条目“" + entry + "”使用绝对路径或../，压缩包被拒绝");
	}

	static ImportProblem nestedZip(String file, String entry) {
		return new ImportProblem(file, 0, null, "NESTED_ZIP",
				"the zip holds another archive '" + entry + "'; put the CSV files directly into one zip",
				"压缩包中含有另一个压缩文件“" + entry + "”，请将CSV文件直接放入一个压缩包");
	}

	static ImportProblem tooManyRows(String file, int row, long limit) {
		return new ImportProblem(file, row, null, "TOO_MANY_ROWS",
				"more than " + limit + " rows (dutychain.import.limits.rows-per-file); reading stopped",
				"行数超过" + limit + "（dutychain.import.limits.rows-per-file），已停止读取");
	}

	static ImportProblem cellTooLong(String file, int row, String column, int limit) {
		return new ImportProblem(file, row, column, "CELL_TOO_LONG",
				"the cell has more than " + limit + " characters (dutychain.import.limits.cell-length)",
				"单元格超过" + limit + "个字符（dutychain.import.limits.cell-length）");
	}

	static ImportProblem keyTooLong(String file, int row, String column, int limit) {
		return new ImportProblem(file, row, column, "KEY_TOO_LONG",
				"ids and unit names are indexed and may have at most " + limit + " characters",
				"编号和单位名称用于索引，最多" + limit + "个字符");
	}

	static ImportProblem tooDeep(String file, int row, String column, String unit, int limit) {
		return new ImportProblem(file, row, column, "TOO_DEEP",
				"the unit '" + unit + "' lies deeper than " + limit
						+ " levels below its root (dutychain.import.limits.depth)",
				"单位“" + unit + "”的层级深于" + limit + "级（dutychain.import.limits.depth）");
	}

	static ImportProblem timeout(String file, java.time.Duration limit) {
		return new ImportProblem(file, 0, null, "IMPORT_TIMEOUT",
				"the import took longer than " + limit + " (dutychain.import.limits.import-time); nothing was imported",
				"导入时间超过" + limit + "（dutychain.import.limits.import-time），未导入任何数据");
	}

	static ImportProblem moreProblems(long more) {
		return new ImportProblem("", 0, null, "MORE_PROBLEMS",
				"… and " + more + " more problem(s) (dutychain.import.limits.errors lists the first ones)",
				"……另有" + more + "个问题未列出（dutychain.import.limits.errors）");
	}

	private static String mb(long bytes) {
		return (bytes >= (1L << 30) && bytes % (1L << 30) == 0) ? (bytes >> 30) + " GB" : (bytes >> 20) + " MB";
	}

}
