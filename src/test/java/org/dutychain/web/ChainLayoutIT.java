package org.dutychain.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dutychain.ingest.DatasetGenerator;
import org.dutychain.ingest.DatasetImporter;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 §3: the chain stays readable on the generated demo province (600 units, the
 * seed of the first start). After 四级预设 at 1440 and 1024 wide, no two visible labels of
 * the tree overlap (their bounding boxes are measured in the SVG drawing), every level
 * has a column header, big sibling groups are paged behind "+N 个单位", and the overview
 * draws the whole hierarchy.
 */
@WebIT
class ChainLayoutIT {

	/** Bounding boxes of the tree's visible labels and the pairs that overlap. */
	private static final String OVERLAPS = """
			const svg = document.querySelector('[data-testid=tree] svg');
			const boxes = [...svg.querySelectorAll('text')]
			  .map((t) => ({ t: t.textContent, r: t.getBoundingClientRect() }))
			  .filter((b) => b.t.trim() && b.r.width > 0 && b.r.height > 0)
			  .sort((a, b) => a.r.left - b.r.left);
			const pairs = [];
			for (let i = 0; i < boxes.length; i++) {
			  for (let j = i + 1; j < boxes.length && boxes[j].r.left < boxes[i].r.right - 1; j++) {
			    const a = boxes[i].r, b = boxes[j].r;
			    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
			    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
			    if (w > 1 && h > 1) pairs.push(boxes[i].t + ' × ' + boxes[j].t);
			  }
			}
			return { labels: boxes.length, overlaps: pairs.slice(0, 20) };""";

	@TempDir
	static Path dir;

	@Autowired
	DatasetGenerator generator;

	@Autowired
	DatasetImporter importer;

	@LocalServerPort
	int port;

	static boolean imported;

	@BeforeAll
	static void none() {
	}

	void demo() {
		if (!imported) {
			Path out = dir.resolve("demo");
			this.generator.generate(600, 20240630L, 0.05, out);
			this.importer.importPath(out);
			imported = true;
		}
	}

	@Test
	void fourLevelLabelsDoNotOverlapAt1440() throws IOException {
		assertReadable(1440, 900);
	}

	@Test
	void fourLevelLabelsDoNotOverlapAt1024() throws IOException {
		assertReadable(1024, 768);
	}

	@SuppressWarnings("unchecked")
	private void assertReadable(int width, int height) throws IOException {
		demo();
		try (PageBrowser page = PageBrowser.start(width, height)) {
			page.viewport(width, height);
			page.open(this.port);
			page.click("[data-testid=four-levels]");
			page.waitFor(() -> Integer.parseInt(page.attr("[data-testid=tree]", "data-units", "0")) > 100);
			page.waitForStableTree();
			int drawn = Integer.parseInt(page.attr("[data-testid=tree]", "data-units", "0"));
			Map<String, Object> result = (Map<String, Object>) page.js(OVERLAPS);
			page.shot(Path.of("target/screenshots/chain-four-levels-" + width + ".png"));
			assertThat(((Number) result.get("labels")).intValue()).as("labels drawn").isGreaterThan(100);
			assertThat((List<String>) result.get("overlaps"))
				.as("overlapping labels at %d px (%d units drawn)", width, drawn)
				.isEmpty();
			List<String> headers = page.all("[data-testid=level-header]")
				.stream()
				.map((e) -> e.getText())
				.filter((s) -> !s.isBlank())
				.toList();
			assertThat(headers).contains("第1级", "第2级", "第3级", "第4级");
			assertThat(page.text("[data-testid=legend]")).contains("高", "中", "低", "已选单位");
			// the overview draws the whole province as a treemap
			page.js("const s = document.querySelector('[data-testid=chain-mode]'); s.value = 'overview';"
					+ " s.dispatchEvent(new Event('change'));");
			page.waitFor(java.time.Duration.ofSeconds(240),
					() -> Boolean.TRUE.equals(page.js("const c = echarts.getInstanceByDom("
							+ "document.querySelector('[data-testid=overview]')); return !!c && !!c.getOption()"
							+ " && c.getOption().series.length === 1 && c.getOption().series[0].type === 'treemap';")));
			page.shot(Path.of("target/screenshots/chain-overview-" + width + ".png"));
			assertThat(page.consoleErrors()).isEmpty();
		}
	}

}
