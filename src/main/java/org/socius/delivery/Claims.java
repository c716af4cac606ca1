package org.socius.delivery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.catalogue.Catalogue;
import org.socius.delivery.internal.ClaimRecords;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.MessageLabel;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.providers.ProviderProfiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Providers' monthly claims. The regional officer builds a month's claims for the region: each
 * provider with confirmed delivery not yet claimed gets a claim holding a line per delivery at the
 * agreed price, less the client's contribution in the agreement's share. Delivery confirmed after
 * the month's claim was built goes into a supplementary claim. The officer rejects lines, saying
 * why, and approves the claim: advances paid to the provider under a contract are offset first, the
 * oldest first, and the rest is paid in the next payment run ({@link Payments}).
 */
@Service
public class Claims {

  private static final int MAX_REASON = 500;

  private final ClaimRecords records;
  private final ProviderProfiles providers;
  private final Catalogue catalogue;
  private final AuditLog audit;
  private final Clock clock;

  Claims(
      ClaimRecords records,
      ProviderProfiles providers,
      Catalogue catalogue,
      AuditLog audit,
      Clock clock) {
    this.records = records;
    this.providers = providers;
    this.catalogue = catalogue;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Builds the month's claims in the region (of one provider when one is named); answers those
   * built. A month not yet over is refused: its delivery is still being recorded.
   */
  @Transactional
  public List<Claim> build(UUID regionId, YearMonth month, UUID providerId) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    requireRegion(regionId);
    if (month == null || !month.isBefore(YearMonth.now(clock))) {
      throw InvalidInputException.of("month", "DLV-0201", YearMonth.now(clock));
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String by = CurrentScope.actorName();
    List<Claim> built = new ArrayList<>();
    Map<UUID, Integer> items = records.gather(regionId, month, providerId);
    Map<UUID, UUID> claimByProvider = new LinkedHashMap<>();
    for (UUID provider : items.keySet()) {
      UUID id = Ids.newId();
      records.insert(
          id,
          records.nextReference(month),
          provider,
          providers.publicProvider(provider).legalName(),
          regionId,
          month,
          records.nextSequence(provider, regionId, month),
          catalogue.currency(),
          now,
          by);
      claimByProvider.put(provider, id);
    }
    if (!claimByProvider.isEmpty()) {
      records.fill(claimByProvider);
    }
    for (UUID id : claimByProvider.values()) {
      Claim claim = records.find(id).orElseThrow();
      audit.recordChange(entity(claim), "build-claim", null, Map.of("lines", claim.lineCount()));
      built.add(claim);
    }
    return built;
  }

  /** The month's claims of a region, by provider. */
  @Transactional(readOnly = true)
  public List<Claim> ofRegion(UUID regionId, YearMonth month) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    return records.ofRegion(regionId, month);
  }

  /** A provider's own claims, the latest first, for its staff. */
  @Transactional(readOnly = true)
  public List<Claim> ofProvider(UUID providerId) {
    RequiredRoles.anyOf(Role.PROVIDER_STAFF);
    providers.ownProvider(providerId);
    return records.ofProvider(providerId);
  }

  /** A claim the region's officers or the provider's staff may read; others answer 404. */
  @Transactional(readOnly = true)
  public Claim get(UUID id) {
    return records.find(id).orElseThrow(() -> new NotFoundException("claim", id));
  }

  @Transactional(readOnly = true)
  public List<Claim.Line> lines(UUID claimId) {
    get(claimId);
    return records.lines(claimId);
  }

  /** The officer rejects a line of a claim under review, saying why; it is not paid. */
  @Transactional
  public Claim rejectLine(UUID claimId, int expectedVersion, UUID itemId, String reason) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty() || why.length() > MAX_REASON) {
      throw InvalidInputException.of("reason", "DLV-0202", MAX_REASON);
    }
    Claim c = underReview(claimId, expectedVersion);
    if (!records.rejectLine(claimId, itemId, why, CurrentScope.actorName())) {
      throw new NotFoundException("claim line", itemId);
    }
    records.retotal(claimId);
    audit.recordChange(entity(c), "reject-claim-line", null, Map.of("item", itemId, "reason", why));
    return get(claimId);
  }

  /**
   * The officer approves a claim under review. Open advances of the provider in the region are
   * offset against it, the oldest first; a claim they cover whole is settled without payment.
   */
  @Transactional
  public Claim approve(UUID claimId, int expectedVersion) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    Claim c = underReview(claimId, expectedVersion);
    BigDecimal due = c.gross().subtract(c.copayment()).subtract(c.rejected());
    BigDecimal offset = BigDecimal.ZERO;
    for (ClaimRecords.OpenAdvance a : records.openAdvances(c.providerId(), c.regionId())) {
      BigDecimal take = a.left().min(due.subtract(offset));
      if (take.signum() <= 0) {
        break;
      }
      records.offset(claimId, c.regionId(), a.id(), take);
      offset = offset.add(take);
    }
    boolean settled = due.subtract(offset).signum() <= 0;
    records.approve(claimId, offset, OffsetDateTime.now(clock), CurrentScope.actorName(), settled);
    Claim approved = get(claimId);
    audit.recordChange(
        entity(c),
        "approve-claim",
        Map.of("status", c.status()),
        Map.of("status", approved.status(), "payable", approved.payable(), "offset", offset));
    return approved;
  }

  /** What an advance paid to a provider under a contract is, as the officer records it. */
  public record NewAdvance(UUID providerId, String contract, LocalDate paidOn, BigDecimal amount) {}

  /** Records an advance paid to a provider, to be offset against its next claims. */
  @Transactional
  public void recordAdvance(UUID regionId, NewAdvance a) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    requireRegion(regionId);
    List<Finding> findings = new ArrayList<>();
    if (a.providerId() == null) {
      findings.add(Finding.of("providerId", "DLV-0203"));
    }
    if (a.contract() == null || a.contract().isBlank() || a.contract().length() > 100) {
      findings.add(Finding.of("contract", "DLV-0204"));
    }
    if (a.paidOn() == null || a.paidOn().isAfter(LocalDate.now(clock))) {
      findings.add(Finding.of("paidOn", "DLV-0205"));
    }
    if (a.amount() == null || a.amount().signum() <= 0 || a.amount().scale() > 2) {
      findings.add(Finding.of("amount", "DLV-0206"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    providers.publicProvider(a.providerId());
    UUID id = Ids.newId();
    records.recordAdvance(
        id,
        a.providerId(),
        regionId,
        a.contract().trim(),
        a.paidOn(),
        a.amount(),
        OffsetDateTime.now(clock),
        CurrentScope.actorName());
    audit.recordChange(AuditedEntity.of("advance", id, regionId, null), "record-advance", null, a);
  }

  private Claim underReview(UUID claimId, int expectedVersion) {
    Claim c = get(claimId);
    if (c.status() != Claim.Status.SUBMITTED) {
      throw new ConflictException(
          "DLV-0207", c.reference(), MessageLabel.of("claims.status.", c.status()));
    }
    if (!records.touch(claimId, expectedVersion, Claim.Status.SUBMITTED)) {
      throw ConflictException.staleVersion(expectedVersion, c.version());
    }
    return c;
  }

  /** The region the signed-in officer works in; an officer of no single region finds none here. */
  public static UUID officersRegion() {
    UUID region = CurrentScope.get().regionId();
    if (region == null) {
      throw new NotFoundException("region", null);
    }
    return region;
  }

  private static void requireRegion(UUID regionId) {
    if (regionId == null || !CurrentScope.get().allows(regionId, null)) {
      throw new NotFoundException("region", regionId);
    }
  }

  static AuditedEntity entity(Claim c) {
    return AuditedEntity.of("claim", c.id(), c.regionId(), null);
  }
}
