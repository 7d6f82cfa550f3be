package org.dutychain.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.dutychain.analysis.AuditCache;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.ingest.ImportResult;
import org.dutychain.ingest.InvalidDatasetException;
import org.dutychain.security.AuditLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads of a dataset (导入): a .zip of the CSV folder or one .xlsx workbook; all problems
 * or nothing written.
 */
@RestController
class ImportController {

	private final ObjectProvider<DatasetImporter> importer;

	private final AuditCache audits;

	private final AuditLog auditLog;

	private final org.dutychain.organization.Datasets datasets;

	ImportController(ObjectProvider<DatasetImporter> importer, AuditCache audits, AuditLog auditLog,
			org.dutychain.organization.Datasets datasets) {
		this.importer = importer;
		this.audits = audits;
		this.auditLog = auditLog;
		this.datasets = datasets;
	}

	/**
	 * 201 with the import result; 422 listing every problem (see {@link ApiProblems});
	 * 409 EDITS_WOULD_BE_LOST with the count of edits made in the tool since the last
	 * import, unless {@code overwriteEdits=true} (export them first:
	 * {@code GET /api/export}).
	 */
	@PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	ImportResult upload(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean overwriteEdits) {
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
		try (InputStream in = file.getInputStream()) {
			ImportResult result = importer.importUpload(name, in);
			this.audits.clear();
			this.auditLog.record(AuditLog.IMPORT, name, "imported");
			this.audits.schedule(null); // the views' audit of the new dataset, in the
										// background
			return result;
		}
		catch (InvalidDatasetException ex) {
			this.auditLog.record(AuditLog.IMPORT, name, "rejected: " + ex.problems().size() + " problems");
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
