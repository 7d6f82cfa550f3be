package org.dutychain.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.dutychain.DutychainApplication;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.Progress;
import org.dutychain.duty.DutyDomain;
import org.dutychain.ingest.CheckedDataset;
import org.dutychain.ingest.DatasetGenerator;
import org.dutychain.ingest.ImportResult;
import org.dutychain.ingest.InitialDataset;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;

import jakarta.servlet.Filter;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Load run of issue 9 (not part of the test suite): the server on loopback with a generated
 * province; {@code clients} API clients, each authenticated once with a bearer token from
 * {@code POST /api/tokens}, send one request every {@code periodMs} in an open loop (a
 * request is sent on time whether or not the previous answer has come; latency counts from
 * the planned send time, so a stalled server shows up in the percentiles). The mix:
 * accountability lookups (by issue and by unit and domain), unit reads, tree reads,
 * coverage, the JSON audit report, and now and then the whole audit. Prints p50/p95/p99 per
 * request kind, the achieved rate, errors (status ≥ 400 or no answer), the heap after the
 * warm-up and at the end (both after a GC), the machine's load average, the server's and
 * the load driver's CPU time per answered request, the server's own time per request
 * ({@link ServerTiming}) and the driver's own delay, and (unless
 * {@code bench.load.profile=false}) the PROFILE of one lookup by unit and one by issue
 * with its db hits and any label or index scan. The load driver ({@link LoadDriver}) runs
 * in a second JVM, as real clients would ({@code bench.load.driver=inline}: in this one).
 * Nothing here asserts a time.
 *
 * <pre>
 * ./mvnw -Pbench verify -Dtest=LoadBenchmark -Dbench.load.units=20000 -Dbench.load.seconds=600
 * ./mvnw -Pbench verify -Dtest=LoadBenchmark -Dbench.load.mix=accountability -Dbench.load.units=300000 \
 *     -Dbench.load.seconds=120 -Dbench.load.store=/tmp/dutychain-load-300k
 * </pre>
 *
 * The province is generated (seed 42) and loaded into an empty store through the bulk
 * importer before the server starts (the initial load of issue 10: minutes for 300k units
 * instead of the transactional writer's tens of minutes). With {@code bench.load.store}
 * the store is kept in that folder and a later run with the same number of units starts
 * on it without generating or loading anything.
 *
 * <p>
 * Parameters ({@code -D}): {@code bench.load.units} (20000), {@code bench.load.seconds}
 * (600), {@code bench.load.warmup} (30), {@code bench.load.clients} (50),
 * {@code bench.load.periodMs} (200), {@code bench.load.mix} ({@code mixed}, or
 * {@code accountability}: only the two accountability lookups, half each — the latency
 * target of issue 10), {@code bench.load.audit} (whether to run the whole audit once
 * before the load: true for the mixed load, whose views read the cached audit; false for
 * the accountability lookups, which never read it), {@code bench.load.store} (a folder to
 * keep the store in; default a temporary store deleted at the end).
 */
class LoadBenchmark {

	static final String PASSWORD = "load-benchmark-admin";

	private static final boolean ACCOUNTABILITY_ONLY = "accountability".equals(System.getProperty("bench.load.mix"));

	/** Written into a kept store once it is loaded: the number of units it holds. */
	private static final String MARKER = "load-benchmark-units";

	int port;

	Neo4jGraph graph;

	Driver driver;

	CypherFiles cypher;

	/** The benchmark's own requests (sign-in, tokens, profiles): the driver's client. */
	private final HttpClient http = LoadDriver.httpClient();

	@Test
	void load() throws Exception {
		int units = Integer.getInteger("bench.load.units", 20_000);
		int seconds = Integer.getInteger("bench.load.seconds", 600);
		int warmup = Integer.getInteger("bench.load.warmup", 30);
		int clients = Integer.getInteger("bench.load.clients", 50);
		int periodMs = Integer.getInteger("bench.load.periodMs", 200);
		boolean wholeAudit = Boolean
			.parseBoolean(System.getProperty("bench.load.audit", Boolean.toString(!ACCOUNTABILITY_ONLY)));
		String kept = System.getProperty("bench.load.store", "");

		Path store = kept.isBlank() ? null : Path.of(kept).toAbsolutePath();
		boolean reuse = store != null && Files.isRegularFile(store.resolve(MARKER))
				&& Files.readString(store.resolve(MARKER)).strip().equals(Integer.toString(units));
		InitialDataset initial = null;
		Path generated = null;
		long t = System.nanoTime();
		if (!reuse) {
			if (store != null) {
				delete(store);
			}
			generated = Files.createTempDirectory("dutychain-load");
			DatasetGenerator.standalone().generate(units, 42, 0.02, generated);
			initial = new InitialDataset(CheckedDataset.check(generated), Progress.NONE);
			System.out.printf(Locale.ROOT, "generated and validated %d units in %d ms%n", units, ms(t));
		}
		t = System.nanoTime();
		try (ConfigurableApplicationContext context = start(store, initial)) {
			if (initial != null) {
				ImportResult imported = initial.loaded()
					.orElseThrow(() -> new IllegalStateException("the bulk importer did not load the province"));
				System.out.printf(Locale.ROOT, "bulk-loaded %s in %d ms (server start included; phases %s): %s%n",
						imported.dataset(), ms(t), initial.phases(), imported.counts());
				if (store != null) {
					Files.writeString(store.resolve(MARKER), Integer.toString(units));
				}
				delete(generated);
			}
			else {
				System.out.printf(Locale.ROOT, "started on the kept store %s in %d ms%n", store, ms(t));
			}
			this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			this.graph = context.getBean(Neo4jGraph.class);
			this.driver = context.getBean(Driver.class);
			this.cypher = context.getBean(CypherFiles.class);
			measure(seconds, warmup, clients, periodMs, wholeAudit);
		}
		finally {
			if (store == null && generated != null) {
				delete(generated);
			}
		}
	}

	/**
	 * PROFILE of the lookup statement once (warm: run three times first), printed as its
	 * operator tree with rows and db hits; a label or index scan is flagged, since every
	 * entry into the graph should be a seek.
	 */
	private void profile(String label, Map<String, Object> given) {
		Map<String, Object> params = new HashMap<>();
		params.put("issueId", null);
		params.put("unitId", null);
		params.put("domain", null);
		params.put("asOf", null);
		params.put("today", java.time.LocalDate.now());
		params.put("clockToday", java.time.LocalDate.now());
		Map<String, String> codes = new HashMap<>();
		for (DutyDomain d : DutyDomain.values()) {
			codes.put(d.name(), d.name());
			codes.put(d.zh(), d.name());
		}
		params.put("domainCodes", codes);
		params.putAll(given);
		String statement = this.cypher.statement("query/accountability.cypher", "lookup");
		try (Session session = this.driver.session()) {
			for (int i = 0; i < 3; i++) {
				session.run(statement, params).consume();
			}
			long t = System.nanoTime();
			session.run(statement, params).consume();
			long warmMicros = (System.nanoTime() - t) / 1000;
			ResultSummary summary = session.run("PROFILE " + statement, params).consume();
			List<String> lines = new ArrayList<>();
			long[] hits = new long[1];
			List<String> scans = new ArrayList<>();
			print(summary.profile(), 0, lines, hits, scans);
			System.out.printf(Locale.ROOT, "%nPROFILE accountability lookup %s %s: %d db hits, one warm run %d µs, scans: %s%n",
					label, given, hits[0], warmMicros, scans.isEmpty() ? "none" : scans);
			lines.forEach(System.out::println);
		}
	}

	private static void print(ProfiledPlan plan, int depth, List<String> lines, long[] hits, List<String> scans) {
		hits[0] += plan.dbHits();
		String op = plan.operatorType();
		if (op.contains("LabelScan") || op.contains("AllNodesScan") || op.contains("IndexScan")
				|| op.contains("RelationshipTypeScan")) {
			scans.add(op);
		}
		lines.add(String.format(Locale.ROOT, "  %s%s rows=%d hits=%d", "  ".repeat(depth), op, plan.records(),
				plan.dbHits()));
		for (ProfiledPlan child : plan.children()) {
			print(child, depth + 1, lines, hits, scans);
		}
	}

	private static ConfigurableApplicationContext start(Path store, InitialDataset initial) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("dutychain.ephemeral", Boolean.toString(store == null));
		if (store != null) {
			properties.put("dutychain.data-dir", store.toString());
		}
		properties.put("dutychain.bolt-port", "0");
		properties.put("dutychain.demo-on-empty", "false");
		properties.put("dutychain.page-cache", "1g");
		properties.put("dutychain.import.bulk-threshold", "0");
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("dutychain.admin-password", PASSWORD);
		properties.put("dutychain.audit.view-wait", "600s");
		properties.put("logging.level.org.dutychain", "WARN");
		SpringApplicationBuilder builder = new SpringApplicationBuilder(DutychainApplication.class,
				ServerTiming.class)
			.web(WebApplicationType.SERVLET);
		if (initial != null) {
			builder.initializers(initial.initializer());
		}
		// as command-line arguments: they win over application.properties (default
		// properties would not, e.g. for dutychain.data-dir)
		return builder.run(properties.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new));
	}

	private void measure(int seconds, int warmup, int clients, int periodMs, boolean wholeAudit) throws Exception {
		List<String> unitIds = ids("MATCH (d:Dataset {active: true}) MATCH (u:Unit {generation: d.generation}) "
				+ "RETURN u.id AS id ORDER BY id");
		List<String> issueIds = ids("MATCH (d:Dataset {active: true}) MATCH (i:Issue {generation: d.generation}) "
				+ "RETURN i.id AS id ORDER BY id");
		List<String> domains = new ArrayList<>();
		for (DutyDomain d : DutyDomain.values()) {
			domains.add(d.name());
		}
		List<String> tokens = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			tokens.add(token());
		}
		if (Boolean.parseBoolean(System.getProperty("bench.load.profile", "true"))) {
			profile("by unit", Map.of("unitId", unitIds.get(unitIds.size() / 2), "domain", "ORGANIZATION"));
			if (!issueIds.isEmpty()) {
				profile("by issue", Map.of("issueId", issueIds.get(issueIds.size() / 2)));
			}
		}
		if (wholeAudit) {
			// the whole audit once, so the run measures cached audits as the page sees
			// them
			long t = System.nanoTime();
			HttpResponse<String> audit = send(tokens.get(0), "POST", "/api/audit");
			System.out.printf(Locale.ROOT, "first whole audit: HTTP %d in %d ms%n", audit.statusCode(), ms(t));
		}

		boolean inline = "inline".equals(System.getProperty("bench.load.driver", "process"));
		LoadDriver.Run warm;
		LoadDriver.Run run;
		long heapAfterWarmup;
		double loadBefore;
		long cpu;
		long driverCpu = -1;
		if (inline) {
			LoadDriver driver = new LoadDriver(this.port,
					ACCOUNTABILITY_ONLY ? LoadDriver.ACCOUNTABILITY : LoadDriver.MIXED, tokens, unitIds, issueIds,
					domains);
			warm = driver.run(clients, periodMs, warmup);
			heapAfterWarmup = heapAfterGc();
			loadBefore = loadAverage();
			long cpuBefore = LoadDriver.processCpuNanos();
			ServerTiming.NANOS.clear();
			run = driver.run(clients, periodMs, seconds);
			cpu = LoadDriver.processCpuNanos() - cpuBefore;
		}
		else {
			Path folder = Files.createTempDirectory("dutychain-load-driver");
			Properties config = new Properties();
			config.setProperty("port", Integer.toString(this.port));
			config.setProperty("clients", Integer.toString(clients));
			config.setProperty("periodMs", Integer.toString(periodMs));
			config.setProperty("warmup", Integer.toString(warmup));
			config.setProperty("seconds", Integer.toString(seconds));
			config.setProperty("mix", ACCOUNTABILITY_ONLY ? "accountability" : "mixed");
			Map<String, List<String>> lists = Map.of("tokens", tokens, "units", unitIds, "issues", issueIds,
					"domains", domains);
			for (Map.Entry<String, List<String>> list : lists.entrySet()) {
				Path file = folder.resolve(list.getKey() + ".txt");
				Files.write(file, list.getValue());
				config.setProperty(list.getKey(), file.toString());
			}
			Path configFile = folder.resolve("driver.properties");
			try (var out = Files.newBufferedWriter(configFile)) {
				config.store(out, null);
			}
			Process process = driverProcess(configFile, folder);
			try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8);
					var in = process.outputWriter(StandardCharsets.UTF_8)) {
				awaitLine(out, LoadDriver.WARMED_UP);
				heapAfterWarmup = heapAfterGc();
				loadBefore = loadAverage();
				long cpuBefore = LoadDriver.processCpuNanos();
				ServerTiming.NANOS.clear();
				in.write("go\n");
				in.flush();
				String done = awaitLine(out, LoadDriver.DONE);
				cpu = LoadDriver.processCpuNanos() - cpuBefore;
				driverCpu = Long.parseLong(done.substring(LoadDriver.DONE.length()).strip());
			}
			if (process.waitFor() != 0) {
				throw new IllegalStateException("the load driver exited with " + process.exitValue());
			}
			warm = LoadDriver.Run.read(folder.resolve("warmup.tsv"));
			run = LoadDriver.Run.read(folder.resolve("run.tsv"));
			delete(folder);
		}
		double loadAfter = loadAverage();
		long heapAtEnd = heapAfterGc();

		System.out.printf(Locale.ROOT,
				"%n== dutychain load run (%s mix): %d units, %d issues, %d clients x 1 request / %d ms, %d s (after %d s warm-up, %d failed) ==%n",
				ACCOUNTABILITY_ONLY ? "accountability" : "mixed", unitIds.size(), issueIds.size(), clients, periodMs,
				seconds, warmup, warm.errors.get());
		System.out.printf(Locale.ROOT, "%-22s %8s %8s %8s %8s %8s %7s %9s%n", "request", "answered", "p50 ms",
				"p95 ms", "p99 ms", "max ms", "failed", "not sent");
		long total = 0;
		for (String kind : LoadDriver.KINDS) {
			List<Long> l = new ArrayList<>(run.latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
			Collections.sort(l);
			total += l.size();
			System.out.printf(Locale.ROOT, "%-22s %8d %8.1f %8.1f %8.1f %8.1f %7d %9d%n", kind, l.size(),
					pct(l, 50), pct(l, 95), pct(l, 99), l.isEmpty() ? 0.0 : l.get(l.size() - 1) / 1e6,
					run.errorsByKind.getOrDefault(kind, new AtomicLong()).get(),
					run.skippedByKind.getOrDefault(kind, new AtomicLong()).get());
		}
		System.out.printf(Locale.ROOT,
				"achieved: %.1f req/s answered (planned %.1f), failed %d (status >= 400 or no answer), not sent because %d answers were outstanding: %d, not answered %d%n",
				total / (double) seconds, clients * 1000.0 / periodMs, run.errors.get(), LoadDriver.MAX_IN_FLIGHT,
				run.skipped.get(), run.unanswered());
		List<Long> served = new ArrayList<>(ServerTiming.NANOS);
		Collections.sort(served);
		System.out.printf(Locale.ROOT,
				"the server's own time per request (first servlet filter to the answer written, %d requests): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				served.size(), pct(served, 50), pct(served, 95), pct(served, 99),
				served.isEmpty() ? 0.0 : served.get(served.size() - 1) / 1e6);
		List<Long> late = new ArrayList<>(run.lateness);
		Collections.sort(late);
		System.out.printf(Locale.ROOT,
				"the driver's own delay (send time after the planned time): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				pct(late, 50), pct(late, 99), late.isEmpty() ? 0.0 : late.get(late.size() - 1) / 1e6);
		System.out.printf(Locale.ROOT, "heap used after GC: %d MB after warm-up, %d MB at the end (max %d MB)%n",
				heapAfterWarmup >> 20, heapAtEnd >> 20, Runtime.getRuntime().maxMemory() >> 20);
		long answered = total;
		System.out.printf(Locale.ROOT,
				"load average (1 min): %.1f before, %.1f after the run (%d processors); %s used %.1f s CPU = %.2f ms per answered request%n",
				loadBefore, loadAfter, Runtime.getRuntime().availableProcessors(),
				inline ? "this JVM (server and load driver)" : "the server's JVM", cpu / 1e9,
				(answered == 0) ? 0.0 : cpu / 1e6 / answered);
		if (driverCpu >= 0) {
			System.out.printf(Locale.ROOT,
					"the load driver's own JVM used %.1f s CPU = %.2f ms per answered request%n", driverCpu / 1e9,
					(answered == 0) ? 0.0 : driverCpu / 1e6 / answered);
		}
		run.errorSamples.stream().limit(10).forEach((e) -> System.out.println("error: " + e));
	}

	/**
	 * The load driver in a JVM of its own: this JVM's Java, the benchmark's classes (the
	 * driver needs the JDK only), a small heap and the serial collector, so it takes as
	 * little of the two processors from the server as it can.
	 */
	private static Process driverProcess(Path config, Path folder) throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		String classes = Path.of(LoadDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.toString();
		// the common pool's parallelism: the HttpClient hands every answer of sendAsync
		// to CompletableFuture's default executor, which on two processors (parallelism
		// 1) is a new thread per answer
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:+UseSerialGC",
				"-Djava.util.concurrent.ForkJoinPool.common.parallelism=2", "-cp", classes));
		String extra = System.getProperty("bench.load.driver.jvm", "");
		if (!extra.isBlank()) {
			command.addAll(List.of(extra.strip().split("\\s+")));
		}
		command.addAll(List.of(LoadDriver.class.getName(), config.toString(), folder.toString()));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	/** Reads the driver's output up to the line that starts with {@code expected}. */
	private static String awaitLine(BufferedReader out, String expected) throws IOException {
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith(expected)) {
				return line;
			}
			System.out.println("load driver: " + line);
		}
		throw new IllegalStateException("the load driver ended before \"" + expected + "\"");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(String token, String method, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofMinutes(10))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A bearer token from {@code POST /api/tokens} (one password check per client). */
	private String token() throws Exception {
		String basic = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> r = this.http.send(
				HttpRequest.newBuilder(uri("/api/tokens"))
					.header("Authorization", "Basic " + basic)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
		if (r.statusCode() != 201 || !m.find()) {
			throw new IllegalStateException("POST /api/tokens: " + r.statusCode() + " " + r.body());
		}
		return m.group(1);
	}

	private List<String> ids(String query) {
		List<String> ids = new ArrayList<>();
		this.graph.stream(query, Map.of(), (row) -> ids.add((String) row.get("id")));
		return ids;
	}

	private static double pct(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
	}

	private static long ms(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

	private static double loadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static void delete(Path folder) throws IOException {
		if (folder == null || !Files.exists(folder)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

	private static long heapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * The server's own time per request: from the first servlet filter (before the
	 * security filter chain) until the answer is written, so the latencies can be split
	 * into the server's work and the waiting around it (Tomcat's queue, the loopback, the
	 * load driver).
	 */
	@Configuration(proxyBeanMethods = false)
	static class ServerTiming {

		static final ConcurrentLinkedQueue<Long> NANOS = new ConcurrentLinkedQueue<>();

		@Bean
		FilterRegistrationBean<Filter> serverTimingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				long t = System.nanoTime();
				try {
					chain.doFilter(request, response);
				}
				finally {
					NANOS.add(System.nanoTime() - t);
				}
			});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			registration.addUrlPatterns("/api/*");
			return registration;
		}

	}

}
