package org.dutychain.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.dutychain.config.ImportLimits;
import org.dutychain.config.PrivateFiles;
import org.dutychain.config.Progress;

/**
 * A dataset read from its source and validated, before any database exists: the CLI
 * rejects a broken dataset without starting Neo4j, and the import of a checked dataset
 * does not validate it again.
 */
public final class CheckedDataset {

	private final String displayName;

	private final DatasetValidator.Result result;

	/** Deletes the temporary source, if the dataset was read from one. */
	private volatile java.lang.ref.Cleaner.Cleanable temporary;

	/**
	 * The bulk importer's files written while validating ({@link #checkForEmptyStore}),
	 * until the bulk loader takes them or they are discarded.
	 */
	private final AtomicReference<BulkFiles.Staged> staged = new AtomicReference<>();

	/**
	 * What was validated (null when invalid or nothing was read) and within which limits.
	 */
	private final RawDataset raw;

	private final ImportLimits limits;

	private CheckedDataset(String displayName, DatasetValidator.Result result) {
		this(displayName, result, null, null);
	}

	private CheckedDataset(String displayName, DatasetValidator.Result result, RawDataset raw, ImportLimits limits) {
		this.displayName = displayName;
		this.result = result;
		// kept for a second reading of a valid dataset only (restage)
		this.raw = result.valid() ? raw : null;
		this.limits = limits;
	}

	/** Reads and validates a CSV folder, a .zip of it or an .xlsx workbook. */
	public static CheckedDataset check(Path source) {
		return check(source, displayName(source));
	}

	/**
	 * An upload as the REST endpoint receives it: a .zip or an .xlsx (by file name),
	 * copied to a temporary file. The import streams its rows from that file, so a valid
	 * upload's file lives as long as the checked dataset (it is deleted once the dataset
	 * is no longer reachable, or at exit); an invalid one's is deleted at once.
	 */
	public static CheckedDataset checkUpload(String fileName, InputStream content) {
		return checkUpload(fileName, content, ImportLimits.DEFAULTS);
	}

	/** {@link #checkUpload(String, InputStream)} within the given import limits. */
	public static CheckedDataset checkUpload(String fileName, InputStream content, ImportLimits limits) {
		String name = (fileName == null || fileName.isBlank()) ? "upload" : fileName.strip();
		String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		String lower = base.toLowerCase(Locale.ROOT);
		if (!lower.endsWith(".zip") && !lower.endsWith(".xlsx")) {
			return new CheckedDataset(base, new DatasetValidator.Result(List
				.of(Problems.notADataset(base, "an upload must be a .zip or an .xlsx file", "上传文件须为.zip或.xlsx文件")),
					null));
		}
		Path temp = null;
		boolean keep = false;
		try {
			temp = org.dutychain.config.PrivateFiles.createTempFile("dutychain-upload-",
					lower.endsWith(".zip") ? ".zip" : ".xlsx");
			Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
			CheckedDataset checked = check(temp, base, limits);
			checked.deleteWhenUnreachable(temp);
			keep = true;
			return checked;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (temp != null && !keep) {
				delete(temp);
			}
		}
	}

	/** Deletes the temporary files of uploads once their datasets are unreachable. */
	private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

	private static void delete(Path temp) {
		try (java.util.stream.Stream<Path> all = Files.walk(temp)) {
			for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary file; the OS cleans it up
		}
	}

	/**
	 * Deletes the temporary file or folder this dataset was read from once the dataset is
	 * no longer reachable (a valid dataset streams its rows from it until then), or at
	 * once when the dataset is invalid.
	 */
	void deleteWhenUnreachable(Path temporary) {
		if (!valid()) {
			delete(temporary);
			return;
		}
		temporary.toFile().deleteOnExit();
		// every read of the rows goes through the dataset, which stays reachable while
		// it reads
		this.temporary = CLEANER.register(this.result.dataset(), () -> delete(temporary));
	}

	/**
	 * Deletes now the temporary copy this dataset streams its rows from (an upload, a
	 * generated demo), once it has been imported; its rows cannot be read afterwards.
	 * Nothing happens for a dataset read from the user's own files. Bulk importer files
	 * written while validating are deleted too.
	 */
	public void release() {
		discardBulkFiles();
		java.lang.ref.Cleaner.Cleanable cleanable = this.temporary;
		if (cleanable != null) {
			cleanable.clean();
		}
	}

	/** {@link #check(Path)} within the given import limits. */
	public static CheckedDataset check(Path source, ImportLimits limits) {
		return check(source, displayName(source), limits);
	}

	static CheckedDataset check(Path source, String displayName) {
		return check(source, displayName, ImportLimits.DEFAULTS);
	}

	/** Reads and validates within the import limits (dutychain.import.limits.*). */
	public static CheckedDataset check(Path source, String displayName, ImportLimits limits) {
		RawDataset raw = DatasetSources.read(source, displayName, limits);
		return new CheckedDataset(displayName, DatasetValidator.validate(raw, limits), raw, limits);
	}

	/**
	 * Reads and validates a dataset meant for an empty store (the throw-away database of
	 * {@code audit} and {@code accountable}, {@code import --data-dir} into a new folder,
	 * the demo of a first start): when it has at least {@code bulkThreshold} rows, the
	 * bulk importer's files are written from the rows as validation reads and types them
	 * ({@link BulkFiles#stage}), so that {@link BulkLoader} need not read and type every
	 * row again. The problems are those of {@link #check(Path, String, ImportLimits)}; an
	 * invalid dataset's files are deleted before this returns, a valid one's once the
	 * bulk loader has imported them, or when they are discarded ({@link #release},
	 * {@link #discardBulkFiles}), the dataset is unreachable, or at exit.
	 */
	public static CheckedDataset checkForEmptyStore(Path source, long bulkThreshold) {
		return checkForEmptyStore(source, displayName(source), ImportLimits.DEFAULTS, bulkThreshold);
	}

	/** {@link #checkForEmptyStore(Path, long)} within the given import limits. */
	public static CheckedDataset checkForEmptyStore(Path source, ImportLimits limits, long bulkThreshold) {
		return checkForEmptyStore(source, displayName(source), limits, bulkThreshold);
	}

	/**
	 * {@link #checkForEmptyStore(Path, long)} named in problems as {@code displayName},
	 * within the import limits.
	 */
	public static CheckedDataset checkForEmptyStore(Path source, String displayName, ImportLimits limits,
			long bulkThreshold) {
		return checkForEmptyStore(source, displayName, limits, bulkThreshold,
				() -> PrivateFiles.createTempDirectory("dutychain-bulk-"));
	}

	/**
	 * @param folder makes the folder of the bulk importer's files, when they are written
	 */
	static CheckedDataset checkForEmptyStore(Path source, String displayName, ImportLimits limits, long bulkThreshold,
			Supplier<Path> folder) {
		RawDataset raw = DatasetSources.read(source, displayName, limits);
		if (raw.fatal || raw.rows < bulkThreshold) {
			return new CheckedDataset(displayName, DatasetValidator.validate(raw, limits), raw, limits);
		}
		BulkFiles.Staged files = BulkFiles.stage(folder.get());
		CheckedDataset checked;
		try {
			checked = new CheckedDataset(displayName, DatasetValidator.validate(raw, limits, files), raw, limits);
			files.close();
		}
		catch (RuntimeException | Error ex) {
			files.discard();
			throw ex;
		}
		if (!checked.valid()) {
			files.discard();
			return checked;
		}
		checked.staged.set(files);
		STAGED.add(files);
		CLEANER.register(checked, () -> discard(files));
		return checked;
	}

	/**
	 * The bulk importer's files of this valid dataset as dataset {@code generation},
	 * written in {@code folder} while the rows are validated once more (numbered nodes,
	 * {@link BulkFiles#stage}): a store switch loads them. Reading and typing every row
	 * again costs what writing the files from the validated rows costs; the importer then
	 * needs no map from id strings to nodes.
	 * @throws IllegalStateException when the source no longer validates as it did
	 */
	BulkFiles.Staged restage(Path folder, long generation, Progress progress) {
		ValidDataset data = dataset();
		if (this.raw == null) {
			throw new IllegalStateException("the dataset " + this.displayName + " cannot be read again");
		}
		BulkFiles.Staged files = BulkFiles.stage(folder, generation, progress, rows());
		try {
			DatasetValidator.Result again = DatasetValidator.validate(this.raw, this.limits, files);
			files.close();
			if (!again.valid()) {
				ImportProblem p = again.problems().get(0);
				throw ImportAgainException.changedSinceValidated(this.displayName + ": " + p.file() + ":" + p.row());
			}
			java.lang.ref.Reference.reachabilityFence(data);
			return files;
		}
		catch (RuntimeException | Error ex) {
			files.discard();
			throw ex;
		}
	}

	/**
	 * Staged files not yet taken or discarded: deleted at exit (a CLI command ends so).
	 */
	private static final Set<BulkFiles.Staged> STAGED = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> STAGED.forEach(CheckedDataset::discard), "dutychain-staged-bulk-files"));
	}

	private static void discard(BulkFiles.Staged files) {
		if (STAGED.remove(files)) {
			files.discard();
		}
	}

	/**
	 * The bulk importer's files written while validating, taken once: the caller deletes
	 * them (their folder) when done.
	 */
	Optional<BulkFiles.Staged> takeBulkFiles() {
		BulkFiles.Staged files = this.staged.getAndSet(null);
		if (files != null) {
			STAGED.remove(files);
		}
		return Optional.ofNullable(files);
	}

	/**
	 * Deletes the bulk importer's files written while validating, if the bulk loader did
	 * not take them (the dataset was imported otherwise).
	 */
	public void discardBulkFiles() {
		BulkFiles.Staged files = this.staged.getAndSet(null);
		if (files != null) {
			discard(files);
		}
	}

	static String displayName(Path source) {
		Path name = source.toAbsolutePath().normalize().getFileName();
		return (name != null) ? name.toString() : source.toString();
	}

	public boolean valid() {
		return this.result.valid();
	}

	/** Every problem, sorted (empty when valid). */
	public List<ImportProblem> problems() {
		return this.result.problems();
	}

	/** Ignored files and columns, as {@code file:row:column: CODE message} lines. */
	public List<String> warnings() {
		return valid() ? this.result.dataset().warnings() : List.of();
	}

	/** Rows over every file (0 when invalid). */
	public long rows() {
		return valid() ? this.result.dataset().rowCount() : 0;
	}

	public String displayName() {
		return this.displayName;
	}

	/**
	 * The units of the dataset, id → name, in file order (empty when invalid): what the
	 * import checks users' scopes against.
	 */
	public java.util.Map<String, String> unitNames() {
		java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
		if (valid()) {
			this.result.dataset()
				.forEach(org.dutychain.record.DatasetFormat.UNITS,
						(row) -> names.put(String.valueOf(row.get("id")), String.valueOf(row.get("name"))));
		}
		return names;
	}

	/** The typed dataset; only when valid. */
	ValidDataset dataset() {
		if (!valid()) {
			throw new InvalidDatasetException(problems());
		}
		return this.result.dataset();
	}

}
