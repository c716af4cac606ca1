package org.socius.programmes;

import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socius.people.Household;
import org.socius.people.MemberFacts;
import org.socius.people.Person;
import org.socius.platform.errors.InvalidInputException;

/**
 * What a rule may know of a household, and under which names: the schema rules are checked against
 * (an unknown name is an error before anything is published) and the facts they are evaluated on.
 * Money is in minor units (cents) as whole numbers: no rule ever computes money in floating point.
 */
public final class HouseholdFacts {

  /**
   * The monthly amount, in cents, the household receives from the programmes considered before the
   * one deciding (a last resort counts everything else first); zero until the decider sets it.
   */
  public static Map<String, Object> withOtherBenefits(Map<String, Object> facts, long cents) {
    facts.put("other_benefits", cents);
    return facts;
  }

  /**
   * The household facts drawn from members' personal details (dates of birth, disabilities), and
   * from what they own: left out when those were not read, and what tells a bulk read to fetch them
   * ({@link CompiledRules#wanted()}).
   */
  static final Set<String> FROM_PERSONAL_DETAILS = Set.of("children", "elderly", "disabled");

  static final Set<String> FROM_ASSETS = Set.of("assets");

  /** Months of income averaged into a monthly income. */
  static final int INCOME_MONTHS = 3;

  static final Map<String, CelType> MEMBER_FIELDS = new LinkedHashMap<>();
  static final Map<String, CelType> HOUSEHOLD_FIELDS = new LinkedHashMap<>();

  static {
    MEMBER_FIELDS.put("age", SimpleType.INT);
    MEMBER_FIELDS.put("sex", SimpleType.STRING);
    MEMBER_FIELDS.put("relation", SimpleType.STRING);
    MEMBER_FIELDS.put("disabled", SimpleType.BOOL);
    MEMBER_FIELDS.put("disability_degree", SimpleType.STRING);
    MEMBER_FIELDS.put("categories", ListType.create(SimpleType.STRING));
    MEMBER_FIELDS.put("income", SimpleType.INT);
    MEMBER_FIELDS.put("statutory_supporter", SimpleType.BOOL);
    MEMBER_FIELDS.put("assets", SimpleType.INT);
  }

  static final StructType MEMBER =
      StructType.create(
          "socius.Member",
          ImmutableSet.copyOf(MEMBER_FIELDS.keySet()),
          name -> Optional.ofNullable(MEMBER_FIELDS.get(name)));

  static {
    HOUSEHOLD_FIELDS.put("size", SimpleType.INT);
    HOUSEHOLD_FIELDS.put("members", ListType.create(MEMBER));
    HOUSEHOLD_FIELDS.put("income", SimpleType.INT);
    HOUSEHOLD_FIELDS.put("income_per_member", SimpleType.INT);
    HOUSEHOLD_FIELDS.put("children", SimpleType.INT);
    HOUSEHOLD_FIELDS.put("elderly", SimpleType.INT);
    HOUSEHOLD_FIELDS.put("disabled", SimpleType.INT);
    HOUSEHOLD_FIELDS.put("assets", SimpleType.INT);
    HOUSEHOLD_FIELDS.put("other_benefits", SimpleType.INT);
  }

  static final StructType HOUSEHOLD =
      StructType.create(
          "socius.Household",
          ImmutableSet.copyOf(HOUSEHOLD_FIELDS.keySet()),
          name -> Optional.ofNullable(HOUSEHOLD_FIELDS.get(name)));

  private HouseholdFacts() {}

  /** The months whose income is averaged for a household's facts on a date. */
  public static YearMonth firstIncomeMonth(LocalDate on) {
    return lastIncomeMonth(on).minusMonths(INCOME_MONTHS - 1);
  }

  /** The last month whose income counts on a date: the month before the date's month. */
  public static YearMonth lastIncomeMonth(LocalDate on) {
    return YearMonth.from(on).minusMonths(1);
  }

  /**
   * The facts of a household on a date: members' ages then, and monthly income as the average of
   * the {@value #INCOME_MONTHS} months before the date's month (cents, rounded down).
   */
  public static Map<String, Object> of(Household household, LocalDate on) {
    YearMonth first = firstIncomeMonth(on);
    YearMonth last = lastIncomeMonth(on);
    List<MemberFacts> members = new ArrayList<>(household.members().size());
    for (Household.Member m : household.members()) {
      Person p = m.person();
      long cents =
          m.incomes().stream()
              .filter(i -> !YearMonth.from(i.month()).isBefore(first))
              .filter(i -> !YearMonth.from(i.month()).isAfter(last))
              .mapToLong(i -> i.amount().movePointRight(2).longValueExact())
              .sum();
      members.add(
          new MemberFacts(
              household.id(),
              household.regionId(),
              household.municipalityId(),
              p.dateOfBirth(),
              p.sex(),
              m.relation(),
              p.disabilityDegree(),
              List.copyOf(p.categories()),
              m.statutorySupporter(),
              cents,
              m.assetsCents()));
    }
    return ofMembers(members, on);
  }

  /**
   * The facts of a household from its members as read in bulk (incomes summed over the {@value
   * #INCOME_MONTHS} months before the date's month): what a recertification evaluates, computed
   * exactly as for a single household.
   */
  public static Map<String, Object> ofMembers(List<MemberFacts> household, LocalDate on) {
    return ofMembers(household, on, true, MemberFacts.Wanted.ALL);
  }

  /**
   * As {@link #ofMembers(List, LocalDate)}, from members read with only what the rules need.
   * Without {@code withMembers} the list of members is left empty (its size still counts), for
   * rules that never look at {@code household.members}: a recertification of a million households
   * then builds no member records at all. Facts drawn from what was not read (the counts of
   * children, elderly and disabled members without personal details, assets without assets) are
   * left out rather than given as zero: a rule naming one fails instead of deciding on a wrong
   * figure.
   */
  public static Map<String, Object> ofMembers(
      List<MemberFacts> household, LocalDate on, boolean withMembers, MemberFacts.Wanted read) {
    if (withMembers && !(read.personal() && read.assets())) {
      throw new IllegalArgumentException("the list of members needs every member fact read");
    }
    List<Map<String, Object>> members = new ArrayList<>(withMembers ? household.size() : 0);
    long total = 0;
    long children = 0;
    long elderly = 0;
    long disabled = 0;
    long assets = 0;
    for (MemberFacts m : household) {
      long monthly = m.incomeCents() / INCOME_MONTHS;
      total += monthly;
      assets += m.assetsCents();
      if (!read.personal()) {
        continue;
      }
      long age = m.ageOn(on);
      children += age < 18 ? 1 : 0;
      elderly += age >= 65 ? 1 : 0;
      disabled += m.disabilityDegree() != null ? 1 : 0;
      if (!withMembers) {
        continue;
      }
      List<String> categories = new ArrayList<>(m.categories().size());
      for (var c : m.categories()) {
        categories.add(c.name());
      }
      categories.sort(null);
      Map<String, Object> member = new HashMap<>(16);
      member.put("age", age);
      member.put("sex", m.sex().name());
      member.put("relation", m.relation().name());
      member.put("disabled", m.disabilityDegree() != null);
      member.put(
          "disability_degree", m.disabilityDegree() == null ? "" : m.disabilityDegree().name());
      member.put("categories", categories);
      member.put("income", monthly);
      member.put("statutory_supporter", m.statutorySupporter());
      member.put("assets", m.assetsCents());
      members.add(member);
    }
    Map<String, Object> facts =
        household(members, household.size(), total, children, elderly, disabled, assets);
    if (!read.personal()) {
      facts.keySet().removeAll(FROM_PERSONAL_DETAILS);
    }
    if (!read.assets()) {
      facts.keySet().removeAll(FROM_ASSETS);
    }
    return facts;
  }

  /**
   * A member of a sample household an analyst types in to try a rule; income and assets in cents.
   */
  public record SampleMember(
      Integer age,
      String sex,
      String relation,
      String disabilityDegree,
      List<String> categories,
      Long income,
      Boolean statutorySupporter,
      Long assets) {}

  /**
   * A sample household: its members, and what it receives from the programmes considered before the
   * one tried (cents a month; none when null).
   */
  public record SampleHousehold(List<SampleMember> members, Long otherBenefits) {}

  /** The facts of a sample household with what it receives from other programmes. */
  public static Map<String, Object> ofSample(SampleHousehold household) {
    long other = household.otherBenefits() == null ? 0 : household.otherBenefits();
    if (other < 0) {
      throw InvalidInputException.of("otherBenefits", "PRG-0212");
    }
    return withOtherBenefits(ofSample(household.members()), other);
  }

  /** The facts of a sample household, derived from its members as for a registered one. */
  public static Map<String, Object> ofSample(List<SampleMember> sample) {
    List<Map<String, Object>> members = new ArrayList<>();
    long total = 0;
    long children = 0;
    long elderly = 0;
    long disabled = 0;
    long assets = 0;
    for (int i = 0; i < sample.size(); i++) {
      SampleMember m = sample.get(i);
      if (m == null || m.age() == null || m.age() < 0 || m.age() > 130) {
        throw InvalidInputException.of("members[" + i + "].age", "PRG-0211");
      }
      long income = m.income() == null ? 0 : m.income();
      if (income < 0) {
        throw InvalidInputException.of("members[" + i + "].income", "PRG-0212");
      }
      boolean isDisabled = m.disabilityDegree() != null && !m.disabilityDegree().isBlank();
      Map<String, Object> member = new LinkedHashMap<>();
      member.put("age", (long) m.age());
      member.put("sex", m.sex() == null ? "UNKNOWN" : m.sex());
      member.put("relation", m.relation() == null ? "OTHER" : m.relation());
      member.put("disabled", isDisabled);
      member.put("disability_degree", isDisabled ? m.disabilityDegree() : "");
      member.put("categories", m.categories() == null ? List.of() : List.copyOf(m.categories()));
      member.put("income", income);
      member.put("statutory_supporter", Boolean.TRUE.equals(m.statutorySupporter()));
      long owned = m.assets() == null ? 0 : m.assets();
      if (owned < 0) {
        throw InvalidInputException.of("members[" + i + "].assets", "PRG-0212");
      }
      member.put("assets", owned);
      assets += owned;
      members.add(member);
      total += income;
      children += m.age() < 18 ? 1 : 0;
      elderly += m.age() >= 65 ? 1 : 0;
      disabled += isDisabled ? 1 : 0;
    }
    return household(members, members.size(), total, children, elderly, disabled, assets);
  }

  /** Facts from their parts, for sample households typed in by an analyst and for tests. */
  static Map<String, Object> household(
      List<Map<String, Object>> members, long income, long children, long elderly, long disabled) {
    return household(members, members.size(), income, children, elderly, disabled, 0);
  }

  private static Map<String, Object> household(
      List<Map<String, Object>> members,
      long size,
      long income,
      long children,
      long elderly,
      long disabled,
      long assets) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("size", size);
    facts.put("members", List.copyOf(members));
    facts.put("income", income);
    facts.put("income_per_member", size == 0 ? 0L : income / size);
    facts.put("children", children);
    facts.put("elderly", elderly);
    facts.put("disabled", disabled);
    facts.put("assets", assets);
    // Set by whoever decides, from the programmes considered before this one.
    facts.put("other_benefits", 0L);
    return facts;
  }
}
