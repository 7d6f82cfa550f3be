package org.dutychain.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dutychain.config.CypherFiles;
import org.dutychain.config.GenerationLeases;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.PrivateFiles;
import org.dutychain.config.Progress;
import org.dutychain.config.StoreSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Replaces the dataset of a running embedded server through the bulk importer (issue 10):
 * the validated dataset is written as the importer's files under a generation above the
 * active one, imported into a fresh store beside the serving one ({@link StoreSwitch}),
 * whose schema and post-load steps are made there; then, with writes paused for a moment,
 * the system data (users, the audit log, secrets, change records, snapshots, the
 * generation counter; {@code ingest/store-switch.cypher}) is copied over and the app's
 * driver is switched to the new store in one step. Readers see the old dataset until the
 * switch and the new one after it; a failure before the switch removes the new store and
 * leaves the old one serving. The switch waits until no audit holds a lease on the old
 * store. Used for datasets of at least {@code dutychain.import.bulk-threshold} rows on an
 * embedded database without a fixed Bolt port; smaller ones and external servers keep the
 * generation writer.
 */
@Component
class StoreSwitchImporter {

	private static final Logger log = LoggerFactory.getLogger(StoreSwitchImporter.class);

	private static final String FILE = "ingest/store-switch.cypher";

	private static final String DATASET = "ingest/dataset.cypher";

	/** Rows per transaction when copying the system data. */
	private static final int BATCH = 2000;

	private final Neo4jGraph graph;

	private final CypherFiles cypher;

	private final GenerationLeases leases;

	private final StoreSwitch storeSwitch;

	private final long threshold;

	private final String memory;

	private final Duration leaseWait;

	StoreSwitchImporter(Neo4jGraph graph, CypherFiles cypher, GenerationLeases leases,
			ObjectProvider<StoreSwitch> storeSwitch,
			@Value("${dutychain.import.switch-threshold:${dutychain.import.bulk-threshold:200000}}") long threshold,
			@Value("${dutychain.import.bulk-memory:auto}") String memory,
			@Value("${dutychain.import.switch-lease-wait:30m}") Duration leaseWait) {
		this.graph = graph;
		this.cypher = cypher;
		this.leases = leases;
		this.storeSwitch = storeSwitch.getIfAvailable();
		this.threshold = threshold;
		this.memory = memory;
		this.leaseWait = leaseWait;
	}

	/** Whether {@code checked} replaces the dataset by a store switch here. */
	boolean accepts(CheckedDataset checked) {
		return this.storeSwitch != null && this.storeSwitch.available() && checked.rows() >= this.threshold;
	}

	/**
	 * Loads {@code checked} into a new store and switches to it; the caller holds the
	 * import lock.
	 * @param revision the active dataset's edit revision when the import began
	 * @param generation the new dataset's generation (above the active one)
	 */
	ImportResult replace(CheckedDataset checked, Progress progress, long revision, long generation) {
		long started = System.nanoTime();
		ValidDataset data = checked.dataset();
		long[] phases = new long[3];
		BulkFiles[] written = new BulkFiles[1];
		log.info("Importing {} as generation {} into a new store (store switch)", checked.displayName(), generation);
		try (StoreSwitch.Candidate candidate = this.storeSwitch.prepare((home) -> {
			bulkLoad(home, checked, data, progress, generation, phases, written);
			return Optional.of((g) -> {
				long t = System.nanoTime();
				progress.report("schema", 0, 0);
				BulkLoader.postLoad(this.cypher, g, written[0].labels(), List.of());
				phases[2] = ms(t);
			});
		})) {
			long loadedMs = ms(started);
			requireKnownSystemData();
			long freezeMs = switchOver(candidate, revision);
			long t = System.nanoTime();
			candidate.retireOld();
			long retireMs = ms(t);
			long total = ms(started);
			log.info(
					"Imported {} as generation {} by a store switch in {} ms: files {} + importer {} + schema {} ms, "
							+ "loaded after {} ms, writes paused {} ms, old store retired in {} ms: {}",
					data.name(), generation, total, phases[0], phases[1], phases[2], loadedMs, freezeMs, retireMs,
					written[0].counts());
			return new ImportResult(data.name(), data.asOf(), generation, written[0].counts(), data.warnings(), total);
		}
	}

	private void bulkLoad(Path home, CheckedDataset checked, ValidDataset data, Progress progress, long generation,
			long[] phases, BulkFiles[] written) {
		Path work = PrivateFiles.createTempDirectory("dutychain-bulk-");
		try {
			long t = System.nanoTime();
			// validated again while the files are written: numbered nodes for the
			// importer
			written[0] = BulkLoader.finish(checked.restage(work, generation, progress), data, work, progress,
					checked.rows(), generation);
			phases[0] = ms(t);
			progress.report("import", 0, 0);
			t = System.nanoTime();
			BulkLoader.runImporter(home, written[0], this.memory);
			phases[1] = ms(t);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			BulkLoader.delete(work);
		}
	}

	/** Refuses to switch a store holding system data this copy would lose. */
	private void requireKnownSystemData() {
		List<Map<String, Object>> unknown = this.graph.read(this.cypher.statement(FILE, "unknown-system-nodes"),
				Map.of());
		if (!unknown.isEmpty()) {
			throw new IllegalStateException("the store holds system data the store switch does not copy: "
					+ unknown.stream().map((r) -> r.get("labels")).toList());
		}
		Number relationships = (Number) this.graph.read(this.cypher.statement(FILE, "system-relationships"), Map.of())
			.get(0)
			.get("relationships");
		if (relationships.longValue() > 0) {
			throw new IllegalStateException(
					"the system data holds " + relationships + " relationship(s) the store switch does not copy");
		}
	}

	/**
	 * Waits until no audit leases a generation, pauses writes, checks that the active
	 * dataset was not edited meanwhile, copies the system data and switches; returns how
	 * long writes were paused.
	 */
	private long switchOver(StoreSwitch.Candidate candidate, long revision) {
		long deadline = System.nanoTime() + this.leaseWait.toNanos();
		while (true) {
			awaitNoLease(deadline);
			long t = System.nanoTime();
			try (Neo4jGraph.WriteFreeze freeze = this.graph.freezeWrites(Duration.ofMinutes(2))) {
				// a lease is taken by a write: none can start now, one may have begun
				// just before
				if (!this.leases.leased().isEmpty()) {
					continue;
				}
				long now = activeRevision();
				if (now != revision) {
					throw ImportAgainException.editedMeanwhile(revision, now);
				}
				long copied = copySystemData(candidate.graph());
				candidate.switchOver();
				long pausedMs = ms(t);
				log.info("Store switched: {} system node(s) copied, writes paused {} ms", copied, pausedMs);
				return pausedMs;
			}
		}
	}

	private void awaitNoLease(long deadline) {
		while (!this.leases.leased().isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw ImportAgainException.auditsKeptLeasing(this.leaseWait);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for audits to end", ex);
			}
		}
	}

	/** Copies every system node into {@code target}; returns how many. */
	private long copySystemData(Neo4jGraph target) {
		target.autoCommit(this.cypher.statement(FILE, "clear-system-nodes"), Map.of());
		String create = this.cypher.statement(FILE, "create-system-nodes");
		List<Map<String, Object>> batch = new ArrayList<>(BATCH);
		long[] copied = { 0 };
		this.graph.stream(this.cypher.statement(FILE, "system-nodes"), Map.of(), (row) -> {
			Map<String, Object> node = new HashMap<>();
			node.put("labels", row.get("labels"));
			node.put("properties", row.get("properties"));
			batch.add(node);
			if (batch.size() == BATCH) {
				target.write(create, Map.of("rows", List.copyOf(batch)));
				copied[0] += batch.size();
				batch.clear();
			}
		});
		if (!batch.isEmpty()) {
			target.write(create, Map.of("rows", List.copyOf(batch)));
			copied[0] += batch.size();
		}
		long inOld = count(this.graph);
		long inNew = count(target);
		if (inOld != inNew || inNew != copied[0]) {
			throw new IllegalStateException(
					"system data copy incomplete: " + inOld + " node(s) in the old store, " + inNew + " in the new");
		}
		return copied[0];
	}

	private long count(Neo4jGraph g) {
		return ((Number) g.read(this.cypher.statement(FILE, "count-system-nodes"), Map.of()).get(0).get("nodes"))
			.longValue();
	}

	private long activeRevision() {
		List<Map<String, Object>> rows = this.graph.read(this.cypher.statement(DATASET, "active-revision"), Map.of());
		return (!rows.isEmpty() && rows.get(0).get("revision") instanceof Number n) ? n.longValue() : 0L;
	}

	private static long ms(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

}
