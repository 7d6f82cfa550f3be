package org.dutychain.accountability;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dutychain.config.CypherFiles;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule vocabulary of the chain query and of {@link AccountabilityRule} are the same
 * set, each with both texts.
 */
class AccountabilityRuleTests {

	private static final Pattern LITERAL = Pattern.compile("'([A-Z][A-Z_]+)'");

	@Test
	void chainQueryUsesExactlyTheRulesOfTheEnum() {
		String chain = CypherFiles.load(new PathMatchingResourcePatternResolver())
			.statement("query/accountability.cypher", "lookup");
		Set<String> rules = new TreeSet<>(Arrays.stream(AccountabilityRule.values()).map(Enum::name).toList());
		Set<String> used = new TreeSet<>();
		Matcher m = LITERAL.matcher(chain);
		while (m.find()) {
			if (rules.contains(m.group(1))) {
				used.add(m.group(1));
			}
		}
		assertThat(used).isEqualTo(rules);
	}

	@Test
	void everyRuleHasBothTextsAndAResponsibility() {
		for (AccountabilityRule rule : AccountabilityRule.values()) {
			assertThat(rule.zh()).as(rule.name()).isNotBlank();
			assertThat(rule.en()).as(rule.name()).isNotBlank();
			assertThat(rule.responsibility()).as(rule.name()).isNotNull();
		}
		assertThat(AccountabilityRule.TEAM_OVERALL.zh()).isEqualTo("领导班子全面领导责任");
		assertThat(AccountabilityRule.UNIT_PRINCIPAL.zh()).isEqualTo("书记第一责任人");
	}

}
