package org.dutychain.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.dutychain.report.UnitNotice;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 督办通知 / 问题清单 of a unit's subtree as an A4 PDF or an XLSX sheet (issue 12). */
@RestController
class NoticeController {

	private final UnitNotice notice;

	NoticeController(UnitNotice notice) {
		this.notice = notice;
	}

	@GetMapping("/api/units/{id}/notice")
	ResponseEntity<byte[]> notice(@PathVariable String id, @RequestParam(defaultValue = "pdf") String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		boolean pdf = switch (format) {
			case "pdf" -> true;
			case "xlsx" -> false;
			default -> throw new BadRequestException("format", format, "格式应为 pdf 或 xlsx");
		};
		UnitNotice.Content content = this.notice.content(id, asOf);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (pdf) {
			this.notice.pdf(content, out);
		}
		else {
			this.notice.xlsx(content, out);
		}
		String file = "督办通知-" + content.unitName() + (pdf ? ".pdf" : ".xlsx");
		return ResponseEntity.ok()
			.contentType(pdf ? MediaType.APPLICATION_PDF
					: MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file, StandardCharsets.UTF_8).build().toString())
			.body(out.toByteArray());
	}

}
