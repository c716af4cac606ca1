package org.socius.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.people.Household;
import org.socius.people.People;
import org.socius.platform.errors.ConflictException;
import org.socius.programmes.CompiledRules;
import org.socius.programmes.HouseholdFacts;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.springframework.stereotype.Component;

/**
 * Finds a client's monthly contribution with the contribution programme in force (the first by
 * position, if several): its rules read the client's household as every programme does. Without
 * such a programme, services are free.
 */
@Component
class ContributionRules {

  private final Programmes programmes;
  private final People people;

  ContributionRules(Programmes programmes, People people) {
    this.programmes = programmes;
    this.people = people;
  }

  Contribution assess(UUID personId, UUID regionId, LocalDate on) {
    Optional<Programme> programme =
        programmes.all().stream()
            .filter(p -> p.kind() == Programme.Kind.CONTRIBUTION)
            .filter(p -> Programmes.versionOn(p, on).isPresent())
            .min(Comparator.comparingInt(Programme::position));
    if (programme.isEmpty()) {
      return Contribution.none();
    }
    Programme.Version version = Programmes.versionOn(programme.get(), on).orElseThrow();
    UUID household =
        people.householdOf(personId).orElseThrow(() -> new ConflictException("CAS-1003"));
    Household members = people.householdOn(household, on);
    if (members.members().isEmpty()) {
      throw new ConflictException("CAS-1003");
    }
    Map<String, Object> facts =
        HouseholdFacts.withOtherBenefits(HouseholdFacts.of(members, on), 0L);
    CompiledRules.Evaluation evaluation;
    try {
      evaluation = programmes.rulesOf(version, regionId).evaluate(facts);
    } catch (CompiledRules.RuleFault e) {
      // A rule that fails on this household (a division by zero, a missing value) is the rules'
      // problem, told as such, not a server error.
      throw new ConflictException("CAS-1007", programme.get().name(), e.getMessage());
    }
    return new Contribution(
        programme.get().code(),
        programme.get().name(),
        version.number(),
        evaluation.eligible(),
        evaluation.criteria().stream()
            .map(
                c ->
                    new Contribution.Criterion(
                        c.name(), c.passed(), new LinkedHashMap<>(c.values())))
            .toList(),
        evaluation.formula(),
        new LinkedHashMap<>(evaluation.formulaValues()),
        ((Number) facts.get("size")).intValue(),
        BigDecimal.valueOf(((Number) facts.get("income_per_member")).longValue(), 2),
        BigDecimal.valueOf(evaluation.amountCents(), 2));
  }
}
