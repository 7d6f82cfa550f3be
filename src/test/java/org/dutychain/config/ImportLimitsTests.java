package org.dutychain.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line validates before any Spring context exists, so it reads the configured
 * limits itself: a national dataset (≈ 4.4 GB of CSV at 1 M units) needs a larger
 * {@code decompressed} limit than the default, and the setting must reach validation.
 */
class ImportLimitsTests {

	@AfterEach
	void clear() {
		System.clearProperty("dutychain.import.limits.decompressed");
		System.clearProperty("dutychain.import.limits.rows-per-file");
		System.clearProperty("dutychain.import.bulk-threshold");
	}

	@Test
	void theCommandLineSeesTheConfiguredBulkThreshold() {
		assertThat(EmbeddedStart.configuredBulkThreshold()).isEqualTo(EmbeddedStart.BULK_THRESHOLD_DEFAULT);
		// `import` writes the importer's files while validating from this many rows on
		System.setProperty("dutychain.import.bulk-threshold", "5000");
		assertThat(EmbeddedStart.configuredBulkThreshold()).isEqualTo(5000);
	}

	@Test
	void withoutSettingsTheDefaults() {
		assertThat(ImportLimits.fromEnvironment()).isEqualTo(ImportLimits.DEFAULTS);
	}

	@Test
	void aSettingChangesItsLimitAndLeavesTheOthersAtTheirDefaults() {
		System.setProperty("dutychain.import.limits.decompressed", "16GB");
		System.setProperty("dutychain.import.limits.rows-per-file", "100");
		ImportLimits limits = ImportLimits.fromEnvironment();
		assertThat(limits.decompressed()).isEqualTo(DataSize.ofGigabytes(16));
		assertThat(limits.rowsPerFile()).isEqualTo(100);
		assertThat(limits.withDecompressed(ImportLimits.DEFAULTS.decompressed()).withRowsPerFile(60_000_000L))
			.isEqualTo(ImportLimits.DEFAULTS);
	}

}
