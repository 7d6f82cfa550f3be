package org.dutychain.ingest;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.GenerationLeases;
import org.dutychain.config.ImportLimits;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.PrivateFiles;
import org.dutychain.config.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The dataset import (导入): reads a CSV folder, a .zip of it or an .xlsx workbook,
 * validates everything, and only then writes the dataset as a new generation in batches;
 * one small transaction switches the active {@code Dataset} to it, after which the older
 * generations are deleted in batches. A failure while writing deletes the partial
 * generation, so readers only ever see the old or the new dataset. Imports run one at a
 * time. On an embedded server, a dataset of at least
 * {@code dutychain.import.bulk-threshold} rows is loaded by a store switch instead
 * ({@link StoreSwitchImporter}).
 */
@Service
class GraphDatasetImporter implements DatasetImporter {

	private static final Logger log = LoggerFactory.getLogger(GraphDatasetImporter.class);

	private static final String DATASET = "ingest/dataset.cypher";

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final ReentrantLock lock = new ReentrantLock();

	private final GenerationLeases leases;

	private final ImportLimits limits;

	/**
	 * Large datasets on an embedded server: a store switch (null: always this writer).
	 */
	private StoreSwitchImporter storeSwitch;

	@Autowired
	GraphDatasetImporter(Neo4jGraph graph, CypherFiles cypher, GenerationLeases leases,
			ObjectProvider<ImportLimits> limits, ObjectProvider<StoreSwitchImporter> storeSwitch) {
		this(graph, cypher, leases, limits.getIfAvailable(() -> ImportLimits.DEFAULTS));
		this.storeSwitch = storeSwitch.getIfAvailable();
	}

	GraphDatasetImporter(Neo4jGraph graph, CypherFiles cypher, GenerationLeases leases) {
		this(graph, cypher, leases, ImportLimits.DEFAULTS);
	}

	private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

	GraphDatasetImporter(Neo4jGraph graph, CypherFiles cypher) {
		this(graph, cypher, ImportLimits.DEFAULTS);
	}

	GraphDatasetImporter(Neo4jGraph graph, CypherFiles cypher, ImportLimits limits) {
		this(graph, cypher, new GenerationLeases(graph, cypher), limits);
	}

	GraphDatasetImporter(Neo4jGraph graph, CypherFiles cypher, GenerationLeases leases, ImportLimits limits) {
		this.graph = graph;
		this.cypher = cypher;
		this.leases = leases;
		this.limits = limits;
	}

	@Override
	public ImportResult importPath(Path source) throws InvalidDatasetException {
		return importChecked(CheckedDataset.check(source, CheckedDataset.displayName(source), this.limits),
				Progress.NONE);
	}

	@Override
	public ImportResult importUpload(String fileName, InputStream content) throws InvalidDatasetException {
		CheckedDataset checked = CheckedDataset.checkUpload(fileName, content, this.limits);
		try {
			return importFrom(checked, Progress.NONE);
		}
		finally {
			checked.release();
		}
	}

	@Override
	public ImportResult importChecked(CheckedDataset dataset, Progress progress) {
		return importFrom(dataset, progress);
	}

	@Override
	public List<ImportProblem> validate(Path source) {
		return CheckedDataset.check(source, CheckedDataset.displayName(source), this.limits).problems();
	}

	@Override
	public boolean importing() {
		return this.running.get() > 0;
	}

	private ImportResult importFrom(CheckedDataset checked, Progress progress) {
		this.running.incrementAndGet();
		try {
			return importCounted(checked, progress);
		}
		finally {
			this.running.decrementAndGet();
		}
	}

	@Override
	public boolean replacesStore(CheckedDataset dataset) {
		return this.storeSwitch != null && this.storeSwitch.accepts(dataset);
	}

	private ImportResult importCounted(CheckedDataset checked, Progress progress) {
		long started = System.nanoTime();
		String displayName = checked.displayName();
		if (!checked.valid()) {
			log.info("Import of {} rejected: {} problem(s)", displayName, checked.problems().size());
			throw new InvalidDatasetException(checked.problems());
		}
		ValidDataset data = checked.dataset();
		this.lock.lock();
		try {
			long generation = nextGeneration();
			long revision = activeRevision();
			if (this.storeSwitch != null && this.storeSwitch.accepts(checked)) {
				try {
					return this.storeSwitch.replace(checked, progress, revision, generation);
				}
				catch (BulkFiles.NotBulkLoadableException ex) {
					// the old store still serves; this writer can store what the importer
					// cannot
					log.info("{} is not bulk-loadable ({}); writing it as a new generation instead", displayName,
							ex.getMessage());
				}
			}
			log.info("Importing {} as generation {}", displayName, generation);
			Map<String, Integer> counts;
			try {
				counts = new DatasetWriter(this.graph, this.cypher, generation, progress, checked.rows()).write(data);
				CypherFile levels = this.cypher.file("ingest/levels.cypher");
				for (CypherFile.Statement statement : levels.statements()) {
					this.graph.write(statement.cypher(), Map.of("generation", generation));
				}
				switchTo(generation, data, revision);
			}
			catch (RuntimeException ex) {
				log.warn("Import of {} failed while writing generation {}; removing it", displayName, generation, ex);
				deleteGeneration(generation);
				throw ex;
			}
			try {
				// generations an audit still reads are left to the end of its lease
				List<Long> leased = this.leases.leased();
				if (!leased.isEmpty()) {
					log.info("Generations {} are still read by an audit; deleted when it ends", leased);
				}
				this.graph.autoCommit(this.cypher.statement(DATASET, "delete-older"),
						Map.of("generation", generation, "leased", leased));
			}
			catch (RuntimeException ex) {
				// the new dataset is active; the next import removes what is left of the
				// old one
				log.warn("Generation {} is active, but deleting older generations failed", generation, ex);
			}
			long ms = (System.nanoTime() - started) / 1_000_000;
			log.info("Imported {} as generation {} in {} ms: {}", data.name(), generation, ms, counts);
			return new ImportResult(data.name(), data.asOf(), generation, counts, data.warnings(), ms);
		}
		finally {
			this.lock.unlock();
		}
	}

	private long activeRevision() {
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(DATASET, "active-revision"), Map.of());
		return (!rows.isEmpty() && rows.get(0).get("revision") instanceof Number n) ? n.longValue() : 0L;
	}

	/**
	 * A new generation number from the counter node (safe with several app instances on
	 * one database: the counter's write lock orders them).
	 */
	private long nextGeneration() {
		List<Map<String, Object>> rows = this.graph.write(this.cypher.statement(DATASET, "next-generation"), Map.of());
		return ((Number) rows.get(0).get("generation")).longValue();
	}

	/**
	 * The one small transaction readers notice: the old Dataset inactive, the new one
	 * active.
	 */
	private void switchTo(long generation, ValidDataset data, long revision) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("generation", generation);
		params.put("name", data.name());
		params.put("asOf", data.asOf());
		this.graph.inWriteTransaction((tx) -> {
			tx.run(this.cypher.statement(DATASET, "lock-switch"), params).consume();
			// an edit that slipped in after the import began would be lost silently:
			// refuse
			List<org.neo4j.driver.Record> active = tx.run(this.cypher.statement(DATASET, "active-revision"), Map.of())
				.list();
			long now = active.isEmpty() ? 0 : active.get(0).get("revision").asLong();
			if (now != revision) {
				throw ImportAgainException.editedMeanwhile(revision, now);
			}
			tx.run(this.cypher.statement(DATASET, "deactivate"), params).consume();
			tx.run(this.cypher.statement(DATASET, "activate"), params).consume();
			return null;
		});
	}

	private void deleteGeneration(long generation) {
		try {
			this.graph.autoCommit(this.cypher.statement(DATASET, "delete-generation"),
					Map.of("generation", generation));
		}
		catch (RuntimeException ex) {
			log.error("Could not remove the partial generation {}; the next import removes it", generation, ex);
		}
	}

}
