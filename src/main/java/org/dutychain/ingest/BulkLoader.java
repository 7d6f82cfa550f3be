package org.dutychain.ingest;

import static org.dutychain.config.SchemaStatements.isConstraint;
import static org.dutychain.config.SchemaStatements.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.dutychain.config.CypherFile;
import org.dutychain.config.CypherFiles;
import org.dutychain.config.DaemonThreads;
import org.dutychain.config.DutychainProperties;
import org.dutychain.config.EmptyStoreLoader;
import org.dutychain.config.ImportLimits;
import org.dutychain.config.Neo4jGraph;
import org.dutychain.config.PrivateFiles;
import org.dutychain.config.Progress;
import org.dutychain.config.SchemaStatements;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The initial load of an empty embedded store through Neo4j's own bulk importer (the
 * machinery of {@code neo4j-admin database import full}, run in-process through
 * {@link AdminTool}), issue 10. Before the database starts, a validated dataset of at
 * least {@code dutychain.import.bulk-threshold} rows (default 200,000) — the one handed
 * over as an {@link InitialDataset} by the CLI, else the demo province of a first start —
 * is written as the importer's node and relationship CSV files ({@link BulkFiles}, in a
 * temporary owner-only folder removed afterwards) and imported into
 * {@code data/databases/neo4j} with an explicit off-heap budget
 * ({@code dutychain.import.bulk-memory}, default {@code auto}: sized from the rows and
 * the machine's available memory less this JVM's heap, {@link ImporterMemory}; the
 * importer claims 90 % of the machine otherwise); its estimate and stage times are logged
 * ({@link ImporterReport}). Once the database is up, the schema of {@code cypher/schema/}
 * is created (Community has no import-time schema), its indexes are awaited and the
 * post-load steps of {@code cypher/ingest/bulk.cypher} run. The result equals the
 * transactional load of the same dataset (checked by {@code BulkLoadIT}). Smaller
 * datasets, stores that hold anything, and external servers keep the transactional
 * writer. A failed bulk load removes what it wrote and leaves the store empty, so the
 * transactional import runs instead.
 */
@Component
public class BulkLoader implements EmptyStoreLoader {

	private static final Logger log = LoggerFactory.getLogger(BulkLoader.class);

	static final String BULK = "ingest/bulk.cypher";

	private final DutychainProperties properties;

	private final CypherFiles cypher;

	private final ImportLimits limits;

	private final ObjectProvider<InitialDataset> initial;

	private final ObjectProvider<DatasetGenerator> generator;

	private final long threshold;

	private final String memory;

	private final List<String> skipKeys;

	private volatile CheckedDataset demo;

	private volatile ImportResult loaded;

	BulkLoader(DutychainProperties properties, CypherFiles cypher, ObjectProvider<ImportLimits> limits,
			ObjectProvider<InitialDataset> initial, ObjectProvider<DatasetGenerator> generator,
			@Value("${dutychain.import.bulk-threshold:200000}") long threshold,
			@Value("${dutychain.import.bulk-memory:auto}") String memory,
			@Value("${" + SchemaStatements.SKIP_KEYS + ":}") List<String> skipKeys) {
		this.properties = properties;
		this.cypher = cypher;
		this.limits = limits.getIfAvailable(() -> ImportLimits.DEFAULTS);
		this.initial = initial;
		this.generator = generator;
		this.threshold = threshold;
		this.memory = memory;
		this.skipKeys = List.copyOf(skipKeys);
	}

	@Override
	public Optional<AfterStart> load(Path home) {
		InitialDataset given = this.initial.getIfAvailable();
		CheckedDataset checked;
		if (given != null) {
			checked = given.dataset();
		}
		else if (this.properties.demoOnEmpty()) {
			checked = generateDemo();
			// below the threshold, DemoDataLoader imports it once the database is up
			this.demo = checked;
		}
		else {
			return Optional.empty();
		}
		if (!checked.valid() || checked.rows() < this.threshold) {
			checked.discardBulkFiles();
			return Optional.empty();
		}
		Progress progress = (given != null) ? given.progress() : Progress.NONE;
		try {
			AfterStart after = bulkLoad(home, checked, progress, given);
			if (given == null) {
				checked.release(); // the generated demo's files
			}
			this.demo = null;
			return Optional.of(after);
		}
		catch (RuntimeException | IOException ex) {
			log.error("Bulk load of {} failed; removing what it wrote, the transactional import runs instead",
					checked.displayName(), ex);
			removeStore(home);
			return Optional.empty();
		}
	}

	/**
	 * What the bulk importer loaded at this start (the given dataset or the demo), once
	 * its post-load steps are done; empty when the store was loaded otherwise.
	 */
	public Optional<ImportResult> loadedAtStart() {
		return Optional.ofNullable(this.loaded);
	}

	/**
	 * The demo province generated at this start when it was too small for the bulk
	 * importer (taken once), for {@link DemoDataLoader}.
	 */
	Optional<CheckedDataset> takeDemo() {
		CheckedDataset d = this.demo;
		this.demo = null;
		return Optional.ofNullable(d);
	}

	private CheckedDataset generateDemo() {
		Path dir = PrivateFiles.createTempDirectory("dutychain-demo");
		try {
			DatasetGenerator gen = this.generator.getIfAvailable(DatasetGenerator::standalone);
			gen.generate(this.properties.demoUnits(), DemoDataLoader.DEMO_SEED, DemoDataLoader.DEMO_PLANT_RATE, dir);
			CheckedDataset checked = CheckedDataset.checkForEmptyStore(dir, CheckedDataset.displayName(dir),
					this.limits, this.threshold);
			// the import streams the rows from the generated files
			checked.deleteWhenUnreachable(dir);
			return checked;
		}
		catch (RuntimeException ex) {
			delete(dir);
			throw ex;
		}
	}

	private AfterStart bulkLoad(Path home, CheckedDataset checked, Progress progress, InitialDataset given)
			throws IOException {
		ValidDataset data = checked.dataset();
		// the files written while the dataset was validated, else written now
		Optional<BulkFiles.Staged> staged = checked.takeBulkFiles();
		Path work = staged.map(BulkFiles.Staged::folder)
			.orElseGet(() -> PrivateFiles.createTempDirectory("dutychain-bulk-"));
		BulkFiles files;
		long writeMs;
		long importMs;
		ImporterReport report;
		try {
			long t = System.nanoTime();
			files = staged.isPresent() ? finish(staged.get(), data, work, progress, checked.rows())
					: BulkFiles.write(data, work, progress, checked.rows());
			writeMs = (System.nanoTime() - t) / 1_000_000;
			progress.report("import", 0, 0);
			t = System.nanoTime();
			report = runImporter(home, files, this.memory);
			importMs = (System.nanoTime() - t) / 1_000_000;
		}
		finally {
			delete(work);
		}
		log.info("Bulk-loaded {} into the empty store: {} nodes and relationships, files {} ms, importer {} ms",
				checked.displayName(), files.entities(), writeMs, importMs);
		return (graph) -> {
			long t = System.nanoTime();
			progress.report("schema", 0, 0);
			postLoad(this.cypher, graph, files.labels(), this.skipKeys);
			long schemaMs = (System.nanoTime() - t) / 1_000_000;
			ImportResult result = new ImportResult(data.name(), data.asOf(), BulkFiles.GENERATION, files.counts(),
					data.warnings(), writeMs + importMs + schemaMs);
			log.info("Bulk load of {} complete: schema and post-load steps {} ms, {} ms in all: {}", data.name(),
					schemaMs, result.durationMs(), files.counts());
			this.loaded = result;
			if (given != null) {
				given.phase("write", writeMs);
				given.phase("import", importMs);
				given.phase("schema", schemaMs);
				given.importer(report);
				given.loaded(result);
			}
		};
	}

	/**
	 * The staged files, completed; written again with the ids as text should two ids of a
	 * referenced file share a hash (then the rows cannot be numbered from the validator's
	 * hashes).
	 */
	static BulkFiles finish(BulkFiles.Staged staged, ValidDataset data, Path work, Progress progress, long rows)
			throws IOException {
		return finish(staged, data, work, progress, rows, BulkFiles.GENERATION);
	}

	/**
	 * {@link #finish(BulkFiles.Staged, ValidDataset, Path, Progress, long)} of a
	 * generation.
	 */
	static BulkFiles finish(BulkFiles.Staged staged, ValidDataset data, Path work, Progress progress, long rows,
			long generation) throws IOException {
		try {
			return staged.finish(data);
		}
		catch (BulkFiles.SharedHashException ex) {
			log.warn("Bulk importer files: {}; writing them again with the ids as text", ex.getMessage());
			// the folder stays (owner-only): its files go
			try (java.util.stream.Stream<Path> written = java.nio.file.Files.list(work)) {
				written.forEach(BulkLoader::delete);
			}
			return BulkFiles.write(data, work, progress, rows, generation);
		}
	}

	/**
	 * What a bulk load leaves to do in the running database, whose nodes per label
	 * {@code labels} counts: the schema of {@code cypher/schema/} (less the uniqueness
	 * constraints of the labels in {@code skipKeys}, see {@link SchemaStatements}) and
	 * the post-load statements of {@code ingest/bulk.cypher}, then waiting until every
	 * index is online. The plain indexes come first, in one transaction: one population
	 * job scans the store for all of them, in the background. A uniqueness constraint's
	 * creation populates its index and waits for it, one label at a time: on a loaded
	 * store that is most of this step, so the constraints run side by side on as many
	 * threads as there are processors, largest label first (a large label started last
	 * would run alone at the end). A post-load statement runs on the thread of the label
	 * it matches, before that label's constraint (never beside it), and beside the
	 * others.
	 */
	static void postLoad(CypherFiles cypher, Neo4jGraph graph, Map<String, Long> labels, Collection<String> skipKeys) {
		List<String> indexes = new ArrayList<>();
		Map<String, List<String>> perLabel = new LinkedHashMap<>();
		for (CypherFile.Statement statement : cypher.file(BULK).statements()) {
			perLabel.computeIfAbsent(label(statement.cypher()), (l) -> new ArrayList<>()).add(statement.cypher());
		}
		for (String text : SchemaStatements.of(cypher, skipKeys)) {
			if (isConstraint(text)) {
				perLabel.computeIfAbsent(label(text), (l) -> new ArrayList<>()).add(text);
			}
			else {
				indexes.add(text);
			}
		}
		graph.runSchema(indexes);
		List<List<String>> tasks = perLabel.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, List<String>> e) -> -weight(e, labels)))
			.map(Map.Entry::getValue)
			.toList();
		int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), tasks.size()));
		ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("dutychain-schema"));
		try {
			List<Future<?>> done = tasks.stream()
				.map((statements) -> pool.submit(() -> statements.forEach((text) -> run(graph, text))))
				.collect(Collectors.toList());
			for (Future<?> f : done) {
				f.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating the schema", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException re) ? re
					: new IllegalStateException("Could not create the schema", ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		graph.autoCommit("CALL db.awaitIndexes(86400)", Map.of());
	}

	/** Nodes a label's statements go over, once per statement. */
	private static long weight(Map.Entry<String, List<String>> statements, Map<String, Long> labels) {
		return labels.getOrDefault(statements.getKey(), 0L) * statements.getValue().size();
	}

	private static void run(Neo4jGraph graph, String cypher) {
		long t = System.nanoTime();
		if (isConstraint(cypher)) {
			graph.runSchema(cypher);
		}
		else {
			// CALL { … } IN TRANSACTIONS needs an auto-commit transaction
			graph.autoCommit(cypher, Map.of());
		}
		if (log.isDebugEnabled()) {
			// at 100k units the Activity and Duty keys take 9–18 s each, the rest ≈ 3 s
			// in all
			log.debug("Post-load step in {} ms: {}", (System.nanoTime() - t) / 1_000_000,
					SchemaStatements.firstLine(cypher));
		}
	}

	/**
	 * Writes the importer's files of a validated dataset into {@code folder} (the
	 * benchmark times the importer on them alone).
	 */
	public static BulkFiles writeFiles(CheckedDataset checked, Path folder) throws IOException {
		return BulkFiles.write(checked.dataset(), folder, Progress.NONE, checked.rows());
	}

	/**
	 * Writes the importer's files of the dataset at {@code source} as the initial load of
	 * an empty store does (numbered nodes, written while validating) into {@code folder}
	 * (the benchmark times the importer on them alone).
	 * @throws InvalidDatasetException when the dataset is invalid
	 */
	public static BulkFiles writeNumberedFiles(Path source, Path folder) throws IOException {
		return writeNumberedFiles(source, folder, ImportLimits.DEFAULTS);
	}

	/** {@link #writeNumberedFiles(Path, Path)} within the given import limits. */
	public static BulkFiles writeNumberedFiles(Path source, Path folder, ImportLimits limits) throws IOException {
		CheckedDataset checked = CheckedDataset.checkForEmptyStore(source, CheckedDataset.displayName(source), limits,
				0, () -> {
					try {
						return java.nio.file.Files.createDirectories(folder);
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				});
		ValidDataset data = checked.dataset();
		return checked.takeBulkFiles().orElseThrow().finish(data);
	}

	/**
	 * Runs Neo4j's importer ({@code database import full}) on {@code files} into the
	 * default database of the store under {@code home}, which must not hold one yet.
	 * @param memory the importer's off-heap budget, e.g. {@code 3g}, or {@code auto}
	 * ({@link ImporterMemory})
	 * @return what the importer reported: its memory estimate and the time of each stage
	 */
	public static ImporterReport runImporter(Path home, BulkFiles files, String memory) {
		String maxOffHeapMemory = ImporterMemory.budget(memory, files.entities());
		log.info("Neo4j importer: {} nodes and relationships, off-heap budget {} (dutychain.import.bulk-memory={})",
				files.entities(), maxOffHeapMemory, memory);
		Path work = PrivateFiles.createTempDirectory("dutychain-importer-");
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
				DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
			List<String> args = new ArrayList<>(List.of("database", "import", "full"));
			files.nodes().forEach((g) -> args.add("--nodes=" + g.name() + "=" + g.file()));
			files.relationships().forEach((g) -> args.add("--relationships=" + g.name() + "=" + g.file()));
			if (!files.multiline().isEmpty()) {
				// only these files are parsed the slow, multi-line way
				args.add("--multiline-fields-format=v2");
				args.add("--multiline-fields="
						+ files.multiline().stream().map(Path::toString).collect(Collectors.joining(",")));
			}
			if (files.numbered()) {
				// the files give the node ids: no map from id strings to nodes
				args.add("--id-type=actual");
			}
			args.add("--max-off-heap-memory=" + maxOffHeapMemory);
			args.add("--report-file=" + work.resolve("import.report"));
			// validated data: any bad entry is a defect of BulkFiles, never skipped
			args.add("--bad-tolerance=0");
			args.add("--overwrite-destination=false");
			args.add("neo4j");
			int code = AdminTool.execute(new ExecutionContext(home, work.resolve("conf"), out, out, fs),
					args.toArray(String[]::new));
			String text = output.toString(StandardCharsets.UTF_8);
			if (log.isDebugEnabled()) {
				log.debug("Neo4j importer output:\n{}", text);
			}
			if (code != 0) {
				throw new IllegalStateException("Neo4j's importer ended with exit code " + code + ": " + tail(text));
			}
			ImporterReport report = ImporterReport.parse(maxOffHeapMemory, text);
			log.info("Neo4j {}", report.summary());
			if (!report.warnings().isEmpty()) {
				log.warn("Neo4j importer: {}", report.warnings());
			}
			return report;
		}
		finally {
			delete(work);
		}
	}

	private static String tail(String text) {
		String trimmed = text.strip();
		return (trimmed.length() > 2000) ? "…" + trimmed.substring(trimmed.length() - 2000) : trimmed;
	}

	/** Removes a partly written default database (store and transaction logs). */
	private static void removeStore(Path home) {
		delete(home.resolve("data/databases/neo4j"));
		delete(home.resolve("data/transactions/neo4j"));
	}

	static void delete(Path folder) {
		PrivateFiles.deleteTree(folder);
	}

}
