package org.socius.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.Sector;
import org.socius.accounts.UserAccount;
import org.socius.accounts.UserDetailsForm;
import org.socius.cases.Agreement;
import org.socius.platform.db.DatabaseProperties;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.socius.territory.CalendarDay;
import org.socius.territory.NewTerritoryUnit;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.socius.territory.TerritoryUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the Republic of Novaria once, into an empty database, in one transaction: either all of it
 * is there or none. Every demo user's password is {@link #PASSWORD}.
 */
@Component
class DemoData implements ApplicationRunner {

  static final String PASSWORD = "Socius-demo-2026";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final Territories territories;
  private final AccountAdministration accounts;
  private final TransactionTemplate transaction;
  private final DemoCatalogue catalogue;
  private final DemoProviders providers;
  private final DemoProgrammes programmes;
  private final DemoBenefits benefits;
  private final DemoCases cases;
  private final DemoDeliveries deliveries;
  private final boolean enabled;

  DemoData(
      Territories territories,
      AccountAdministration accounts,
      TransactionTemplate transaction,
      DemoCatalogue catalogue,
      DemoProviders providers,
      DemoProgrammes programmes,
      DemoBenefits benefits,
      DemoCases cases,
      DemoDeliveries deliveries,
      DatabaseProperties database,
      @Value("${socius.demo.enabled:}") String demoSetting) {
    this.territories = territories;
    this.accounts = accounts;
    this.transaction = transaction;
    this.catalogue = catalogue;
    this.programmes = programmes;
    this.benefits = benefits;
    this.cases = cases;
    this.deliveries = deliveries;
    this.providers = providers;
    // Unless told otherwise, only the embedded database gets demo data: a production database
    // must never receive demo users with a published password.
    this.enabled =
        demoSetting.isBlank() ? !database.isExternal() : Boolean.parseBoolean(demoSetting.trim());
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!enabled) {
      return;
    }
    UUID planned =
        CurrentScope.asSystem(
            () -> transaction.execute(status -> territories.nation().isPresent() ? null : load()));
    if (planned == null) {
      return;
    }
    // Plans choose providers from the public register, searched once the register has committed;
    // what the providers delivered follows.
    CurrentScope.asSystem(
        () ->
            transaction.executeWithoutResult(
                status -> {
                  UserAccount niece = accounts.findByUsername("beneficiary").orElseThrow();
                  UserAccount staff = accounts.findByUsername("provider.staff").orElseThrow();
                  Agreement homeCare =
                      cases.agreePlan(
                          planned,
                          accounts.findByUsername("worker.harbour").orElseThrow(),
                          niece,
                          staff);
                  deliveries.load(
                      homeCare,
                      staff,
                      niece,
                      accounts.findByUsername("officer.north").orElseThrow());
                }));
    log.info("Demo data loaded: the Republic of Novaria (demo logins in the README)");
  }

  /** Loads everything but the plans; answers the case whose plan is agreed afterwards. */
  private UUID load() {
    TerritoryUnit nation = unit(TerritoryLevel.NATIONAL, null, "NV", "Republic of Novaria");
    TerritoryUnit north = unit(TerritoryLevel.REGION, nation, "NV-N", "Northern Region");
    TerritoryUnit south = unit(TerritoryLevel.REGION, nation, "NV-S", "Southern Region");
    TerritoryUnit harbour = unit(TerritoryLevel.MUNICIPALITY, north, "NV-N-01", "Harbour City");
    TerritoryUnit pinewood =
        unit(TerritoryLevel.MUNICIPALITY, north, "NV-N-02", "Pinewood District");
    TerritoryUnit lakeside =
        unit(TerritoryLevel.MUNICIPALITY, north, "NV-N-03", "Lakeside District");
    TerritoryUnit riverside = unit(TerritoryLevel.MUNICIPALITY, south, "NV-S-01", "Riverside City");
    TerritoryUnit vineyard =
        unit(TerritoryLevel.MUNICIPALITY, south, "NV-S-02", "Vineyard District");
    TerritoryUnit highland =
        unit(TerritoryLevel.MUNICIPALITY, south, "NV-S-03", "Highland District");
    TerritoryUnit oldTown = unit(TerritoryLevel.SETTLEMENT, harbour, "NV-N-01-01", "Old Town");
    TerritoryUnit quarter =
        unit(TerritoryLevel.SETTLEMENT, harbour, "NV-N-01-02", "Fishermen's Quarter");
    TerritoryUnit mill = unit(TerritoryLevel.SETTLEMENT, riverside, "NV-S-01-01", "Mill Village");
    // Centres, from which a typed place ("Old Town", "Lakeside") is measured in the register.
    territories.setCentre(north.id(), 54.78, 20.95);
    territories.setCentre(south.id(), 53.10, 22.55);
    territories.setCentre(harbour.id(), 54.7100, 20.4600);
    territories.setCentre(pinewood.id(), 54.6500, 21.0100);
    territories.setCentre(lakeside.id(), 54.9300, 21.2000);
    territories.setCentre(riverside.id(), 53.2000, 22.5100);
    territories.setCentre(vineyard.id(), 52.9800, 22.1500);
    territories.setCentre(highland.id(), 52.8200, 22.9000);
    territories.setCentre(oldTown.id(), 54.7120, 20.4480);
    territories.setCentre(quarter.id(), 54.7050, 20.4700);
    territories.setCentre(mill.id(), 53.2150, 22.4900);

    int year = LocalDate.now().getYear();
    for (TerritoryUnit region : List.of(north, south)) {
      for (int y = year - 1; y <= year + 1; y++) {
        holidays(region, y);
      }
    }
    // Calendars differ between regions: the south keeps a harvest holiday of its own and works
    // on a Saturday in exchange.
    territories.setCalendarDay(
        new CalendarDay(south.id(), LocalDate.of(year, 9, 15), false, "Harvest Day"));
    LocalDate saturday =
        LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SATURDAY));
    territories.setCalendarDay(
        new CalendarDay(south.id(), saturday, true, "Working Saturday for Harvest Day"));

    catalogue.load(north, south);
    programmes.load(north, south);

    user(
        "admin",
        "Alex Administrator",
        EnumSet.of(Role.ADMINISTRATOR),
        null,
        ScopeLevel.NATIONAL,
        null,
        null);
    user(
        "analyst",
        "Maria Analyst",
        EnumSet.of(Role.MINISTRY_ANALYST),
        null,
        ScopeLevel.NATIONAL,
        null,
        null);
    user(
        "auditor", "Oleg Auditor", EnumSet.of(Role.AUDITOR), null, ScopeLevel.NATIONAL, null, null);
    user(
        "officer.north",
        "Nina Officer",
        EnumSet.of(Role.REGIONAL_OFFICER),
        null,
        ScopeLevel.REGION,
        north,
        null);
    user(
        "officer.south",
        "Samuel Officer",
        EnumSet.of(Role.REGIONAL_OFFICER),
        null,
        ScopeLevel.REGION,
        south,
        null);
    user(
        "admin.south",
        "Sofia Administrator",
        EnumSet.of(Role.ADMINISTRATOR),
        null,
        ScopeLevel.REGION,
        south,
        null);
    user(
        "inspector",
        "Ivan Inspector",
        EnumSet.of(Role.INSPECTOR),
        null,
        ScopeLevel.REGION,
        north,
        null);
    user(
        "worker.harbour",
        "Hanna Worker",
        EnumSet.of(Role.CASE_WORKER),
        null,
        ScopeLevel.MUNICIPALITY,
        north,
        harbour);
    user(
        "worker.riverside",
        "Rustam Worker",
        EnumSet.of(Role.CASE_WORKER),
        null,
        ScopeLevel.MUNICIPALITY,
        south,
        riverside);
    user(
        "specialist.health",
        "Helen Specialist",
        EnumSet.of(Role.TEAM_SPECIALIST),
        Sector.HEALTH,
        ScopeLevel.MUNICIPALITY,
        north,
        harbour);
    user(
        "provider.staff",
        "Peter Provider",
        EnumSet.of(Role.PROVIDER_STAFF),
        null,
        ScopeLevel.REGION,
        north,
        null);
    user(
        "beneficiary",
        "Bella Beneficiary",
        EnumSet.of(Role.BENEFICIARY),
        null,
        ScopeLevel.MUNICIPALITY,
        north,
        harbour);

    Map<String, TerritoryUnit> places = new HashMap<>();
    for (String code : List.of("NV-N", "NV-S", "NV-N-01", "NV-N-02", "NV-N-03", "NV-S-01")) {
      places.put(code, territories.findByCode(code).orElseThrow());
    }
    providers.load(
        places,
        accounts.findByUsername("provider.staff").orElseThrow(),
        accounts.findByUsername("officer.north").orElseThrow(),
        accounts.findByUsername("officer.south").orElseThrow(),
        (login, regionId) ->
            user(
                login,
                "Staff of " + login.substring(login.indexOf('.') + 1),
                EnumSet.of(Role.PROVIDER_STAFF),
                null,
                ScopeLevel.REGION,
                territories.find(regionId).orElseThrow(),
                null));
    benefits.load(
        harbour,
        accounts.findByUsername("worker.harbour").orElseThrow(),
        accounts.findByUsername("officer.north").orElseThrow());
    return cases.load(
        harbour,
        accounts.findByUsername("worker.harbour").orElseThrow(),
        accounts.findByUsername("specialist.health").orElseThrow(),
        accounts.findByUsername("beneficiary").orElseThrow());
  }

  private void holidays(TerritoryUnit region, int year) {
    Map<MonthDay, String> fixed =
        Map.of(
            MonthDay.of(1, 1), "New Year's Day",
            MonthDay.of(1, 2), "New Year holiday",
            MonthDay.of(3, 8), "Women's Day",
            MonthDay.of(5, 1), "Labour Day",
            MonthDay.of(5, 9), "Remembrance Day",
            MonthDay.of(6, 12), "Constitution Day",
            MonthDay.of(11, 4), "Unity Day",
            MonthDay.of(12, 31), "New Year's Eve");
    fixed.forEach(
        (day, name) ->
            territories.setCalendarDay(
                new CalendarDay(region.id(), day.atYear(year), false, name)));
  }

  private TerritoryUnit unit(TerritoryLevel level, TerritoryUnit parent, String code, String name) {
    return territories.create(
        new NewTerritoryUnit(level, parent == null ? null : parent.id(), code, name));
  }

  private UserAccount user(
      String username,
      String name,
      EnumSet<Role> roles,
      Sector sector,
      ScopeLevel level,
      TerritoryUnit region,
      TerritoryUnit municipality) {
    return accounts.create(
        new UserDetailsForm(
            username,
            name,
            username + "@novaria.example",
            roles,
            sector,
            level,
            region == null ? null : region.id(),
            municipality == null ? null : municipality.id(),
            "en",
            true),
        PASSWORD);
  }
}
