package org.socius.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.socius.catalogue.Catalogue;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.providers.Application.AppliedService;
import org.socius.providers.ProviderKinds.ApplicationStatus;
import org.socius.providers.ProviderKinds.Decision;
import org.socius.providers.ProviderKinds.DocumentKind;
import org.socius.providers.ProviderKinds.RefusalReason;
import org.socius.support.Fixtures;
import org.socius.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A refusal appealed and decided again, and the transitions each state refuses. */
@IntegrationTest
class ApplicationWorkflowTest {

  private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired Fixtures fixtures;
  @Autowired ProviderProfiles profiles;
  @Autowired RegisterApplications applications;
  @Autowired PublicRegister register;
  @Autowired Catalogue catalogue;

  private UUID type(String code) {
    return catalogue.serviceTypeByCode(code).orElseThrow().id();
  }

  private AppliedService service(Application application, String code) {
    return application.services().stream()
        .filter(s -> s.serviceTypeId().equals(type(code)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aRefusedServiceIsAppealedAndAdmittedOnAppeal() {
    Application submitted =
        fixtures.as(
            "staff.parish",
            () -> {
              Provider parish = profiles.mine().getFirst();
              ServicePoint hall = profiles.servicePoints(parish.id()).getFirst();
              Application a = applications.start(parish.id());
              a = applications.addService(a.id(), type("RESPITE"), hall.id(), 5);
              a = applications.addService(a.id(), type("COUNSEL"), hall.id(), 5);
              a =
                  applications.attach(
                      a.id(), DocumentKind.STATUTE, "s.pdf", "application/pdf", PDF);
              a =
                  applications.attach(
                      a.id(),
                      DocumentKind.REGISTRATION_CERTIFICATE,
                      "r.pdf",
                      "application/pdf",
                      PDF);
              return applications.submit(a.id(), a.version());
            });
    assertThat(submitted.status()).isEqualTo(ApplicationStatus.SUBMITTED);
    assertThat(submitted.dueOn()).isAfter(java.time.LocalDate.now());

    UUID respite = service(submitted, "RESPITE").id();
    UUID counsel = service(submitted, "COUNSEL").id();
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "officer.north",
                    () ->
                        applications.decide(
                            submitted.id(),
                            submitted.version(),
                            List.of(new ServiceDecision(respite, false, null, "no reason given")))))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings()).extracting(Finding::code).containsExactly("PRV-1004"));
    Application decided =
        fixtures.as(
            "officer.north",
            () ->
                applications.decide(
                    submitted.id(),
                    submitted.version(),
                    List.of(
                        new ServiceDecision(
                            respite,
                            false,
                            RefusalReason.PREMISES_UNSUITABLE,
                            "No ground-floor bedroom"),
                        new ServiceDecision(counsel, true, null, null))));
    assertThat(decided.status()).isEqualTo(ApplicationStatus.DECIDED);

    // Another region's officer does not see it; a decided application takes no answers.
    assertThatThrownBy(() -> fixtures.as("officer.south", () -> applications.get(decided.id())))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.parish",
                    () -> applications.answer(decided.id(), decided.version(), "x")))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.code()).isEqualTo("PRV-0902"));

    // Only the refused service can be appealed, and only with words.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.parish",
                    () -> applications.appeal(decided.id(), decided.version(), counsel, "why")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings()).extracting(Finding::code).containsExactly("PRV-1102"));
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "staff.parish",
                    () -> applications.appeal(decided.id(), decided.version(), respite, " ")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.findings()).extracting(Finding::code).containsExactly("PRV-1103"));
    Application appealed =
        fixtures.as(
            "staff.parish",
            () ->
                applications.appeal(
                    decided.id(),
                    decided.version(),
                    respite,
                    "A ground-floor room was fitted in May"));
    assertThat(appealed.status()).isEqualTo(ApplicationStatus.APPEALED);
    assertThat(service(appealed, "RESPITE").decision()).isEqualTo(Decision.PENDING);
    assertThat(service(appealed, "RESPITE").appealText())
        .isEqualTo("A ground-floor room was fitted in May");

    // A decision made from an old version is a lost update.
    assertThatThrownBy(
            () ->
                fixtures.as(
                    "officer.north",
                    () ->
                        applications.decide(
                            appealed.id(),
                            decided.version(),
                            List.of(new ServiceDecision(respite, true, null, null)))))
        .isInstanceOfSatisfying(
            ConflictException.class, e -> assertThat(e.isStaleVersion()).isTrue());
    Application admitted =
        fixtures.as(
            "officer.north",
            () ->
                applications.decide(
                    appealed.id(),
                    appealed.version(),
                    List.of(new ServiceDecision(respite, true, null, null))));
    assertThat(admitted.status()).isEqualTo(ApplicationStatus.DECIDED);
    assertThat(register.search(type("RESPITE"), null, null, null, 0, 50).items())
        .anyMatch(e -> e.providerName().equals("St Nicholas Parish Charity"));
  }
}
