package org.socius.people.internal;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.socius.people.MemberFacts;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.DisabilityDegree;
import org.socius.people.PeopleKinds.Relation;
import org.socius.people.PeopleKinds.Sex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Streams every household member of a territory on a date, ordered by household, with their income
 * of a span of months (and, as wanted, their personal details and assets): one pass over the
 * register, fetched in chunks so that millions of members never sit in memory at once. Must run
 * inside a transaction (PostgreSQL fetches with a cursor only then).
 */
@Repository
public class MemberFactsReader {

  private static final int FETCH_SIZE = 10_000;

  private final JdbcTemplate jdbc;

  MemberFactsReader(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH_SIZE);
  }

  public void forEach(
      UUID regionId,
      LocalDate on,
      YearMonth first,
      YearMonth last,
      MemberFacts.Wanted wanted,
      Consumer<MemberFacts> sink) {
    // Households are evaluated as they arrive, so the members come in household order by walking
    // its index, each member's income (and assets) looked up by their own index: a sort would hold
    // every row back until the last was read, and a hash of everyone's incomes is built in full
    // before the first row too (and once in each worker of a parallel plan). Neither is left to
    // the planner's choice.
    jdbc.execute("set local enable_sort = off");
    jdbc.execute("set local max_parallel_workers_per_gather = 0");
    String personal =
        wanted.personal()
            ? "p.date_of_birth, p.sex, p.disability_degree,"
                + " nullif(array_to_string(p.categories, ','), '')"
            : "null::date, null::text, null::text, null::text";
    String sql =
        "select m.household_id, m.region_id, m.municipality_id, m.relation, m.statutory_supporter,"
            + " coalesce(i.cents, 0), "
            + (wanted.assets() ? "coalesce(a.cents, 0), " : "0::bigint, ")
            + personal
            + " from people.household_member m"
            + (wanted.personal() ? " join people.person p on p.id = m.person_id" : "")
            + """
             left join lateral (select (sum(amount) * 100)::bigint as cents from people.income
                                where person_id = m.person_id and month between ? and ?) i on true
            """
            + (wanted.assets()
                ? """
                 left join lateral (select (sum(value) * 100)::bigint as cents from people.asset
                                    where person_id = m.person_id and held_from <= ?
                                      and (held_to is null or held_to > ?)) a on true
                """
                : "")
            + " where m.member_from <= ? and (m.member_to is null or m.member_to > ?)"
            + (regionId == null ? "" : " and m.region_id = ?")
            + " order by m.household_id";
    List<Object> arguments = new ArrayList<>(List.of(first.atDay(1), last.atDay(1)));
    if (wanted.assets()) {
      arguments.add(on);
      arguments.add(on);
    }
    arguments.add(on);
    arguments.add(on);
    if (regionId != null) {
      arguments.add(regionId);
    }
    jdbc.query(
        con -> {
          PreparedStatement ps = con.prepareStatement(sql);
          ps.setFetchSize(FETCH_SIZE);
          // Binary transfer from the first execution: identifiers and dates arrive as bytes, not
          // as text to parse, which is most of the reading time over millions of rows.
          ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
          for (int i = 0; i < arguments.size(); i++) {
            ps.setObject(i + 1, arguments.get(i));
          }
          return ps;
        },
        rs -> {
          String sex = rs.getString(9);
          String degree = rs.getString(10);
          String names = rs.getString(11);
          List<Category> categories = List.of();
          if (names != null) {
            categories = new ArrayList<>();
            for (String name : names.split(",")) {
              categories.add(Category.valueOf(name));
            }
          }
          sink.accept(
              new MemberFacts(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getObject(3, UUID.class),
                  rs.getObject(8, LocalDate.class),
                  sex == null ? null : Sex.valueOf(sex),
                  Relation.valueOf(rs.getString(4)),
                  degree == null ? null : DisabilityDegree.valueOf(degree),
                  categories,
                  rs.getBoolean(5),
                  rs.getLong(6),
                  rs.getLong(7)));
        });
  }
}
