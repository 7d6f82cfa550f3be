package org.dutychain.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dutychain.ingest.DatasetImporter;
import org.dutychain.support.TestDatasets;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §2 and §6 on the demo province: every view, in Chinese and after the EN
 * toggle, shows labels instead of codes — no visible token like {@code ORPHAN_UNIT},
 * {@code HIGH} or {@code VILLAGE_STATIONED} outside the allow-list (the rule source, ids,
 * values the user typed, import error codes). Along the way it checks the coverage
 * caption and blank list, the dense findings table, the rule basis, the accountability
 * heading, the ledger's issue panel, and saves a screenshot of each view to
 * {@code docs/screenshots/} for the README.
 */
@WebIT
class PageLanguageIT {

	static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z][A-Z_]{3,}\\b");

	/** Tokens that are not codes: the grading scheme's own name. */
	static final Set<String> ALLOWED = Set.of("ABCD");

	static final Path SCREENSHOTS = Path.of("docs/screenshots");

	/**
	 * The visible text of the page (HTML and SVG), leaving out the rule source, ids,
	 * typed values and import error codes.
	 */
	static final String VISIBLE_TEXT = """
			const skip = '[translate=no], pre, code, small.id, [data-testid=rule-text], input, textarea, option';
			const out = [];
			const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
			while (walker.nextNode()) {
			  const node = walker.currentNode;
			  const parent = node.parentElement;
			  if (!parent || !node.textContent.trim() || parent.closest(skip)) continue;
			  if (parent.closest('[hidden]') || parent.closest('dialog:not([open])')) continue;
			  if (!parent.getClientRects().length) continue;
			  const style = getComputedStyle(parent);
			  if (style.visibility === 'hidden' || style.display === 'none') continue;
			  out.push(node.textContent.trim());
			}
			document.querySelectorAll('select').forEach((s) => {
			  if (s.getClientRects().length && s.selectedOptions.length) out.push(s.selectedOptions[0].textContent);
			});
			return out.join('\\n');""";

	@Autowired
	DatasetImporter importer;

	@LocalServerPort
	int port;

	@Test
	void everyViewInBothLanguagesShowsLabelsNotCodes() throws IOException {
		this.importer.importPath(TestDatasets.folder("demo-province"));
		try (PageBrowser page = PageBrowser.start(1440, 900)) {
			page.viewport(1440, 900);
			page.driver.get("http://localhost:" + this.port + "/");
			page.js("localStorage.setItem('dutychain.lang', 'zh');");
			page.open(this.port);
			List<String> problems = new ArrayList<>();
			walk(page, "zh", problems, true);
			page.click("[data-testid=lang-toggle]");
			page.waitFor(() -> page.text("[data-testid=tab-chain]").equals("Chain"));
			walk(page, "en", problems, false);
			assertThat(problems).as("raw codes visible on the page").isEmpty();
			assertThat(page.consoleErrors()).isEmpty();
		}
	}

	private void walk(PageBrowser page, String lang, List<String> problems, boolean screenshots) {
		boolean zh = lang.equals("zh");
		// chain with the four levels and a unit selected
		page.tab("chain");
		if (!Boolean.TRUE.equals(page.js("return document.querySelector('[data-testid=four-levels]').checked;"))) {
			page.click("[data-testid=four-levels]");
		}
		page.waitForStableTree();
		page.js("const i = document.querySelector('[data-testid=unit-search]'); i.value = '省财政厅党组';"
				+ " i.dispatchEvent(new Event('change'));");
		page.waitFor(() -> page.text("[data-testid=panel-name]").contains("财政厅"));
		page.waitFor(() -> !page.all("[data-testid=post-row]").isEmpty());
		check(page, lang + "/chain", problems);
		if (screenshots) {
			page.shot(SCREENSHOTS.resolve("chain.png"));
		}

		// accountability by unit + domain, then by issue
		page.tab("accountability");
		page.js("const i = document.querySelector('[data-testid=acc-unit]'); i.value = '省财政厅党组';");
		page.click("[data-testid=acc-submit]");
		page.waitFor(() -> !page.all("[data-testid=acc-row]").isEmpty());
		assertThat(page.text("[data-testid=acc-heading]")).contains("省财政厅党组");
		check(page, lang + "/accountability", problems);
		if (screenshots) {
			page.shot(SCREENSHOTS.resolve("accountability.png"));
		}

		page.tab("pressure");
		page.waitFor(
				() -> !page.all("[data-testid=pressure-chart] svg, [data-testid=pressure-chart] canvas").isEmpty());
		assertThat(page.text("[data-testid=pressure-explain]")).contains(zh ? "1.0 表示" : "1.0 means");
		check(page, lang + "/pressure", problems);
		if (screenshots) {
			page.shot(SCREENSHOTS.resolve("pressure.png"));
		}

		page.tab("coverage");
		page.waitFor(() -> !page.all("[data-testid=blank-row]").isEmpty());
		assertThat(page.text("[data-testid=coverage-caption]")).contains(zh ? "党小组" : "party cells");
		assertThat(page.all("[data-testid=blank-unit-link]")).isNotEmpty();
		check(page, lang + "/coverage", problems);
		if (screenshots) {
			page.shot(SCREENSHOTS.resolve("coverage.png"));
		}

		page.tab("findings");
		page.waitFor(() -> !page.all("[data-testid=finding-row]").isEmpty());
		if (screenshots) {
			int visible = ((Number) page
				.js("""
						const wrap = document.querySelector('#findings-table').closest('.table-wrap').getBoundingClientRect();
						return [...document.querySelectorAll('[data-testid=finding-row]')]
						  .filter((r) => { const b = r.getBoundingClientRect(); return b.top >= wrap.top && b.bottom <= Math.min(wrap.bottom, innerHeight); })
						  .length;"""))
				.intValue();
			assertThat(visible).as("finding rows on one 1440×900 screen").isGreaterThanOrEqualTo(15);
			page.shot(SCREENSHOTS.resolve("findings.png"));
		}
		check(page, lang + "/findings", problems);
		page.click("[data-testid=show-rule]");
		page.waitFor(() -> page.find("[data-testid=rule-dialog]").isDisplayed());
		assertThat(page.text("[data-testid=rule-basis]")).isNotBlank();
		check(page, lang + "/rule", problems);
		if (screenshots) {
			page.shot(SCREENSHOTS.resolve("rule.png"));
		}
		page.js("document.querySelector('[data-testid=rule-dialog]').close();");

		// trend: the current data a year apart, per code, level and department; grades
		page.tab("trend");
		if (page.all("[data-testid=trend-code-row]").isEmpty()) {
			page.waitFor(() -> !page.find("[data-testid=trend-from-date]").getAttribute("value").isEmpty());
			page.click("[data-testid=trend-submit]");
		}
		page.waitFor(Duration.ofSeconds(900), () -> !page.all("[data-testid=trend-code-row]").isEmpty());
		page.waitFor(() -> !page.all("[data-testid=grade-row]").isEmpty());
		assertThat(page.text("[data-testid=trend-heading]")).contains(zh ? "新增" : "new");
		check(page, lang + "/trend", problems);
		if (screenshots) {
			page.shot(SCREENSHOTS.resolve("trend.png"));
		}
		// 任务: the audit and comparison jobs the views started, in words
		page.click("[data-testid=jobs-open]");
		// the rows of this opening, in this language (never the last opening's)
		page.waitFor(() -> !page.all("[data-testid=job-row][data-kind=trend]").isEmpty()
				&& page.text("[data-testid=job-row][data-kind=trend]").contains(zh ? "趋势对比" : "Comparison"));
		assertThat(page.text("[data-testid=jobs-dialog] h3")).isEqualTo(zh ? "后台任务" : "Background jobs");
		assertThat(page.text("[data-testid=job-row][data-kind=trend]")).contains("→");
		check(page, lang + "/jobs", problems);
		if (screenshots) {
			page.shot(SCREENSHOTS.resolve("jobs.png"));
		}
		page.js("document.querySelector('[data-testid=jobs-dialog]').close();");
		// 整改台账: the overdue issues, one opened with its chain and history, the
		// new-measure form
		page.tab("ledger");
		page.waitFor(() -> !page.all("[data-testid=issue-row]").isEmpty());
		page.click("[data-testid=ledger-filter-overdue]");
		page.waitFor(() -> page.attr("[data-testid=ledger-filter-overdue]", "class", "").contains("active")
				&& page.all("[data-testid=ledger-table][data-loading]").isEmpty()
				&& page.all("[data-testid=issue-panel][data-loading]").isEmpty()
				&& !page.all("[data-testid=issue-row]").isEmpty());
		page.click("[data-testid=issue-row]");
		page.waitFor(() -> page.all("[data-testid=issue-panel][data-loading]").isEmpty()
				&& !page.all("[data-testid=issue-history]").isEmpty()
				&& !page.all("[data-testid=issue-chain]").isEmpty());
		page.click("[data-testid=new-measure]");
		page.waitFor(() -> !page.all("[data-testid=measure-form]").isEmpty());
		check(page, lang + "/ledger", problems);
		if (screenshots) {
			page.shot(SCREENSHOTS.resolve("ledger.png"));
		}
		page.click("[data-testid=form-cancel]");

		page.tab("import");
		check(page, lang + "/import", problems);
		if (screenshots) {
			page.shot(SCREENSHOTS.resolve("import.png"));
		}
		page.tab("chain");
		page.waitFor(Duration.ofSeconds(10), () -> true);
	}

	private static void check(PageBrowser page, String where, List<String> problems) {
		String text = (String) page.js(VISIBLE_TEXT);
		Matcher m = RAW_CODE.matcher(text);
		while (m.find()) {
			if (!ALLOWED.contains(m.group())) {
				int from = Math.max(0, m.start() - 30);
				int to = Math.min(text.length(), m.end() + 30);
				problems.add(where + ": " + m.group() + " in «" + text.substring(from, to).replace('\n', ' ') + "»");
			}
		}
	}

}
