package org.dutychain.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ImporterReportTests {

	// the shape of Neo4j 5.26's console output (HumanUnderstandableExecutionMonitor)
	private static final String OUTPUT = """
			Neo4j version: 5.26.24
			Importing the contents of these files into /tmp/x/data/databases/neo4j:
			Nodes:
			  [Unit]:
			  /tmp/files/units.csv

			Available resources:
			  Total machine memory: 23.43GiB
			  Free machine memory: 19.12GiB
			  Max heap memory : 7.000GiB
			  Max worker threads: 2
			  Configured max memory: 1.000GiB
			  High parallel IO: true

			Import starting 2026-12-06 12:50:01.123+0000
			  Estimated number of nodes: 4.20 M
			  Estimated number of node properties: 30.10 M
			  Estimated number of relationships: 11.00 M
			  Estimated number of relationship properties: 5.00 M
			  Estimated disk space usage: 3.512GiB
			  Estimated required memory usage: 1.250GiB

			(1/4) Node import 2026-12-06 12:50:01.200+0000
			  Estimated number of nodes: 4.20 M
			  Estimated disk space usage: 2.000GiB
			  Estimated required memory usage: 1.100GiB
			.......... .......... .......... .......... ..........   5% ∆1s 2ms
			Node import COMPLETED in 1m 2s 345ms

			(2/4) Relationship import 2026-12-06 12:51:03.000+0000
			Relationship import COMPLETED in 40s 7ms

			(3/4) Relationship linking 2026-12-06 12:51:43.000+0000
			Relationship linking COMPLETED in 12s

			(4/4) Post processing 2026-12-06 12:51:55.000+0000
			Post processing COMPLETED in 900ms

			WARNING: 1.000GiB memory may not be sufficient to complete this import. Suggested memory distribution is:
			heap size: 1.000GiB
			minimum free and available memory excluding heap size: 2.000GiB

			IMPORT DONE in 1m 56s 1ms.
			Imported:
			  4200000 nodes
			  11000000 relationships
			  35100000 properties
			Peak memory usage: 1.500GiB
			""";

	@Test
	void readsTheEstimateBeforeTheFirstStageTheStagesTheTotalAndThePeak() {
		ImporterReport report = ImporterReport.parse("1g", OUTPUT);
		assertThat(report.estimatedBytes()).isEqualTo(1250L * (1L << 30) / 1000);
		assertThat(report.stagesMs()).containsExactly(entry("Node import", 62_345L),
				entry("Relationship import", 40_007L), entry("Relationship linking", 12_000L),
				entry("Post processing", 900L));
		assertThat(report.totalMs()).isEqualTo(116_001L);
		assertThat(report.peakBytes()).isEqualTo(3L * (1L << 29));
		assertThat(report.warnings()).startsWith("WARNING: 1.000GiB memory may not be sufficient");
	}

	@Test
	void summarizesOnOneLineWithKeysWithoutSpaces() {
		assertThat(ImporterReport.parse("1g", OUTPUT).summary())
			.isEqualTo("importer (ms): node-import=62345 relationship-import=40007 relationship-linking=12000 "
					+ "post-processing=900 total=116001 budget=1g estimate=1.25GiB peak=1.50GiB");
	}

	@Test
	void anOutputWithoutAReportSaysUnknown() {
		ImporterReport report = ImporterReport.parse("2g", "something else entirely");
		assertThat(report.estimatedBytes()).isEqualTo(-1);
		assertThat(report.stagesMs()).isEmpty();
		assertThat(report.totalMs()).isEqualTo(-1);
		assertThat(report.warnings()).isEmpty();
		assertThat(report.summary()).isEqualTo("importer (ms): total=-1 budget=2g estimate=? peak=?");
	}

	@Test
	void readsNeo4jDurationsAndSizes() {
		assertThat(ImporterReport.millis("2h 3m 4s 5ms")).isEqualTo(7_384_005L);
		assertThat(ImporterReport.millis("17ms")).isEqualTo(17L);
		assertThat(ImporterReport.bytes("512.0MiB")).isEqualTo(512L << 20);
		assertThat(ImporterReport.bytes("100B")).isEqualTo(100L);
		assertThat(ImporterReport.bytes("many")).isEqualTo(-1L);
		assertThat(ImporterReport.size(300L << 20)).isEqualTo("300MiB");
	}

}
