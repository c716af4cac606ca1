package org.socius.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.socius.platform.errors.InvalidInputException;

/** Rules as data: checked before use, evaluated exactly, explained criterion by criterion. */
class RuleCompilerTest {

  private final RuleCompiler compiler = new RuleCompiler();

  /** Dibao: the gap between the local line and the household's income, for every member. */
  private CompiledRules dibao(long line) {
    return compiler.compile(
        new Rules(
            List.of(
                new Rules.Criterion(
                    "Income per member below the local line",
                    "household.income_per_member < params.local_line"),
                new Rules.Criterion("Someone lives there", "household.size > 0")),
            "params.local_line * household.size - household.income",
            Map.of("local_line", line)));
  }

  private static Map<String, Object> member(long age, long income) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("age", age);
    m.put("sex", "FEMALE");
    m.put("relation", "HEAD");
    m.put("disabled", false);
    m.put("disability_degree", "");
    m.put("categories", List.of());
    m.put("income", income);
    m.put("statutory_supporter", false);
    return m;
  }

  private static Map<String, Object> household(int size, long income) {
    List<Map<String, Object>> members = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      members.add(member(30 + i, i == 0 ? income : 0));
    }
    return HouseholdFacts.household(members, income, 0, 0, 0);
  }

  @Test
  void anEligibleHouseholdGetsTheGapAndTheExplanationShowsTheValuesUsed() {
    var result = dibao(30_000).evaluate(household(3, 50_000));
    assertThat(result.eligible()).isTrue();
    assertThat(result.amountCents()).isEqualTo(40_000);
    assertThat(result.criteria().getFirst().values())
        .containsEntry("household.income_per_member", 16_666L)
        .containsEntry("params.local_line", 30_000L);
    assertThat(result.formulaValues()).containsEntry("household.size", 3L);
  }

  @Test
  void anIneligibleHouseholdGetsNothingAndTheFailedCriterionIsNamed() {
    var result = dibao(30_000).evaluate(household(2, 70_000));
    assertThat(result.eligible()).isFalse();
    assertThat(result.amountCents()).isZero();
    assertThat(result.failed()).containsExactly("Income per member below the local line");
  }

  @Test
  void aRuleReferringToAnUnknownFieldOrParameterDoesNotCompile() {
    assertThatThrownBy(
            () ->
                compiler.compile(
                    new Rules(
                        List.of(new Rules.Criterion("Poor", "household.incom < params.line")),
                        "household.size * params.lien",
                        Map.of("line", 1L))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.findings())
                  .extracting(f -> f.field() + " " + f.code())
                  .containsExactly("criteria[0].expression PRG-0105", "formula PRG-0105");
              assertThat(e.findings().get(0).args().getFirst().toString())
                  .contains("undefined field 'incom'");
              assertThat(e.findings().get(1).args().getFirst().toString())
                  .contains("undefined field 'lien'");
            });
  }

  @Test
  void aCriterionMustBeTrueOrFalseAndAFormulaAWholeNumber() {
    assertThatThrownBy(
            () ->
                compiler.compile(
                    new Rules(
                        List.of(new Rules.Criterion("Size", "household.size")),
                        "household.size > 2",
                        Map.of())))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.findings()).hasSize(2));
  }

  @Test
  void membersCanBeExaminedOneByOne() {
    CompiledRules rules =
        compiler.compile(
            new Rules(
                List.of(
                    new Rules.Criterion(
                        "An elderly member", "household.members.exists(m, m.age >= 65)")),
                "math.greatest(0, params.amount * household.members.filter(m, m.age >= 65).size())",
                Map.of("amount", 5_000L)));
    List<Map<String, Object>> members = List.of(member(70, 0), member(66, 0), member(40, 0));
    var result = rules.evaluate(HouseholdFacts.household(members, 0, 0, 2, 0));
    assertThat(result.eligible()).isTrue();
    assertThat(result.amountCents()).isEqualTo(10_000);
  }

  @Test
  void aRuleThatFailsOnSomeDataSaysWhy() {
    CompiledRules rules =
        compiler.compile(
            new Rules(
                List.of(new Rules.Criterion("Always", "true")),
                "household.income / household.children",
                Map.of()));
    assertThatThrownBy(() -> rules.evaluate(household(1, 100)))
        .isInstanceOf(CompiledRules.RuleFault.class)
        .hasMessageContaining("formula");
  }

  @Property(tries = 300)
  void dibaoPaysExactlyTheGapInWholeCentsAndNeverANegativeAmount(
      @ForAll @IntRange(min = 1, max = 8) int size,
      @ForAll @LongRange(min = 0, max = 2_000_000) long income,
      @ForAll @LongRange(min = 1, max = 200_000) long line) {
    var result = dibao(line).evaluate(household(size, income));
    long perMember = income / size;
    assertThat(result.eligible()).isEqualTo(perMember < line);
    if (result.eligible()) {
      assertThat(result.amountCents()).isEqualTo(line * size - income).isPositive();
    } else {
      assertThat(result.amountCents()).isZero();
    }
  }

  @Property(tries = 300)
  void roundingUpToWholeUnitsInTheFormulaMatchesDecimalArithmetic(
      @ForAll @LongRange(min = 0, max = 10_000_000) long cents,
      @ForAll @IntRange(min = 1, max = 6) int size) {
    CompiledRules rules =
        compiler.compile(
            new Rules(
                List.of(new Rules.Criterion("Always", "true")),
                "(params.base * household.size / 3 + 99) / 100 * 100",
                Map.of("base", cents)));
    long expected =
        BigDecimal.valueOf(cents * size / 3)
            .movePointLeft(2)
            .setScale(0, RoundingMode.CEILING)
            .movePointRight(2)
            .longValueExact();
    assertThat(rules.evaluate(household(size, 0)).amountCents()).isEqualTo(expected);
  }

  private org.socius.people.MemberFacts.Wanted wantedBy(String criterion, String formula) {
    return compiler
        .compile(new Rules(List.of(new Rules.Criterion("c", criterion)), formula, Map.of()))
        .wanted();
  }

  @Test
  void rulesSayWhichMemberFactsTheRegisterMustBeReadWith() {
    // Income and size only: neither personal details nor assets.
    assertThat(wantedBy("household.income_per_member < 100", "household.size * 10"))
        .isEqualTo(new org.socius.people.MemberFacts.Wanted(false, false));
    assertThat(wantedBy("household.children > 0", "household.size * 10"))
        .isEqualTo(new org.socius.people.MemberFacts.Wanted(true, false));
    // Spacing inside a name does not hide it.
    assertThat(wantedBy("household . elderly > 0", "0"))
        .isEqualTo(new org.socius.people.MemberFacts.Wanted(true, false));
    assertThat(wantedBy("household.size > 0", "household.assets / 100"))
        .isEqualTo(new org.socius.people.MemberFacts.Wanted(false, true));
    // The list of members needs everything about them.
    assertThat(wantedBy("household.members.exists(m, m.age < 3)", "0"))
        .isEqualTo(org.socius.people.MemberFacts.Wanted.ALL);
  }

  @Test
  void aRuleReachingAFactThatWasNotReadFailsInsteadOfDecidingOnZero() {
    Map<String, Object> unread = HouseholdFacts.household(List.of(), 0, 0, 0, 0);
    unread.remove("children");
    CompiledRules rules =
        compiler.compile(
            new Rules(
                List.of(new Rules.Criterion("No children", "household.children == 0")),
                "100",
                Map.of()));
    assertThatThrownBy(() -> rules.evaluate(unread))
        .isInstanceOf(CompiledRules.RuleFault.class)
        .hasMessageContaining("No children");
  }
}
