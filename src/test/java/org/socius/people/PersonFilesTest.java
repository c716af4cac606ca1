package org.socius.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socius.people.PeopleKinds.AssetKind;
import org.socius.people.PeopleKinds.ConsentPurpose;
import org.socius.people.PeopleKinds.DocumentKind;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.programmes.HouseholdFacts;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.socius.support.SampleHouseholds;
import org.socius.support.SampleHouseholds.Member;
import org.springframework.beans.factory.annotation.Autowired;

/** Assets count in a household's facts while held; consents and documents are kept and checked. */
@IntegrationTest
class PersonFilesTest {

  @Autowired Fixtures fixtures;
  @Autowired PersonFiles files;
  @Autowired People people;
  @Autowired SampleHouseholds households;

  @Test
  void assetsHeldOnADateCountInTheHouseholdsFacts() {
    var sample =
        households.create(
            "worker.harbour",
            "NV-N-01",
            "Asset" + System.nanoTime() % 100_000,
            List.of(new Member(LocalDate.of(1970, 1, 1), "100.00")));
    LocalDate bought = LocalDate.now().minusYears(2);
    var car =
        fixtures.as(
            "worker.harbour",
            () ->
                files.recordAsset(
                    sample.headId(),
                    AssetKind.VEHICLE,
                    "Car, 2015",
                    new BigDecimal("3500.00"),
                    bought));
    fixtures.as(
        "worker.harbour",
        () ->
            files.recordAsset(
                sample.headId(), AssetKind.SAVINGS, "Deposit", new BigDecimal("1200.50"), bought));
    LocalDate sold = LocalDate.now().minusMonths(1);
    fixtures.as(
        "worker.harbour",
        () -> {
          files.endAsset(sample.headId(), car.id(), sold);
          return null;
        });

    var before =
        fixtures.as(
            "worker.harbour", () -> people.householdOn(sample.householdId(), sold.minusDays(1)));
    var now =
        fixtures.as(
            "worker.harbour", () -> people.householdOn(sample.householdId(), LocalDate.now()));
    assertThat(HouseholdFacts.of(before, before.on())).containsEntry("assets", 470_050L);
    assertThat(HouseholdFacts.of(now, now.on())).containsEntry("assets", 120_050L);

    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () ->
                        files.recordAsset(
                            sample.headId(),
                            null,
                            " ",
                            new BigDecimal("-1"),
                            LocalDate.now().plusDays(1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PPL-0701")
        .hasMessageContaining("PPL-0702")
        .hasMessageContaining("PPL-0703")
        .hasMessageContaining("PPL-0704");
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () -> {
                      files.endAsset(sample.headId(), car.id(), LocalDate.now());
                      return null;
                    }))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PPL-0705");
    // Another territory does not learn the file exists.
    assertThatThrownBy(() -> fixtures.as("worker.riverside", () -> files.of(sample.headId())))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void consentsAreGivenOnceAtATimeAndDocumentsChecked() {
    var sample =
        households.create(
            "worker.harbour",
            "NV-N-01",
            "Consent" + System.nanoTime() % 100_000,
            List.of(new Member(LocalDate.of(1980, 1, 1), "0")));
    var consent =
        fixtures.as(
            "worker.harbour",
            () ->
                files.giveConsent(
                    sample.headId(), ConsentPurpose.DATA_SHARING, LocalDate.now().minusDays(3)));
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () ->
                        files.giveConsent(
                            sample.headId(), ConsentPurpose.DATA_SHARING, LocalDate.now())))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("PPL-0708");
    assertThat(
            fixtures.as(
                "worker.harbour",
                () -> files.consents(sample.headId(), ConsentPurpose.DATA_SHARING)))
        .isTrue();
    fixtures.as(
        "worker.harbour",
        () -> {
          files.withdrawConsent(sample.headId(), consent.id(), LocalDate.now());
          return null;
        });
    assertThat(
            fixtures.as(
                "worker.harbour",
                () -> files.consents(sample.headId(), ConsentPurpose.DATA_SHARING)))
        .isFalse();

    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () ->
                        files.recordDocument(
                            sample.headId(),
                            DocumentKind.PASSPORT,
                            "P-1",
                            LocalDate.of(2020, 1, 1),
                            LocalDate.of(2019, 1, 1))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PPL-0712");
    fixtures.as(
        "worker.harbour",
        () ->
            files.recordDocument(
                sample.headId(),
                DocumentKind.PASSPORT,
                "P-1",
                LocalDate.of(2020, 1, 1),
                LocalDate.of(2030, 1, 1)));
    byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    var scanned =
        fixtures.as(
            "worker.harbour",
            () ->
                files.recordDocument(
                    sample.headId(),
                    DocumentKind.DISABILITY_CERTIFICATE,
                    "D-7",
                    null,
                    null,
                    "certificate.pdf",
                    "application/pdf",
                    pdf));
    assertThat(
            fixtures
                .as("worker.harbour", () -> files.scan(sample.headId(), scanned.id()))
                .content())
        .isEqualTo(pdf);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "worker.harbour",
                    () ->
                        files.recordDocument(
                            sample.headId(),
                            DocumentKind.OTHER,
                            "",
                            null,
                            null,
                            "page.pdf",
                            "application/pdf",
                            "<html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("PPL-0715");
    PersonFile file = fixtures.as("worker.harbour", () -> files.of(sample.headId()));
    assertThat(file.documents())
        .extracting(PersonFile.Document::number, PersonFile.Document::fileName)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("P-1", null),
            org.assertj.core.groups.Tuple.tuple("D-7", "certificate.pdf"));
    assertThat(file.consents()).singleElement().satisfies(c -> assertThat(c.inForce()).isFalse());
  }
}
