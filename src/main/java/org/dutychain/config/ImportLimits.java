package org.dutychain.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * Limits of an import (导入限制), {@code dutychain.import.limits.*}: anything beyond them is
 * rejected with a clear {@code file:row:column} problem instead of exhausting memory or
 * holding the import lock.
 *
 * @param upload largest upload (the compressed file as received)
 * @param decompressed most bytes read from the source in total, every zip entry and every
 * file of a folder counted
 * @param inflateRatio largest ratio of an entry's decompressed to compressed size once it
 * has expanded beyond 1 MB (a zip bomb expands thousands of times; CSV text about ten)
 * @param rowsPerFile most rows of one file or sheet (the header not counted)
 * @param cellLength most characters of one cell
 * @param depth deepest hierarchy along PRIMARY edges (the root is level 1)
 * @param errors problems listed; beyond them only their number is reported
 * @param importTime longest time an import may take
 */
@ConfigurationProperties("dutychain.import.limits")
public record ImportLimits(@DefaultValue("1GB") DataSize upload, @DefaultValue("4GB") DataSize decompressed,
		@DefaultValue("100") int inflateRatio, @DefaultValue("60000000") long rowsPerFile,
		@DefaultValue("10000") int cellLength, @DefaultValue("64") int depth, @DefaultValue("1000") int errors,
		@DefaultValue("2h") Duration importTime) {

	/** The documented defaults (import-format.md, issue 9). */
	public static final ImportLimits DEFAULTS = new ImportLimits(DataSize.ofGigabytes(1), DataSize.ofGigabytes(4), 100,
			60_000_000L, 10_000, 64, 1000, Duration.ofHours(2));

	/**
	 * The limits configured for this process where no Spring context exists yet (the
	 * command line validates a dataset before it starts one): {@code
	 * dutychain.import.limits.*} from system properties and environment variables (e.g.
	 * {@code DUTYCHAIN_IMPORT_LIMITS_DECOMPRESSED=16GB}), each limit not set at its
	 * default.
	 */
	public static ImportLimits fromEnvironment() {
		return Binder.get(new StandardEnvironment())
			.bind("dutychain.import.limits", ImportLimits.class)
			.orElse(DEFAULTS);
	}

	public ImportLimits withDecompressed(DataSize decompressed) {
		return new ImportLimits(this.upload, decompressed, this.inflateRatio, this.rowsPerFile, this.cellLength,
				this.depth, this.errors, this.importTime);
	}

	public ImportLimits withRowsPerFile(long rowsPerFile) {
		return new ImportLimits(this.upload, this.decompressed, this.inflateRatio, rowsPerFile, this.cellLength,
				this.depth, this.errors, this.importTime);
	}

	public ImportLimits withErrors(int errors) {
		return new ImportLimits(this.upload, this.decompressed, this.inflateRatio, this.rowsPerFile, this.cellLength,
				this.depth, errors, this.importTime);
	}

	public ImportLimits withDepth(int depth) {
		return new ImportLimits(this.upload, this.decompressed, this.inflateRatio, this.rowsPerFile, this.cellLength,
				depth, this.errors, this.importTime);
	}

}
