package org.dutychain.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Debian's headless Chromium driven by Selenium for the page tests (as VisualizerIT):
 * start, wait, click by test id, run scripts, screenshots, console errors.
 */
final class PageBrowser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	final ChromeDriver driver;

	/** Chromium's profile folder, deleted when the browser is closed. */
	private final Path profile;

	private PageBrowser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static PageBrowser start(int width, int height) throws IOException {
		assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"Debian chromium and chromium-driver are not installed (run .ci/setup-test-deps)");
		Path profile = Files.createTempDirectory("dutychain-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height, "--lang=zh-CN", "--hide-scrollbars",
				"--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver;
		try {
			driver = new ChromeDriver(service, options);
		}
		catch (RuntimeException ex) {
			org.dutychain.config.PrivateFiles.deleteTree(profile);
			throw ex;
		}
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
		return new PageBrowser(driver, profile);
	}

	/** Sets the viewport (the inner size) to width × height. */
	void viewport(int width, int height) {
		this.driver.manage().window().setSize(new Dimension(width, height));
		Number innerW = (Number) js("return window.innerWidth;");
		Number innerH = (Number) js("return window.innerHeight;");
		this.driver.manage()
			.window()
			.setSize(new Dimension(2 * width - innerW.intValue(), 2 * height - innerH.intValue()));
	}

	void open(int port) {
		this.driver.get("http://localhost:" + port + "/");
		// the page needs a signed-in user: sign in as the test admin once, the session
		// cookie serves the rest
		waitFor(Duration.ofSeconds(60),
				() -> this.driver.getCurrentUrl().contains("login") || !all("[data-testid=tree]").isEmpty());
		if (this.driver.getCurrentUrl().contains("login")) {
			waitFor(Duration.ofSeconds(30), () -> !all("[data-testid=login-username]").isEmpty());
			find("[data-testid=login-username]").sendKeys(org.dutychain.support.TestAdmin.USERNAME);
			find("[data-testid=login-password]").sendKeys(org.dutychain.support.TestAdmin.PASSWORD);
			find("[data-testid=login-submit]").click();
			waitFor(Duration.ofSeconds(60), () -> !this.driver.getCurrentUrl().contains("login"));
		}
		waitFor(Duration.ofSeconds(300), () -> !text("[data-testid=dataset-name]").isEmpty()
				&& Integer.parseInt(attr("[data-testid=tree]", "data-units", "0")) > 0);
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	void click(String css) {
		js("arguments[0].click();", find(css));
	}

	String text(String css) {
		List<WebElement> found = all(css);
		return found.isEmpty() ? "" : found.get(0).getText();
	}

	String attr(String css, String name, String fallback) {
		List<WebElement> found = all(css);
		String v = found.isEmpty() ? null : found.get(0).getAttribute(name);
		return (v == null) ? fallback : v;
	}

	void tab(String view) {
		click("[data-testid=tab-" + view + "]");
		waitFor(() -> find("[data-testid=view-" + view + "]").isDisplayed());
	}

	void waitFor(BooleanSupplier condition) {
		waitFor(Duration.ofSeconds(120), condition);
	}

	void waitFor(Duration timeout, BooleanSupplier condition) {
		new WebDriverWait(this.driver, timeout).ignoring(RuntimeException.class).until((d) -> condition.getAsBoolean());
	}

	/** Waits until the tree's drawn unit count stays the same for a second. */
	void waitForStableTree() {
		String[] last = { "" };
		waitFor(Duration.ofSeconds(120), () -> {
			String now = attr("[data-testid=tree]", "data-units", "") + "/"
					+ attr("[data-testid=tree]", "data-loaded", "");
			boolean same = now.equals(last[0]);
			last[0] = now;
			if (!same) {
				sleep(1000);
			}
			return same;
		});
	}

	static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	void shot(Path file) {
		try {
			Files.createDirectories(file.getParent());
			File f = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
			Files.copy(f.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Severe console entries since the last call (reading the log drains it). */
	List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((e) -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter((m) -> !m.contains("favicon.ico"))
			.toList();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			// each run used to leave its 2.6 MB profile in the temporary folder
			org.dutychain.config.PrivateFiles.deleteTree(this.profile);
		}
	}

}
