package org.socius.delivery.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.socius.delivery.BankAccount;
import org.socius.delivery.PaymentRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of bank accounts, payment runs and their orders. */
@Repository
public class PaymentRecords {

  private final JdbcClient jdbc;

  PaymentRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<BankAccount> regionAccount(UUID regionId) {
    return jdbc.sql("select holder, iban, bic from delivery.region_account where region_id = :r")
        .param("r", regionId)
        .query((rs, n) -> new BankAccount(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  public Optional<BankAccount> payeeAccount(UUID providerId) {
    return jdbc.sql("select holder, iban, bic from delivery.payee_account where provider_id = :p")
        .param("p", providerId)
        .query((rs, n) -> new BankAccount(rs.getString(1), rs.getString(2), rs.getString(3)))
        .optional();
  }

  public void saveRegionAccount(UUID regionId, BankAccount a, OffsetDateTime at, String by) {
    jdbc.sql(
            """
            insert into delivery.region_account (region_id, holder, iban, bic, updated_at,
              updated_by)
            values (:r, :holder, :iban, :bic, :at, :by)
            on conflict (region_id) do update set holder = excluded.holder, iban = excluded.iban,
              bic = excluded.bic, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
        .param("r", regionId)
        .param("holder", a.holder())
        .param("iban", a.iban())
        .param("bic", a.bic())
        .param("at", at)
        .param("by", by)
        .update();
  }

  public void savePayeeAccount(UUID providerId, BankAccount a, OffsetDateTime at, String by) {
    jdbc.sql(
            """
            insert into delivery.payee_account (provider_id, holder, iban, bic, updated_at,
              updated_by)
            values (:p, :holder, :iban, :bic, :at, :by)
            on conflict (provider_id) do update set holder = excluded.holder,
              iban = excluded.iban, bic = excluded.bic, updated_at = excluded.updated_at,
              updated_by = excluded.updated_by""")
        .param("p", providerId)
        .param("holder", a.holder())
        .param("iban", a.iban())
        .param("bic", a.bic())
        .param("at", at)
        .param("by", by)
        .update();
  }

  public String nextReference(int year) {
    long n = jdbc.sql("select nextval('delivery.payment_run_number')").query(Long.class).single();
    return "PAY-%d-%06d".formatted(year, n);
  }

  public void insert(PaymentRun run) {
    jdbc.sql(
            """
            insert into delivery.payment_run (id, reference, region_id, requested_on,
              order_count, total, currency, debtor_holder, debtor_iban, debtor_bic, created_at,
              created_by)
            values (:id, :ref, :r, :on, :count, :total, :cur, :holder, :iban, :bic, :at, :by)""")
        .param("id", run.id())
        .param("ref", run.reference())
        .param("r", run.regionId())
        .param("on", run.requestedOn())
        .param("count", run.orderCount())
        .param("total", run.total())
        .param("cur", run.currency())
        .param("holder", run.debtor().holder())
        .param("iban", run.debtor().iban())
        .param("bic", run.debtor().bic())
        .param("at", run.createdAt())
        .param("by", run.createdBy())
        .update();
    for (PaymentRun.Order o : run.orders()) {
      jdbc.sql(
              """
              insert into delivery.payment_order (id, run_id, claim_id, region_id, provider_id,
                end_to_end_id, amount, creditor, creditor_iban, creditor_bic, remittance, status)
              values (:id, :run, :claim, :r, :p, :e2e, :amount, :holder, :iban, :bic, :text,
                'ORDERED')""")
          .param("id", o.id())
          .param("run", run.id())
          .param("claim", o.claimId())
          .param("r", run.regionId())
          .param("p", o.providerId())
          .param("e2e", o.endToEndId())
          .param("amount", o.amount())
          .param("holder", o.creditor().holder())
          .param("iban", o.creditor().iban())
          .param("bic", o.creditor().bic())
          .param("text", o.remittance())
          .update();
    }
  }

  /** The region's runs, the latest first, with their orders: two statements however many. */
  public List<PaymentRun> runs(UUID regionId) {
    return list("region_id = :r", Map.of("r", regionId));
  }

  public Optional<PaymentRun> find(UUID id) {
    return list("id = :id", Map.of("id", id)).stream().findFirst();
  }

  private List<PaymentRun> list(String where, Map<String, Object> params) {
    Map<UUID, List<PaymentRun.Order>> orders = new HashMap<>();
    jdbc.sql(
            """
            select run_id, id, claim_id, provider_id, end_to_end_id, amount, creditor,
              creditor_iban, creditor_bic, remittance, status, paid_on
            from delivery.payment_order
            where run_id in (select id from delivery.payment_run where %s)
            order by end_to_end_id"""
                .formatted(where))
        .params(params)
        .query(
            rs -> {
              orders
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(
                      new PaymentRun.Order(
                          rs.getObject(2, UUID.class),
                          rs.getObject(3, UUID.class),
                          rs.getObject(4, UUID.class),
                          rs.getString(5),
                          rs.getBigDecimal(6),
                          new BankAccount(rs.getString(7), rs.getString(8), rs.getString(9)),
                          rs.getString(10),
                          rs.getString(11).equals("PAID"),
                          rs.getObject(12, LocalDate.class)));
            });
    return jdbc.sql(
            """
            select id, reference, region_id, requested_on, order_count, total, currency,
              debtor_holder, debtor_iban, debtor_bic, created_at, created_by
            from delivery.payment_run where %s order by created_at desc"""
                .formatted(where))
        .params(params)
        .query(
            (rs, n) ->
                new PaymentRun(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getObject(3, UUID.class),
                    rs.getObject(4, LocalDate.class),
                    rs.getInt(5),
                    rs.getBigDecimal(6),
                    rs.getString(7),
                    new BankAccount(rs.getString(8), rs.getString(9), rs.getString(10)),
                    rs.getObject(11, OffsetDateTime.class),
                    rs.getString(12),
                    List.copyOf(orders.getOrDefault(rs.getObject(1, UUID.class), List.of()))))
        .list();
  }

  /** Marks an order paid as the bank booked it; false if it was paid already. */
  public boolean markPaid(UUID orderId, LocalDate bookedOn) {
    return jdbc.sql(
                """
                update delivery.payment_order set status = 'PAID', paid_on = :on
                where id = :id and status = 'ORDERED'""")
            .param("on", bookedOn)
            .param("id", orderId)
            .update()
        == 1;
  }
}
