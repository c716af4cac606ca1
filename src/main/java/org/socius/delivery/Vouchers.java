package org.socius.delivery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.catalogue.Tariff;
import org.socius.delivery.internal.VoucherCodes;
import org.socius.delivery.internal.VoucherRecords;
import org.socius.people.People;
import org.socius.people.Person;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.MessageLabel;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.providers.Places;
import org.socius.providers.ProviderProfiles;
import org.socius.providers.PublicRegister;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Vouchers. The regional officer defines what the region grants (a scheme: a value or a number of
 * units for some services, valid for some days, partly redeemable or not); a worker issues a
 * voucher to a person, with a code nobody can guess, printed with a QR code. A provider's staff
 * redeem it at one of their registered services of the scheme's kinds in the voucher's region: the
 * use is taken from the voucher in one guarded statement, so that of concurrent attempts on one
 * voucher only those it still covers succeed, and a voucher is never used twice.
 */
@Service
public class Vouchers {

  private static final int MAX_NAME = 200;

  private final VoucherRecords records;
  private final People people;
  private final Places places;
  private final ProviderProfiles providers;
  private final Catalogue catalogue;
  private final AuditLog audit;
  private final TransactionTemplate redemption;
  private final Clock clock;

  Vouchers(
      VoucherRecords records,
      People people,
      Places places,
      ProviderProfiles providers,
      Catalogue catalogue,
      AuditLog audit,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.records = records;
    this.people = people;
    this.places = places;
    this.providers = providers;
    this.catalogue = catalogue;
    this.audit = audit;
    this.redemption = new TransactionTemplate(transactions);
    this.redemption.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** A scheme as the officer defines it; services by their catalogue codes. */
  public record NewScheme(
      String name,
      Voucher.Kind kind,
      BigDecimal face,
      Integer validityDays,
      boolean partial,
      List<String> services) {}

  @Transactional
  public Voucher.Scheme defineScheme(UUID regionId, NewScheme s) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    if (regionId == null || !CurrentScope.get().allows(regionId, null)) {
      throw new NotFoundException("region", regionId);
    }
    List<Finding> findings = new ArrayList<>();
    String name = s.name() == null ? "" : s.name().trim();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      findings.add(Finding.of("name", "DLV-0411", MAX_NAME));
    }
    if (s.kind() == null) {
      findings.add(Finding.of("kind", "DLV-0412"));
    }
    if (s.face() == null || s.face().signum() <= 0 || s.face().scale() > 2) {
      findings.add(Finding.of("face", "DLV-0413"));
    }
    if (s.validityDays() == null || s.validityDays() < 1 || s.validityDays() > 3660) {
      findings.add(Finding.of("validityDays", "DLV-0414"));
    }
    List<UUID> types = new ArrayList<>();
    for (String code : s.services() == null ? List.<String>of() : s.services()) {
      Optional<ServiceType> type = catalogue.serviceTypeByCode(code == null ? "" : code.trim());
      if (type.isEmpty()) {
        findings.add(Finding.of("services", "DLV-0415", code));
      } else {
        types.add(type.get().id());
      }
    }
    if (types.isEmpty() && findings.stream().noneMatch(f -> "services".equals(f.field()))) {
      findings.add(Finding.of("services", "DLV-0416"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Voucher.Scheme scheme =
        new Voucher.Scheme(
            Ids.newId(), regionId, name, s.kind(), s.face(), s.validityDays(), s.partial(), types);
    records.insertScheme(scheme, OffsetDateTime.now(clock), CurrentScope.actorName());
    audit.recordChange(
        AuditedEntity.of("voucher-scheme", scheme.id(), regionId, null), "define", null, scheme);
    return scheme;
  }

  @Transactional(readOnly = true)
  public List<Voucher.Scheme> schemes(UUID regionId) {
    return records.schemes(regionId);
  }

  /** A worker issues a voucher of a scheme of the person's region to the person. */
  @Transactional
  public Voucher issue(UUID schemeId, UUID personId) {
    RequiredRoles.anyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER);
    Person person = people.get(personId);
    Voucher.Scheme scheme =
        records
            .scheme(schemeId)
            .filter(s -> s.regionId().equals(person.regionId()))
            .orElseThrow(() -> InvalidInputException.of("schemeId", "DLV-0417"));
    LocalDate today = LocalDate.now(clock);
    Voucher v =
        new Voucher(
            Ids.newId(),
            VoucherCodes.newCode(),
            scheme,
            person.id(),
            person.givenNames() + " " + person.familyName(),
            person.regionId(),
            person.municipalityId(),
            today,
            today.plusDays(scheme.validityDays() - 1L),
            scheme.face(),
            scheme.face(),
            Voucher.Status.ACTIVE,
            CurrentScope.actorName(),
            0);
    records.insert(v);
    audit.recordChange(
        entity(v), "issue-voucher", null, Map.of("scheme", scheme.name(), "value", v.initial()));
    return v;
  }

  /** A voucher of the caller's territory, for its worker; others answer 404. */
  @Transactional(readOnly = true)
  public Voucher get(UUID id) {
    RequiredRoles.anyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER);
    return records.find(id).orElseThrow(() -> new NotFoundException("voucher", id));
  }

  @Transactional(readOnly = true)
  public List<Voucher> ofPerson(UUID personId) {
    RequiredRoles.anyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER);
    return records.ofPerson(personId);
  }

  /** What one redemption took from a voucher, and what is left. */
  public record Redemption(UUID id, String code, BigDecimal used, BigDecimal remaining) {}

  /**
   * A provider's staff redeem a voucher by its code at one of their registered services, using the
   * whole of it or, where the scheme allows, part. Refused, changing nothing, for a code that is no
   * voucher's, a voucher spent, cancelled or expired, of another service or region, or holding less
   * than asked; of concurrent attempts, those it no longer covers are told so.
   */
  public Redemption redeem(String code, UUID registeredServiceId, BigDecimal used) {
    RequiredRoles.anyOf(Role.PROVIDER_STAFF);
    String normalised = VoucherCodes.normalised(code);
    List<Finding> findings = new ArrayList<>();
    if (normalised == null) {
      findings.add(Finding.of("code", "DLV-0401"));
    }
    if (used == null || used.signum() <= 0 || used.stripTrailingZeros().scale() > 2) {
      findings.add(Finding.of("used", "DLV-0402"));
    }
    PublicRegister.Entry service =
        registeredServiceId == null ? null : places.service(registeredServiceId).orElse(null);
    if (service == null) {
      findings.add(Finding.of("registeredServiceId", "DLV-0418"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    providers.ownProvider(service.providerId());
    OffsetDateTime now = OffsetDateTime.now(clock);
    String by = CurrentScope.actorName();
    // Vouchers are read and changed past the territory's policies only here, after the checks
    // above: the provider knows the code, not the voucher's municipality.
    return CurrentScope.asSystem(
        () -> redemption.execute(status -> take(normalised, service, used, now, by)));
  }

  private Redemption take(
      String code, PublicRegister.Entry service, BigDecimal used, OffsetDateTime now, String by) {
    Voucher v =
        records.byCode(code).orElseThrow(() -> InvalidInputException.of("code", "DLV-0403"));
    if (v.status() != Voucher.Status.ACTIVE) {
      throw new ConflictException(
          "DLV-0404", v.code(), MessageLabel.of("vouchers.status.", v.status()));
    }
    if (v.expiredOn(now.toLocalDate())) {
      throw new ConflictException("DLV-0405", v.code(), v.expiresOn());
    }
    if (!v.scheme().serviceTypeIds().contains(service.serviceTypeId())) {
      throw InvalidInputException.of("registeredServiceId", "DLV-0406", v.scheme().name());
    }
    if (!v.regionId().equals(service.regionId())) {
      throw InvalidInputException.of("registeredServiceId", "DLV-0407");
    }
    if (!v.scheme().partial() && used.compareTo(v.remaining()) != 0) {
      throw InvalidInputException.of("used", "DLV-0408", v.remaining().toPlainString());
    }
    if (used.compareTo(v.remaining()) > 0) {
      throw InvalidInputException.of("used", "DLV-0409", v.remaining().toPlainString());
    }
    ServiceType type = catalogue.serviceType(service.serviceTypeId()).orElseThrow();
    BigDecimal unitPrice =
        v.scheme().kind() == Voucher.Kind.VALUE
            ? BigDecimal.ONE
            : catalogue
                .tariffOn(service.serviceTypeId(), v.regionId(), now.toLocalDate())
                .map(Tariff::price)
                .orElseThrow(() -> new ConflictException("DLV-0419", type.name()));
    if (!records.take(v.id(), used, v.scheme().partial())) {
      throw new ConflictException("DLV-0410", v.code());
    }
    UUID id = Ids.newId();
    records.insertRedemption(
        id,
        v,
        service.providerId(),
        service.registeredServiceId(),
        service.serviceTypeId(),
        type.name(),
        used,
        unitPrice,
        now,
        by);
    audit.recordChange(
        entity(v),
        "redeem-voucher",
        null,
        Map.of("used", used, "provider", service.providerName()));
    return new Redemption(id, v.code(), used, v.remaining().subtract(used));
  }

  private static AuditedEntity entity(Voucher v) {
    return AuditedEntity.of("voucher", v.id(), v.regionId(), v.municipalityId());
  }
}
