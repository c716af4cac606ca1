package org.socius.catalogue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.catalogue.Classification.BeneficiaryCategory;
import org.socius.catalogue.Classification.Place;
import org.socius.catalogue.Classification.Purpose;
import org.socius.catalogue.Classification.Regime;
import org.socius.catalogue.internal.ServiceTypes;
import org.socius.catalogue.internal.Standards;
import org.socius.catalogue.internal.Tariffs;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.territory.Territories;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service catalogue: service types and their standards, which the ministry keeps for the whole
 * country, and the tariffs each region sets. Standards and tariffs are looked up by date, so that
 * whatever was agreed under a version keeps it.
 */
@Service
public class Catalogue {

  private static final String CODE_PATTERN = "[A-Za-z0-9._-]{2,32}";

  private final ServiceTypes types;
  private final Standards standards;
  private final Tariffs tariffs;
  private final Territories territories;
  private final AuditLog audit;
  private final Clock clock;
  private final String currency;

  Catalogue(
      ServiceTypes types,
      Standards standards,
      Tariffs tariffs,
      Territories territories,
      AuditLog audit,
      Clock clock,
      @Value("${socius.currency:EUR}") String currency) {
    this.types = types;
    this.standards = standards;
    this.tariffs = tariffs;
    this.territories = territories;
    this.audit = audit;
    this.clock = clock;
    this.currency = currency;
  }

  /** The currency of every amount in this installation. */
  public String currency() {
    return currency;
  }

  @Transactional(readOnly = true)
  public Optional<ServiceType> serviceType(UUID id) {
    return id == null ? Optional.empty() : types.find(id);
  }

  @Transactional(readOnly = true)
  public Optional<ServiceType> serviceTypeByCode(String code) {
    return types.findByCode(code);
  }

  @Transactional(readOnly = true)
  public List<ServiceType> search(
      String text,
      Purpose purpose,
      BeneficiaryCategory category,
      Regime regime,
      Place place,
      boolean activeOnly) {
    return types.search(text, purpose, category, regime, place, activeOnly);
  }

  @Transactional(readOnly = true)
  public List<Standard> standards(UUID serviceTypeId) {
    existing(serviceTypeId);
    return standards.versions(serviceTypeId);
  }

  @Transactional(readOnly = true)
  public Optional<Standard> standard(UUID standardId) {
    return standards.find(standardId);
  }

  /** The standard in force on a day, if the type had one then. */
  @Transactional(readOnly = true)
  public Optional<Standard> standardOn(UUID serviceTypeId, LocalDate day) {
    return standards.inForceOn(serviceTypeId, day);
  }

  @Transactional(readOnly = true)
  public List<Tariff> tariffs(UUID serviceTypeId) {
    existing(serviceTypeId);
    return tariffs.of(serviceTypeId);
  }

  @Transactional(readOnly = true)
  public Optional<Tariff> tariff(UUID tariffId) {
    return tariffs.find(tariffId);
  }

  /**
   * The region's price of a unit of the service on a day; the region may be given by any unit
   * inside it.
   */
  @Transactional(readOnly = true)
  public Optional<Tariff> tariffOn(UUID serviceTypeId, UUID territoryId, LocalDate day) {
    return territories
        .find(territoryId)
        .filter(unit -> unit.regionId() != null)
        .flatMap(unit -> tariffs.validOn(serviceTypeId, unit.regionId(), day));
  }

  @Transactional
  public ServiceType defineServiceType(ServiceTypeDetails details) {
    requireNationalScope();
    List<Finding> findings = check(details);
    if (findings.isEmpty() && types.findByCode(details.code().trim()).isPresent()) {
      findings.add(Finding.of("code", "CAT-0102", details.code().trim()));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    ServiceType type = build(Ids.newId(), details, 0);
    types.insert(type);
    audit.recordChange(AuditedEntity.national("service-type", type.id()), "create", null, type);
    return type;
  }

  @Transactional
  public ServiceType changeServiceType(UUID id, int expectedVersion, ServiceTypeDetails details) {
    requireNationalScope();
    ServiceType before = existing(id);
    if (before.version() != expectedVersion) {
      throw ConflictException.staleVersion(expectedVersion, before.version());
    }
    List<Finding> findings = check(details);
    if (findings.isEmpty()
        && !before.code().equalsIgnoreCase(details.code().trim())
        && types.findByCode(details.code().trim()).isPresent()) {
      findings.add(Finding.of("code", "CAT-0102", details.code().trim()));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    if (!types.update(build(id, details, expectedVersion))) {
      throw ConflictException.staleVersion(expectedVersion, "newer");
    }
    ServiceType after = types.find(id).orElseThrow();
    audit.recordChange(AuditedEntity.national("service-type", id), "update", before, after);
    return after;
  }

  /**
   * Adds the next version of a type's standard. A later version takes effect today or later and
   * after every earlier version, so that no past day changes its standard; the first version may be
   * dated back, since nothing can have been agreed under a standard that did not exist.
   */
  @Transactional
  public Standard addStandard(UUID serviceTypeId, StandardDetails details) {
    requireNationalScope();
    existing(serviceTypeId);
    List<Finding> findings = new ArrayList<>();
    List<Standard> versions = standards.versions(serviceTypeId);
    LocalDate today = LocalDate.now(clock);
    if (details.effectiveFrom() == null) {
      findings.add(Finding.of("effectiveFrom", "CAT-0201"));
    } else if (!versions.isEmpty() && details.effectiveFrom().isBefore(today)) {
      findings.add(Finding.of("effectiveFrom", "CAT-0202"));
    } else if (!versions.isEmpty()
        && !details.effectiveFrom().isAfter(versions.getFirst().effectiveFrom())) {
      findings.add(Finding.of("effectiveFrom", "CAT-0203", versions.getFirst().effectiveFrom()));
    }
    if (details.content() == null || details.content().isBlank()) {
      findings.add(Finding.of("content", "CAT-0204"));
    }
    if (details.unit() == null) {
      findings.add(Finding.of("unit", "CAT-0205"));
    }
    if (details.normPeriod() == null) {
      findings.add(Finding.of("normPeriod", "CAT-0206"));
    }
    checkAmount("maxUnits", details.maxUnits(), false, 8, findings);
    checkAmount("referenceUnitCost", details.referenceUnitCost(), true, 10, findings);
    if (details.durationMinutes() != null && details.durationMinutes() <= 0) {
      findings.add(Finding.of("durationMinutes", "CAT-0207"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Standard standard =
        new Standard(
            Ids.newId(),
            serviceTypeId,
            versions.isEmpty() ? 1 : versions.getFirst().versionNumber() + 1,
            details.effectiveFrom(),
            details.content().trim(),
            details.unit(),
            details.maxUnits(),
            details.normPeriod(),
            text(details.frequency()),
            details.durationMinutes(),
            text(details.staffQualifications()),
            text(details.qualityCriteria()),
            details.referenceUnitCost(),
            currency);
    standards.insert(standard);
    audit.recordChange(AuditedEntity.national("standard", standard.id()), "create", null, standard);
    return standard;
  }

  /**
   * Sets a region's price for a service type over a period; {@code validTo} null leaves it open. A
   * period that meets another tariff of the same type in the region is refused and names it.
   */
  @Transactional
  public Tariff setTariff(
      UUID serviceTypeId, UUID regionId, BigDecimal price, LocalDate validFrom, LocalDate validTo) {
    territories.region(regionId);
    requireScopeOver(regionId);
    existing(serviceTypeId);
    List<Finding> findings = new ArrayList<>();
    checkAmount("price", price, true, 10, findings);
    if (validFrom == null) {
      findings.add(Finding.of("validFrom", "CAT-0301"));
    } else if (validTo != null && validTo.isBefore(validFrom)) {
      findings.add(Finding.of("validTo", "CAT-0302"));
    }
    if (findings.isEmpty()) {
      tariffs.overlapping(serviceTypeId, regionId, validFrom, validTo, null).stream()
          .findFirst()
          .ifPresent(
              other ->
                  findings.add(
                      Finding.of(
                          "validFrom",
                          "CAT-0303",
                          other.validFrom(),
                          other.validTo() == null ? "…" : other.validTo(),
                          other.price())));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Tariff tariff =
        new Tariff(Ids.newId(), serviceTypeId, regionId, price, currency, validFrom, validTo, 0);
    tariffs.insert(tariff);
    audit.recordChange(
        AuditedEntity.of("tariff", tariff.id(), regionId, null), "create", null, tariff);
    return tariff;
  }

  /** Closes a tariff on its last valid day, e.g. before a new price starts. */
  @Transactional
  public Tariff endTariff(UUID tariffId, int expectedVersion, LocalDate lastDay) {
    Tariff before = changeableTariff(tariffId);
    if (before.version() != expectedVersion) {
      throw ConflictException.staleVersion(expectedVersion, before.version());
    }
    if (lastDay == null || lastDay.isBefore(before.validFrom())) {
      throw InvalidInputException.of("validTo", "CAT-0302");
    }
    if (before.validTo() != null
        && lastDay.isAfter(before.validTo())
        && !tariffs
            .overlapping(
                before.serviceTypeId(), before.regionId(), before.validFrom(), lastDay, tariffId)
            .isEmpty()) {
      throw InvalidInputException.of("validTo", "CAT-0304");
    }
    if (!tariffs.end(tariffId, expectedVersion, lastDay)) {
      throw ConflictException.staleVersion(expectedVersion, "newer");
    }
    Tariff after = tariffs.find(tariffId).orElseThrow();
    audit.recordChange(
        AuditedEntity.of("tariff", tariffId, before.regionId(), null), "end", before, after);
    return after;
  }

  /** A tariff the actor's region may change; another region's answers as unknown. */
  @Transactional(readOnly = true)
  public Tariff changeableTariff(UUID tariffId) {
    return tariffs
        .find(tariffId)
        .filter(t -> CurrentScope.get().allows(t.regionId(), null))
        .orElseThrow(() -> new NotFoundException("tariff", tariffId));
  }

  private ServiceType existing(UUID id) {
    return types.find(id).orElseThrow(() -> new NotFoundException("service type", id));
  }

  private static void requireNationalScope() {
    if (!CurrentScope.get().isNationalOrWider()) {
      throw new AccessDeniedException("the catalogue is kept at national level");
    }
  }

  private static void requireScopeOver(UUID regionId) {
    if (!CurrentScope.get().allows(regionId, null)) {
      throw new NotFoundException("region", regionId);
    }
  }

  private static List<Finding> check(ServiceTypeDetails d) {
    List<Finding> findings = new ArrayList<>();
    if (d.code() == null || !d.code().trim().matches(CODE_PATTERN)) {
      findings.add(Finding.of("code", "CAT-0101"));
    }
    if (d.name() == null || d.name().isBlank() || d.name().trim().length() > 200) {
      findings.add(Finding.of("name", "CAT-0103"));
    }
    if (d.purpose() == null) {
      findings.add(Finding.of("purpose", "CAT-0104"));
    }
    if (d.beneficiaryCategories() == null || d.beneficiaryCategories().isEmpty()) {
      findings.add(Finding.of("beneficiaryCategories", "CAT-0105"));
    }
    if (d.regime() == null) {
      findings.add(Finding.of("regime", "CAT-0106"));
    }
    if (d.places() == null || d.places().isEmpty()) {
      findings.add(Finding.of("places", "CAT-0107"));
    }
    if (d.deliveryForm() == null) {
      findings.add(Finding.of("deliveryForm", "CAT-0108"));
    }
    return findings;
  }

  /**
   * An amount with at most two decimals and {@code digits} digits before the point (its column).
   */
  private static void checkAmount(
      String field, BigDecimal amount, boolean zeroAllowed, int digits, List<Finding> findings) {
    if (amount == null) {
      findings.add(Finding.of(field, "CAT-0208"));
    } else if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
      findings.add(Finding.of(field, "CAT-0209"));
    } else if (amount.stripTrailingZeros().scale() > 2
        || amount.precision() - amount.scale() > digits) {
      findings.add(Finding.of(field, "CAT-0210", digits));
    }
  }

  private static ServiceType build(UUID id, ServiceTypeDetails d, int version) {
    return new ServiceType(
        id,
        d.code().trim(),
        d.name().trim(),
        text(d.description()),
        d.purpose(),
        Set.copyOf(d.beneficiaryCategories()),
        d.regime(),
        Set.copyOf(d.places()),
        d.deliveryForm(),
        d.active(),
        version);
  }

  private static String text(String value) {
    return value == null ? "" : value.trim();
  }
}
