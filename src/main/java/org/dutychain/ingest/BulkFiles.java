package org.dutychain.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.objects.Object2IntMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;

import org.dutychain.config.PrivateFiles;
import org.dutychain.config.Progress;
import org.dutychain.organization.LeadKind;
import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.FileFormat;
import org.dutychain.record.GradingScheme;

/**
 * The node and relationship CSV files of Neo4j's bulk importer for one validated dataset,
 * holding exactly what the transactional writer ({@link DatasetWriter} with the
 * statements of {@code cypher/ingest/}) creates: the same labels, types and properties,
 * every node with its {@code generation}, the unit levels of {@code ingest/levels.cypher}
 * computed here, the active {@code Dataset} node and the generation {@code Counter}.
 * Written row by row from the validated rows (no copies of them). Two things the importer
 * cannot write are left to the post-load steps of {@code cypher/ingest/bulk.cypher}: an
 * empty list (an empty array field is a missing property), which the transactional writer
 * stores for grading problems and post-kind lists.
 *
 * @param nodes label → node file
 * @param relationships relationship type → files (one per pair of end labels)
 * @param multiline files with a value spanning lines (the importer parses only those
 * slowly)
 * @param counts rows per dataset file, as {@link ImportResult#counts()}
 * @param labels nodes per label
 * @param entities nodes and relationships written
 * @param numbered whether the nodes are numbered: the files give the importer its node
 * ids ({@code --id-type=actual}), see {@link #stage}
 */
public record BulkFiles(List<Group> nodes, List<Group> relationships, List<Path> multiline, Map<String, Integer> counts,
		Map<String, Long> labels, long entities, boolean numbered) {

	/** The array delimiter of list properties. */
	static final char ARRAY_DELIMITER = ';';

	/** One {@code --nodes} or {@code --relationships} group of the importer. */
	public record Group(String name, Path file) {
	}

	/** The generation of a dataset loaded into an empty store. */
	static final long GENERATION = 1;

	/**
	 * A list value the importer cannot represent as the transactional writer stores it
	 * (an empty list where others are missing, an element holding the array delimiter).
	 */
	static class NotBulkLoadableException extends RuntimeException {

		NotBulkLoadableException(String message) {
			super(message);
		}

	}

	/**
	 * Two ids of a referenced file share a 64-bit hash, so the rows cannot be numbered
	 * from the validator's hashes (odds ≈ 10⁻⁴ at 50 M rows): the files are written again
	 * with the ids as text ({@link #write}).
	 */
	static final class SharedHashException extends NotBulkLoadableException {

		SharedHashException(String message) {
			super(message);
		}

	}

	/** Writes the files of {@code data} into {@code folder}. */
	static BulkFiles write(ValidDataset data, Path folder, Progress progress, long total) throws IOException {
		return write(data, folder, progress, total, GENERATION);
	}

	/**
	 * Writes the files of {@code data} into {@code folder} as dataset {@code generation}
	 * (a store switch loads a generation above the one it replaces), reading its rows
	 * again from the source.
	 */
	static BulkFiles write(ValidDataset data, Path folder, Progress progress, long total, long generation)
			throws IOException {
		Writer writer = new Writer(folder, progress, total, generation, false);
		for (FileFormat format : DatasetFormat.FILES) {
			if (data.has(format) && Writer.inPass(format)) {
				writer.begin(format, data::isUnit, null);
				forEach(data, format, writer::row);
				writer.end();
			}
		}
		return writer.finish(data);
	}

	/**
	 * Starts the files of an empty store's initial load (generation 1) in {@code folder},
	 * to be written while validation reads the rows. These files number the nodes
	 * themselves, so that Neo4j's importer needs no map from id strings to nodes
	 * ({@code --id-type=actual}; at 100k units its relationship stage took 2.4 s instead
	 * of 35 s): the units are 0 to their count less one, by the validator's unit index;
	 * every other file's nodes follow in file order, one number per row; a reference into
	 * people, posts, duties or issues is the number of the row the validator found that
	 * id in ({@link DatasetValidator.Ids}). What the rows cannot number yet is written
	 * once it can: the duties' derived_from pairs after the duties, the posts' kinds once
	 * the post kinds are numbered ({@link Staged#finish}).
	 */
	static Staged stage(Path folder) {
		return new Staged(folder, GENERATION, Progress.NONE, 0);
	}

	/**
	 * Files of dataset {@code generation} (a store switch's), reporting the rows written
	 * of {@code total}.
	 */
	static Staged stage(Path folder, long generation, Progress progress, long total) {
		return new Staged(folder, generation, progress, total);
	}

	/**
	 * The files of a dataset written while validation reads its rows, from the rows it
	 * typed (no second reading and typing of every row): every file but the units and
	 * post kinds, which {@link #finish} adds once the units' levels are known, together
	 * with the {@code Dataset} and {@code Counter} nodes. The rows are written on a
	 * thread of their own (validation hands them over in batches, at most {@link #QUEUED}
	 * batches ahead), so on two processors writing costs validation almost no time.
	 * Validation never sees a failure here: a value the importer cannot hold or a write
	 * error is kept and thrown by {@link #finish}. Its owner deletes the folder
	 * ({@link #discard}) when the dataset turns out invalid or is not bulk-loaded.
	 */
	static final class Staged implements DatasetValidator.RowSink {

		/** Rows per batch handed to the writing thread. */
		private static final int BATCH = 1024;

		/** Batches waiting for the writing thread, at most. */
		static final int QUEUED = 8;

		private static final Object END = new Object();

		private static final Object DONE = new Object();

		private record Begin(FileFormat format, DatasetValidator.Ids ids) {
		}

		private record SelfReferences(IntArrayList rows, LongArrayList targets, DatasetValidator.Hashes duties) {
		}

		private final Path folder;

		private final Writer writer;

		private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED);

		private final Thread thread;

		/** Whether the rows of the current file are written while it is read. */
		private boolean writing;

		private List<Map<String, Object>> batch = new ArrayList<>(BATCH);

		private boolean closed;

		/** The first failure of the writing thread (read after it has ended). */
		private Exception failure;

		/** The validator's ids (from its first file on). */
		private DatasetValidator.Ids ids;

		private Staged(Path folder, long generation, Progress progress, long total) {
			this.folder = folder;
			this.writer = new Writer(folder, progress, total, generation, true);
			this.thread = new Thread(this::drain, "dutychain-bulk-files");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		Path folder() {
			return this.folder;
		}

		@Override
		public boolean numbered() {
			return true;
		}

		@Override
		public void begin(FileFormat format, DatasetValidator.Ids ids) {
			this.ids = ids;
			this.writing = Writer.inPass(format);
			if (this.writing) {
				put(new Begin(format, ids));
			}
		}

		@Override
		public void selfReferences(FileFormat format, IntArrayList rows, LongArrayList targets,
				DatasetValidator.Hashes duties) {
			put(new SelfReferences(rows, targets, duties));
		}

		@Override
		public void row(Map<String, Object> values) {
			if (this.writing) {
				this.batch.add(values);
				if (this.batch.size() == BATCH) {
					flush();
				}
			}
		}

		@Override
		public void end() {
			if (this.writing) {
				flush();
				put(END);
				this.writing = false;
			}
		}

		/** Waits until every row handed over is written (or failed). */
		void close() {
			if (this.closed) {
				return;
			}
			this.closed = true;
			flush();
			put(DONE);
			boolean interrupted = false;
			while (this.thread.isAlive()) {
				try {
					this.thread.join();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			if (this.ids != null) {
				// every row is written: what is left to number is units and post kinds
				this.ids.forgetRows();
			}
		}

		private void flush() {
			if (!this.batch.isEmpty()) {
				put(this.batch);
				this.batch = new ArrayList<>(BATCH);
			}
		}

		private void put(Object item) {
			boolean interrupted = false;
			while (true) {
				try {
					this.queue.put(item);
					break;
				}
				catch (InterruptedException ex) {
					// the writing thread always drains the queue: retry
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

		/** The writing thread: takes until {@link #DONE}, after a failure only takes. */
		@SuppressWarnings("unchecked")
		private void drain() {
			Object item;
			while ((item = take()) != DONE) {
				if (this.failure != null) {
					continue;
				}
				try {
					if (item instanceof Begin begin) {
						this.writer.begin(begin.format(), begin.ids()::isUnit, begin.ids());
					}
					else if (item instanceof SelfReferences refs) {
						this.writer.derivedFrom(refs.rows(), refs.targets(), refs.duties());
					}
					else if (item == END) {
						this.writer.end();
					}
					else {
						for (Map<String, Object> values : (List<Map<String, Object>>) item) {
							this.writer.row(values);
						}
					}
				}
				catch (IOException | RuntimeException ex) {
					this.failure = ex;
					this.writer.abandon();
				}
			}
		}

		private Object take() {
			while (true) {
				try {
					return this.queue.take();
				}
				catch (InterruptedException ex) {
					// only close() ends this thread, by DONE
				}
			}
		}

		/**
		 * The complete files of the validated {@code data} (the dataset these rows were
		 * read from).
		 */
		BulkFiles finish(ValidDataset data) throws IOException {
			close();
			if (this.failure instanceof IOException io) {
				throw io;
			}
			if (this.failure instanceof RuntimeException runtime) {
				throw runtime;
			}
			this.writer.ids(this.ids);
			return this.writer.finish(data);
		}

		/** Deletes the files. */
		void discard() {
			close();
			this.writer.abandon();
			PrivateFiles.deleteTree(this.folder);
		}

	}

	private static final class Writer {

		private final Path folder;

		private final Progress progress;

		private final long total;

		private final String generation;

		/**
		 * Whether the nodes are numbered ({@link #stage}); else the files give the ids as
		 * text and the importer maps them.
		 */
		private final boolean numbered;

		/**
		 * The groups in the order the importer gets them (that of the dataset files, then
		 * the Dataset and Counter nodes), whichever order they were written in.
		 */
		private final List<Ordered> nodes = new ArrayList<>();

		private final List<Ordered> relationships = new ArrayList<>();

		private final List<Path> multiline = new ArrayList<>();

		private final Map<String, Long> labels = new HashMap<>();

		private long entities;

		private long rows;

		/** Where the groups being written go in the importer's order. */
		private int order;

		/** The file being written, or null. */
		private Part part;

		// ---- numbering (numbered only)

		/** The validator's ids; null until the first file begins. */
		private DatasetValidator.Ids ids;

		/** The next free node number; the units are 0 to their count less one. */
		private long next = -1;

		/** The first number of the current file's nodes. */
		private long base;

		/** The rows of the current file written so far (its next row's ordinal). */
		private long row;

		/** The first number of the nodes of each referenced file written (by name). */
		private final Map<String, Long> bases = new HashMap<>();

		/**
		 * The posts' kinds, one per post in row order, as indexes into {@link #kinds}:
		 * OF_KIND is written once the post kinds are numbered.
		 */
		private final IntArrayList postKinds = new IntArrayList();

		private final Object2IntOpenHashMap<String> kinds = new Object2IntOpenHashMap<>();

		private record Ordered(int order, Group group) {
		}

		Writer(Path folder, Progress progress, long total, long generation, boolean numbered) {
			this.folder = folder;
			this.progress = progress;
			this.total = total;
			this.generation = Long.toString(generation);
			this.numbered = numbered;
			this.kinds.defaultReturnValue(-1);
		}

		/**
		 * Whether a file's rows are written as they are read; the units (whose levels are
		 * known once every unit is read) and the post kinds (or the default ones) are
		 * written by {@link #finish}.
		 */
		static boolean inPass(FileFormat format) {
			return format != DatasetFormat.UNITS && format != DatasetFormat.POST_KINDS;
		}

		/** The validator's ids, when numbered (at the latest before {@link #finish}). */
		void ids(DatasetValidator.Ids ids) {
			if (ids != null && this.ids == null) {
				this.ids = ids;
			}
			if (this.numbered && this.next < 0) {
				if (this.ids == null) {
					throw new IllegalStateException("numbered files need the validator's ids");
				}
				// every unit is read before any other file begins
				this.next = this.ids.units();
			}
		}

		/**
		 * The rows of {@code format} follow; {@code isUnit} tells unit ids; {@code ids}
		 * (when numbered) the validator's.
		 */
		void begin(FileFormat format, Predicate<String> isUnit, DatasetValidator.Ids ids) throws IOException {
			end();
			if (this.numbered) {
				ids(ids);
			}
			this.order = DatasetFormat.FILES.indexOf(format);
			this.base = this.next;
			this.row = 0;
			this.part = part(format, isUnit);
			if (this.numbered && this.part != null && this.part.nodes()) {
				this.bases.put(format.name(), this.base);
			}
		}

		void row(Map<String, Object> values) throws IOException {
			if (this.part != null) {
				this.part.writer().write(values);
				this.row++;
				counted();
			}
		}

		void end() throws IOException {
			Part done = this.part;
			this.part = null;
			if (done != null) {
				for (Sheet sheet : done.sheets()) {
					sheet.close();
				}
				if (this.numbered && done.nodes()) {
					this.next += this.row;
				}
			}
		}

		/** Closes what is open, ignoring errors (the files are being thrown away). */
		void abandon() {
			Part open = this.part;
			this.part = null;
			if (open != null) {
				for (Sheet sheet : open.sheets()) {
					try {
						sheet.close();
					}
					catch (IOException | RuntimeException ex) {
						// deleted next
					}
				}
			}
		}

		// ---- what a row's nodes and relationships are called in the files

		/**
		 * The current row's node: its number when numbered, else {@code id} (the id the
		 * importer maps).
		 */
		private Object self(Object id) {
			return this.numbered ? (Object) (this.base + this.row) : id;
		}

		/** A unit: its index when numbered, else its id. */
		private Object unit(Object id) {
			if (!this.numbered || id == null) {
				return id;
			}
			int index = this.ids.unit((String) id);
			if (index < 0) {
				throw new NotBulkLoadableException("unit " + id + " is not among the units");
			}
			return (long) index;
		}

		/** A row of a referenced file: its number when numbered, else its id. */
		private Object ref(FileFormat file, Object id) {
			if (!this.numbered || id == null) {
				return id;
			}
			Long base = this.bases.get(file.name());
			int ordinal = (base != null) ? this.ids.row(file, (String) id) : -1;
			if (ordinal == -2) {
				throw new SharedHashException("the id " + id + " of " + file.name() + " shares its hash with another");
			}
			if (ordinal < 0) {
				throw new NotBulkLoadableException(file.name() + " has no row with the id " + id);
			}
			return base + ordinal;
		}

		/** The sheets of one dataset file and how one of its rows is written. */
		private record Part(RowWriter writer, List<Sheet> sheets, boolean nodes) {
		}

		private Part part(FileFormat format, Predicate<String> isUnit) throws IOException {
			String g = this.generation;
			if (format == DatasetFormat.LEADERSHIP) {
				Sheet leads = rel("LEADS", "Unit", "Unit", ",kind", "-leadership");
				return part((l) -> leads.row(unit(l.get("leader_id")), unit(l.get("unit_id")), l.get("kind")), leads);
			}
			if (format == DatasetFormat.PEOPLE) {
				Sheet n = node("Person", "generation:long,name,title");
				Sheet home = rel("HOME_UNIT", "Person", "Unit", "");
				return part((p) -> {
					Object self = self(p.get("id"));
					n.node(self, p.get("id"), g, p.get("name"), p.get("title"));
					if (p.get("unit_id") != null) {
						home.row(self, unit(p.get("unit_id")));
					}
				}, n, home);
			}
			if (format == DatasetFormat.POSTS) {
				Sheet n = node("Post", "generation:long,kind,title,domains:string[]");
				Sheet hasPost = rel("HAS_POST", "Unit", "Post", "");
				// numbered: written once the post kinds are (finish)
				Sheet ofKind = this.numbered ? null : rel("OF_KIND", "Post", "PostKind", "");
				return part((p) -> {
					if (p.get("domains") instanceof List<?> list && list.isEmpty()) {
						throw new NotBulkLoadableException("post " + p.get("id") + " has an empty domain list");
					}
					Object self = self(p.get("id"));
					n.node(self, p.get("id"), g, p.get("kind"), p.get("title"), p.get("domains"));
					hasPost.row(unit(p.get("unit_id")), self);
					if (ofKind != null) {
						ofKind.row(p.get("id"), p.get("kind"));
					}
					else {
						int kind = this.kinds.getInt(p.get("kind"));
						if (kind < 0) {
							kind = this.kinds.size();
							this.kinds.put((String) p.get("kind"), kind);
						}
						this.postKinds.add(kind);
					}
				}, (ofKind != null) ? new Sheet[] { n, hasPost, ofKind } : new Sheet[] { n, hasPost });
			}
			if (format == DatasetFormat.APPOINTMENTS) {
				Sheet holds = rel("HOLDS", "Person", "Post", ",since:date,until:date");
				return part((a) -> holds.row(ref(DatasetFormat.PEOPLE, a.get("person_id")),
						ref(DatasetFormat.POSTS, a.get("post_id")), a.get("since"), a.get("until")), holds);
			}
			if (format == DatasetFormat.DUTIES) {
				Sheet n = node("Duty", "generation:long,domain,text,cadence,due:date,unitId,postId,status");
				Sheet team = rel("HAS_DUTY", "Unit", "Duty", "");
				Sheet personal = rel("HAS_DUTY", "Post", "Duty", "");
				// numbered: written once every duty is numbered (derivedFrom)
				Sheet derived = this.numbered ? null : rel("DERIVED_FROM", "Duty", "Duty", "");
				return part((d) -> {
					Object self = self(d.get("id"));
					n.node(self, d.get("id"), g, d.get("domain"), d.get("text"), d.get("cadence"), d.get("due"),
							d.get("unit_id"), d.get("post_id"), d.get("status"));
					if (d.get("post_id") == null) {
						team.row(unit(d.get("unit_id")), self);
					}
					else {
						personal.row(ref(DatasetFormat.POSTS, d.get("post_id")), self);
					}
					if (derived != null && d.get("derived_from") != null) {
						derived.row(d.get("id"), d.get("derived_from"));
					}
				}, (derived != null) ? new Sheet[] { n, team, personal, derived } : new Sheet[] { n, team, personal });
			}
			if (format == DatasetFormat.FIRST_SECRETARIES) {
				Sheet first = rel("FIRST_SECRETARY_OF", "Person", "Unit", ",kind,since:date,until:date,dispatchedBy");
				return part((f) -> first.row(ref(DatasetFormat.PEOPLE, f.get("person_id")), unit(f.get("unit_id")),
						f.get("kind"), f.get("since"), f.get("until"), f.get("dispatched_by")), first);
			}
			if (format == DatasetFormat.ASSISTANCE) {
				Sheet byPerson = rel("ASSISTS", "Person", "Unit", ",level,since:date,until:date");
				Sheet byUnit = rel("ASSISTS", "Unit", "Unit", ",level,since:date,until:date");
				return part((a) -> {
					Object assistant = a.get("assistant_id");
					boolean isAUnit = assistant instanceof String id && isUnit.test(id);
					Sheet sheet = isAUnit ? byUnit : byPerson;
					sheet.row(isAUnit ? unit(assistant) : ref(DatasetFormat.PEOPLE, assistant), unit(a.get("unit_id")),
							a.get("level"), a.get("since"), a.get("until"));
				}, byPerson, byUnit);
			}
			if (format == DatasetFormat.ACTIVITIES) {
				Sheet n = node("Activity", "generation:long,kind,date:date,count:long,subkind");
				Sheet did = rel("DID", "Unit", "Activity", "");
				Sheet aimed = rel("AIMED_AT", "Activity", "Unit", "");
				Sheet forDuty = rel("FOR_DUTY", "Activity", "Duty", "");
				return part((a) -> {
					Object count = (a.get("count") != null) ? a.get("count") : 1L;
					Object self = self(a.get("id"));
					n.node(self, a.get("id"), g, a.get("kind"), a.get("date"), count, a.get("subkind"));
					did.row(unit(a.get("unit_id")), self);
					if (a.get("target_unit_id") != null) {
						aimed.row(self, unit(a.get("target_unit_id")));
					}
					if (a.get("duty_id") != null) {
						forDuty.row(self, ref(DatasetFormat.DUTIES, a.get("duty_id")));
					}
				}, n, did, aimed, forDuty);
			}
			if (format == DatasetFormat.GRADINGS) {
				Sheet n = node("Grading", "generation:long,year:long,scheme,grade,problems:string[]");
				Sheet byUnit = rel("GRADED", "Unit", "Grading", "");
				Sheet byPerson = rel("GRADED", "Person", "Grading", "");
				return part((row) -> {
					String id = "G:" + row.get("unit_id") + ":"
							+ ((row.get("person_id") != null) ? row.get("person_id") : "-") + ":" + row.get("year")
							+ ":" + row.get("scheme");
					Object self = self(id);
					// an empty list is written by the post-load step (bulk.cypher)
					n.node(self, id, g, row.get("year"), row.get("scheme"), row.get("grade"), row.get("problems"));
					byUnit.row(unit(row.get("unit_id")), self);
					if (row.get("person_id") != null
							&& GradingScheme.SECRETARY_REVIEW.name().equals(row.get("scheme"))) {
						byPerson.row(ref(DatasetFormat.PEOPLE, row.get("person_id")), self);
					}
				}, n, byUnit, byPerson);
			}
			if (format == DatasetFormat.ISSUES) {
				Sheet n = node("Issue",
						"generation:long,domain,title,foundOn:date,source,severity,status,due:date,closedOn:date,lookBackOn:date");
				Sheet foundIn = rel("FOUND_IN", "Issue", "Unit", "");
				Sheet against = rel("AGAINST", "Issue", "Duty", "");
				return part((i) -> {
					Object self = self(i.get("id"));
					n.node(self, i.get("id"), g, i.get("domain"), i.get("title"), i.get("found_on"), i.get("source"),
							i.get("severity"), i.get("status"), i.get("due"), i.get("closed_on"),
							i.get("look_back_on"));
					foundIn.row(self, unit(i.get("unit_id")));
					if (i.get("duty_id") != null) {
						against.row(self, ref(DatasetFormat.DUTIES, i.get("duty_id")));
					}
				}, n, foundIn, against);
			}
			if (format == DatasetFormat.SUPERVISIONS) {
				Sheet n = node("Supervision",
						"generation:long,listedOn:date,deadline:date,stage,outcome,outcomeOn:date");
				Sheet listedIn = rel("LISTED_IN", "Unit", "Supervision", "");
				Sheet supervises = rel("SUPERVISES", "Unit", "Supervision", "");
				return part((s) -> {
					Object self = self(s.get("id"));
					n.node(self, s.get("id"), g, s.get("listed_on"), s.get("deadline"), s.get("stage"),
							s.get("outcome"), s.get("outcome_on"));
					listedIn.row(unit(s.get("unit_id")), self);
					supervises.row(unit(s.get("listed_by")), self);
				}, n, listedIn, supervises);
			}
			if (format == DatasetFormat.PERSONNEL_EVENTS) {
				Sheet n = node("PersonnelEvent", "generation:long,date:date,kind,reason");
				Sheet had = rel("HAD", "Person", "PersonnelEvent", "");
				return part((e) -> {
					String id = "E:" + e.get("person_id") + ":" + e.get("date") + ":" + e.get("kind");
					Object self = self(id);
					n.node(self, id, g, e.get("date"), e.get("kind"), e.get("reason"));
					had.row(ref(DatasetFormat.PEOPLE, e.get("person_id")), self);
				}, n, had);
			}
			if (format == DatasetFormat.MEASURES) {
				Sheet n = node("Measure", "generation:long,text,due:date,status,evidence,verifiedOn:date,returnReason");
				Sheet hasMeasure = rel("HAS_MEASURE", "Issue", "Measure", "");
				Sheet ownedBy = rel("OWNED_BY", "Measure", "Post", "");
				Sheet verified = rel("VERIFIED", "Person", "Measure", "");
				return part((m) -> {
					Object self = self(m.get("id"));
					n.node(self, m.get("id"), g, m.get("text"), m.get("due"), m.get("status"), m.get("evidence"),
							m.get("verified_on"), m.get("return_reason"));
					hasMeasure.row(ref(DatasetFormat.ISSUES, m.get("issue_id")), self);
					if (m.get("owner_post_id") != null) {
						ownedBy.row(self, ref(DatasetFormat.POSTS, m.get("owner_post_id")));
					}
					if (m.get("verified_by") != null) {
						verified.row(ref(DatasetFormat.PEOPLE, m.get("verified_by")), self);
					}
				}, n, hasMeasure, ownedBy, verified);
			}
			return null;
		}

		/** A part whose first sheet holds the file's nodes when it is a node file. */
		private static Part part(RowWriter writer, Sheet... sheets) {
			return new Part(writer, List.of(sheets), sheets.length > 0 && sheets[0].label != null);
		}

		/**
		 * Numbered: the duties' DERIVED_FROM relationships, once every duty has its
		 * number (a duty may derive from one written below it).
		 */
		void derivedFrom(IntArrayList rows, LongArrayList targets, DatasetValidator.Hashes duties) throws IOException {
			Long base = this.bases.get(DatasetFormat.DUTIES.name());
			this.order = DatasetFormat.FILES.indexOf(DatasetFormat.DUTIES);
			try (Sheet derived = rel("DERIVED_FROM", "Duty", "Duty", "")) {
				for (int i = 0; i < rows.size(); i++) {
					int target = duties.ordinal(targets.getLong(i));
					if (target == -2) {
						throw new SharedHashException("a derived_from duty id shares its hash with another");
					}
					if (base == null || target < 0) {
						throw new NotBulkLoadableException("a derived_from names no duty");
					}
					derived.row(base + rows.getInt(i), base + target);
				}
			}
		}

		/**
		 * Adds what is written once every row is read: the units with their levels (read
		 * again: a few percent of the rows), the post kinds (and, numbered, the posts'
		 * OF_KIND), the Dataset and the Counter node.
		 */
		BulkFiles finish(ValidDataset data) throws IOException {
			end();
			String g = this.generation;
			this.order = DatasetFormat.FILES.indexOf(DatasetFormat.UNITS);
			try (Sheet n = node("Unit",
					"generation:long,name,kind,sector,region,members:long,staff:long,hostUnits:long,level:long");
					Sheet leads = rel("LEADS", "Unit", "Unit", ",kind", "")) {
				forEach(data, DatasetFormat.UNITS, (u) -> {
					n.node(unit(u.get("id")), u.get("id"), g, u.get("name"), u.get("kind"), u.get("sector"),
							u.get("region"), u.get("members"), u.get("staff"), u.get("host_units"),
							data.level((String) u.get("id")));
					if (u.get("parent_id") != null) {
						leads.row(unit(u.get("parent_id")), unit(u.get("id")), LeadKind.PRIMARY.name());
					}
					counted();
				});
			}
			this.order = DatasetFormat.FILES.indexOf(DatasetFormat.POST_KINDS);
			List<Map<String, Object>> postKinds = postKinds(data);
			// numbered: post kind key → node number
			Map<String, Long> kindNumbers = new HashMap<>();
			try (Sheet n = node("PostKind",
					"generation:long,key,name,responsibility,requiredIn:string[],domains:string[]")) {
				for (Map<String, Object> k : postKinds) {
					Object self = k.get("key");
					if (this.numbered) {
						self = this.next++;
						kindNumbers.put((String) k.get("key"), (Long) self);
					}
					n.node(self, k.get("key"), g, k.get("key"), k.get("name"), k.get("responsibility"),
							k.get("required_in"), k.get("domains"));
				}
			}
			// numbered posts (a posts file was written): their OF_KIND
			Long postBase = this.bases.get(DatasetFormat.POSTS.name());
			if (postBase != null) {
				this.order = DatasetFormat.FILES.indexOf(DatasetFormat.POSTS);
				long[] byIndex = new long[this.kinds.size()];
				for (Object2IntMap.Entry<String> kind : this.kinds.object2IntEntrySet()) {
					Long number = kindNumbers.get(kind.getKey());
					if (number == null) {
						throw new NotBulkLoadableException("a post's kind " + kind.getKey() + " is no post kind");
					}
					byIndex[kind.getIntValue()] = number;
				}
				try (Sheet ofKind = rel("OF_KIND", "Post", "PostKind", "")) {
					for (int i = 0; i < this.postKinds.size(); i++) {
						ofKind.row(postBase + i, byIndex[this.postKinds.getInt(i)]);
					}
				}
			}
			// what the switch transaction and the generation counter write
			this.order = DatasetFormat.FILES.size();
			try (Sheet n = node("Dataset",
					"generation:long,active:boolean,name,asOf:date,importedAt:datetime,revision:long")) {
				n.node(this.numbered ? (Object) this.next++ : null, null, g, Boolean.TRUE, data.name(), data.asOf(),
						OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
						0L);
			}
			try (Sheet n = node("Counter", "name,value:long,switching:long")) {
				n.node(this.numbered ? (Object) this.next++ : null, null, "generation", g, g);
			}
			this.progress.report("write", this.total, this.total);
			return new BulkFiles(inOrder(this.nodes), inOrder(this.relationships), List.copyOf(this.multiline),
					counts(data, postKinds.size()), Map.copyOf(this.labels), this.entities, this.numbered);
		}

		private static List<Group> inOrder(List<Ordered> groups) {
			// a stable sort: the groups of one file stay in the order they were made
			return groups.stream().sorted(Comparator.comparingInt(Ordered::order)).map(Ordered::group).toList();
		}

		private void counted() {
			this.rows++;
			if ((this.rows & 0x3FFF) == 0) {
				this.progress.report("write", Math.min(this.rows, this.total), this.total);
			}
		}

		/**
		 * A node file whose columns after the id are {@code properties}; Dataset and
		 * Counter nodes have no id.
		 */
		private Sheet node(String label, String properties) throws IOException {
			Path file = this.folder.resolve("nodes-" + label + ".csv");
			this.nodes.add(new Ordered(this.order, new Group(label, file)));
			boolean withId = !label.equals("Dataset") && !label.equals("Counter");
			String header;
			if (this.numbered) {
				header = ":ID," + (withId ? "id," : "") + properties;
			}
			else {
				header = (withId ? "id:ID(" + label + ")," : "") + properties;
			}
			return new Sheet(file, header, label, withId);
		}

		private Sheet rel(String type, String from, String to, String properties) throws IOException {
			return rel(type, from, to, properties, "");
		}

		/**
		 * @param suffix tells apart two files of one type between the same labels
		 */
		private Sheet rel(String type, String from, String to, String properties, String suffix) throws IOException {
			Path file = this.folder.resolve("rels-" + type + "-" + from + "-" + to + suffix + ".csv");
			this.relationships.add(new Ordered(this.order, new Group(type, file)));
			String ends = this.numbered ? ":START_ID,:END_ID" : ":START_ID(" + from + "),:END_ID(" + to + ")";
			return new Sheet(file, ends + properties, null, false);
		}

		/** One CSV file: RFC 4180 quoting where needed, empty unquoted field = absent. */
		private final class Sheet implements AutoCloseable {

			private final Path file;

			private final BufferedWriter out;

			/** The label of a node file, else null. */
			private final String label;

			private long rows;

			private boolean spansLines;

			/** Whether a node file has an id column. */
			private final boolean withId;

			Sheet(Path file, String header, String label, boolean withId) throws IOException {
				this.file = file;
				this.label = label;
				this.withId = withId;
				this.out = new BufferedWriter(
						new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
				this.out.write(header);
				this.out.write('\n');
			}

			void row(Object... values) throws IOException {
				for (int i = 0; i < values.length; i++) {
					if (i > 0) {
						this.out.write(',');
					}
					value(values[i]);
				}
				ended();
			}

			/**
			 * A node: {@code self} (its number, when numbered), {@code id} (when the file
			 * has ids), then the properties.
			 */
			void node(Object self, Object id, Object... properties) throws IOException {
				boolean first = true;
				if (Writer.this.numbered) {
					value(self);
					first = false;
				}
				if (this.withId) {
					if (!first) {
						this.out.write(',');
					}
					value(id);
					first = false;
				}
				for (Object property : properties) {
					if (!first) {
						this.out.write(',');
					}
					value(property);
					first = false;
				}
				ended();
			}

			private void ended() throws IOException {
				this.out.write('\n');
				this.rows++;
				Writer.this.entities++;
			}

			private void value(Object value) throws IOException {
				if (value == null) {
					return;
				}
				if (value instanceof String s) {
					text(s);
				}
				else if (value instanceof List<?> list) {
					StringBuilder b = new StringBuilder();
					for (Object item : list) {
						String s = String.valueOf(item);
						if (s.indexOf(ARRAY_DELIMITER) >= 0 || s.isEmpty()) {
							throw new NotBulkLoadableException(
									"list element '" + s + "' cannot be written to " + this.file.getFileName());
						}
						if (b.length() > 0) {
							b.append(ARRAY_DELIMITER);
						}
						b.append(s);
					}
					if (b.length() > 0) {
						text(b.toString());
					}
				}
				else if (value instanceof LocalDate || value instanceof Number || value instanceof Boolean) {
					this.out.write(value.toString());
				}
				else {
					throw new NotBulkLoadableException(
							"a " + value.getClass().getSimpleName() + " value in " + this.file.getFileName());
				}
			}

			private void text(String s) throws IOException {
				boolean quote = s.isEmpty();
				for (int i = 0; i < s.length() && !quote; i++) {
					char c = s.charAt(i);
					quote = c == ',' || c == '"' || c == '\n' || c == '\r';
				}
				if (!quote) {
					this.out.write(s);
					return;
				}
				if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
					this.spansLines = true;
				}
				this.out.write('"');
				this.out.write(s.replace("\"", "\"\""));
				this.out.write('"');
			}

			@Override
			public void close() throws IOException {
				this.out.close();
				if (this.spansLines) {
					Writer.this.multiline.add(this.file);
				}
				if (this.label != null) {
					Writer.this.labels.merge(this.label, this.rows, Long::sum);
				}
			}

		}

	}

	/**
	 * Level of every unit (ingest/levels.cypher): depth along PRIMARY parents, a unit
	 * without a parent = 1; 0 on a PRIMARY cycle (which validation rejects).
	 */
	static Map<String, Long> levels(List<Map<String, Object>> units) {
		Map<String, String> parents = new HashMap<>(units.size() * 2);
		for (Map<String, Object> u : units) {
			parents.put((String) u.get("id"), (String) u.get("parent_id"));
		}
		Map<String, Long> levels = new HashMap<>(units.size() * 2);
		List<String> chain = new ArrayList<>();
		for (String id : parents.keySet()) {
			chain.clear();
			String at = id;
			Long known = null;
			while (at != null && (known = levels.get(at)) == null) {
				if (chain.size() > parents.size()) {
					// a cycle: every unit on or below it has no level
					known = -1L;
					break;
				}
				chain.add(at);
				at = parents.get(at);
			}
			long level = (known != null) ? known : 0;
			for (int i = chain.size() - 1; i >= 0; i--) {
				level = (level < 0) ? -1 : level + 1;
				levels.put(chain.get(i), level);
			}
		}
		levels.replaceAll((id, level) -> Math.max(0, level));
		return levels;
	}

	/** The post kinds written: post_kinds.csv, else the default set (design.md §2). */
	static List<Map<String, Object>> postKinds(ValidDataset data) {
		if (data.count(DatasetFormat.POST_KINDS) > 0) {
			return data.rows(DatasetFormat.POST_KINDS);
		}
		return DatasetWriter.defaultPostKinds("required_in");
	}

	/** One row of a file as the writer handles it. */
	private interface RowWriter {

		void write(Map<String, Object> row) throws IOException;

	}

	/** Streams the rows of one file from the source into {@code writer}. */
	private static void forEach(ValidDataset data, FileFormat format, RowWriter writer) throws IOException {
		try {
			data.forEach(format, (row) -> {
				try {
					writer.write(row);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	/** Rows per dataset file, in the order and with the keys of {@link DatasetWriter}. */
	static Map<String, Integer> counts(ValidDataset data, int postKinds) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (FileFormat format : DatasetFormat.FILES) {
			if (format == DatasetFormat.POST_KINDS) {
				counts.put(format.name(), postKinds);
			}
			else if (data.has(format)) {
				counts.put(format.name(), (int) data.count(format));
			}
		}
		return counts;
	}

}
