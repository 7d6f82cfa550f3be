package org.dutychain.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.InvalidDatasetException;
import org.dutychain.security.AuditLog;
import org.dutychain.security.ScopeChanges;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads of a dataset (导入): a .zip of the CSV folder or one .xlsx workbook. The request
 * receives and validates the upload (422 listing every problem); the write runs as a job
 * ({@code 202 Accepted}, {@code Location: /api/jobs/{id}}). The controller is called only
 * once the whole upload has arrived, so a client that disconnects before its upload
 * completes imports nothing.
 */
@RestController
class ImportController {

	private final ObjectProvider<DatasetImporter> importer;

	private final Jobs jobs;

	private final AuditLog auditLog;

	private final org.dutychain.organization.Datasets datasets;

	private final org.dutychain.config.ImportLimits limits;

	private final ScopeChanges scopeChanges;

	ImportController(ObjectProvider<DatasetImporter> importer, Jobs jobs, AuditLog auditLog,
			org.dutychain.organization.Datasets datasets, ObjectProvider<org.dutychain.config.ImportLimits> limits,
			ScopeChanges scopeChanges) {
		this.scopeChanges = scopeChanges;
		this.importer = importer;
		this.jobs = jobs;
		this.auditLog = auditLog;
		this.datasets = datasets;
		this.limits = limits.getIfAvailable(() -> org.dutychain.config.ImportLimits.DEFAULTS);
	}

	/**
	 * 202 with the job and {@code Location: /api/jobs/{id}}; 422 listing every problem;
	 * 409 {@code IMPORT_RUNNING} while another import runs; 409 EDITS_WOULD_BE_LOST with
	 * the count of edits made in the tool since the last import, unless
	 * {@code overwriteEdits=true} (export them first: {@code GET /api/export}); 409
	 * {@code SCOPES_WOULD_CHANGE} listing the users whose scope units vanish or are
	 * renamed in the new dataset, unless {@code confirmScopes=true} (the confirmed import
	 * is audit-logged with the list).
	 */
	@PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Jobs.JobView> upload(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean overwriteEdits,
			@RequestParam(defaultValue = "false") boolean confirmScopes) {
		DatasetImporter importer = this.importer.getIfAvailable();
		if (importer == null) {
			throw new NotAvailableException("import");
		}
		long edits = this.datasets.active().revision();
		if (edits > 0 && !overwriteEdits) {
			throw new org.dutychain.ledger.EditRefusedException(409, "EDITS_WOULD_BE_LOST",
					"自上次导入以来在系统中做了 " + edits + " 处修改，导入将覆盖它们；请先导出数据集，或确认覆盖（overwriteEdits=true）",
					edits + " edits since the last import would be lost; export first or pass overwriteEdits=true",
					java.util.Map.of("edits", edits));
		}
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "upload";
		CheckedDataset checked;
		try (InputStream in = file.getInputStream()) {
			checked = CheckedDataset.checkUpload(name, in, this.limits);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!checked.valid()) {
			this.auditLog.record(AuditLog.IMPORT, name, "rejected: " + checked.problems().size() + " problems");
			throw new InvalidDatasetException(checked.problems());
		}
		List<ScopeChanges.Change> scopes = this.scopeChanges.of(checked.unitNames());
		if (!scopes.isEmpty() && !confirmScopes) {
			this.auditLog.record(AuditLog.IMPORT, name,
					"refused: users' scopes would change: " + ScopeChanges.en(scopes));
			throw scopesWouldChange(scopes);
		}
		Jobs.JobView job = this.jobs.start(importer, checked);
		this.auditLog.record(AuditLog.IMPORT, name, "accepted as job " + job.id()
				+ (scopes.isEmpty() ? "" : "; confirmed scope changes: " + ScopeChanges.en(scopes)));
		return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.id())).body(job);
	}

	/** 409 SCOPES_WOULD_CHANGE with the list, in words and as {@code scopeChanges}. */
	static org.dutychain.ledger.EditRefusedException scopesWouldChange(List<ScopeChanges.Change> changes) {
		List<Map<String, Object>> list = changes.stream().map((c) -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("username", c.username());
			m.put("unitId", c.unitId());
			m.put("oldName", c.oldName());
			m.put("newName", c.newName());
			m.put("change", c.vanished() ? "VANISHED" : "RENAMED");
			m.put("changeZh", c.vanished() ? "范围单位在新数据中不存在" : "范围单位改名");
			return m;
		}).toList();
		return new org.dutychain.ledger.EditRefusedException(409, "SCOPES_WOULD_CHANGE",
				"导入将改变 " + changes.size() + " 处用户范围：" + ScopeChanges.zh(changes)
						+ "。请先调整这些用户的范围，或确认导入（confirmScopes=true）",
				"The import changes " + changes.size() + " user scope(s): " + ScopeChanges.en(changes)
						+ ". Change these users' scopes first or pass confirmScopes=true",
				Map.of("scopeChanges", list));
	}

}
