package org.socius.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.catalogue.Classification.BeneficiaryCategory;
import org.socius.catalogue.Classification.DeliveryForm;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.Classification.Place;
import org.socius.catalogue.Classification.Purpose;
import org.socius.catalogue.Classification.Regime;
import org.socius.catalogue.Classification.Unit;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.TerritorialScope;
import org.socius.support.Api;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

@IntegrationTest
class CatalogueTest {

  @Autowired Catalogue catalogue;
  @Autowired Fixtures fixtures;
  @LocalServerPort int port;

  private ServiceType newType(String code) {
    return CurrentScope.asSystem(
        () ->
            catalogue.defineServiceType(
                new ServiceTypeDetails(
                    code,
                    "Test service " + code,
                    "",
                    Purpose.PREVENTION,
                    Set.of(BeneficiaryCategory.FAMILIES),
                    Regime.NON_RESIDENTIAL,
                    Set.of(Place.COMMUNITY),
                    DeliveryForm.FIELD,
                    true)));
  }

  private StandardDetails standard(LocalDate from, String cost) {
    return new StandardDetails(
        from,
        "Content",
        Unit.VISIT,
        new BigDecimal("4"),
        NormPeriod.MONTH,
        "weekly",
        45,
        "staff",
        "quality",
        new BigDecimal(cost));
  }

  @Test
  void theDemoCatalogueHasTheReportsServicesWithStandardsAndTariffs() {
    for (String code :
        new String[] {
          "HOME-CARE",
          "DAY-CARE",
          "RES-CARE",
          "HOT-MEALS",
          "COUNSEL",
          "REHAB",
          "SOC-TAXI",
          "RESPITE",
          "SHELTER"
        }) {
      ServiceType type = catalogue.serviceTypeByCode(code).orElseThrow();
      assertThat(catalogue.standardOn(type.id(), LocalDate.now())).as(code).isPresent();
      assertThat(catalogue.tariffOn(type.id(), fixtures.unit("NV-N-01").id(), LocalDate.now()))
          .as(code)
          .isPresent();
    }
    Standard homeCare =
        catalogue
            .standardOn(
                catalogue.serviceTypeByCode("HOME-CARE").orElseThrow().id(), LocalDate.now())
            .orElseThrow();
    assertThat(homeCare.maxUnits()).isEqualByComparingTo("8");
    assertThat(homeCare.normPeriod()).isEqualTo(NormPeriod.DAY);
  }

  @Test
  void aStandardIsLookedUpByTheDateItWasInForce() {
    ServiceType type = newType("STD-" + (System.nanoTime() % 100000));
    LocalDate today = LocalDate.now();
    Standard first =
        CurrentScope.asSystem(
            () -> catalogue.addStandard(type.id(), standard(today.minusYears(1), "10.00")));
    Standard second =
        CurrentScope.asSystem(
            () -> catalogue.addStandard(type.id(), standard(today.plusMonths(2), "12.00")));

    assertThat(second.versionNumber()).isEqualTo(2);
    assertThat(catalogue.standardOn(type.id(), today.minusYears(2))).isEmpty();
    assertThat(catalogue.standardOn(type.id(), today).orElseThrow().id()).isEqualTo(first.id());
    assertThat(catalogue.standardOn(type.id(), today.plusMonths(3)).orElseThrow().id())
        .isEqualTo(second.id());
  }

  @Test
  void aLaterVersionCanNeitherReachIntoThePastNorPrecedeTheLatest() {
    ServiceType type = newType("PAST-" + (System.nanoTime() % 100000));
    LocalDate today = LocalDate.now();
    CurrentScope.asSystem(
        () -> catalogue.addStandard(type.id(), standard(today.plusMonths(1), "10.00")));
    assertThatThrownBy(
            () ->
                CurrentScope.asSystem(
                    () -> catalogue.addStandard(type.id(), standard(today.minusDays(1), "11.00"))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings()).extracting(Finding::code).contains("CAT-0202"));
    assertThatThrownBy(
            () ->
                CurrentScope.asSystem(
                    () -> catalogue.addStandard(type.id(), standard(today.plusDays(3), "11.00"))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings()).extracting(Finding::code).contains("CAT-0203"));
    assertThat(catalogue.standards(type.id())).hasSize(1);
  }

  @Test
  void overlappingTariffsAreRefusedWithTheOneInTheWay() {
    ServiceType type = newType("TAR-" + (System.nanoTime() % 100000));
    UUID north = fixtures.unit("NV-N").id();
    CurrentScope.asSystem(
        () ->
            catalogue.setTariff(
                type.id(),
                north,
                new BigDecimal("10.00"),
                LocalDate.of(2030, 1, 1),
                LocalDate.of(2030, 12, 31)));
    assertThatThrownBy(
            () ->
                CurrentScope.asSystem(
                    () ->
                        catalogue.setTariff(
                            type.id(),
                            north,
                            new BigDecimal("11.00"),
                            LocalDate.of(2030, 6, 1),
                            null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.findings()).extracting(Finding::code).containsExactly("CAT-0303");
              assertThat(e.findings().getFirst().args()).contains(LocalDate.of(2030, 1, 1));
            });
    // The next period starts the day after; the other region is independent.
    CurrentScope.asSystem(
        () ->
            catalogue.setTariff(
                type.id(), north, new BigDecimal("11.00"), LocalDate.of(2031, 1, 1), null));
    CurrentScope.asSystem(
        () ->
            catalogue.setTariff(
                type.id(),
                fixtures.unit("NV-S").id(),
                new BigDecimal("9.00"),
                LocalDate.of(2030, 6, 1),
                null));
    assertThat(
            catalogue
                .tariffOn(type.id(), fixtures.unit("NV-N-02").id(), LocalDate.of(2030, 12, 31))
                .orElseThrow()
                .price())
        .isEqualByComparingTo("10.00");
    assertThat(catalogue.tariffOn(type.id(), north, LocalDate.of(2031, 1, 1)).orElseThrow().price())
        .isEqualByComparingTo("11.00");
    assertThat(catalogue.tariffs(type.id())).hasSize(3);
  }

  @Test
  void badAmountsAreRefused() {
    ServiceType type = newType("AMT-" + (System.nanoTime() % 100000));
    UUID north = fixtures.unit("NV-N").id();
    assertThatThrownBy(
            () ->
                CurrentScope.asSystem(
                    () ->
                        catalogue.setTariff(
                            type.id(),
                            north,
                            new BigDecimal("-1"),
                            LocalDate.of(2030, 1, 1),
                            null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings()).extracting(Finding::code).contains("CAT-0209"));
    assertThatThrownBy(
            () ->
                CurrentScope.asSystem(
                    () ->
                        catalogue.setTariff(
                            type.id(),
                            north,
                            new BigDecimal("1.005"),
                            LocalDate.of(2030, 1, 1),
                            null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings()).extracting(Finding::code).contains("CAT-0210"));
    assertThatThrownBy(
            () ->
                CurrentScope.asSystem(
                    () ->
                        catalogue.setTariff(
                            type.id(),
                            north,
                            BigDecimal.TEN,
                            LocalDate.of(2030, 2, 1),
                            LocalDate.of(2030, 1, 1))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings()).extracting(Finding::code).contains("CAT-0302"));
    assertThat(catalogue.tariffs(type.id())).isEmpty();
  }

  @Test
  void aRegionSetsOnlyItsOwnTariffsAndTheCatalogueIsNational() {
    ServiceType type = newType("REG-" + (System.nanoTime() % 100000));
    TerritorialScope south = TerritorialScope.region(fixtures.unit("NV-S").id());
    UUID north = fixtures.unit("NV-N").id();
    assertThatThrownBy(
            () ->
                CurrentScope.within(
                    south,
                    () ->
                        catalogue.setTariff(
                            type.id(), north, BigDecimal.TEN, LocalDate.of(2030, 1, 1), null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                CurrentScope.within(
                    south,
                    () -> catalogue.addStandard(type.id(), standard(LocalDate.now(), "1.00"))))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(catalogue.tariffs(type.id())).isEmpty();
  }

  @Test
  void theApiFiltersByAxesAndRefusesAnOverlappingTariffWithAProblem() {
    Api officer = new Api(port, fixtures.tokenFor("officer.north"));
    var elderlyAtHome = officer.get("/api/v1/service-types?category=ELDERLY&place=HOME").json();
    assertThat(elderlyAtHome.findValuesAsString("code"))
        .contains("HOME-CARE", "HOT-MEALS")
        .doesNotContain("SHELTER", "DAY-CARE");

    ServiceType type = newType("APIT-" + (System.nanoTime() % 100000));
    String north = fixtures.unit("NV-N").id().toString();
    var first =
        officer.post(
            "/api/v1/service-types/" + type.id() + "/tariffs",
            "{\"regionId\":\"" + north + "\",\"price\":12.50,\"validFrom\":\"2032-01-01\"}");
    assertThat(first.status()).isEqualTo(201);
    var overlap =
        officer.post(
            "/api/v1/service-types/" + type.id() + "/tariffs",
            "{\"regionId\":\"" + north + "\",\"price\":13.00,\"validFrom\":\"2033-01-01\"}");
    assertThat(overlap.status()).isEqualTo(400);
    assertThat(overlap.json().path("errors").get(0).path("code").asString()).isEqualTo("CAT-0303");

    var ended =
        officer.send(
            "POST",
            first.header("location") + "/end",
            "{\"validTo\":\"2032-12-31\"}",
            "application/json",
            Map.of("If-Match", first.header("etag")));
    assertThat(ended.status()).isEqualTo(200);
    assertThat(
            officer
                .post(
                    "/api/v1/service-types/" + type.id() + "/tariffs",
                    "{\"regionId\":\"" + north + "\",\"price\":13.00,\"validFrom\":\"2033-01-01\"}")
                .status())
        .isEqualTo(201);
  }
}
