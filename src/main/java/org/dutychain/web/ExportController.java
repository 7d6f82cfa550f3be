package org.dutychain.web;

import java.nio.charset.StandardCharsets;

import org.dutychain.ledger.DatasetExport;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * 导出数据集: the active dataset with every edit, in the import format — a zip of CSV files or
 * one XLSX workbook — so that it can be re-imported unchanged.
 */
@RestController
class ExportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final DatasetExport export;

	ExportController(DatasetExport export) {
		this.export = export;
	}

	@GetMapping("/api/export")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "zip") String format) {
		boolean xlsx = switch (format) {
			case "zip" -> false;
			case "xlsx" -> true;
			default -> throw new BadRequestException("format", format, "格式应为 zip 或 xlsx");
		};
		String file = this.export.name() + (xlsx ? ".xlsx" : ".zip");
		StreamingResponseBody body = xlsx ? this.export::xlsx : this.export::zip;
		return ResponseEntity.ok()
			.contentType(xlsx ? XLSX : MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

}
