package org.dutychain.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dutychain.DutychainApplication;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.Progress;
import org.dutychain.support.GraphDigest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run in a separate JVM by {@link CrashSafetyIT} (with the test class path).
 * <ul>
 * <li>{@code import <data-dir> <dataset>} imports into the persistent store there,
 * printing {@code WRITING done total} after every batch it has written (the test kills it
 * with SIGKILL on one of these lines) and {@code IMPORTED generation} at the end;</li>
 * <li>{@code serve <data-dir>} starts the server on the store (port 0), which cleans up
 * at start, asks it for its login page ({@code HTTP status}), and prints the graph digest
 * ({@code DIGEST sha lines}) and the number of nodes outside the active generation
 * ({@code INACTIVE n}).</li>
 * </ul>
 */
public final class CrashSafetyMain {

	private CrashSafetyMain() {
	}

	public static void main(String[] args) throws Exception {
		boolean serve = args[0].equals("serve");
		SpringApplication spring = new SpringApplication(DutychainApplication.class);
		spring.setWebApplicationType(serve ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		spring.setRegisterShutdownHook(false);
		String[] properties = { "--dutychain.data-dir=" + Path.of(args[1]).toAbsolutePath(), "--dutychain.bolt-port=0",
				"--dutychain.demo-on-empty=false", "--dutychain.page-cache=64m", "--spring.main.banner-mode=off",
				"--server.port=0", "--server.address=127.0.0.1", "--dutychain.admin-password=crash-safety-admin" };
		try (ConfigurableApplicationContext context = spring.run(properties)) {
			if (serve) {
				String port = context.getEnvironment().getProperty("local.server.port");
				HttpResponse<Void> login = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login.html")).build(),
							HttpResponse.BodyHandlers.discarding());
				System.out.println("HTTP " + login.statusCode());
				Neo4jGraph graph = context.getBean(Neo4jGraph.class);
				GraphDigest digest = GraphDigest.of(graph);
				List<Map<String, Object>> inactive = graph.read("""
						OPTIONAL MATCH (d:Dataset {active: true})
						WITH coalesce(max(d.generation), -1) AS active
						MATCH (n) WHERE n.generation IS NOT NULL AND n.generation <> active
						RETURN count(n) AS n
						""", Map.of());
				System.out.println("DIGEST " + digest.sha256() + " " + digest.lines());
				System.out.println("INACTIVE " + inactive.get(0).get("n"));
			}
			else {
				Progress progress = (phase, done, total) -> {
					if (phase.equals("write")) {
						System.out.println("WRITING " + done + " " + total);
						System.out.flush();
					}
				};
				ImportResult result = context.getBean(DatasetImporter.class)
					.importChecked(CheckedDataset.check(Path.of(args[2])), progress);
				System.out.println("IMPORTED " + result.generation());
			}
			System.out.flush();
		}
		System.exit(0);
	}

}
