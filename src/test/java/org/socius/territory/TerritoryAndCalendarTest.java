package org.socius.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.socius.platform.api.ImportReport;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.security.CurrentScope;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class TerritoryAndCalendarTest {

  @Autowired Territories territories;
  @Autowired WorkingDays workingDays;
  @Autowired Fixtures fixtures;

  @Test
  void deadlinesSkipWeekendsAndTheRegionsHolidays() {
    TerritoryUnit north = fixtures.unit("NV-N");
    TerritoryUnit harbour = fixtures.unit("NV-N-01");
    LocalDate labourDay = LocalDate.of(2035, 5, 1);
    CurrentScope.asSystem(
        () ->
            territories.setCalendarDay(
                new CalendarDay(north.id(), labourDay, false, "Labour Day")));
    // Friday 27 April 2035; Monday 30 April counts, Tuesday 1 May is a holiday.
    LocalDate friday = LocalDate.of(2035, 4, 27);
    assertThat(workingDays.addWorkingDays(harbour.id(), friday, 1))
        .isEqualTo(LocalDate.of(2035, 4, 30));
    assertThat(workingDays.addWorkingDays(harbour.id(), friday, 3))
        .isEqualTo(LocalDate.of(2035, 5, 3));
    assertThat(workingDays.addWorkingDays(harbour.id(), friday, 20))
        .isEqualTo(LocalDate.of(2035, 5, 28));
  }

  @Test
  void regionsKeepTheirOwnCalendars() {
    int year = LocalDate.now().getYear();
    LocalDate harvest = LocalDate.of(year, 9, 15);
    TerritoryUnit riverside = fixtures.unit("NV-S-01");
    TerritoryUnit harbour = fixtures.unit("NV-N-01");
    boolean weekday = harvest.getDayOfWeek().getValue() <= 5;
    assertThat(workingDays.isWorkingDay(riverside.id(), harvest)).isFalse();
    assertThat(workingDays.isWorkingDay(harbour.id(), harvest)).isEqualTo(weekday);
  }

  @Test
  void aWorkingSaturdayCountsAndZeroDaysRollsToTheNextWorkingDay() {
    TerritoryUnit north = fixtures.unit("NV-N");
    LocalDate saturday = LocalDate.of(2031, 3, 1);
    assertThat(saturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(workingDays.addWorkingDays(north.id(), saturday, 0))
        .isEqualTo(LocalDate.of(2031, 3, 3));
    CurrentScope.asSystem(
        () ->
            territories.setCalendarDay(
                new CalendarDay(north.id(), saturday, true, "Working Saturday")));
    assertThat(workingDays.addWorkingDays(north.id(), saturday, 0)).isEqualTo(saturday);
    assertThat(workingDays.addWorkingDays(north.id(), saturday.minusDays(1), 1))
        .isEqualTo(saturday);
    CurrentScope.asSystem(() -> territories.removeCalendarDay(north.id(), saturday));
    assertThat(workingDays.addWorkingDays(north.id(), saturday.minusDays(1), 1))
        .isEqualTo(LocalDate.of(2031, 3, 3));
  }

  @Test
  void longDeadlinesCrossTheLoadedWindow() {
    TerritoryUnit north = fixtures.unit("NV-N");
    LocalDate from = LocalDate.of(2040, 1, 6);
    LocalDate deadline = workingDays.addWorkingDays(north.id(), from, 600);
    assertThat(workingDays.workingDaysBetween(north.id(), from, deadline)).isEqualTo(600);
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(
            () -> workingDays.addWorkingDays(fixtures.unit("NV-N").id(), LocalDate.now(), -1))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aCsvImportWithOneBadRowImportsNothingAndReportsEveryBadRow() {
    String csv =
        """
        code,level,parent_code,name
        NV-N-04,MUNICIPALITY,NV-N,Cliffside District
        NV-N-04-01,SETTLEMENT,NV-N-04,Cliff Top
        NV-N-05,DISTRICT,NV-N,Wrong Level
        NV-N-06,MUNICIPALITY,NV-Q,Unknown Parent
        NV-N-01,MUNICIPALITY,NV-N,Duplicate Code
        """;
    ImportReport report = CurrentScope.asSystem(() -> territories.importCsv(csv));
    assertThat(report.accepted()).isFalse();
    assertThat(report.imported()).isZero();
    assertThat(report.findings())
        .extracting(ImportReport.LineFinding::line)
        .containsExactly(4, 5, 6);
    assertThat(territories.findByCode("NV-N-04")).isEmpty();
  }

  @Test
  void aGoodCsvImportCreatesTheHierarchyInFileOrder() {
    String csv =
        """
        code,level,parent_code,name
        NV-S-04,MUNICIPALITY,NV-S,"Coastal District, East"
        NV-S-04-01,SETTLEMENT,NV-S-04,Saltmarsh
        """;
    ImportReport report = CurrentScope.asSystem(() -> territories.importCsv(csv));
    assertThat(report.findings()).isEmpty();
    assertThat(report.imported()).isEqualTo(2);
    TerritoryUnit district = territories.findByCode("NV-S-04").orElseThrow();
    assertThat(district.name()).isEqualTo("Coastal District, East");
    assertThat(district.regionId()).isEqualTo(fixtures.unit("NV-S").id());
    TerritoryUnit village = territories.findByCode("NV-S-04-01").orElseThrow();
    assertThat(village.municipalityId()).isEqualTo(district.id());
  }

  @Test
  void centresImportWithTheUnitsBothOrNeitherAndLocateATypedPlace() {
    String bad =
        """
        code,level,parent_code,name,latitude,longitude
        NV-S-05,MUNICIPALITY,NV-S,Dune District,52.5,
        NV-S-06,MUNICIPALITY,NV-S,Marsh District,north,23.0
        NV-S-07,MUNICIPALITY,NV-S,Delta District,,
        """;
    ImportReport refused = CurrentScope.asSystem(() -> territories.importCsv(bad));
    assertThat(refused.findings())
        .extracting(f -> f.line() + " " + f.finding().code())
        .containsExactly("2 TER-0112", "3 TER-0112");
    assertThat(territories.findByCode("NV-S-07")).isEmpty();

    String good =
        """
        code,level,parent_code,name,latitude,longitude
        NV-S-05,MUNICIPALITY,NV-S,Dune District,52.5,23.1
        NV-S-05-01,SETTLEMENT,NV-S-05,Sandy Cove,52.45,23.2
        """;
    assertThat(CurrentScope.asSystem(() -> territories.importCsv(good)).imported()).isEqualTo(2);
    var cove = territories.locate("2 Beach Road, Sandy Cove, Dune District").orElseThrow();
    assertThat(cove.name()).isEqualTo("Sandy Cove");
    assertThat(cove.latitude()).isEqualTo(52.45);
    assertThat(territories.locate("dune").orElseThrow().longitude()).isEqualTo(23.1);
    assertThat(territories.locate("Nowhere at all")).isEmpty();
  }

  @Test
  void aRegionalOfficerCannotChangeAnotherRegion() {
    TerritoryUnit south = fixtures.unit("NV-S");
    TerritoryUnit north = fixtures.unit("NV-N");
    assertThatThrownBy(
            () ->
                CurrentScope.within(
                    org.socius.platform.security.TerritorialScope.region(south.id()),
                    () -> {
                      territories.setWeekend(north.id(), Set.of(DayOfWeek.SUNDAY));
                      return null;
                    }))
        .isInstanceOf(org.socius.platform.errors.NotFoundException.class);
    assertThat(territories.weekend(north.id()))
        .containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  }
}
