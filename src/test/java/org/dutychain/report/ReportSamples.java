package org.dutychain.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dutychain.analysis.AuditDocument;
import org.dutychain.analysis.Evidence;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Findings;
import org.dutychain.analysis.Message;
import org.dutychain.analysis.Severity;

/** Hand-built report content: a three-level scope with five findings, no database. */
final class ReportSamples {

	static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	private ReportSamples() {
	}

	static Finding finding(String analysis, String code, Severity severity, String unitId, int level, String postId,
			String zh) {
		return new Finding(analysis, code, severity, unitId, level, postId, null, null, null, null,
				new Message(zh, code + " at " + unitId),
				Evidence.of((postId != null) ? List.of(unitId, postId) : List.of(unitId)), Map.of());
	}

	static List<Finding> findings() {
		List<Finding> findings = new ArrayList<>(List.of(
				finding("post-vacancy", "POST_VACANT", Severity.HIGH, "U-2", 2, "P-2", "机关党委的书记岗位在2025-06-30无人任职"),
				finding("post-vacancy", "POST_VACANT", Severity.HIGH, "U-3", 3, "P-3", "第一党支部的支部书记岗位在2025-06-30无人任职"),
				finding("list-coverage", "NO_PERSONAL_LIST", Severity.MEDIUM, "U-2", 2, "P-4", "机关党委的组织委员没有个人责任清单"),
				finding("pressure-decay", "COLD_UNIT", Severity.MEDIUM, "U-3", 3, null, "第一党支部近一年无工作记录"),
				finding("hierarchy-integrity", "SHOULD_BE_GENERAL_BRANCH", Severity.LOW, "U-3", 3, null,
						"第一党支部党员数 62 人，应设立党总支")));
		findings.sort(Findings.ORDER);
		return findings;
	}

	static AuditDocument document() {
		List<AuditDocument.AnalysisSummary> analyses = List.of(
				new AuditDocument.AnalysisSummary("post-vacancy", "岗位空缺 | Post vacancy", 3, 12, Map.of()),
				new AuditDocument.AnalysisSummary("list-coverage", "清单覆盖 | List coverage", 3, 8, Map.of()),
				new AuditDocument.AnalysisSummary("pressure-decay", "压力衰减 | Pressure decay", 3, 20, Map.of()),
				new AuditDocument.AnalysisSummary("hierarchy-integrity", "组织体系 | Hierarchy integrity", 3, 5, Map.of()));
		List<AuditDocument.LevelSummary> levels = List.of(
				new AuditDocument.LevelSummary(1, 1, Map.of("POLITICAL", 1.0, "ORGANIZATION", 1.0), 1.2, 1.2, 0.0),
				new AuditDocument.LevelSummary(2, 1, Map.of("POLITICAL", 1.0, "ORGANIZATION", 0.5), 0.7, 0.7, 0.0),
				new AuditDocument.LevelSummary(3, 1, Map.of("POLITICAL", 0.0), 0.0, 0.0, 1.0));
		return new AuditDocument("示范省直机关", AS_OF, "U-1", analyses, levels, findings());
	}

	static ReportContent content(boolean withDiff) {
		AuditDocument doc = document();
		Optional<SnapshotDiff> diff = Optional.empty();
		if (withDiff) {
			SnapshotInfo from = new SnapshotInfo("S-1", "2024年巡察前", OffsetDateTime.parse("2024-12-01T09:00:00+08:00"),
					"U-1", LocalDate.of(2024, 11, 30), "示范省直机关");
			SnapshotInfo to = new SnapshotInfo(null, "本次", null, "U-1", AS_OF, "示范省直机关");
			diff = Optional.of(new SnapshotDiff(from, to,
					List.of(new SnapshotDiff.FindingRef("pressure-decay/COLD_UNIT/U-3", "pressure-decay", "COLD_UNIT",
							Severity.MEDIUM, "U-3", 3, "第一党支部近一年无工作记录")),
					List.of(new SnapshotDiff.FindingRef("post-vacancy/POST_VACANT/U-1/P-1", "post-vacancy",
							"POST_VACANT", Severity.HIGH, "U-1", 1, "机关工委的书记岗位无人任职"),
							new SnapshotDiff.FindingRef("post-vacancy/POST_VACANT/U-2/P-5", "post-vacancy",
									"POST_VACANT", Severity.HIGH, "U-2", 2, "机关党委的纪检委员岗位无人任职")),
					List.of(),
					List.of(new SnapshotDiff.LevelDelta(1, 1, 1, Map.of("POLITICAL", 0.0), 0.1, 0.1, 0.0),
							new SnapshotDiff.LevelDelta(2, 1, 1, Map.of("POLITICAL", 0.5, "ORGANIZATION", 0.0), -0.2,
									-0.2, 0.0))));
		}
		return new ReportContent(doc, "省直机关工委", ZonedDateTime.of(2025, 7, 1, 10, 30, 0, 0, ZoneId.of("Asia/Shanghai")),
				Map.of("U-1", "省直机关工委", "U-2", "机关党委", "U-3", "第一党支部"),
				Map.of("post-vacancy/POST_VACANT/U-2/P-2", "书记 —（空缺，主体责任）", "pressure-decay/COLD_UNIT/U-3",
						"支部书记 王五（主体责任）"),
				List.of(new ReportContent.Staffing("U-2", "机关党委", "P-2", "书记", null, null, null, true),
						new ReportContent.Staffing("U-1", "省直机关工委", "P-1", "书记", "PE-1", "张三",
								LocalDate.of(2025, 8, 31), false)),
				List.of(new ReportContent.WeakUnit("U-3", "第一党支部", "机关", "整顿名单 2025", List.of("处级领导联系"),
						List.of("组织部门指导", "机关单位共建帮扶", "直属党委专人督办"), null)),
				List.of(new ReportContent.Listing("SV-1", "U-3", "第一党支部", "机关党委", LocalDate.of(2024, 10, 1),
						LocalDate.of(2025, 4, 1), "RECTIFY", null, null, true)),
				List.of(new ReportContent.Rule("post-vacancy", "岗位空缺 | Post vacancy",
						"// id: post-vacancy\n// statement: POST_VACANT\nMATCH (u:Unit)\nRETURN u;\n")),
				diff);
	}

}
