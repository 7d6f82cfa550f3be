package org.dutychain.web;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.organization.Datasets;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.TestDatasets;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 督办通知 (PDF with its CJK text extracted, and XLSX) and 到期提醒 (digest) on the imported
 * small dataset with a few ledger edits.
 */
@WebIT
class NoticeDigestIT {

	@Autowired
	TestRestTemplate http;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	DatasetImporter importer;

	@Autowired
	Datasets datasets;

	private final ObjectMapper json = new ObjectMapper();

	@BeforeEach
	void importAndEdit() throws Exception {
		this.fixtures.wipe();
		this.importer.importPath(TestDatasets.small());
		post("/api/issues/i03/measures",
				Map.of("id", "m-late", "text", "补建流动党员台账", "due", "2024-06-01", "ownerPostId", "jyt-z01.sj"));
		post("/api/issues", Map.of("id", "i91", "unitId", "fgw-z01", "domain", "ORGANIZATION", "title", "党费收缴不及时",
				"foundOn", "2024-05-01", "due", "2024-07-15"));
	}

	JsonNode post(String path, Object body) throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> r = this.http.exchange(path, HttpMethod.POST,
				new HttpEntity<>(this.json.writeValueAsString(body), headers), String.class);
		assertThat(r.getStatusCode().is2xxSuccessful()).as(path + " -> " + r.getBody()).isTrue();
		return this.json.readTree(r.getBody());
	}

	static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach((n) -> ids.add(n.path("id").asText()));
		return ids;
	}

	@Test
	void theDigestGroupsOverdueAndDueSoonByAccountableUnit() throws Exception {
		JsonNode digest = this.json
			.readTree(this.http.getForObject("/api/digest?days=30&asOf=2024-06-30", String.class));
		assertThat(digest.path("asOf").asText()).isEqualTo("2024-06-30");
		Map<String, JsonNode> units = new java.util.HashMap<>();
		digest.path("units").forEach((u) -> units.put(u.path("unitId").asText(), u));
		assertThat(ids(units.get("jyt-z01").path("overdue"))).containsExactly("m-late");
		assertThat(units.get("jyt-z01").path("overdue").get(0).path("kind").asText()).isEqualTo("MEASURE");
		assertThat(units.get("jyt-z01").path("overdue").get(0).path("daysLeft").asLong()).isEqualTo(-29);
		assertThat(ids(units.get("fgw-z01").path("dueSoon"))).containsExactly("i91");
		assertThat(units.get("fgw-z01").path("dueSoon").get(0).path("daysLeft").asLong()).isEqualTo(15);
		// i01 is due 2024-12-31: neither overdue nor due within 30 days
		assertThat(digest.toString()).doesNotContain("\"i01\"");
		JsonNode shorter = this.json
			.readTree(this.http.getForObject("/api/digest?days=10&asOf=2024-06-30", String.class));
		assertThat(shorter.toString()).doesNotContain("i91").contains("m-late");
	}

	@Test
	void theNoticeIsAChinesePdfWithCommitteeDateAndNumberedItems() throws Exception {
		assertTrue(
				java.nio.file.Files
					.isReadable(java.nio.file.Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"))
						|| System.getenv("DUTYCHAIN_CJK_FONT") != null,
				"no CJK TrueType font installed (run .ci/setup-test-deps)");
		ResponseEntity<byte[]> pdf = this.http.getForEntity("/api/units/jyt/notice?format=pdf&asOf=2024-06-30",
				byte[].class);
		assertThat(pdf.getStatusCode().value()).isEqualTo(200);
		assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
			assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(590f, 600f);
			text = new PDFTextStripper().getText(document);
		}
		String flat = text.replaceAll("\\s+", "");
		assertThat(flat).contains("关于省教育厅党组问题整改的督办通知")
			.contains("省直机关工委")
			.contains(this.datasets.today().toString())
			.contains("流动党员管理台账缺失")
			.contains("补建流动党员台账")
			.contains("整改时限");
		assertThat(flat).doesNotContain("党费收缴不及时");

		ResponseEntity<byte[]> xlsx = this.http.getForEntity("/api/units/jyt/notice?format=xlsx&asOf=2024-06-30",
				byte[].class);
		assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			Sheet sheet = workbook.getSheet("督办通知");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("关于省教育厅党组问题整改的督办通知");
			Row first = sheet.getRow(4);
			assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("问题");
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("流动党员管理台账缺失");
			assertThat(first.getCell(5).getStringCellValue()).isNotBlank();
			assertThat(sheet.getLastRowNum()).isGreaterThan(4);
		}
		assertThat(this.http.getForEntity("/api/units/nope/notice", String.class).getStatusCode().value())
			.isEqualTo(404);
	}

}
