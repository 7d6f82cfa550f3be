package org.dutychain.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.dutychain.config.Progress;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A validated dataset meant for a database that may not exist yet (the CLI's throw-away
 * database, {@code import --data-dir} into a new folder). Registered in the application
 * context before it starts ({@link #initializer()}): when the embedded store is empty and
 * the dataset has at least {@code dutychain.import.bulk-threshold} rows, the bulk
 * importer loads it before the database starts and {@link #loaded()} holds the result;
 * otherwise the caller imports it the usual way.
 */
public final class InitialDataset {

	private final CheckedDataset dataset;

	private final Progress progress;

	private final Map<String, Long> phases = Collections.synchronizedMap(new LinkedHashMap<>());

	private volatile ImportResult loaded;

	private volatile ImporterReport importer;

	public InitialDataset(CheckedDataset dataset, Progress progress) {
		this.dataset = dataset;
		this.progress = (progress != null) ? progress : Progress.NONE;
	}

	public CheckedDataset dataset() {
		return this.dataset;
	}

	public Progress progress() {
		return this.progress;
	}

	/** The result when the bulk importer loaded it at the database's start. */
	public Optional<ImportResult> loaded() {
		return Optional.ofNullable(this.loaded);
	}

	/**
	 * Wall time of the bulk load's phases in ms: {@code write} (the importer's CSV
	 * files), {@code import} (Neo4j's importer), {@code schema} (constraints, indexes
	 * online, post-load steps); empty when it was not bulk-loaded.
	 */
	public Map<String, Long> phases() {
		synchronized (this.phases) {
			return Map.copyOf(this.phases);
		}
	}

	void phase(String name, long ms) {
		this.phases.put(name, ms);
	}

	/**
	 * What Neo4j's importer reported when it loaded this dataset: its memory estimate and
	 * the time of each of its stages.
	 */
	public Optional<ImporterReport> importer() {
		return Optional.ofNullable(this.importer);
	}

	void importer(ImporterReport report) {
		this.importer = report;
	}

	void loaded(ImportResult result) {
		this.loaded = result;
	}

	/** Registers this dataset as a bean of the context it is added to. */
	public ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
		return (context) -> context.getBeanFactory().registerSingleton("initialDataset", this);
	}

}
