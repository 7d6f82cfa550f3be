package org.dutychain.web;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import org.dutychain.report.AuditReports;
import org.dutychain.report.ImportTemplate;
import org.dutychain.report.ReportFormat;
import org.dutychain.report.ReportOptions;
import org.dutychain.report.SnapshotInfo;
import org.dutychain.report.Snapshots;
import org.dutychain.report.UnknownSnapshotException;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report controller's HTTP contract in a web slice (the security filter chain is
 * tested by SecurityIT; here the caller is an unrestricted one).
 */
@WebMvcTest(ReportController.class)
@Import(VisibleSnapshots.class)
@org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc(addFilters = false)
class ReportControllerTests {

	private static final SnapshotInfo SNAPSHOT = new SnapshotInfo("S-1", "整改前",
			OffsetDateTime.parse("2025-07-01T10:00:00+08:00"), "U-1", LocalDate.of(2025, 6, 30), "demo");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AuditReports reports;

	@MockitoBean
	private ImportTemplate template;

	@MockitoBean
	private Snapshots snapshots;

	@MockitoBean
	private org.dutychain.security.AccessScope access;

	@MockitoBean
	private org.dutychain.security.AuditLog auditLog;

	@MockitoBean
	private Jobs jobs;

	@MockitoBean
	private org.dutychain.analysis.AuditCache audits;

	@MockitoBean
	private org.dutychain.organization.Datasets datasets;

	@org.junit.jupiter.api.BeforeEach
	void unrestrictedCaller() {
		given(this.access.effectiveScope(any())).willAnswer((call) -> call.getArgument(0));
		given(this.access.caller()).willReturn(
				new org.dutychain.security.AccessScope.Caller(null, org.dutychain.security.Role.ADMIN, List.of()));
		given(this.access.isVisible(any())).willReturn(true);
	}

	@Test
	void auditReportInTheRequestedFormat() throws Exception {
		willAnswer((call) -> {
			call.getArgument(5, OutputStream.class).write(new byte[] { 'P', 'K' });
			return null;
		}).given(this.reports)
			.write(eq("U-1"), eq(LocalDate.of(2025, 6, 30)), eq(ReportFormat.XLSX), eq("S-1"),
					eq(new ReportOptions(null, false)), any());
		given(this.reports.fileName("U-1", LocalDate.of(2025, 6, 30), ReportFormat.XLSX))
			.willReturn("审计报告-机关党委-2025-06-30.xlsx");
		this.mvc.perform(get("/api/reports/audit?scope=U-1&asOf=2025-06-30&format=xlsx&since=S-1"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(ReportFormat.XLSX.mediaType()))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(
					"filename*=UTF-8''%E5%AE%A1%E8%AE%A1%E6%8A%A5%E5%91%8A-%E6%9C%BA%E5%85%B3%E5%85%9A%E5%A7%94-2025-06-30.xlsx")))
			.andExpect(content().bytes(new byte[] { 'P', 'K' }));
	}

	@Test
	void ruleAppendixOnlyWhenAsked() throws Exception {
		given(this.reports.fileName(any(), any(), any())).willReturn("审计报告-全部单位.pdf");
		this.mvc.perform(get("/api/reports/audit?format=pdf&appendix=true")).andExpect(status().isOk());
		verify(this.reports).write(any(), any(), eq(ReportFormat.PDF), any(), eq(new ReportOptions(null, true)), any());
	}

	@Test
	void unknownFormatIsABadRequest() throws Exception {
		this.mvc.perform(get("/api/reports/audit?format=docx"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("/problems/unknown-report-format"));
	}

	@Test
	void importTemplate() throws Exception {
		willAnswer((call) -> {
			call.getArgument(0, OutputStream.class).write(new byte[] { 'P', 'K' });
			return null;
		}).given(this.template).write(any());
		this.mvc.perform(get("/api/imports/template.xlsx"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(ReportFormat.XLSX.mediaType()));
	}

	@Test
	void createAndListSnapshots() throws Exception {
		given(this.snapshots.create("U-1", LocalDate.of(2025, 6, 30), "整改前")).willReturn(SNAPSHOT);
		given(this.snapshots.list()).willReturn(List.of(SNAPSHOT));
		this.mvc.perform(post("/api/snapshots").param("scope", "U-1").param("asOf", "2025-06-30").param("label", "整改前"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/snapshots/S-1"))
			.andExpect(jsonPath("$.id").value("S-1"))
			.andExpect(jsonPath("$.asOf").value("2025-06-30"));
		this.mvc.perform(get("/api/snapshots"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].label").value("整改前"));
		verify(this.snapshots).create("U-1", LocalDate.of(2025, 6, 30), "整改前");
	}

	@Test
	void unknownSnapshotIsAProblem() throws Exception {
		given(this.snapshots.diff("S-1", "S-9")).willThrow(new UnknownSnapshotException("S-9"));
		this.mvc.perform(get("/api/snapshots/S-1/diff/S-9"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.type").value("/problems/unknown-snapshot"))
			.andExpect(jsonPath("$.snapshotId").value("S-9"));
	}

}
