package org.socius.providers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.UserAccount;
import org.socius.accounts.UserDetailsForm;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.socius.providers.internal.ProviderRecords;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A provider's own records: sign-up, legal details, founders, staff, licences and service points.
 * Only the provider's members change them.
 */
@Service
public class ProviderProfiles {

  private final ProviderRecords providers;
  private final ProviderAccess access;
  private final Territories territories;
  private final AccountAdministration accounts;
  private final AuditLog audit;
  private final TransactionTemplate transaction;
  private final ServicePointRules pointRules;

  ProviderProfiles(
      ProviderRecords providers,
      ProviderAccess access,
      Territories territories,
      AccountAdministration accounts,
      AuditLog audit,
      TransactionTemplate transaction,
      ServicePointRules pointRules) {
    this.pointRules = pointRules;
    this.transaction = transaction;
    this.providers = providers;
    this.access = access;
    this.territories = territories;
    this.accounts = accounts;
    this.audit = audit;
  }

  /**
   * Opens a provider and its first staff account. Anyone may do this: it is how organisations enter
   * the register, and the account it makes can do nothing but apply. Nobody is signed in yet, so
   * the whole sign-up runs as the system, in one transaction begun with that scope.
   */
  public Provider signUp(ProviderSignUp request) {
    return CurrentScope.asSystem(() -> transaction.execute(status -> signUpAsSystem(request)));
  }

  private Provider signUpAsSystem(ProviderSignUp request) {
    List<Finding> findings = new ArrayList<>();
    checkName(request.legalName(), findings);
    if (request.type() == null) {
      findings.add(Finding.of("type", "PRV-0102"));
    }
    TerritoryUnit region =
        territories
            .find(request.regionId())
            .filter(u -> u.level() == TerritoryLevel.REGION)
            .orElse(null);
    if (region == null) {
      findings.add(Finding.of("regionId", "PRV-0103"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    UserAccount user =
        accounts.create(
            new UserDetailsForm(
                request.username(),
                request.contactName(),
                request.email(),
                Set.of(Role.PROVIDER_STAFF),
                null,
                ScopeLevel.REGION,
                region.id(),
                null,
                "en",
                true),
            request.password());
    Provider provider =
        new Provider(
            Ids.newId(),
            region.id(),
            request.legalName().trim(),
            request.type(),
            "",
            "",
            "",
            request.email() == null ? "" : request.email().trim(),
            "",
            "",
            "APPLICANT",
            List.of(),
            0);
    providers.insert(provider);
    providers.addMember(provider.id(), user.id(), region.id());
    audit.recordChange(entity(provider), "sign-up", null, provider);
    return provider;
  }

  /** Adds a user account to a provider (demo data, and administrators helping a provider). */
  @Transactional
  public void addMember(UUID providerId, UUID userId) {
    Provider provider = providers.find(providerId).orElseThrow();
    providers.addMember(providerId, userId, provider.regionId());
  }

  @Transactional
  public Provider create(ProviderDetails details, UUID regionId) {
    List<Finding> findings = check(details);
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Provider provider =
        new Provider(
            Ids.newId(),
            regionId,
            details.legalName().trim(),
            details.type(),
            text(details.registrationNumber()),
            text(details.taxId()),
            text(details.legalAddress()),
            text(details.email()),
            text(details.phone()),
            text(details.website()),
            "APPLICANT",
            List.of(),
            0);
    providers.insert(provider);
    audit.recordChange(entity(provider), "create", null, provider);
    return provider;
  }

  @Transactional(readOnly = true)
  public List<Provider> mine() {
    return CurrentScope.actor().map(a -> providers.ofMember(a.userId())).orElse(List.of());
  }

  /** A provider's register record (name, type, founders): public, like the register itself. */
  @Transactional(readOnly = true)
  public Provider publicProvider(UUID providerId) {
    return providers
        .find(providerId)
        .orElseThrow(() -> new NotFoundException("provider", providerId));
  }

  @Transactional(readOnly = true)
  public Provider ownProvider(UUID providerId) {
    return access.requireMember(providerId);
  }

  @Transactional
  public Provider updateDetails(UUID providerId, int expectedVersion, ProviderDetails details) {
    Provider before = access.requireMember(providerId);
    if (before.version() != expectedVersion) {
      throw ConflictException.staleVersion(expectedVersion, before.version());
    }
    List<Finding> findings = check(details);
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Provider changed =
        new Provider(
            providerId,
            before.regionId(),
            details.legalName().trim(),
            details.type(),
            text(details.registrationNumber()),
            text(details.taxId()),
            text(details.legalAddress()),
            text(details.email()),
            text(details.phone()),
            text(details.website()),
            before.status(),
            before.founders(),
            expectedVersion);
    if (!providers.update(changed)) {
      throw ConflictException.staleVersion(expectedVersion, "newer");
    }
    Provider after = providers.find(providerId).orElseThrow();
    audit.recordChange(entity(after), "update", before, after);
    return after;
  }

  @Transactional
  public void setFounders(UUID providerId, List<Provider.Founder> founders) {
    Provider provider = access.requireMember(providerId);
    List<Finding> findings = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < founders.size(); i++) {
      Provider.Founder f = founders.get(i);
      if (f.name() == null || f.name().isBlank()) {
        findings.add(Finding.of("founders[" + i + "].name", "PRV-0201"));
      }
      if (f.type() == null) {
        findings.add(Finding.of("founders[" + i + "].type", "PRV-0202"));
      }
      if (f.sharePercent() != null) {
        if (f.sharePercent().signum() < 0
            || f.sharePercent().compareTo(BigDecimal.valueOf(100)) > 0) {
          findings.add(Finding.of("founders[" + i + "].sharePercent", "PRV-0203"));
        } else {
          total = total.add(f.sharePercent());
        }
      }
    }
    if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
      findings.add(Finding.of("founders", "PRV-0204"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    List<Provider.Founder> clean =
        founders.stream()
            .map(
                f -> new Provider.Founder(Ids.newId(), f.name().trim(), f.type(), f.sharePercent()))
            .toList();
    providers.replaceFounders(providerId, provider.regionId(), clean);
    audit.recordChange(entity(provider), "set-founders", provider.founders(), clean);
  }

  @Transactional
  public void setStaff(UUID providerId, List<StaffGroup> staff) {
    Provider provider = access.requireMember(providerId);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < staff.size(); i++) {
      StaffGroup s = staff.get(i);
      if (s.profession() == null || s.profession().isBlank()) {
        findings.add(Finding.of("staff[" + i + "].profession", "PRV-0301"));
      }
      if (s.headcount() <= 0) {
        findings.add(Finding.of("staff[" + i + "].headcount", "PRV-0302"));
      }
    }
    if (staff.stream()
            .map(s -> s.profession() == null ? "" : s.profession().trim().toLowerCase())
            .distinct()
            .count()
        < staff.size()) {
      findings.add(Finding.of("staff", "PRV-0303"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    List<StaffGroup> before = providers.staff(providerId);
    List<StaffGroup> clean =
        staff.stream().map(s -> new StaffGroup(s.profession().trim(), s.headcount())).toList();
    providers.replaceStaff(providerId, provider.regionId(), clean);
    audit.recordChange(entity(provider), "set-staff", before, clean);
  }

  @Transactional
  public Licence addLicence(UUID providerId, Licence licence) {
    Provider provider = access.requireMember(providerId);
    List<Finding> findings = new ArrayList<>();
    if (licence.kind() == null || licence.kind().isBlank()) {
      findings.add(Finding.of("kind", "PRV-0401"));
    }
    if (licence.number() == null || licence.number().isBlank()) {
      findings.add(Finding.of("number", "PRV-0402"));
    }
    if (licence.validFrom() == null) {
      findings.add(Finding.of("validFrom", "PRV-0403"));
    } else if (licence.validTo() != null && licence.validTo().isBefore(licence.validFrom())) {
      findings.add(Finding.of("validTo", "PRV-0404"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Licence clean =
        new Licence(
            Ids.newId(),
            providerId,
            licence.kind().trim(),
            licence.number().trim(),
            text(licence.issuedBy()),
            licence.validFrom(),
            licence.validTo());
    providers.insertLicence(clean, provider.regionId());
    audit.recordChange(entity(provider), "add-licence", null, clean);
    return clean;
  }

  /** Adds a service point; it must lie in a municipality of the provider's region. */
  @Transactional
  public ServicePoint addServicePoint(UUID providerId, ServicePointDetails d) {
    Provider provider = access.requireMember(providerId);
    ServicePoint point = pointRules.check(Ids.newId(), provider, d);
    providers.insertPoint(point);
    audit.recordChange(entity(provider), "add-service-point", null, point);
    return point;
  }

  @Transactional(readOnly = true)
  public List<ServicePoint> servicePoints(UUID providerId) {
    return providers.points(providerId);
  }

  @Transactional(readOnly = true)
  public List<StaffGroup> staff(UUID providerId) {
    return providers.staff(providerId);
  }

  @Transactional(readOnly = true)
  public List<Licence> licences(UUID providerId) {
    return providers.licences(providerId);
  }

  private static List<Finding> check(ProviderDetails d) {
    List<Finding> findings = new ArrayList<>();
    checkName(d.legalName(), findings);
    if (d.type() == null) {
      findings.add(Finding.of("type", "PRV-0102"));
    }
    if (d.email() != null
        && !d.email().isBlank()
        && !d.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      findings.add(Finding.of("email", "PRV-0104"));
    }
    return findings;
  }

  private static void checkName(String name, List<Finding> findings) {
    if (name == null || name.isBlank() || name.trim().length() > 300) {
      findings.add(Finding.of("legalName", "PRV-0101"));
    }
  }

  static AuditedEntity entity(Provider provider) {
    return AuditedEntity.of("provider", provider.id(), provider.regionId(), null);
  }

  private static String text(String value) {
    return value == null ? "" : value.trim();
  }
}
