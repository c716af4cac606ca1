package org.socius.delivery;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.cases.Agreement;
import org.socius.cases.Agreements;
import org.socius.cases.Case;
import org.socius.cases.CaseAccess;
import org.socius.cases.Cases;
import org.socius.cases.ClientPortal;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.Classification.NormPeriod;
import org.socius.catalogue.ServiceType;
import org.socius.delivery.DeliveryRecord.AnsweredAs;
import org.socius.delivery.DeliveryRecord.Status;
import org.socius.delivery.internal.DeliveryChecks;
import org.socius.delivery.internal.DeliveryRecords;
import org.socius.platform.Ids;
import org.socius.platform.api.ImportReport;
import org.socius.platform.api.ImportReport.LineFinding;
import org.socius.platform.api.PageResponse;
import org.socius.platform.api.Paging;
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
 * What providers deliver. Their staff record each episode of a service under a client's agreement,
 * one at a time or many at once, each set under a key of the sender's choosing so that a set sent
 * again (a retry after a lost answer) is taken once. Every record is checked against the agreement
 * and the plan ({@link DeliveryChecks}); a set with any wrong record is refused whole, with every
 * problem listed, and nothing is taken. The client or their representative confirms or disputes
 * each record, or a worker does for them; the worker settles disputes. Only confirmed records are
 * claimed and paid.
 */
@Service
public class Deliveries {

  /** The most records one set may hold. */
  public static final int MAX_BATCH = 10_000;

  private static final int MAX_KEY = 255;
  private static final int MAX_ANSWER = 500;

  /** How a set of records reached Socius. */
  public enum Source {
    FORM,
    API,
    CSV
  }

  /**
   * What became of a set: taken (with its batch), taken before under the same key (replayed), or
   * refused with every problem found, numbered by record from 1.
   */
  public record Outcome(UUID batchId, boolean replayed, ImportReport report) {
    public boolean accepted() {
      return report.accepted();
    }
  }

  private final DeliveryRecords records;
  private final Agreements agreements;
  private final ClientPortal portal;
  private final Cases cases;
  private final ProviderProfiles providers;
  private final Catalogue catalogue;
  private final AuditLog audit;
  private final Clock clock;

  Deliveries(
      DeliveryRecords records,
      Agreements agreements,
      ClientPortal portal,
      Cases cases,
      ProviderProfiles providers,
      Catalogue catalogue,
      AuditLog audit,
      Clock clock) {
    this.records = records;
    this.agreements = agreements;
    this.portal = portal;
    this.cases = cases;
    this.providers = providers;
    this.catalogue = catalogue;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Takes a set of records a provider's staff send under their key, all or none. The same key sent
   * again with the same records finds them taken and takes nothing more; with other records it is
   * refused (409), since the sender meant another set.
   */
  @Transactional
  public Outcome record(UUID providerId, String key, Source source, List<NewDelivery> sent) {
    RequiredRoles.anyOf(Role.PROVIDER_STAFF);
    providers.ownProvider(providerId);
    String k = checkKey(key);
    if (sent == null || sent.isEmpty()) {
      throw InvalidInputException.of("records", "DLV-0117");
    }
    if (sent.size() > MAX_BATCH) {
      throw InvalidInputException.of("records", "DLV-0118", MAX_BATCH, sent.size());
    }
    byte[] hash = digest(sent);
    UUID batchId = Ids.newId();
    OffsetDateTime now = OffsetDateTime.now(clock);
    String by = CurrentScope.actorName();
    // The key is taken first: a retry arriving while the first attempt still runs waits here for
    // it to end, then finds its batch (and answers as it did) or finds the key free again.
    if (!records.insertBatch(batchId, providerId, k, source.name(), sent.size(), hash, now, by)) {
      return replay(records.batch(providerId, k).orElseThrow(), hash);
    }
    // Visits recorded meanwhile by another request for the same staff are seen, not missed.
    Set<String> staff = timedStaff(sent);
    records.lockStaff(providerId, staff);
    LocalDate today = LocalDate.now(clock);
    DeliveryChecks.Outcome checked =
        DeliveryChecks.check(sent, known(providerId, sent, staff), today);
    if (!checked.findings().isEmpty()) {
      // A refused set leaves nothing, its key included: corrected, it is sent again under it.
      records.deleteBatch(batchId);
      return new Outcome(null, false, new ImportReport(sent.size(), 0, checked.findings()));
    }
    List<DeliveryRecord> rows = new ArrayList<>(checked.accepted().size());
    for (DeliveryChecks.Accepted a : checked.accepted()) {
      rows.add(toRecord(batchId, providerId, a, now, by));
    }
    records.insert(rows);
    return new Outcome(batchId, false, new ImportReport(sent.size(), rows.size(), List.of()));
  }

  /**
   * A CSV file of records ({@link DeliveryCsv}), taken all or none like any set; its problems name
   * the file's lines.
   */
  @Transactional
  public Outcome recordCsv(UUID providerId, String key, String csv) {
    DeliveryCsv.Parsed parsed = DeliveryCsv.parse(csv == null ? "" : csv);
    if (!parsed.findings().isEmpty()) {
      RequiredRoles.anyOf(Role.PROVIDER_STAFF);
      providers.ownProvider(providerId);
      return new Outcome(null, false, new ImportReport(parsed.rowsRead(), 0, parsed.findings()));
    }
    Outcome outcome = record(providerId, key, Source.CSV, parsed.deliveries());
    List<LineFinding> onLines =
        outcome.report().findings().stream()
            .map(f -> new LineFinding(parsed.lines().get(f.line() - 1), f.finding()))
            .toList();
    return new Outcome(
        outcome.batchId(),
        outcome.replayed(),
        new ImportReport(outcome.report().rowsRead(), outcome.report().imported(), onLines));
  }

  /**
   * One record, as the form or a single API call sends it; refused with its problems on their
   * fields.
   */
  @Transactional
  public DeliveryRecord recordOne(UUID providerId, String key, Source source, NewDelivery d) {
    Outcome outcome = record(providerId, key, source, List.of(d));
    if (!outcome.accepted()) {
      throw new InvalidInputException(
          outcome.report().findings().stream().map(LineFinding::finding).toList());
    }
    return records.ofBatch(outcome.batchId()).getFirst();
  }

  /** The records of a set the provider sent, in the order sent. */
  @Transactional(readOnly = true)
  public List<DeliveryRecord> ofBatch(UUID providerId, UUID batchId) {
    RequiredRoles.anyOf(Role.PROVIDER_STAFF);
    providers.ownProvider(providerId);
    List<DeliveryRecord> found = records.ofBatch(batchId);
    if (found.isEmpty() || !found.getFirst().providerId().equals(providerId)) {
      throw new NotFoundException("batch", batchId);
    }
    return found;
  }

  /** A record its provider's staff, its case's workers or its client may read; else 404. */
  @Transactional(readOnly = true)
  public DeliveryRecord get(UUID id) {
    return find(id);
  }

  /** A page of what a provider recorded over a span of days, the latest first. */
  @Transactional(readOnly = true)
  public PageResponse<DeliveryRecord> ofProvider(
      UUID providerId, LocalDate from, LocalDate to, Status status, int page, int size) {
    RequiredRoles.anyOf(Role.PROVIDER_STAFF);
    providers.ownProvider(providerId);
    if (from == null || to == null || to.isBefore(from)) {
      throw InvalidInputException.of("from", "DLV-0121");
    }
    Paging.check(page, size);
    return PageResponse.of(
        records.ofProvider(providerId, from, to, status, page * size, size),
        page,
        size,
        records.countOfProvider(providerId, from, to, status));
  }

  /** A case and what was delivered to its client, the latest first. */
  public record OfCase(Case details, List<DeliveryRecord> records) {}

  /**
   * What was delivered to a client, for the workers of their case (the read of the case is
   * audited); any other case answers 404.
   */
  @Transactional
  public OfCase ofCase(UUID caseId) {
    RequiredRoles.anyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER);
    Case c = cases.get(caseId);
    return new OfCase(c, records.ofCase(caseId));
  }

  /** What was delivered under one of the signed-in beneficiary's cases; others answer 404. */
  @Transactional(readOnly = true)
  public OfCase forClient(UUID caseId) {
    return new OfCase(portal.myCase(caseId), records.ofCase(caseId));
  }

  /** The disputes waiting for a worker in the caller's territory, the oldest first. */
  @Transactional(readOnly = true)
  public List<DeliveryRecord> disputes() {
    RequiredRoles.anyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER);
    return records.disputed(500);
  }

  /** The client (or a worker for them) confirms a record: it is delivered and may be paid. */
  @Transactional
  public DeliveryRecord confirm(UUID id, int expectedVersion) {
    return answer(id, expectedVersion, Status.CONFIRMED, null);
  }

  /** The client (or a worker for them) disputes a record, saying why: the worker settles it. */
  @Transactional
  public DeliveryRecord dispute(UUID id, int expectedVersion, String reason) {
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty() || why.length() > MAX_ANSWER) {
      throw InvalidInputException.of("reason", "DLV-0122", MAX_ANSWER);
    }
    return answer(id, expectedVersion, Status.DISPUTED, why);
  }

  /**
   * The worker settles a dispute: delivered after all (it is paid) or not delivered (never paid),
   * with what they found.
   */
  @Transactional
  public DeliveryRecord settle(UUID id, int expectedVersion, Boolean delivered, String note) {
    RequiredRoles.anyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER);
    String n = note == null ? "" : note.trim();
    List<Finding> findings = new ArrayList<>();
    if (delivered == null) {
      findings.add(Finding.of("delivered", "DLV-0127"));
    }
    if (n.isEmpty() || n.length() > MAX_ANSWER) {
      findings.add(Finding.of("note", "DLV-0123", MAX_ANSWER));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    DeliveryRecord r = find(id);
    if (r.status() != Status.DISPUTED) {
      throw new ConflictException("DLV-0124", MessageLabel.of("deliveries.status.", r.status()));
    }
    Status settled = delivered ? Status.CONFIRMED : Status.REJECTED;
    if (!records.settle(
        id, expectedVersion, settled, OffsetDateTime.now(clock), CurrentScope.actorName(), n)) {
      throw ConflictException.staleVersion(expectedVersion, r.version());
    }
    audit.recordChange(
        entity(r),
        "settle-dispute",
        Map.of("status", r.status()),
        Map.of("status", settled, "note", n));
    return find(id);
  }

  /** The provider takes back a record it made by mistake, before it is confirmed or claimed. */
  @Transactional
  public DeliveryRecord withdraw(UUID id, int expectedVersion) {
    RequiredRoles.anyOf(Role.PROVIDER_STAFF);
    DeliveryRecord r = find(id);
    providers.ownProvider(r.providerId());
    if (r.status() != Status.RECORDED && r.status() != Status.DISPUTED) {
      throw new ConflictException("DLV-0125", MessageLabel.of("deliveries.status.", r.status()));
    }
    if (!records.withdraw(id, expectedVersion)) {
      throw ConflictException.staleVersion(expectedVersion, r.version());
    }
    audit.recordChange(
        entity(r),
        "withdraw-delivery",
        Map.of("status", r.status()),
        Map.of("status", Status.WITHDRAWN));
    return find(id);
  }

  private DeliveryRecord answer(UUID id, int expectedVersion, Status status, String reason) {
    DeliveryRecord r = find(id);
    AnsweredAs as;
    if (RequiredRoles.heldAnyOf(Role.BENEFICIARY)) {
      CaseAccess access = portal.myAccess(r.caseId());
      as =
          access.capacity() == CaseAccess.Capacity.CLIENT
              ? AnsweredAs.CLIENT
              : AnsweredAs.REPRESENTATIVE;
    } else {
      RequiredRoles.anyOf(Role.CASE_WORKER, Role.REGIONAL_OFFICER);
      as = AnsweredAs.WORKER;
    }
    if (!r.awaitsAnswer()) {
      throw new ConflictException("DLV-0126", MessageLabel.of("deliveries.status.", r.status()));
    }
    if (!records.answer(
        id,
        expectedVersion,
        status,
        OffsetDateTime.now(clock),
        CurrentScope.actorName(),
        as,
        reason)) {
      throw ConflictException.staleVersion(expectedVersion, r.version());
    }
    audit.recordChange(
        entity(r),
        status == Status.CONFIRMED ? "confirm-delivery" : "dispute-delivery",
        Map.of("status", r.status()),
        reason == null ? Map.of("status", status) : Map.of("status", status, "reason", reason));
    return find(id);
  }

  private DeliveryRecord find(UUID id) {
    return records.find(id).orElseThrow(() -> new NotFoundException("delivery", id));
  }

  private static AuditedEntity entity(DeliveryRecord r) {
    return AuditedEntity.of("delivery", r.id(), r.regionId(), r.municipalityId());
  }

  private Outcome replay(DeliveryRecords.Batch batch, byte[] hash) {
    if (!Arrays.equals(batch.contentHash(), hash)) {
      throw new ConflictException("DLV-0119");
    }
    return new Outcome(
        batch.id(), true, new ImportReport(batch.recordCount(), batch.recordCount(), List.of()));
  }

  /** The staff members of the set's timed visits. */
  private static Set<String> timedStaff(List<NewDelivery> sent) {
    Set<String> staff = new TreeSet<>();
    for (NewDelivery d : sent) {
      if (d != null && d.start() != null && !trim(d.staff()).isEmpty()) {
        staff.add(trim(d.staff()));
      }
    }
    return staff;
  }

  /** What the checks need, read in a few statements whatever the size of the set. */
  private DeliveryChecks.Known known(UUID providerId, List<NewDelivery> sent, Set<String> staff) {
    Set<String> references = new LinkedHashSet<>();
    Set<String> codes = new LinkedHashSet<>();
    LocalDate first = null;
    LocalDate last = null;
    for (NewDelivery d : sent) {
      if (d == null) {
        continue;
      }
      references.add(trim(d.agreement()));
      codes.add(trim(d.service()));
      if (d.date() != null) {
        first = first == null || d.date().isBefore(first) ? d.date() : first;
        last = last == null || d.date().isAfter(last) ? d.date() : last;
      }
    }
    // Another provider's agreements are among them only for its own staff; the checks refuse them.
    Map<String, Agreement> byReference =
        agreements.byReferences(references).stream()
            .collect(Collectors.toMap(Agreement::reference, Function.identity()));
    Map<String, UUID> types = new HashMap<>();
    for (String code : codes) {
      catalogue.serviceTypeByCode(code).map(ServiceType::id).ifPresent(id -> types.put(code, id));
    }
    if (first == null) {
      return new DeliveryChecks.Known(providerId, byReference, types, Map.of(), List.of());
    }
    List<Agreement.Line> lines =
        byReference.values().stream().flatMap(a -> a.services().stream()).toList();
    List<UUID> planServices = lines.stream().map(Agreement.Line::planServiceId).toList();
    // The volume already recorded in every period the set's days fall in, for the longest period
    // any of its services counts over (a day's for daily volumes, a year's for yearly ones).
    NormPeriod longest =
        lines.stream()
            .map(Agreement.Line::period)
            .max(Comparator.naturalOrder())
            .orElse(NormPeriod.DAY);
    LocalDate from = DeliveryChecks.periodStart(longest, first);
    LocalDate to = DeliveryChecks.periodEnd(longest, last);
    return new DeliveryChecks.Known(
        providerId,
        byReference,
        types,
        records.volume(planServices, from, to),
        records.visits(providerId, staff, first, last));
  }

  private static DeliveryRecord toRecord(
      UUID batchId, UUID providerId, DeliveryChecks.Accepted a, OffsetDateTime now, String by) {
    Agreement.Line line = a.line();
    NewDelivery d = a.sent();
    BigDecimal share =
        line.monthlyCost().signum() == 0
            ? BigDecimal.ZERO
            : line.monthlyCopayment().divide(line.monthlyCost(), 8, RoundingMode.HALF_UP);
    return new DeliveryRecord(
        Ids.newId(),
        batchId,
        providerId,
        a.agreement().id(),
        a.agreement().reference(),
        line.planServiceId(),
        a.agreement().caseId(),
        a.agreement().regionId(),
        a.agreement().municipalityId(),
        a.agreement().clientName(),
        line.serviceTypeId(),
        line.serviceName(),
        line.unit(),
        d.date(),
        d.start(),
        d.end(),
        a.units(),
        line.unitPrice(),
        share,
        trim(d.staff()),
        trim(d.place()),
        trim(d.abovePlanReason()),
        Status.RECORDED,
        now,
        by,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0);
  }

  private static String checkKey(String key) {
    String k = key == null ? "" : key.trim();
    if (k.isEmpty() || k.length() > MAX_KEY || !k.chars().allMatch(c -> c > 32 && c < 127)) {
      throw InvalidInputException.of("Idempotency-Key", "DLV-0113", MAX_KEY);
    }
    return k;
  }

  /** A digest of the records sent, field by field, to tell a retry from another set. */
  private static byte[] digest(List<NewDelivery> sent) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (NewDelivery d : sent) {
        digest.update(Objects.toString(d).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }
}
