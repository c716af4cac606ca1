package org.socius.delivery;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.catalogue.Catalogue;
import org.socius.delivery.internal.ClaimRecords;
import org.socius.delivery.internal.Pain001;
import org.socius.delivery.internal.PaymentRecords;
import org.socius.platform.Ids;
import org.socius.platform.api.CsvReader;
import org.socius.platform.api.CsvWriter;
import org.socius.platform.api.ImportReport;
import org.socius.platform.api.ImportReport.LineFinding;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.RequiredRoles;
import org.socius.platform.security.Role;
import org.socius.providers.ProviderProfiles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paying approved claims. A region pays from its account, a provider is paid to the account its
 * staff keep. The officer makes a payment run of the region's approved claims not yet ordered: it
 * is refused whole, naming each, while an account is missing. The run goes to the bank as a
 * pain.001 file (and as CSV for people); the bank's report of what it booked, uploaded as CSV,
 * marks orders and their claims paid, all or nothing.
 */
@Service
public class Payments {

  /** The columns of the bank's report that reconciliation reads. */
  public static final String BOOKED_HEADER = "end_to_end_id,amount,booked_on";

  private final PaymentRecords records;
  private final ClaimRecords claims;
  private final ProviderProfiles providers;
  private final Catalogue catalogue;
  private final AuditLog audit;
  private final Clock clock;

  Payments(
      PaymentRecords records,
      ClaimRecords claims,
      ProviderProfiles providers,
      Catalogue catalogue,
      AuditLog audit,
      Clock clock) {
    this.records = records;
    this.claims = claims;
    this.providers = providers;
    this.catalogue = catalogue;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Optional<BankAccount> regionAccount(UUID regionId) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    return records.regionAccount(regionId);
  }

  /** The officer sets the account the region pays from. */
  @Transactional
  public BankAccount setRegionAccount(UUID regionId, BankAccount account) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    if (regionId == null || !CurrentScope.get().allows(regionId, null)) {
      throw new NotFoundException("region", regionId);
    }
    check(account);
    records.saveRegionAccount(
        regionId, account, OffsetDateTime.now(clock), CurrentScope.actorName());
    audit.recordChange(
        AuditedEntity.of("region-account", regionId, regionId, null), "set", null, account);
    return account;
  }

  @Transactional(readOnly = true)
  public Optional<BankAccount> payeeAccount(UUID providerId) {
    RequiredRoles.anyOf(Role.PROVIDER_STAFF);
    providers.ownProvider(providerId);
    return records.payeeAccount(providerId);
  }

  /** A provider's staff set the account the provider is paid to. */
  @Transactional
  public BankAccount setPayeeAccount(UUID providerId, BankAccount account) {
    RequiredRoles.anyOf(Role.PROVIDER_STAFF);
    providers.ownProvider(providerId);
    check(account);
    records.savePayeeAccount(
        providerId, account, OffsetDateTime.now(clock), CurrentScope.actorName());
    audit.recordChange(AuditedEntity.national("payee-account", providerId), "set", null, account);
    return account;
  }

  /** A run paying every approved claim of the region not yet ordered, on the day requested. */
  @Transactional
  public PaymentRun createRun(UUID regionId, LocalDate requestedOn) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    LocalDate today = LocalDate.now(clock);
    if (requestedOn == null || requestedOn.isBefore(today)) {
      throw InvalidInputException.of("requestedOn", "DLV-0307", today);
    }
    BankAccount debtor =
        records.regionAccount(regionId).orElseThrow(() -> new ConflictException("DLV-0305"));
    List<Claim> approved = claims.approvedUnpaid(regionId);
    if (approved.isEmpty()) {
      throw new ConflictException("DLV-0304");
    }
    List<Finding> missing = new ArrayList<>();
    Map<UUID, BankAccount> payees = new HashMap<>();
    for (Claim c : approved) {
      Optional<BankAccount> payee =
          payees.containsKey(c.providerId())
              ? Optional.of(payees.get(c.providerId()))
              : records.payeeAccount(c.providerId());
      if (payee.isEmpty()) {
        missing.add(Finding.of(null, "DLV-0306", c.providerName(), c.reference()));
      } else {
        payees.put(c.providerId(), payee.get());
      }
    }
    if (!missing.isEmpty()) {
      throw new InvalidInputException(missing);
    }
    List<PaymentRun.Order> orders = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Claim c : approved) {
      orders.add(
          new PaymentRun.Order(
              Ids.newId(),
              c.id(),
              c.providerId(),
              c.reference(),
              c.payable(),
              payees.get(c.providerId()),
              "Social services " + c.month() + " claim " + c.reference(),
              false,
              null));
      total = total.add(c.payable());
    }
    PaymentRun run =
        new PaymentRun(
            Ids.newId(),
            records.nextReference(today.getYear()),
            regionId,
            requestedOn,
            orders.size(),
            total,
            catalogue.currency(),
            debtor,
            OffsetDateTime.now(clock),
            CurrentScope.actorName(),
            orders);
    records.insert(run);
    audit.recordChange(
        AuditedEntity.of("payment-run", run.id(), regionId, null),
        "create",
        null,
        Map.of("orders", orders.size(), "total", total));
    return run;
  }

  @Transactional(readOnly = true)
  public List<PaymentRun> runs(UUID regionId) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    return records.runs(regionId);
  }

  @Transactional(readOnly = true)
  public PaymentRun run(UUID id) {
    RequiredRoles.anyOf(Role.REGIONAL_OFFICER);
    return records.find(id).orElseThrow(() -> new NotFoundException("payment run", id));
  }

  /** The run as the bank takes it: ISO 20022 pain.001.001.09. */
  @Transactional(readOnly = true)
  public byte[] pain001(UUID runId) {
    PaymentRun run = run(runId);
    return Pain001.of(run, LocalDateTime.ofInstant(run.createdAt().toInstant(), clock.getZone()));
  }

  /** The run's orders as CSV, for people and spreadsheets. */
  @Transactional(readOnly = true)
  public String csv(UUID runId) {
    PaymentRun run = run(runId);
    StringWriter out = new StringWriter();
    CsvWriter csv = new CsvWriter(out);
    csv.row(
        "run",
        "end_to_end_id",
        "creditor",
        "iban",
        "bic",
        "amount",
        "currency",
        "remittance",
        "status",
        "paid_on");
    for (PaymentRun.Order o : run.orders()) {
      csv.row(
          run.reference(),
          o.endToEndId(),
          o.creditor().holder(),
          o.creditor().iban(),
          o.creditor().bic(),
          o.amount().toPlainString(),
          run.currency(),
          o.remittance(),
          o.paid() ? "PAID" : "ORDERED",
          o.paidOn() == null ? "" : o.paidOn().toString());
    }
    return out.toString();
  }

  /**
   * Marks paid what the bank booked, from its report as CSV ({@link #BOOKED_HEADER}): each line
   * must name an order of the run with its amount. A report with any wrong line changes nothing; a
   * line already reconciled is taken again without change.
   */
  @Transactional
  public ImportReport reconcile(UUID runId, String csv) {
    PaymentRun run = run(runId);
    Map<String, PaymentRun.Order> byId = new HashMap<>();
    run.orders().forEach(o -> byId.put(o.endToEndId(), o));
    List<CsvReader.Row> rows = CsvReader.parse(csv == null ? "" : csv);
    List<LineFinding> findings = new ArrayList<>();
    if (rows.isEmpty()
        || !String.join(",", rows.getFirst().cells()).trim().equalsIgnoreCase(BOOKED_HEADER)) {
      findings.add(new LineFinding(1, Finding.of(null, "DLV-0310", BOOKED_HEADER)));
      return new ImportReport(rows.size(), 0, findings);
    }
    Map<PaymentRun.Order, LocalDate> booked = new HashMap<>();
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      PaymentRun.Order o = byId.get(row.cell(0));
      if (o == null) {
        findings.add(new LineFinding(row.line(), Finding.of(null, "DLV-0311", row.cell(0))));
        continue;
      }
      try {
        BigDecimal amount = new BigDecimal(row.cell(1));
        LocalDate on = LocalDate.parse(row.cell(2));
        if (o.amount().compareTo(amount) != 0) {
          findings.add(
              new LineFinding(
                  row.line(), Finding.of(null, "DLV-0312", o.endToEndId(), o.amount(), amount)));
        } else {
          booked.put(o, on);
        }
      } catch (NumberFormatException | DateTimeParseException e) {
        findings.add(new LineFinding(row.line(), Finding.of(null, "DLV-0313")));
      }
    }
    if (!findings.isEmpty()) {
      return new ImportReport(rows.size() - 1, 0, findings);
    }
    int paid = 0;
    for (Map.Entry<PaymentRun.Order, LocalDate> e : booked.entrySet()) {
      if (records.markPaid(e.getKey().id(), e.getValue())) {
        claims.markPaid(e.getKey().claimId(), e.getValue());
        paid++;
      }
    }
    audit.recordChange(
        AuditedEntity.of("payment-run", run.id(), run.regionId(), null),
        "reconcile",
        null,
        Map.of("paid", paid));
    return new ImportReport(rows.size() - 1, paid, List.of());
  }

  private static void check(BankAccount account) {
    List<Finding> problems =
        account == null ? List.of(Finding.of("iban", "DLV-0302", "")) : account.problems();
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}
