package org.socius.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.programmes.Rules.Criterion;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Component;

/**
 * Five programmes from the reports, with their rules published from the day the demo is loaded: a
 * Dibao-style minimum income (the gap to a local line, last resort), support in extreme poverty
 * (collective or home care for those who cannot work), temporary assistance, and a means-tested
 * child allowance with two income bands; and the contribution clients pay toward the services of
 * their plan. Money is in cents.
 */
@Component
class DemoProgrammes {

  private final Programmes programmes;

  DemoProgrammes(Programmes programmes) {
    this.programmes = programmes;
  }

  void load(TerritoryUnit north, TerritoryUnit south) {
    LocalDate today = LocalDate.now();
    publish(
        new Programmes.NewProgramme(
            "MIN-INCOME",
            "Minimum income (Dibao)",
            "Pays each month the gap between the local minimum-income line and the household's"
                + " income with its other benefits, for every member. Considered after every other"
                + " programme.",
            Programme.Kind.CASH,
            900,
            true),
        new Programmes.Draft(
            today,
            List.of(
                new Criterion(
                    "Income per member below the local line",
                    "(household.income + household.other_benefits) / household.size"
                        + " < params.local_line")),
            // A last resort: what the other programmes pay counts as income.
            "params.local_line * household.size - household.income - household.other_benefits",
            Map.of("local_line", 30_000L),
            Map.of(
                north.id(),
                Map.of("local_line", 36_000L),
                south.id(),
                Map.of("local_line", 28_000L))));
    publish(
        new Programmes.NewProgramme(
            "EXTREME-POVERTY",
            "Support in extreme poverty (Tekun)",
            "For households where nobody can work and income is below the extreme-poverty line:"
                + " care in an institution or at home, and a monthly allowance per member.",
            Programme.Kind.SERVICE,
            100,
            false),
        new Programmes.Draft(
            today,
            List.of(
                new Criterion(
                    "Nobody able to work",
                    "household.members.all(m, m.age < 16 || m.age >= 60 || m.disabled)"),
                new Criterion(
                    "Income per member below the extreme-poverty line",
                    "household.income_per_member < params.extreme_line")),
            "params.allowance * household.size",
            Map.of("extreme_line", 15_000L, "allowance", 12_000L),
            Map.of()));
    publish(
        new Programmes.NewProgramme(
            "TEMP-ASSIST",
            "Temporary assistance",
            "A one-off payment for a household in sudden hardship (fire, illness, loss of work);"
                + " the urgent path decides within a day.",
            Programme.Kind.CASH,
            200,
            false),
        new Programmes.Draft(
            today,
            List.of(
                new Criterion(
                    "Income per member below the assistance line",
                    "household.income_per_member < params.line")),
            "params.lump_sum + params.per_member * (household.size - 1)",
            Map.of("line", 40_000L, "lump_sum", 50_000L, "per_member", 10_000L),
            Map.of()));
    publish(
        new Programmes.NewProgramme(
            "CHILD-ALLOW",
            "Child allowance",
            "A monthly amount per child under 18, higher in the lower income band.",
            Programme.Kind.CASH,
            300,
            false),
        new Programmes.Draft(
            today,
            List.of(
                new Criterion("Children in the household", "household.children > 0"),
                new Criterion(
                    "Income per member within the upper band",
                    "household.income_per_member < params.upper_band")),
            "household.children * (household.income_per_member < params.lower_band"
                + " ? params.lower_amount : params.upper_amount)",
            Map.of(
                "lower_band", 20_000L,
                "upper_band", 45_000L,
                "lower_amount", 9_000L,
                "upper_amount", 4_500L),
            Map.of()));
    publish(
        new Programmes.NewProgramme(
            "SERVICE-CONTRIBUTION",
            "Contribution to social services",
            "What a client pays each month toward the services of their plan: nothing while the"
                + " income per family member is at most one and a half local lines, or when anyone"
                + " in the household lives in extreme poverty; above that, half of the difference,"
                + " never more than the services cost.",
            Programme.Kind.CONTRIBUTION,
            1000,
            false),
        new Programmes.Draft(
            today,
            List.of(
                new Criterion(
                    "Income per member above one and a half local lines",
                    "household.income_per_member * 100"
                        + " > params.local_line * params.free_up_to_percent"),
                new Criterion(
                    "Nobody in the household in extreme poverty",
                    "household.members.all(m, !('EXTREME_POVERTY' in m.categories))")),
            "(household.income_per_member - params.local_line * params.free_up_to_percent / 100)"
                + " * params.share_percent / 100",
            Map.of("local_line", 30_000L, "free_up_to_percent", 150L, "share_percent", 50L),
            Map.of(
                north.id(),
                Map.of("local_line", 36_000L),
                south.id(),
                Map.of("local_line", 28_000L))));
  }

  private void publish(Programmes.NewProgramme programme, Programmes.Draft draft) {
    UUID id = programmes.create(programme).id();
    programmes.publish(programmes.draft(id, draft).id());
  }
}
