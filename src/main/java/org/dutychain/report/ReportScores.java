package org.dutychain.report;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Finding;
import org.dutychain.config.Labeled;
import org.dutychain.duty.DutyDomain;
import org.dutychain.record.SupervisionOutcome;
import org.dutychain.record.SupervisionStage;

/**
 * Scores and labels every report format shares (评分与标签), so XLSX, HTML and PDF say the
 * same thing.
 *
 * <p>
 * Score of a group (an analysis, a level):
 * {@code 100 - 100 × (3·高 + 2·中 + 1·低) ÷ (3 × examined)}, at least 0; a group that
 * examined nothing scores 100 without findings and 0 with.
 */
final class ReportScores {

	static final String SCORE_RULE = "得分 = 100 - 100 × (3×高 + 2×中 + 1×低) ÷ (3 × 检查对象数)，最低 0 分";

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private ReportScores() {
	}

	/** One scored group. */
	record Score(String group, String id, String name, int examined, int high, int medium, int low) {

		int score() {
			int weighted = 3 * this.high + 2 * this.medium + this.low;
			if (this.examined <= 0) {
				return (weighted == 0) ? 100 : 0;
			}
			return (int) Math.max(0, Math.round(100.0 - 100.0 * weighted / (3.0 * this.examined)));
		}

		int findings() {
			return this.high + this.medium + this.low;
		}

	}

	static List<Score> byAnalysis(AuditDocument document) {
		List<Score> scores = new ArrayList<>();
		for (AuditDocument.AnalysisSummary a : document.analyses()) {
			int[] counts = count(document.findings().stream().filter((f) -> f.analysis().equals(a.id())).toList());
			scores.add(new Score("分析", a.id(), titleZh(a.title()), a.examined(), counts[0], counts[1], counts[2]));
		}
		return scores;
	}

	static List<Score> byLevel(AuditDocument document) {
		List<Score> scores = new ArrayList<>();
		for (AuditDocument.LevelSummary l : document.levels()) {
			int[] counts = count(document.findings().stream().filter((f) -> f.level() == l.level()).toList());
			scores.add(new Score("层级", String.valueOf(l.level()), levelName(l.level()), l.units(), counts[0], counts[1],
					counts[2]));
		}
		return scores;
	}

	static Score overall(AuditDocument document) {
		int units = document.levels().stream().mapToInt(AuditDocument.LevelSummary::units).sum();
		int[] counts = count(document.findings());
		return new Score("总体", "", "总体", units, counts[0], counts[1], counts[2]);
	}

	/** HIGH, MEDIUM, LOW counts. */
	static int[] count(List<Finding> findings) {
		int[] counts = new int[3];
		findings.forEach((f) -> counts[f.severity().ordinal()]++);
		return counts;
	}

	/** The Chinese half of "中文 | English". */
	static String titleZh(String title) {
		if (title == null) {
			return "";
		}
		int bar = title.indexOf('|');
		return (bar < 0) ? title.strip() : title.substring(0, bar).strip();
	}

	static String levelName(int level) {
		return (level <= 0) ? "未定级" : "第 " + level + " 级";
	}

	static String domainZh(String code) {
		return label(DutyDomain.class, code);
	}

	static String stageZh(String code) {
		return label(SupervisionStage.class, code);
	}

	static String outcomeZh(String code) {
		return label(SupervisionOutcome.class, code);
	}

	/**
	 * The Chinese label of a code, or the code itself when it is not one of the
	 * enumeration.
	 */
	static <E extends Enum<E> & Labeled> String label(Class<E> type, String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return Labeled.parse(type, code).map(Labeled::zh).orElse(code);
	}

	/** The eight domain codes in their fixed order. */
	static List<String> domains() {
		List<String> codes = new ArrayList<>();
		for (DutyDomain d : DutyDomain.values()) {
			codes.add(d.name());
		}
		return codes;
	}

	static String percent(double share) {
		return String.format(Locale.ROOT, "%.0f%%", share * 100);
	}

	static String number(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static String signed(double value, boolean percent) {
		String s = percent ? String.format(Locale.ROOT, "%+.0f%%", value * 100)
				: String.format(Locale.ROOT, "%+.2f", value);
		return s;
	}

}
