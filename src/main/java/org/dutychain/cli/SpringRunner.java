package org.dutychain.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dutychain.config.EmbeddedStart;
import org.dutychain.config.SchemaStatements;
import org.dutychain.ingest.InitialDataset;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application without a web server for one command and closes it afterwards.
 * Properties are passed as command-line arguments, so they win over
 * {@code application.properties}.
 */
final class SpringRunner {

	/**
	 * The throw-away database of {@code audit} and {@code accountable} is always filled
	 * by Neo4j's bulk importer (issue 10: an empty store is loaded through it), also
	 * below {@code dutychain.import.bulk-threshold}: {@code audit demo-province} (60,639
	 * rows) loaded in 3.9–4.8 s instead of 7.4–10.9 s by the transactional writer, whose
	 * statements are each planned and run cold in the command's new JVM
	 * (docs/benchmarks.md, "CLI").
	 */
	static final long THROWAWAY_BULK_THRESHOLD = 1;

	/**
	 * The labels whose uniqueness constraints the throw-away database leaves out: no
	 * statement of {@code audit} or {@code accountable} looks an activity, a duty or a
	 * grading up by its id (they are reached through their units, posts and people), and
	 * together they are 41.7 M of the 48 M nodes the schema step indexes at 1 M units.
	 */
	static final String THROWAWAY_SKIP_KEYS = "Activity,Duty,Grading";

	private SpringRunner() {
	}

	/**
	 * A throw-away embedded database in a temporary directory, deleted on close (audit,
	 * accountable, generate …).
	 */
	static ConfigurableApplicationContext ephemeral(Class<?> application) {
		return ephemeral(application, null);
	}

	/**
	 * A throw-away database that starts with {@code initial} in it when it is large
	 * enough for the bulk importer ({@link InitialDataset#loaded()}; else import it).
	 */
	static ConfigurableApplicationContext ephemeral(Class<?> application, InitialDataset initial) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("dutychain.ephemeral", "true");
		// sized to the store the bulk importer wrote, within what the machine leaves (at
		// least the former fixed 64m): a national store read through 64 MB went to the
		// disk
		properties.put("dutychain.page-cache", "auto");
		if (initial != null) {
			properties.put("dutychain.import.bulk-threshold", Long.toString(THROWAWAY_BULK_THRESHOLD));
			// read once, never edited, its ids checked unique by validation: without the
			// two largest labels' keys (most of the schema step at 1 M units); only when
			// the bulk importer filled it (SchemaStatements)
			properties.put(SchemaStatements.SKIP_KEYS, THROWAWAY_SKIP_KEYS);
		}
		return start(application, properties, initial);
	}

	/**
	 * The persistent embedded database in {@code dataDir} (null = the configured one).
	 */
	static ConfigurableApplicationContext persistent(Class<?> application, Path dataDir) {
		return persistent(application, dataDir, null);
	}

	/**
	 * The persistent database; when its store is empty and {@code initial} large enough,
	 * the bulk importer loads it before the database starts.
	 */
	static ConfigurableApplicationContext persistent(Class<?> application, Path dataDir, InitialDataset initial) {
		Map<String, String> properties = new LinkedHashMap<>();
		if (dataDir != null) {
			properties.put("dutychain.data-dir", dataDir.toAbsolutePath().toString());
		}
		return start(application, properties, initial);
	}

	private static ConfigurableApplicationContext start(Class<?> application, Map<String, String> extra,
			InitialDataset initial) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("dutychain.bolt-port", "0");
		properties.put("dutychain.demo-on-empty", "false");
		properties.put("spring.main.web-application-type", "none");
		properties.put("spring.main.banner-mode", "off");
		// a failed start (database folder locked, port taken) ends in one line from
		// ExitCodes, not in Boot's stack trace and failure report
		properties.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
		properties.put("logging.level.org.springframework.boot.diagnostics", "OFF");
		properties.putAll(extra);
		List<String> args = new ArrayList<>();
		properties.forEach((k, v) -> args.add("--" + k + "=" + v));
		SpringApplication spring = new SpringApplication(application);
		spring.setWebApplicationType(WebApplicationType.NONE);
		spring.setBannerMode(Banner.Mode.OFF);
		spring.setLogStartupInfo(false);
		spring.setRegisterShutdownHook(false);
		if (initial != null) {
			spring.addInitializers(initial.initializer());
		}
		// the database starts beside Spring's configuration processing (when nothing has
		// to be bulk-loaded into it first)
		EmbeddedStart early = EmbeddedStart
			.forDataset((initial != null && initial.dataset().valid()) ? initial.dataset().rows() : 0);
		spring.addInitializers(early.initializer());
		try {
			return spring.run(args.toArray(String[]::new));
		}
		catch (RuntimeException | Error ex) {
			try {
				early.close();
			}
			catch (RuntimeException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	/**
	 * The context's JSON mapper (Boot's, else a plain one), indented and with ISO dates,
	 * for stdout.
	 */
	static ObjectMapper json(ConfigurableApplicationContext context) {
		return context.getBeanProvider(ObjectMapper.class)
			.getIfAvailable(() -> new ObjectMapper().findAndRegisterModules())
			.copy()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
	}

}
