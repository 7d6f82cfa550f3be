package org.dutychain.ingest;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.GenerationLeases;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The dataset import (导入): reads a CSV folder, a .zip of it or an .xlsx workbook,
 * validates everything, and only then writes the dataset as a new generation in batches;
 * one small transaction switches the active {@code Dataset} to it, after which the older
 * generations are deleted in batches. A failure while writing deletes the partial
 * generation, so readers only ever see the old or the new dataset. Imports run one at a
 * time.
 */
@Service
class GraphDatasetImporter implements DatasetImporter {

	private static final Logger log = LoggerFactory.getLogger(GraphDatasetImporter.class);

	private static final String DATASET = "ingest/dataset.cypher";

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final ReentrantLock lock = new ReentrantLock();

	private final GenerationLeases leases;

	GraphDatasetImporter(Neo4jGraph graph, CypherFiles cypher, GenerationLeases leases) {
		this.graph = graph;
		this.cypher = cypher;
		this.leases = leases;
	}

	@Override
	public ImportResult importUpload(String fileName, InputStream content) throws InvalidDatasetException {
		return importFrom(CheckedDataset.checkUpload(fileName, content), Progress.NONE);
	}

	@Override
	public ImportResult importChecked(CheckedDataset dataset, Progress progress) {
		return importFrom(dataset, progress);
	}

	private ImportResult importFrom(CheckedDataset checked, Progress progress) {
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
			log.info("Importing {} as generation {}", displayName, generation);
			Map<String, Integer> counts;
			try {
				counts = new DatasetWriter(this.graph, this.cypher, generation, progress, checked.rows()).write(data);
				CypherFile levels = this.cypher.file("ingest/levels.cypher");
				for (CypherFile.Statement statement : levels.statements()) {
					this.graph.write(statement.cypher(), Map.of("generation", generation));
				}
				switchTo(generation, data);
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
	private void switchTo(long generation, ValidDataset data) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("generation", generation);
		params.put("name", data.name());
		params.put("asOf", data.asOf());
		this.graph.inWriteTransaction((tx) -> {
			tx.run(this.cypher.statement(DATASET, "lock-switch"), params).consume();
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
