package org.dutychain.web;

import java.io.IOException;
import java.time.LocalDate;

import org.dutychain.config.CypherFiles;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 (stored XSS): unit and person names that are HTML stay text everywhere the page
 * shows them — the tree labels and tooltips, the unit panel, the search list and the
 * findings table. A hover over the unit named {@code <img src=x onerror=…>} must not run
 * the handler.
 */
@WebIT
class PageXssIT {

	private static final String EVIL_UNIT = "<img src=x onerror=window.__xss=1>";

	private static final String EVIL_PERSON = "<img src=y onerror=window.__xss=2>";

	private static final String GRAPH = """
			CREATE (w:Unit {id: 'W', name: '省直机关工委', kind: 'ORGAN_WORK_COMMITTEE', members: 120})
			CREATE (g:Unit {id: 'G-1', name: '%s', kind: 'LEADING_PARTY_GROUP', members: 9})
			CREATE (b:Unit {id: 'B-1', name: '</style><script>window.__xss=3</script>', kind: 'BRANCH', members: 2})
			CREATE (w)-[:LEADS {kind: 'PRIMARY'}]->(g), (g)-[:LEADS {kind: 'PRIMARY'}]->(b)
			CREATE (k:PostKind {id: 'SECRETARY', key: 'SECRETARY', name: '书记', responsibility: 'PRINCIPAL',
			        requiredIn: ['LEADING_PARTY_GROUP'], domains: ['POLITICAL']})
			CREATE (p:Post {id: 'P-G', kind: 'SECRETARY', title: '党组书记'}), (g)-[:HAS_POST]->(p), (p)-[:OF_KIND]->(k)
			CREATE (:Person {id: 'X-1', name: '%s'})-[:HOLDS {since: date('2020-01-01')}]->(p);
			""".formatted(EVIL_UNIT, EVIL_PERSON);

	@Autowired
	GraphFixtures fixtures;

	@LocalServerPort
	int port;

	@Test
	void htmlInNamesStaysText() throws IOException {
		this.fixtures.load(CypherFiles.parse("xss.cypher", GRAPH), LocalDate.of(2024, 6, 30));
		try (PageBrowser page = PageBrowser.start(1366, 768)) {
			page.open(this.port);
			page.click("[data-testid=four-levels]");
			page.waitFor(() -> "3".equals(page.attr("[data-testid=tree]", "data-units", "")));
			// show the tooltip of every node of the tree, as a hover does
			String tooltips = (String) page.js("""
					const dom = document.querySelector('[data-testid=tree]');
					const chart = echarts.getInstanceByDom(dom);
					const data = chart.getModel().getSeriesByIndex(0).getData();
					const seen = [];
					for (let i = 0; i < data.count(); i++) {
					  chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
					  const tip = [...dom.querySelectorAll('div')].find((d) => d.style.zIndex === '9999999');
					  if (tip) seen.push(tip.textContent);
					}
					return seen.join('\\n');""");
			page.js("const i = document.querySelector('[data-testid=unit-search]'); i.value = 'G-1';"
					+ " i.dispatchEvent(new Event('change'));");
			page.waitFor(() -> page.text("[data-testid=panel-name]").contains("<img"));
			page.waitFor(() -> page.text("[data-testid=unit-panel]").contains("onerror=window.__xss=2"));
			page.tab("findings");
			page.waitFor(() -> !page.all("[data-testid=finding-row]").isEmpty());
			PageBrowser.sleep(1000);

			assertThat(tooltips).contains(EVIL_UNIT);
			assertThat(page.js("return document.querySelector('[data-testid=panel-name]').textContent;"))
				.isEqualTo(EVIL_UNIT);
			assertThat(page.js("return window.__xss === undefined;")).isEqualTo(true);
			assertThat(page.js("return document.querySelectorAll('main img, [data-testid=tree] img').length;"))
				.isEqualTo(0L);
			assertThat(page.js("return document.querySelectorAll('main script').length;")).isEqualTo(0L);
		}
	}

}
