package org.dutychain.web;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dutychain.analysis.AuditCache;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.TestDatasets;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 趋势对比 view in the browser on the small dataset (issue 12, issue 13 §5 and §7): a
 * snapshot saved with a label shows up in the list; two evaluation dates compared show
 * the same totals as the API, per code, level and department, and a department row
 * filters the changes to its findings; two snapshots (saved at those dates) compare the
 * same way, and a snapshot against the current data at the page's date; a date before the
 * dataset's first records is warned about, in the top bar and in the view; a unit's grade
 * trajectory lists it and its children by year.
 */
@WebIT
class TrendViewIT {

	static final String EARLY = "2022-06-30";

	static final String LATE = "2024-06-30";

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	DatasetImporter importer;

	@Autowired
	AuditCache audits;

	@Autowired
	TestRestTemplate http;

	@LocalServerPort
	int port;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void snapshotsDatesAndGradesInTheTrendView() throws IOException {
		this.fixtures.wipe();
		this.importer.importPath(TestDatasets.small());
		this.audits.clear();
		JsonNode api = this.json
			.readTree(this.http.getForObject("/api/trend?from=" + EARLY + "&to=" + LATE, String.class));
		String totals = "新增 " + api.path("totals").path("added").asInt() + " 项，关闭 "
				+ api.path("totals").path("resolved").asInt() + " 项";
		try (PageBrowser page = PageBrowser.start(1440, 900)) {
			page.driver.get("http://localhost:" + this.port + "/");
			page.js("localStorage.setItem('dutychain.lang', 'zh');");
			page.open(this.port);
			page.tab("trend");
			page.waitFor(() -> page.find("[data-testid=snapshot-box]").isDisplayed());

			// a snapshot at the dataset's date, with a label
			page.find("[data-testid=snapshot-label]").sendKeys("巡察前");
			page.click("[data-testid=snapshot-create]");
			page.waitFor(() -> page.text("[data-testid=snapshot-table]").contains("巡察前"));
			assertThat(page.text("[data-testid=snapshot-table]")).contains(LATE).contains("全部单位");

			// two dates
			setDate(page, "[data-testid=trend-from-date]", EARLY);
			setDate(page, "[data-testid=trend-to-date]", LATE);
			page.click("[data-testid=trend-submit]");
			page.waitFor(() -> page.text("[data-testid=trend-heading]").contains("新增"));
			assertThat(page.text("[data-testid=trend-heading]")).contains("评估日期 " + EARLY)
				.contains("评估日期 " + LATE)
				.contains(totals);
			assertThat(page.all("[data-testid=trend-code-row]")).hasSize(api.path("byCode").size());
			// the snapshot and the comparison ran as jobs (Prefer: respond-async), polled
			// to their end
			JsonNode jobs = this.json.readTree(this.http.getForObject("/api/jobs", String.class));
			for (String kind : List.of("snapshot", "trend")) {
				JsonNode newest = null;
				for (JsonNode job : jobs) {
					if (newest == null && job.path("kind").asText().equals(kind)) {
						newest = job;
					}
				}
				assertThat(newest).as(kind + " job").isNotNull();
				assertThat(newest.path("state").asText()).isEqualTo("succeeded");
			}
			assertThat(page.all("[data-testid=trend-level-row]")).isNotEmpty();
			Set<String> departments = new HashSet<>();
			page.all("[data-testid=trend-department-row]")
				.forEach((r) -> departments.add(r.getAttribute("data-department")));
			departments.remove("");
			assertThat(departments).isNotEmpty().isSubsetOf(Set.of("wc", "dwc", "fgw", "jyt", "xz"));
			assertThat(page.text("[data-testid=trend-by-department]")).contains("青山镇党委");
			// a department row filters the list of changes to that department's findings
			String department = page.find("[data-testid=trend-department-row]").getAttribute("data-department");
			page.click("[data-testid=trend-department-row]");
			page.waitFor(() -> !page.text("[data-testid=trend-items-title]").contains("全部"));
			int expected = 0;
			for (JsonNode i : api.path("added")) {
				if (department.equals(i.path("departmentId").asText(""))) {
					expected++;
				}
			}
			assertThat(page.all("[data-testid=trend-item]")).hasSize(Math.min(50, expected));

			// a second snapshot at the early date: the page's 评估日期 decides the audit
			setDate(page, "[data-testid=asof]", EARLY);
			page.waitFor(() -> page.find("[data-testid=asof]").getAttribute("value").equals(EARLY));
			page.find("[data-testid=snapshot-label]").sendKeys("两年前");
			page.click("[data-testid=snapshot-create]");
			page.waitFor(() -> page.all("[data-testid=snapshot-row]").size() == 2);
			assertThat(page.text("[data-testid=snapshot-table]")).contains("两年前").contains(EARLY);
			setDate(page, "[data-testid=asof]", LATE);

			// two snapshots: the same changes as the two dates
			page.click("[data-testid=trend-mode-snapshots]");
			selectByText(page, "[data-testid=trend-from-snapshot]", "两年前");
			selectByText(page, "[data-testid=trend-to-snapshot]", "巡察前");
			page.click("[data-testid=trend-submit]");
			page.waitFor(() -> page.text("[data-testid=trend-heading]").contains("快照“两年前”"));
			assertThat(page.text("[data-testid=trend-heading]")).contains("快照“巡察前”").contains(totals);

			// the early snapshot against the current data at the page's date (2024-06-30)
			List<WebElement> rows = page.all("[data-testid=snapshot-row]");
			WebElement early = rows.stream().filter((r) -> r.getText().contains("两年前")).findFirst().orElseThrow();
			page.js("arguments[0].querySelector('[data-testid=snapshot-diff-current]').click();", early);
			page.waitFor(() -> page.text("[data-testid=trend-heading]").contains("当前数据"));
			assertThat(page.text("[data-testid=trend-heading]")).contains("当前数据（评估日期 " + LATE + "）").contains(totals);

			// a date before the first records: warned in the top bar and in the view
			setDate(page, "[data-testid=asof]", "2010-01-01");
			page.waitFor(() -> page.text("[data-testid=message]").contains("早于数据集中最早的记录"));
			assertThat(page.text("[data-testid=message]")).contains("任职 2018-01-01").contains("结果可能不可信");
			page.tab("trend");
			page.click("[data-testid=trend-mode-dates]");
			setDate(page, "[data-testid=trend-from-date]", "2015-06-30");
			page.waitFor(() -> page.find("[data-testid=trend-date-warning]").isDisplayed());
			assertThat(page.text("[data-testid=trend-date-warning]")).contains("2015-06-30").contains("早于数据集中最早的记录");
			setDate(page, "[data-testid=trend-from-date]", EARLY);
			page.waitFor(() -> page.text("[data-testid=trend-date-warning]").contains(EARLY)
					|| !page.find("[data-testid=trend-date-warning]").isDisplayed());

			// grade trajectory of the township committee and its villages
			page.js("const i = document.querySelector('[data-testid=grade-unit]'); i.value = '青山镇党委';"
					+ " i.dispatchEvent(new Event('change'));");
			// the table may be drawn again meanwhile (a row found before that is stale):
			// each look finds the row afresh
			page.waitFor(() -> page.all("[data-testid=grade-row]").size() == 4
					&& page.text("[data-testid=grade-row][data-unit=xz-v02]").contains("较差"));
			assertThat(page.text("[data-testid=grade-row][data-unit=xz-v02]")).contains("较差").contains("西岭村党支部");
			assertThat(page.text("[data-testid=grade-table]")).contains("2023").contains("2024");
			// the village itself: its line chart of 分类定级 across the years
			page.js("const i = document.querySelector('[data-testid=grade-unit]'); i.value = '西岭村党支部';"
					+ " i.dispatchEvent(new Event('change'));");
			page.waitFor(() -> page.all("[data-testid=grade-row]").size() == 1);
			page.waitFor(() -> !page.all("[data-testid=grade-chart] svg").isEmpty());
			assertThat((String) page.js("return document.querySelector('[data-testid=grade-chart]').textContent;"))
				.contains("分类定级")
				.contains("较差");
			// an answer that arrives after a later choice's does not replace it: the
			// township's grades answer 1.5 s late, the village is chosen meanwhile
			page.js("const f = window.fetch; window.fetch = (u, o) => String(u).includes('/api/units/xz/grades')"
					+ " ? f(u, o).then((r) => new Promise((done) => setTimeout(() => { done(r);"
					+ " setTimeout(() => { window.lateAnswerDrawn = true; }, 300); }, 1500))) : f(u, o);");
			page.js("const i = document.querySelector('[data-testid=grade-unit]'); i.value = '青山镇党委';"
					+ " i.dispatchEvent(new Event('change'));"
					+ " i.value = '西岭村党支部'; i.dispatchEvent(new Event('change'));");
			page.waitFor(() -> Boolean.TRUE.equals(page.js("return window.lateAnswerDrawn === true;")));
			assertThat(page.all("[data-testid=grade-row]")).hasSize(1);
			assertThat(page.text("[data-testid=grade-table]")).contains("西岭村党支部");
			assertThat((String) page.js("return document.querySelector('[data-testid=grade-unit]').value;"))
				.contains("西岭村党支部");
			assertThat(page.consoleErrors()).isEmpty();
		}
	}

	static void setDate(PageBrowser page, String css, String date) {
		page.js("const i = document.querySelector(arguments[0]); i.value = arguments[1];"
				+ " i.dispatchEvent(new Event('change'));", css, date);
	}

	static void selectByText(PageBrowser page, String css, String text) {
		page.js("const s = document.querySelector(arguments[0]);"
				+ " const o = [...s.options].find((x) => x.textContent.includes(arguments[1]));"
				+ " s.value = o.value; s.dispatchEvent(new Event('change'));", css, text);
	}

}
