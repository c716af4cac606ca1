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
 * of a span of months: one pass over the register, fetched in chunks so that millions of members
 * never sit in memory at once. Must run inside a transaction (PostgreSQL fetches with a cursor only
 * then).
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
      UUID regionId, LocalDate on, YearMonth first, YearMonth last, Consumer<MemberFacts> sink) {
    // Incomes are summed per person in one grouped pass and joined by hash; the sort by household
    // is the one sort of the whole run, and gets the memory to happen in RAM.
    jdbc.execute("set local work_mem = '256MB'");
    String sql =
        """
        select m.household_id, m.region_id, m.municipality_id, p.date_of_birth, p.sex, m.relation,
          p.disability_degree, nullif(array_to_string(p.categories, ','), ''), m.statutory_supporter,
          coalesce(i.cents, 0), coalesce(a.cents, 0)
        from people.household_member m
        join people.person p on p.id = m.person_id
        left join (select person_id, (sum(amount) * 100)::bigint as cents from people.income
                   where month between ? and ? group by person_id) i on i.person_id = m.person_id
        left join (select person_id, (sum(value) * 100)::bigint as cents from people.asset
                   where held_from <= ? and (held_to is null or held_to > ?)
                   group by person_id) a on a.person_id = m.person_id
        where m.member_from <= ? and (m.member_to is null or m.member_to > ?)
        """
            + (regionId == null ? "" : " and m.region_id = ?")
            + " order by m.household_id";
    jdbc.query(
        con -> {
          PreparedStatement ps = con.prepareStatement(sql);
          ps.setFetchSize(FETCH_SIZE);
          // Binary transfer from the first execution: identifiers and dates arrive as bytes, not
          // as text to parse, which is most of the reading time over millions of rows.
          ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
          ps.setObject(1, first.atDay(1));
          ps.setObject(2, last.atDay(1));
          ps.setObject(3, on);
          ps.setObject(4, on);
          ps.setObject(5, on);
          ps.setObject(6, on);
          if (regionId != null) {
            ps.setObject(7, regionId);
          }
          return ps;
        },
        rs -> {
          String degree = rs.getString(7);
          String names = rs.getString(8);
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
                  rs.getObject(4, LocalDate.class),
                  Sex.valueOf(rs.getString(5)),
                  Relation.valueOf(rs.getString(6)),
                  degree == null ? null : DisabilityDegree.valueOf(degree),
                  categories,
                  rs.getBoolean(9),
                  rs.getLong(10),
                  rs.getLong(11)));
        });
  }
}
