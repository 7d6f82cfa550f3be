package org.dutychain.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.dutychain.config.DutychainProperties;
import org.dutychain.organization.Datasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty database, generates a demo province and imports it, so
 * the page shows something real (示范数据). Off with {@code dutychain.demo-on-empty=false}
 * (tests, CLI commands). On an empty embedded store the {@link BulkLoader} generates it
 * before the database starts and bulk-loads it when it is large enough; this imports the
 * smaller one it generated.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

	static final long DEMO_SEED = 20240630L;

	static final double DEMO_PLANT_RATE = 0.05;

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	private final DutychainProperties properties;

	private final Datasets datasets;

	private final ObjectProvider<DatasetGenerator> generator;

	private final ObjectProvider<DatasetImporter> importer;

	private final ObjectProvider<BulkLoader> bulk;

	DemoDataLoader(DutychainProperties properties, Datasets datasets, ObjectProvider<DatasetGenerator> generator,
			ObjectProvider<DatasetImporter> importer, ObjectProvider<BulkLoader> bulk) {
		this.properties = properties;
		this.datasets = datasets;
		this.generator = generator;
		this.importer = importer;
		this.bulk = bulk;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.demoOnEmpty() || this.datasets.active().present()) {
			// a large demo was bulk-loaded before the database started (BulkLoader)
			return;
		}
		DatasetImporter transactional = this.importer.getIfAvailable();
		BulkLoader loader = this.bulk.getIfAvailable();
		java.util.Optional<CheckedDataset> generated = (loader != null) ? loader.takeDemo()
				: java.util.Optional.empty();
		if (transactional != null && generated.isPresent()) {
			long started = System.nanoTime();
			ImportResult result;
			try {
				result = transactional.importChecked(generated.get(), org.dutychain.config.Progress.NONE);
			}
			finally {
				generated.get().release();
			}
			log.info("Empty database: loaded the generated demo province '{}' in {} ms", result.dataset(),
					(System.nanoTime() - started) / 1_000_000);
			return;
		}
		DatasetGenerator gen = this.generator.getIfAvailable();
		DatasetImporter imp = this.importer.getIfAvailable();
		if (gen == null || imp == null) {
			log.warn("No generator or importer available: starting with an empty database");
			return;
		}
		Path dir = Files.createTempDirectory("dutychain-demo");
		try {
			long started = System.nanoTime();
			Map<String, Integer> counts = gen.generate(this.properties.demoUnits(), DEMO_SEED, DEMO_PLANT_RATE, dir);
			ImportResult result = imp.importPath(dir);
			log.info("Empty database: loaded the generated demo province '{}' ({} units) in {} ms", result.dataset(),
					counts.getOrDefault("units", 0), (System.nanoTime() - started) / 1_000_000);
		}
		finally {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

}
