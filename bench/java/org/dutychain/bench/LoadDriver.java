package org.dutychain.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load driver of {@link LoadBenchmark}: {@code clients} API clients, each with its
 * own bearer token, each sending one request every {@code periodMs} in an open loop
 * (latency counts from the planned send time). Uses the JDK only, so it runs either in
 * the benchmark's JVM or (the default) in a second, lean JVM of its own ({@link #main}),
 * as real clients would: its CPU then no longer counts as the server's, and its
 * allocations and threads stop sharing the server's heap and collector.
 */
final class LoadDriver {

	static final String[] KINDS = { "accountability-issue", "accountability-unit", "unit", "tree", "coverage",
			"report", "audit" };

	/** Cumulative weights of {@link #KINDS} out of 1000. */
	static final int[] MIXED = { 300, 500, 700, 850, 920, 985, 1000 };

	/** The accountability lookups only, half by issue and half by unit and domain. */
	static final int[] ACCOUNTABILITY = { 500, 1000, 1000, 1000, 1000, 1000, 1000 };

	/**
	 * Answers one client may wait for at once (its connections); a tick beyond is not sent
	 * and is counted as not sent (apart from failed requests), so an overloaded server cannot
	 * exhaust the driver's files.
	 */
	static final int MAX_IN_FLIGHT = 4;

	static final String WARMED_UP = "warm-up done";

	static final String DONE = "run done";

	private final int port;

	private final int[] weights;

	private final List<String> tokens;

	private final List<String> unitIds;

	private final List<String> issueIds;

	private final List<String> domains;

	/**
	 * The client's own threads for its asynchronous work: without them, on two processors
	 * (common pool parallelism 1) every answer's completion started a new thread.
	 */
	private final HttpClient http = httpClient();

	/** An HTTP/1.1 client with four daemon threads of its own (see {@link #http}). */
	static HttpClient httpClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(Executors.newFixedThreadPool(4, (task) -> {
				Thread thread = new Thread(task, "load-driver-http");
				thread.setDaemon(true);
				return thread;
			}))
			.build();
	}

	LoadDriver(int port, int[] weights, List<String> tokens, List<String> unitIds, List<String> issueIds,
			List<String> domains) {
		this.port = port;
		this.weights = weights;
		this.tokens = tokens;
		this.unitIds = unitIds;
		this.issueIds = issueIds;
		this.domains = domains;
	}

	/**
	 * The driver as its own process: {@code args[0]} a properties file (port, clients,
	 * periodMs, warmup, seconds, mix, and the files with the tokens, unit ids, issue ids
	 * and domains, one a line), {@code args[1]} the folder for the results. Runs the
	 * warm-up, prints {@link #WARMED_UP}, waits for a line on standard input (the
	 * benchmark measures the server's heap and starts its CPU clock), runs the measured
	 * phase, writes its answers and prints {@link #DONE} with this process's CPU time for
	 * that phase.
	 */
	public static void main(String[] args) throws Exception {
		Properties p = new Properties();
		try (var in = Files.newBufferedReader(Path.of(args[0]))) {
			p.load(in);
		}
		Path out = Path.of(args[1]);
		LoadDriver driver = new LoadDriver(Integer.parseInt(p.getProperty("port")),
				"accountability".equals(p.getProperty("mix")) ? ACCOUNTABILITY : MIXED, lines(p, "tokens"),
				lines(p, "units"), lines(p, "issues"), lines(p, "domains"));
		int clients = Integer.parseInt(p.getProperty("clients"));
		int periodMs = Integer.parseInt(p.getProperty("periodMs"));
		Run warm = driver.run(clients, periodMs, Integer.parseInt(p.getProperty("warmup")));
		warm.write(out.resolve("warmup.tsv"));
		System.out.println(WARMED_UP);
		System.out.flush();
		new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		long cpu = processCpuNanos();
		Run run = driver.run(clients, periodMs, Integer.parseInt(p.getProperty("seconds")));
		cpu = processCpuNanos() - cpu;
		run.write(out.resolve("run.tsv"));
		System.out.println(DONE + " " + cpu);
		System.out.flush();
		System.exit(0);
	}

	private static List<String> lines(Properties p, String key) throws IOException {
		return Files.readAllLines(Path.of(p.getProperty(key)));
	}

	static long processCpuNanos() {
		return (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
				? os.getProcessCpuTime() : 0;
	}

	/** What one phase measured. */
	static final class Run {

		final Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();

		final Map<String, AtomicLong> errorsByKind = new ConcurrentHashMap<>();

		final AtomicLong errors = new AtomicLong();

		final AtomicLong sent = new AtomicLong();

		final AtomicLong answered = new AtomicLong();

		final AtomicLong skipped = new AtomicLong();

		final Map<String, AtomicLong> skippedByKind = new ConcurrentHashMap<>();

		final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

		/**
		 * How late each request left the driver (its send time minus the planned time):
		 * the driver's own share of the latencies.
		 */
		final ConcurrentLinkedQueue<Long> lateness = new ConcurrentLinkedQueue<>();

		long unanswered() {
			return this.sent.get() - this.answered.get();
		}

		/** Tab-separated: one line per answer, count or error sample. */
		void write(Path file) throws IOException {
			try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
				w.println("sent\t" + this.sent.get());
				w.println("answered\t" + this.answered.get());
				w.println("errors\t" + this.errors.get());
				w.println("skipped\t" + this.skipped.get());
				this.errorsByKind.forEach((k, n) -> w.println("errorsByKind\t" + k + "\t" + n.get()));
				this.skippedByKind.forEach((k, n) -> w.println("skippedByKind\t" + k + "\t" + n.get()));
				this.errorSamples.forEach((e) -> w.println("sample\t" + e.replace('\t', ' ').replace('\n', ' ')));
				this.latencies.forEach((k, l) -> l.forEach((v) -> w.println("latency\t" + k + "\t" + v)));
				this.lateness.forEach((v) -> w.println("late\t" + v));
			}
		}

		static Run read(Path file) throws IOException {
			Run run = new Run();
			for (String line : Files.readAllLines(file)) {
				String[] f = line.split("\t", 3);
				switch (f[0]) {
					case "sent" -> run.sent.set(Long.parseLong(f[1]));
					case "answered" -> run.answered.set(Long.parseLong(f[1]));
					case "errors" -> run.errors.set(Long.parseLong(f[1]));
					case "skipped" -> run.skipped.set(Long.parseLong(f[1]));
					case "errorsByKind" -> run.errorsByKind.put(f[1], new AtomicLong(Long.parseLong(f[2])));
					case "skippedByKind" -> run.skippedByKind.put(f[1], new AtomicLong(Long.parseLong(f[2])));
					case "sample" -> run.errorSamples.add(f[1]);
					case "late" -> run.lateness.add(Long.parseLong(f[1]));
					case "latency" -> run.latencies.computeIfAbsent(f[1], (k) -> new ConcurrentLinkedQueue<>())
						.add(Long.parseLong(f[2]));
					default -> throw new IllegalStateException("unexpected line: " + line);
				}
			}
			return run;
		}

	}

	Run run(int clients, int periodMs, int seconds) throws InterruptedException {
		Run run = new Run();
		AtomicBoolean open = new AtomicBoolean(true);
		ScheduledExecutorService ticks = Executors.newScheduledThreadPool(4);
		long start = System.nanoTime();
		Semaphore[] inFlight = new Semaphore[clients];
		for (int c = 0; c < clients; c++) {
			inFlight[c] = new Semaphore(MAX_IN_FLIGHT);
		}
		for (int c = 0; c < clients; c++) {
			int client = c;
			Random random = new Random(1000L + c);
			long offsetNanos = TimeUnit.MILLISECONDS.toNanos(periodMs) * c / clients;
			AtomicLong tick = new AtomicLong();
			ticks.scheduleAtFixedRate(() -> {
				if (!open.get()) {
					return;
				}
				// the planned send time: a late tick still counts from when it was due
				long planned = start + offsetNanos + tick.getAndIncrement() * TimeUnit.MILLISECONDS.toNanos(periodMs);
				String kind = kind(random.nextInt(1000));
				HttpRequest request = request(kind, this.tokens.get(client), random);
				if (!inFlight[client].tryAcquire()) {
					// the server is so far behind that this client already waits for
					// MAX_IN_FLIGHT answers: not sent, counted apart from failed requests
					run.skipped.incrementAndGet();
					run.skippedByKind.computeIfAbsent(kind, (k) -> new AtomicLong()).incrementAndGet();
					return;
				}
				run.sent.incrementAndGet();
				run.lateness.add(System.nanoTime() - planned);
				this.http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, ex) -> {
					long latency = System.nanoTime() - planned;
					inFlight[client].release();
					run.answered.incrementAndGet();
					run.latencies.computeIfAbsent(kind, (k) -> new ConcurrentLinkedQueue<>()).add(latency);
					if (ex != null || response.statusCode() >= 400) {
						run.errors.incrementAndGet();
						run.errorsByKind.computeIfAbsent(kind, (k) -> new AtomicLong()).incrementAndGet();
						if (run.errorSamples.size() < 20) {
							run.errorSamples.add(request.uri().getPath() + " -> "
									+ ((ex != null) ? ex.toString() : response.statusCode() + " "
											+ new String(response.body(), StandardCharsets.UTF_8)));
						}
					}
				});
			}, offsetNanos, TimeUnit.MILLISECONDS.toNanos(periodMs), TimeUnit.NANOSECONDS);
		}
		Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
		open.set(false);
		ticks.shutdown();
		ticks.awaitTermination(10, TimeUnit.SECONDS);
		// answers still on their way
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (run.unanswered() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		return run;
	}

	private String kind(int roll) {
		for (int i = 0; i < this.weights.length; i++) {
			if (roll < this.weights[i]) {
				return KINDS[i];
			}
		}
		return KINDS[0];
	}

	private HttpRequest request(String kind, String token, Random random) {
		String unit = this.unitIds.get(random.nextInt(this.unitIds.size()));
		String path = switch (kind) {
			case "accountability-issue" -> this.issueIds.isEmpty() ? "/api/units/" + unit
					: "/api/issues/" + this.issueIds.get(random.nextInt(this.issueIds.size())) + "/accountability";
			case "accountability-unit" -> "/api/accountability?unit=" + unit + "&domain="
					+ this.domains.get(random.nextInt(this.domains.size()));
			case "unit" -> "/api/units/" + unit;
			case "tree" -> "/api/units/" + unit + "/tree?depth=1";
			case "coverage" -> "/api/coverage";
			case "report" -> "/api/reports/audit?format=json";
			default -> "/api/audit";
		};
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token);
		return kind.equals("audit") ? b.POST(HttpRequest.BodyPublishers.noBody()).build() : b.GET().build();
	}

}
