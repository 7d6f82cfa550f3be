package org.dutychain.config;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;

import org.dutychain.config.EmbeddedNeo4jConfiguration.EmbeddedDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The CLI's database started beside Spring's context: only when nothing must be
 * bulk-loaded into the store first and no external server is configured; a database no
 * context took is shut down by {@link EmbeddedStart#close()}.
 */
class EmbeddedStartIT {

	private static GenericApplicationContext context(Map<String, Object> properties) {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
		return context;
	}

	@Test
	void notStartedForADatasetTheBulkImporterLoadsOrForAnExternalServer() {
		EmbeddedStart bulk = EmbeddedStart.forDataset(1_000);
		try (GenericApplicationContext context = context(
				Map.of("dutychain.ephemeral", "true", "dutychain.import.bulk-threshold", "1000"))) {
			bulk.initializer().initialize(context);
			assertThat(context.getBeanFactory().containsSingleton("embeddedStart")).isFalse();
		}
		EmbeddedStart external = EmbeddedStart.forDataset(0);
		try (GenericApplicationContext context = context(
				Map.of("dutychain.ephemeral", "true", "spring.neo4j.uri", "bolt://localhost:7687"))) {
			external.initializer().initialize(context);
			assertThat(context.getBeanFactory().containsSingleton("embeddedStart")).isFalse();
		}
		assertThatCode(bulk::close).doesNotThrowAnyException();
	}

	@Test
	void startedInTheBackgroundTakenOnceAndShutDownWhenNoContextTookIt() throws Exception {
		EmbeddedStart early = EmbeddedStart.forDataset(999);
		try (GenericApplicationContext context = context(Map.of("dutychain.ephemeral", "true", "dutychain.page-cache",
				"16m", "dutychain.import.bulk-threshold", "1000"))) {
			early.initializer().initialize(context);
			assertThat(context.getBeanFactory().getBean("embeddedStart")).isSameAs(early);
		}
		// the context failed before its bean was made: close() shuts the database down
		early.close();
		EmbeddedDatabase database = early.take();
		assertThat(listening(database.boltPort())).as("Bolt port after close()").isFalse();

		EmbeddedStart taken = EmbeddedStart.forDataset(0);
		try (GenericApplicationContext context = context(
				Map.of("dutychain.ephemeral", "true", "dutychain.page-cache", "16m"))) {
			taken.initializer().initialize(context);
		}
		EmbeddedDatabase running = taken.take();
		try {
			assertThat(listening(running.boltPort())).isTrue();
			taken.close(); // taken: the context's bean shuts it down, not close()
			assertThat(listening(running.boltPort())).isTrue();
		}
		finally {
			running.destroy();
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
