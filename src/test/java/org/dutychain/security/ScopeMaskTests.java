package org.dutychain.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dutychain.analysis.Evidence;
import org.dutychain.analysis.Finding;
import org.dutychain.analysis.Findings;
import org.dutychain.analysis.Message;
import org.dutychain.analysis.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finding a scoped caller receives: outside units, people and records dropped from
 * the evidence, cleared from the ids, digested in the key, and named 范围外单位 / 范围外人员 /
 * 范围外事项 in messages rendered again from their values.
 */
class ScopeMaskTests {

	static final String ZH = "二级党支部{unitName}应追究{parentName}的{postTitle}{personName}（{dutyId}）：{unitList}";

	static final String EN = "{unitName}: {personName}, {postTitle} of {parentName} ({dutyId}): {unitList}";

	// inside: B (支部) and C; outside: P (镇党委), Q (第一党支部 — a name C carries too)
	final ScopeMask mask = new ScopeMask(Set.of("B", "C"), Map.of("P", "北极镇党委", "Q", "第一党支部", "R", "漠河市委"),
			Set.of("北极镇党委", "漠河市委"), ScopeMaskTests::owner,
			(analysis, code) -> "a".equals(analysis) ? new String[] { ZH, EN } : null,
			"k".getBytes(StandardCharsets.UTF_8));

	static ScopeMask.Owner owner(String id) {
		return switch (id) {
			case "PER-OUT" -> new ScopeMask.Owner("周书记", Set.of("P"), true);
			case "PER-IN" -> new ScopeMask.Owner("李四", Set.of("P", "B"), true);
			case "PER-NONE" -> new ScopeMask.Owner("无名", Set.of(), true);
			case "POST-OUT" -> new ScopeMask.Owner("镇党委书记", Set.of("P"), false);
			case "POST-IN" -> new ScopeMask.Owner("书记", Set.of("B"), false);
			case "D-1" -> new ScopeMask.Owner(null, Set.of("P"), false);
			case "D-1a" -> new ScopeMask.Owner(null, Set.of("B"), false);
			default -> null;
		};
	}

	static Finding finding(String analysis, Message message, List<String> evidence, List<List<String>> paths,
			List<String> subject) {
		return new Finding(analysis, "X", Severity.MEDIUM, "B", 3, "POST-OUT", "PER-OUT", "D-1", null, subject, message,
				new Evidence(evidence, paths), Map.of("parentId", "P", "postId", "POST-OUT", "own", "D-1a"));
	}

	static Message rendered(Map<String, Object> values) {
		return new Message(Findings.render(ZH, values, true), Findings.render(EN, values, false), values);
	}

	@Test
	void messagesAreRenderedAgainFromTheirValuesWithOutsideUnitsAndPeopleNamedAsSuch() {
		Map<String, Object> values = Map.of("unitName", "第一党支部", "parentName", "北极镇党委", "postTitle", "镇党委书记",
				"personName", "周书记", "dutyId", "D-1", "unitList", List.of("漠河市委", "第一党支部"));
		Finding f = finding("a", rendered(values), List.of("B", "P", "POST-OUT", "PER-OUT", "D-1a", "G-1"),
				List.of(List.of("B", "P"), List.of("B", "D-1a")), List.of("B", "PER-OUT"));
		Finding clipped = this.mask.clip(f);
		assertThat(clipped.messageZh()).isEqualTo("二级党支部第一党支部应追究范围外单位的范围外岗位范围外人员（范围外事项）：范围外单位、第一党支部");
		assertThat(clipped.messageEn())
			.isEqualTo("第一党支部: a person outside your scope, a post outside your scope of a unit outside your scope "
					+ "(an item outside your scope): a unit outside your scope、第一党支部");
		assertThat(clipped.evidence().nodeIds()).containsExactly("B", "D-1a", "G-1");
		assertThat(clipped.evidence().paths()).containsExactly(List.of("B", "D-1a"));
		assertThat(clipped.postId()).isNull();
		assertThat(clipped.personId()).isNull();
		assertThat(clipped.dutyId()).isNull();
		assertThat(clipped.subject().get(0)).isEqualTo("B");
		assertThat(clipped.subject().get(1)).startsWith("outside-").doesNotContain("PER");
		assertThat(clipped.metrics()).containsEntry("own", "D-1a");
		assertThat(clipped.metrics().toString()).doesNotContain("POST-OUT").doesNotContain("=P,").doesNotContain("=P}");
		assertThat(clipped.toString()).doesNotContain("PER-OUT");
	}

	@Test
	void aPostTitleThatAnInsidePostOfTheFindingCarriesStays() {
		Map<String, Object> values = Map.of("unitName", "第一党支部", "parentName", "北极镇党委", "postTitle", "书记", "personName",
				"周书记", "dutyId", "D-1a", "unitList", List.of());
		Finding f = finding("a", rendered(values), List.of("B", "POST-IN", "POST-OUT"), List.of(), List.of("B"));
		assertThat(this.mask.clip(f).messageZh()).startsWith("二级党支部第一党支部应追究范围外单位的书记范围外人员（D-1a）");
	}

	@Test
	void theDigestOfAnOutsideIdIsStableAndTellsRecordsApart() {
		Finding a = finding("a", new Message("x", "x"), List.of("B"), List.of(), List.of("D-1", "B"));
		Finding b = finding("a", new Message("x", "x"), List.of("B"), List.of(), List.of("POST-OUT", "B"));
		assertThat(this.mask.clip(a).key()).isEqualTo(this.mask.clip(a).key());
		assertThat(this.mask.clip(a).key()).isNotEqualTo(this.mask.clip(b).key());
	}

	@Test
	void peopleWithAnInsideUnitKeepTheirNamesAndPeopleWithoutAnyUnitAreOutside() {
		assertThat(this.mask.outside("PER-IN")).isFalse();
		assertThat(this.mask.outside("PER-NONE")).isTrue();
		assertThat(this.mask.outside("D-1a")).isFalse();
		assertThat(this.mask.outside("Q")).isTrue();
		assertThat(this.mask.outside("2024")).as("no record").isFalse();
	}

	@Test
	void aMessageWithoutValuesHasTheNamesAndIdsItsFindingRefersToReplaced() {
		Finding f = new Finding("other", "X", Severity.LOW, "B", 3, null, "PER-OUT", null, null, List.of("B"),
				new Message("北极镇党委的周书记未分解D-1（D-1a已分解）", "周书记 of 北极镇党委: D-1 (D-1a)"),
				Evidence.of(List.of("B", "P", "PER-OUT", "D-1", "D-1a")), Map.of());
		Finding clipped = this.mask.clip(f);
		assertThat(clipped.messageZh()).isEqualTo("范围外单位的范围外人员未分解范围外事项（D-1a已分解）");
		assertThat(clipped.messageEn())
			.isEqualTo("a person outside your scope of a unit outside your scope: an item outside your scope (D-1a)");
	}

	@Test
	void aFindingThatRefersToNothingOutsideIsReturnedAsItIs() {
		Finding f = new Finding("a", "X", Severity.LOW, "B", 3, null, null, "D-1a", null, List.of("B"),
				new Message("第一党支部", "第一党支部", Map.of("unitName", "第一党支部")), Evidence.of(List.of("B", "C")), Map.of());
		assertThat(this.mask.clip(f)).isSameAs(f);
	}

}
