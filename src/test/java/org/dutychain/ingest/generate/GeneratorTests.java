package org.dutychain.ingest.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dutychain.record.DatasetFormat;
import org.dutychain.record.DatasetFormat.Column;
import org.dutychain.record.DatasetFormat.FileFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province generator: deterministic, well-formed, clean where it should be, and
 * honest about what it planted.
 */
class GeneratorTests {

	private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

	@TempDir
	static Path temp;

	private static Dataset clean;

	private static Dataset planted;

	private static Map<String, Integer> plantedCounts;

	@BeforeAll
	static void generate() {
		ProvinceGenerator generator = new ProvinceGenerator();
		generator.generate(300, 7, 0, temp.resolve("clean"));
		plantedCounts = generator.generate(300, 7, 0.05, temp.resolve("planted"));
		clean = Dataset.read(temp.resolve("clean"));
		planted = Dataset.read(temp.resolve("planted"));
	}

	@Test
	void sameSeedGivesByteIdenticalFiles() throws IOException {
		new ProvinceGenerator().generate(300, 7, 0.05, temp.resolve("again"));
		for (String file : files(temp.resolve("planted"))) {
			assertThat(Files.readAllBytes(temp.resolve("again").resolve(file))).as(file)
				.isEqualTo(Files.readAllBytes(temp.resolve("planted").resolve(file)));
		}
		assertThat(files(temp.resolve("again"))).isEqualTo(files(temp.resolve("planted")));
	}

	@Test
	void differentSeedGivesOtherFiles() throws IOException {
		new ProvinceGenerator().generate(300, 8, 0.05, temp.resolve("other"));
		assertThat(Files.readAllBytes(temp.resolve("other").resolve("units.csv")))
			.isNotEqualTo(Files.readAllBytes(temp.resolve("planted").resolve("units.csv")));
		assertThat(Files.readAllBytes(temp.resolve("other").resolve("people.csv")))
			.isNotEqualTo(Files.readAllBytes(temp.resolve("planted").resolve("people.csv")));
	}

	@Test
	void writesEveryFileWithTheHeaderOfDatasetFormat() throws IOException {
		for (FileFormat f : DatasetFormat.FILES) {
			assertThat(planted.headers.get(f.name())).as(f.name())
				.isEqualTo(f.columns().stream().map(Column::name).toList());
			if (f != DatasetFormat.MEASURES) {
				// the ledger starts empty: measures are added in the tool
				assertThat(planted.rows(f.name())).as(f.name()).isNotEmpty();
			}
			assertThat(plantedCounts.get(f.name())).isEqualTo(planted.rows(f.name()).size());
		}
		assertThat(planted.headers.get("truth")).containsExactly("analysis", "code", "unit_id", "post_id", "person_id",
				"scope");
		assertThat(Files.readAllLines(temp.resolve("planted").resolve("dataset.properties")))
			.containsExactly("name=合成省直机关与县域党建数据（种子 7）", "as_of=2025-06-30");
		assertThat(plantedCounts.get("planted")).isEqualTo(planted.rows("truth").size());
	}

	@Test
	void idsAreUniqueAndEveryReferenceResolves() {
		for (Dataset d : List.of(clean, planted)) {
			assertIdsAreUniqueAndEveryReferenceResolves(d);
		}
	}

	/**
	 * Every file's key is unique, people and units do not share ids, every required value
	 * is there and every reference resolves.
	 */
	static void assertIdsAreUniqueAndEveryReferenceResolves(Dataset d) {
		Map<String, Set<String>> ids = new HashMap<>();
		for (FileFormat f : DatasetFormat.FILES) {
			Set<String> keys = new HashSet<>();
			for (Map<String, String> row : d.rows(f.name())) {
				String key = f.naturalKey().isEmpty() ? row.get(f.name().equals("post_kinds") ? "key" : "id")
						: f.naturalKey().stream().map(row::get).collect(Collectors.joining("|"));
				assertThat(keys.add(key)).as("%s: duplicate %s", f.name(), key).isTrue();
			}
			ids.put(f.name(), f.name().equals("post_kinds")
					? d.rows(f.name()).stream().map((r) -> r.get("key")).collect(Collectors.toSet()) : keys);
		}
		Set<String> unitIds = ids.get("units");
		assertThat(ids.get("people")).doesNotContainAnyElementsOf(unitIds);
		for (FileFormat f : DatasetFormat.FILES) {
			for (Column c : f.columns()) {
				for (Map<String, String> row : d.rows(f.name())) {
					String value = row.get(c.name());
					if (c.required()) {
						assertThat(value).as("%s.%s", f.name(), c.name()).isNotEmpty();
					}
					if (c.type() == DatasetFormat.Type.REF && !value.isEmpty()) {
						assertThat(c.references().stream().anyMatch((r) -> ids.get(r).contains(value)))
							.as("%s.%s = %s", f.name(), c.name(), value)
							.isTrue();
					}
				}
			}
		}
	}

	@Test
	void everyValueHasTheTypeOfItsColumn() {
		Map<String, Set<String>> grades = Map.of("ABCD", Set.of("A", "B", "C", "D"), "SECRETARY_REVIEW",
				Set.of("GOOD", "FAIRLY_GOOD", "AVERAGE", "POOR"), "ANNUAL",
				Set.of("GOOD", "PASS", "BASIC_PASS", "FAIL"), "DESIGNATED_WEAK", Set.of("Y"));
		for (FileFormat f : DatasetFormat.FILES) {
			for (Map<String, String> row : planted.rows(f.name())) {
				for (Column c : f.columns()) {
					String v = row.get(c.name());
					if (v.isEmpty()) {
						continue;
					}
					String where = f.name() + "." + c.name() + " = " + v;
					switch (c.type()) {
						case DATE -> assertThat(LocalDate.parse(v)).as(where).isNotNull();
						case COUNT -> assertThat(Integer.parseInt(v)).as(where).isNotNegative();
						case ENUM -> assertThat(isCode(c.enumeration(), v)).as(where).isTrue();
						case ENUM_LIST -> {
							for (String item : v.split(";")) {
								assertThat(item.equals("ALL") || isCode(c.enumeration(), item)).as(where).isTrue();
							}
						}
						case GRADE -> assertThat(grades.get(row.get("scheme"))).as(where).contains(v);
						default -> assertThat(v).as(where).isEqualTo(v.strip());
					}
				}
			}
		}
	}

	@Test
	void unitCountIsWithinTenPercentOfTheRequest() {
		assertThat(clean.rows("units").size()).isBetween(270, 330);
		Map<String, Integer> counts = new ProvinceGenerator().generate(3000, 11, 0.02, temp.resolve("big"));
		assertThat(counts.get("units")).isBetween(2700, 3300);
		assertThat(counts.get("planted")).isPositive();
	}

	@Test
	void truthRowsReferenceExistingIds() {
		Set<String> units = planted.rows("units").stream().map((r) -> r.get("id")).collect(Collectors.toSet());
		Set<String> posts = planted.rows("posts").stream().map((r) -> r.get("id")).collect(Collectors.toSet());
		Set<String> people = planted.rows("people").stream().map((r) -> r.get("id")).collect(Collectors.toSet());
		assertThat(planted.rows("truth")).isNotEmpty().allSatisfy((row) -> {
			assertThat(units).contains(row.get("unit_id"));
			assertThat(row.get("post_id").isEmpty() || posts.contains(row.get("post_id"))).isTrue();
			assertThat(row.get("person_id").isEmpty() || people.contains(row.get("person_id"))).isTrue();
		});
	}

	@Test
	void plantsEveryControlledCodeAtLeastOnce() throws IOException {
		List<String> codes = Files.readAllLines(temp.resolve("planted").resolve("truth-codes.txt"));
		assertThat(codes).containsExactlyInAnyOrderElementsOf(GapPlanter.CODES);
		assertThat(Files.readAllLines(temp.resolve("clean").resolve("truth-codes.txt"))).isEqualTo(codes);
		Set<String> plantedCodes = planted.rows("truth")
			.stream()
			.map((r) -> r.get("code"))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(plantedCodes).containsExactlyInAnyOrderElementsOf(codes);
	}

	@Test
	void cleanBaseHasNoFindingOfAnyControlledCode() {
		assertThat(clean.rows("truth")).isEmpty();
		assertThat(new RuleCheck(clean, AS_OF).findings()).isEmpty();
	}

	@Test
	void plantedGapsGiveExactlyTheTruthRows() {
		Set<String> truth = planted.rows("truth")
			.stream()
			.map((r) -> String.join(",", r.values()))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(new RuleCheck(planted, AS_OF).findings()).containsExactlyElementsOf(truth);
	}

	@Test
	void plantsEveryCodeExactlyAsListedAtTheSmallestSizeAndAHighRate() {
		Path out = temp.resolve("small");
		new ProvinceGenerator().generate(200, 1, 0.3, out);
		Dataset small = Dataset.read(out);
		Set<String> truth = small.rows("truth")
			.stream()
			.map((r) -> String.join(",", r.values()))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(truth.stream().map((r) -> r.split(",")[1]).distinct()).hasSameSizeAs(GapPlanter.CODES);
		assertThat(new RuleCheck(small, AS_OF).findings()).containsExactlyElementsOf(truth);
	}

	@Test
	void cleanBaseMeetsTheWeakQuotasAndMemberRules() {
		Map<String, Integer> grassroots = new HashMap<>();
		Map<String, Integer> designated = new HashMap<>();
		Map<String, String> sector = new HashMap<>();
		for (Map<String, String> u : clean.rows("units")) {
			sector.put(u.get("id"), u.get("sector"));
			if (BaseBuilder.GRASSROOTS.stream().anyMatch((k) -> k.name().equals(u.get("kind")))) {
				grassroots.merge(u.get("sector"), 1, Integer::sum);
			}
		}
		for (Map<String, String> g : clean.rows("gradings")) {
			if (g.get("scheme").equals("DESIGNATED_WEAK") && g.get("year").equals("2024")) {
				designated.merge(sector.get(g.get("unit_id")), 1, Integer::sum);
			}
		}
		BaseBuilder.QUOTAS.forEach((s, rate) -> {
			int count = grassroots.getOrDefault(s.name(), 0);
			assertThat(designated.getOrDefault(s.name(), 0)).as(s.name())
				.isGreaterThanOrEqualTo((int) Math.ceil(rate * count));
		});
		assertThat(grassroots.get("VILLAGE")).isPositive();
	}

	/**
	 * A generated enum value is always the code itself (the importer also takes Chinese
	 * labels).
	 */
	private static boolean isCode(Class<?> type, String value) {
		return Stream.of(type.getEnumConstants()).anyMatch((e) -> ((Enum<?>) e).name().equals(value));
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map((p) -> p.getFileName().toString()).sorted().collect(Collectors.toCollection(ArrayList::new));
		}
	}

}
