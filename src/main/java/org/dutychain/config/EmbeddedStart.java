package org.dutychain.config;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.dutychain.config.EmbeddedNeo4jConfiguration.EmbeddedDatabase;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.StandardEnvironment;

/**
 * Starts the embedded database of a CLI command on a thread of its own as soon as the
 * command's environment is known, while Spring processes the configuration classes and
 * creates the other beans; the {@code embeddedDatabase} bean then takes it instead of
 * starting one. Only when nothing has to be written into the store before it starts: no
 * external server ({@code spring.neo4j.uri}) and a dataset below
 * {@code dutychain.import.bulk-threshold} (the bulk importer fills an empty store before
 * the database starts). {@link #close()} shuts a database down that no context took (the
 * context failed before its bean was made).
 */
public final class EmbeddedStart implements AutoCloseable {

	private final long rows;

	private CompletableFuture<EmbeddedDatabase> started;

	private boolean taken;

	private EmbeddedStart(long rows) {
		this.rows = rows;
	}

	/**
	 * @param rows the rows of the dataset the command loads after the start (0 for none)
	 */
	public static EmbeddedStart forDataset(long rows) {
		return new EmbeddedStart(rows);
	}

	/** Starts the database in the background when it may, and registers this start. */
	public ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
		return (context) -> {
			ConfigurableEnvironment environment = context.getEnvironment();
			if (!environment.getProperty("spring.neo4j.uri", "").isEmpty() || this.rows >= bulkThreshold(environment)) {
				return;
			}
			DutychainProperties properties = Binder.get(environment)
				.bindOrCreate("dutychain", DutychainProperties.class);
			synchronized (this) {
				this.started = CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(properties, null), (task) -> {
					Thread thread = new Thread(task, "dutychain-embedded-start");
					thread.setDaemon(true);
					thread.start();
				});
			}
			context.getBeanFactory().registerSingleton("embeddedStart", this);
		};
	}

	/** The started database, once it is up; its failure as it was thrown. */
	synchronized EmbeddedDatabase take() {
		this.taken = true;
		try {
			return this.started.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/**
	 * Shuts the database down (and removes a throw-away store) when no context took it.
	 */
	@Override
	public synchronized void close() {
		if (this.started != null && !this.taken) {
			this.taken = true;
			try {
				this.started.join().destroy();
			}
			catch (CompletionException ex) {
				// it did not start: nothing to shut down
			}
		}
	}

	/** {@code dutychain.import.bulk-threshold}'s default, as in the bulk loader. */
	public static final long BULK_THRESHOLD_DEFAULT = 200_000;

	/**
	 * {@code dutychain.import.bulk-threshold} as a command sees it before its Spring
	 * context exists (system properties and environment variables, like
	 * {@link ImportLimits#fromEnvironment()}), else the default.
	 */
	public static long configuredBulkThreshold() {
		return bulkThreshold(new StandardEnvironment());
	}

	/**
	 * {@code dutychain.import.bulk-threshold} in {@code properties}, else the default.
	 */
	private static long bulkThreshold(PropertyResolver properties) {
		return properties.getProperty("dutychain.import.bulk-threshold", Long.class, BULK_THRESHOLD_DEFAULT);
	}

}
