package org.dutychain.web;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dutychain.config.Neo4jGraph;
import org.dutychain.support.GraphFixtures;
import org.dutychain.support.TestAdmin;
import org.dutychain.support.TestDatasets;
import org.dutychain.support.WebIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in a real headless Chromium (Debian's chromium + chromium-driver, installed by
 * .ci/setup-test-deps) against the app on a random port with a fixture graph. Skipped,
 * not passed, where no Chromium is installed. Screenshots of every view go to
 * target/screenshots/.
 */
@WebIT
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VisualizerIT {

	static final Path SHOTS = Path.of("target/screenshots");

	static PageBrowser page;

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	GraphFixtures fixtures;

	@Autowired
	org.springframework.boot.test.web.client.TestRestTemplate http;

	@Autowired
	Neo4jGraph graph;

	@BeforeAll
	static void startBrowser() throws IOException {
		page = PageBrowser.start(1366, 768);
		browser = page.driver;
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		Files.createDirectories(SHOTS);
	}

	@AfterAll
	static void stopBrowser() {
		if (page != null) {
			page.close();
		}
	}

	/** Signs in through the login form once; the session cookie serves every test. */
	static boolean signedIn;

	@BeforeEach
	void loadChainAndOpenPage() {
		this.fixtures.load(Path.of("src/test/resources/fixtures/visualizer/chain.cypher"));
		if (!signedIn) {
			browser.get("http://localhost:" + this.port + "/");
			waitFor(() -> browser.getCurrentUrl().endsWith("/login.html"));
			browser.findElement(By.cssSelector("[data-testid=login-username]")).sendKeys(TestAdmin.USERNAME);
			browser.findElement(By.cssSelector("[data-testid=login-password]")).sendKeys(TestAdmin.PASSWORD);
			browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();
			waitFor(() -> !browser.getCurrentUrl().contains("login"));
			// the sign-in ends on the page: the first (cold) audit of the tree is
			// computed here
			waitFor(Duration.ofSeconds(180), () -> "5".equals(tree().getAttribute("data-units")));
			signedIn = true;
		}
		browser.get("http://localhost:" + this.port + "/");
		// first the top two levels: 工委 and its party groups, 纪委监委 and its work committee
		waitFor(Duration.ofSeconds(90), () -> "5".equals(tree().getAttribute("data-units")));
		// the four-level preset opens levels 1-4: every unit but the party cell C-1
		// (level 5)
		browser.findElement(By.cssSelector("[data-testid=four-levels]")).click();
		waitFor(() -> "11".equals(tree().getAttribute("data-units")));
	}

	@Test
	@Order(1)
	void treeRendersTheFourLevelsAndLoadsDeeperUnitsOnClick() {
		assertThat(tree().getAttribute("data-units")).isEqualTo("11");
		assertThat(browser.findElement(By.cssSelector("[data-testid=dataset-name]")).getText()).contains("fixture");
		clickTreeNode("预算处党支部");
		waitFor(() -> "12".equals(tree().getAttribute("data-units")));
		shot("chain");
		assertNoConsoleErrors();
	}

	@Test
	@Order(2)
	void clickingAUnitOpensItsPanelWithTheHolderAndTheVacancy() {
		clickTreeNode("省财政厅机关党委");
		waitFor(() -> panelText().contains("省财政厅机关党委"));
		waitFor(() -> !browser.findElements(By.cssSelector("[data-testid=post-row]")).isEmpty());
		WebElement secretary = browser.findElement(By.cssSelector("[data-testid=post-row][data-post='P-O1']"));
		assertThat(secretary.getText()).contains("赵志刚");
		WebElement vacant = browser.findElement(By.cssSelector("[data-testid=post-row][data-post='P-O1-ORG']"));
		assertThat(vacant.getAttribute("class")).contains("gap");
		shot("unit-panel");
		assertNoConsoleErrors();
	}

	@Test
	@Order(3)
	void accountabilityQueryListsAndHighlightsTheChain() {
		browser.findElement(By.cssSelector("[data-testid=tab-accountability]")).click();
		WebElement unit = browser.findElement(By.cssSelector("[data-testid=acc-unit]"));
		unit.clear();
		unit.sendKeys("B-1");
		new Select(browser.findElement(By.cssSelector("[data-testid=acc-domain]"))).selectByValue("ORGANIZATION");
		browser.findElement(By.cssSelector("[data-testid=acc-submit]")).click();
		waitFor(() -> !browser.findElements(By.cssSelector("[data-testid=acc-row]")).isEmpty());
		List<String> units = browser.findElements(By.cssSelector("[data-testid=acc-row]"))
			.stream()
			.map((r) -> r.getAttribute("data-unit"))
			.distinct()
			.toList();
		assertThat(units).startsWith("B-1", "O-1");
		assertThat(units).contains("G-1", "W");
		assertThat(units.indexOf("O-1")).isLessThan(units.indexOf("G-1"));
		List<WebElement> gaps = browser.findElements(By.cssSelector("[data-testid=acc-row].gap"));
		assertThat(gaps).extracting((r) -> r.getAttribute("data-unit")).contains("O-1");
		shot("accountability");
		assertNoConsoleErrors();
	}

	@Test
	@Order(4)
	void invalidUploadShowsRowNumberedErrors() throws IOException {
		Path zip = Files.createTempFile("invalid-dataset", ".zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
			z.putNextEntry(new ZipEntry("units.csv"));
			z.write(("id,name,kind,parent_id\nU-1,省直机关工委,ORGAN_WORK_COMMITTEE,\nU-2,某支部,NOT_A_KIND,U-1\n"
					+ "U-3,另一支部,BRANCH,U-404\n")
				.getBytes(StandardCharsets.UTF_8));
			z.closeEntry();
		}
		browser.findElement(By.cssSelector("[data-testid=tab-import]")).click();
		browser.findElement(By.cssSelector("[data-testid=import-file]")).sendKeys(zip.toAbsolutePath().toString());
		browser.findElement(By.cssSelector("[data-testid=import-submit]")).click();
		// an import replaces all data: the page asks first
		waitFor(() -> browser.findElement(By.cssSelector("[data-testid=import-confirm]")).isDisplayed());
		assertThat(browser.findElement(By.cssSelector("[data-testid=import-confirm]")).getText()).contains("替换全部数据");
		browser.findElement(By.cssSelector("[data-testid=import-confirm-ok]")).click();
		waitFor(() -> browser.findElements(By.cssSelector("[data-testid=import-error-row]")).size() >= 2);
		List<String> rows = browser.findElements(By.cssSelector("[data-testid=import-error-row]"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(rows).anySatisfy((r) -> assertThat(r).contains("units.csv").contains("3").contains("kind"));
		assertThat(rows).anySatisfy((r) -> assertThat(r).contains("units.csv").contains("4").contains("parent_id"));
		shot("import-errors");
		// the fixture graph is untouched: the tree still shows the same units
		browser.findElement(By.cssSelector("[data-testid=tab-chain]")).click();
		assertThat(tree().getAttribute("data-units")).isEqualTo("11");
		// the rejected upload's 422 is the expected answer, not a script error
		assertThat(consoleErrors()).allSatisfy((e) -> assertThat(e).contains("/api/imports").contains("422"));
	}

	@Test
	@Order(5)
	void analysisViewsRenderWithoutErrors() {
		for (String view : List.of("pressure", "coverage", "findings")) {
			browser.findElement(By.cssSelector("[data-testid=tab-" + view + "]")).click();
			waitFor(() -> browser.findElement(By.cssSelector("[data-testid=view-" + view + "]")).isDisplayed());
			if (view.equals("findings")) {
				waitFor(() -> !browser.findElements(By.cssSelector("[data-testid=finding-row]")).isEmpty());
				assertThat(browser.findElements(By.cssSelector("[data-testid=finding-row]"))).isNotEmpty();
				// the audit came from a job (no request held open while it ran)
				assertThat(this.http.getForObject("/api/jobs", String.class)).contains("\"kind\":\"audit\"");
				// 打印报告: a job writes the report, then it opens in the tab opened at the
				// click
				String page = browser.getWindowHandle();
				browser.findElement(By.cssSelector("[data-testid=report-html]")).click();
				waitFor(() -> browser.getWindowHandles().size() == 2);
				String report = browser.getWindowHandles()
					.stream()
					.filter((h) -> !h.equals(page))
					.findFirst()
					.orElseThrow();
				browser.switchTo().window(report);
				waitFor(() -> browser.getCurrentUrl().contains("/api/jobs/")
						&& !browser.findElements(By.cssSelector("#cover h1")).isEmpty());
				assertThat(browser.getCurrentUrl()).endsWith("/file");
				browser.close();
				browser.switchTo().window(page);
				waitFor(() -> browser.findElement(By.cssSelector("[data-testid=report-html]"))
					.getText()
					.equals("打印报告"));
				assertThat(this.http.getForObject("/api/jobs", String.class)).contains("\"kind\":\"report\"");
				// 任务: the report and the audit listed in words, the report's file a
				// link away
				browser.findElement(By.cssSelector("[data-testid=jobs-open]")).click();
				waitFor(() -> !browser.findElements(By.cssSelector("[data-testid=job-row][data-kind=report]"))
					.isEmpty());
				WebElement reportRow = browser.findElement(By.cssSelector("[data-testid=job-row][data-kind=report]"));
				assertThat(reportRow.getAttribute("data-state")).isEqualTo("succeeded");
				assertThat(reportRow.getText()).contains("报告").contains("网页版").contains("全部可见单位").contains("已完成");
				assertThat(reportRow.findElement(By.cssSelector("[data-testid=job-file]")).getAttribute("href"))
					.matches(".*/api/jobs/[0-9a-f-]+/file");
				WebElement auditRow = browser.findElement(By.cssSelector("[data-testid=job-row][data-kind=audit]"));
				assertThat(auditRow.getText()).contains("审计").contains("评估日期");
				shot("jobs");
				browser.findElement(By.cssSelector("[data-testid=jobs-dialog] form button")).click();
				waitFor(() -> !browser.findElement(By.cssSelector("[data-testid=jobs-dialog]")).isDisplayed());
			}
			else {
				waitFor(() -> chartDrawn("[data-testid=" + view + "-chart]"));
			}
			shot(view);
		}
		assertNoConsoleErrors();
	}

	@Test
	@Order(6)
	void anImportThatWouldOverwriteEditsAsksAgainAndCancellingChangesNothing() throws IOException {
		// two edits made in the tool since the last import
		this.graph.write("MATCH (d:Dataset {active: true}) SET d.revision = 2", Map.of());
		Path zip = Files.createTempFile("small-dataset", ".zip");
		try (OutputStream out = Files.newOutputStream(zip);
				ZipOutputStream z = new ZipOutputStream(out);
				Stream<Path> files = Files.list(TestDatasets.small())) {
			for (Path file : files.toList()) {
				z.putNextEntry(new ZipEntry(file.getFileName().toString()));
				z.write(Files.readAllBytes(file));
				z.closeEntry();
			}
		}
		browser.findElement(By.cssSelector("[data-testid=tab-import]")).click();
		browser.findElement(By.cssSelector("[data-testid=import-file]")).sendKeys(zip.toAbsolutePath().toString());
		browser.findElement(By.cssSelector("[data-testid=import-submit]")).click();
		waitFor(() -> browser.findElement(By.cssSelector("[data-testid=import-confirm]")).isDisplayed());
		browser.findElement(By.cssSelector("[data-testid=import-confirm-ok]")).click();
		// the server's 409 EDITS_WOULD_BE_LOST: the page asks again, in Chinese, with the
		// count
		waitFor(() -> browser.findElement(By.cssSelector("[data-testid=import-confirm]")).isDisplayed()
				&& browser.findElement(By.id("import-confirm-text")).getText().contains("2 处修改"));
		browser.findElement(By.cssSelector("[data-testid=import-cancel]")).click();
		waitFor(() -> !browser.findElements(By.cssSelector("[data-testid=import-cancelled]")).isEmpty());
		assertThat(browser.findElement(By.cssSelector("[data-testid=import-cancelled]")).getText()).contains("已取消导入");
		browser.findElement(By.cssSelector("[data-testid=tab-chain]")).click();
		assertThat(tree().getAttribute("data-units")).isEqualTo("11");
		assertThat(this.graph.read("MATCH (d:Dataset {active: true}) RETURN d.name AS name", Map.of()))
			.containsExactly(Map.of("name", "fixture"));
		// the 409 that asked for the confirmation is the expected answer, not a script
		// error
		assertThat(consoleErrors()).allSatisfy((e) -> assertThat(e).contains("/api/imports").contains("409"));
	}

	private static WebElement tree() {
		return browser.findElement(By.cssSelector("[data-testid=tree]"));
	}

	private static String panelText() {
		return browser.findElement(By.cssSelector("[data-testid=unit-panel]")).getText();
	}

	private static boolean chartDrawn(String selector) {
		return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
				"const c = document.querySelector(arguments[0]); return !!(c && c.querySelector('canvas, svg'));",
				selector));
	}

	@Test
	@Order(7)
	void whileTheAuditComputesThePanelSaysSoAndThenShowsTheFindings() {
		// the server answers as it does while the views' audit is still computing (a big
		// province after an import): the panel's findings empty, its audit "computing";
		// the status endpoint says so twice, then the real answers come through
		((JavascriptExecutor) browser).executeScript("""
				window.auditHeld = 2;
				const f = window.fetch;
				const computing = { state: 'computing', phase: 'audit', percent: 42,
				  messageZh: '审计计算中（进度 42%）', messageEn: 'Audit in progress (42%)' };
				window.fetch = async (u, o) => {
				  const path = new URL(String(u), location.href).pathname;
				  const panel = /^\\/api\\/units\\/[^/]+$/.test(path) && path !== '/api/units/index';
				  const status = path === '/api/audit/status';
				  const r = await f(u, o);
				  if (!(panel || status) || window.auditHeld <= 0) return r;
				  if (status) window.auditHeld--;
				  const body = await r.json();
				  const answer = status ? computing : { ...body, findings: [], audit: computing };
				  return new Response(JSON.stringify(answer), { status: r.status, headers: r.headers });
				};""");
		clickTreeNode("省财政厅机关党委");
		waitFor(() -> !browser.findElements(By.cssSelector("[data-testid=panel-findings-pending]")).isEmpty());
		// never an empty list that reads as "no findings" (the old page showed 无 here)
		assertThat(browser.findElements(By.cssSelector("[data-testid=panel-findings]"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector("[data-testid=panel-findings-pending]")).getText())
			.contains("审计计算中（进度 42%）");
		WebElement banner = browser.findElement(By.cssSelector("[data-testid=audit-status]"));
		assertThat(banner.isDisplayed()).isTrue();
		assertThat(banner.getText()).contains("审计计算中（进度 42%）");
		shot("audit-computing");
		// the status turns ready: the findings are put in place and the bar goes
		waitFor(() -> !browser.findElements(By.cssSelector("[data-testid=panel-finding]")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("[data-testid=panel-findings-pending]"))).isEmpty();
		waitFor(() -> !banner.isDisplayed());
		assertThat(banner.getAttribute("data-state")).isEqualTo("ready");
		assertThat((Object) ((JavascriptExecutor) browser).executeScript("return window.auditHeld;")).isEqualTo(0L);
		assertNoConsoleErrors();
	}

	/**
	 * Clicks the tree node with this name at the pixel position ECharts laid it out at.
	 */
	private static void clickTreeNode(String name) {
		// the tree animates after every change: wait until the node stands still, then
		// click it
		Map<String, Object>[] last = new Map[1];
		waitFor(() -> {
			Map<String, Object> now = nodePosition(name);
			boolean still = now != null && now.equals(last[0]);
			last[0] = now;
			return still;
		});
		Map<String, Object> at = last[0];
		// the drawing scrolls inside its container: bring the node into view, then click
		// it where the viewport
		// shows it
		@SuppressWarnings("unchecked")
		Map<String, Object> client = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
				const dom = document.querySelector('[data-testid=tree]');
				const scroller = document.getElementById('tree-scroll');
				const x = arguments[0], y = arguments[1];
				if (scroller) {
				  scroller.scrollLeft = Math.max(0, x - scroller.clientWidth / 2);
				  scroller.scrollTop = Math.max(0, y - scroller.clientHeight / 2);
				}
				dom.scrollIntoView({ block: 'nearest', inline: 'nearest' });
				const r = dom.getBoundingClientRect();
				return { x: Math.round(r.left + x), y: Math.round(r.top + y) };""", at.get("x"), at.get("y"));
		new Actions(browser)
			.moveToLocation(((Number) client.get("x")).intValue(), ((Number) client.get("y")).intValue())
			.click()
			.perform();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> nodePosition(String name) {
		return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript("""
				const dom = document.querySelector('[data-testid=tree]');
				const chart = echarts.getInstanceByDom(dom);
				const data = chart.getModel().getSeriesByIndex(0).getData();
				for (let i = 0; i < data.count(); i++) {
				  const el = data.getItemGraphicEl(i);
				  if (data.getName(i) === arguments[0] && el) {
				    const r = el.getBoundingRect().clone();
				    r.applyTransform(el.getComputedTransform());
				    return { x: r.x + r.width / 2, y: r.y + r.height / 2, w: dom.clientWidth, h: dom.clientHeight };
				  }
				}
				return null;""", name);
	}

	private static void waitFor(java.util.function.BooleanSupplier condition) {
		waitFor(Duration.ofSeconds(30), condition);
	}

	private static void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
		try {
			new WebDriverWait(browser, timeout).until((d) -> condition.getAsBoolean());
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			shot("timeout-" + System.currentTimeMillis());
			throw new AssertionError("timed out; tree shows " + tree().getAttribute("data-units") + " units (loaded "
					+ tree().getAttribute("data-loaded") + "); panel: " + panelText(), ex);
		}
	}

	private static void shot(String name) {
		try {
			File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
			Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void assertNoConsoleErrors() {
		assertThat(consoleErrors()).as("JavaScript console errors").isEmpty();
	}

	/** Severe console entries since the last call (reading the log drains it). */
	private static List<String> consoleErrors() {
		return page.consoleErrors();
	}

}
