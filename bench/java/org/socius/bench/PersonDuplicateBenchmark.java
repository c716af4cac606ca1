package org.socius.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.socius.SociusApplication;
import org.socius.accounts.AccountAdministration;
import org.socius.accounts.internal.ApiTokens;
import org.socius.platform.security.CurrentScope;
import org.socius.territory.Territories;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The duplicate check a worker's form makes before registering a person, with 2.5 million persons
 * in the register: half the checks describe a registered person with a typing error in the name,
 * half describe nobody. Prints latency percentiles through the API, and how many of the typed
 * persons were found.
 *
 * <p>Run with {@code bench/person-duplicates.sh}.
 */
public final class PersonDuplicateBenchmark {

  private static final int PERSONS = Integer.getInteger("persons", 2_500_000);
  private static final int CLIENTS = Integer.getInteger("clients", 4);
  private static final int REQUESTS_PER_CLIENT = Integer.getInteger("requests", 500);

  private static final String[] SYLLABLES = {
    "an", "ber", "cor", "dan", "el", "fin", "gar", "hol", "is", "jor", "kel", "lin", "mar", "nor",
    "ol", "pet", "ros", "sol", "tan", "ul", "ves", "wal", "yor", "zan", "bro", "dre", "kov", "sky",
    "vic", "mir"
  };
  private static final String[] GIVEN = {
    "anna", "maria", "elena", "olga", "irina", "sofia", "eva", "lena", "nina", "vera", "ivan",
    "peter", "alexei", "sergei", "nikolai", "pavel", "oleg", "boris", "igor", "yuri", "ali",
    "aigerim", "daniyar", "aruzhan", "wei", "li", "fang", "jun", "jan", "karel", "tomas", "jana",
    "petra", "lucie", "marek", "ewa", "piotr", "zofia", "ana", "joao"
  };

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(SociusApplication.class)
            .run(
                "--server.port=0",
                "--socius.db.embedded.data-dir=target/bench-postgres",
                "--socius.db.embedded.clean=true",
                "--socius.demo.enabled=true",
                "--logging.level.root=WARN");
    try {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      seed(context);
      if (Boolean.getBoolean("hold")) {
        Thread.sleep(Long.MAX_VALUE);
      }
      String token = token(context);
      UUID harbour = context.getBean(Territories.class).findByCode("NV-N-01").orElseThrow().id();
      List<Person> sample = sample(context, CLIENTS * REQUESTS_PER_CLIENT);
      System.out.printf(
          "Duplicate check, %,d persons, %d clients x %d requests%n",
          PERSONS, CLIENTS, REQUESTS_PER_CLIENT);
      load(port, token, harbour, sample, 1); // unmeasured: the JIT compiles, caches fill
      ClosedLoop.printHeader("path");
      Result result = load(port, token, harbour, sample, 0);
      result.latencies().print("POST /api/v1/persons/duplicate-check");
      System.out.printf(
          "Registered persons typed with one letter wrong: %d of %d found%n",
          result.found(), result.typed());
    } finally {
      context.close();
    }
  }

  private record Person(String family, String given, LocalDate born) {}

  /** A load's latencies, the registered persons it typed, and how many of them were found. */
  private record Result(ClosedLoop.Latencies latencies, int typed, int found) {}

  /** Persons spread over every municipality, names from syllables, born 1930 to 2020. */
  private static void seed(ConfigurableApplicationContext context) throws SQLException {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    long started = System.nanoTime();
    String syllables = "{" + String.join(",", SYLLABLES) + "}";
    String given = "{" + String.join(",", GIVEN) + "}";
    int batch = 250_000;
    for (int from = 0; from < PERSONS; from += batch) {
      int first = from;
      int last = Math.min(PERSONS, from + batch) - 1;
      CurrentScope.asSystem(
          () ->
              transaction.executeWithoutResult(
                  status ->
                      jdbc.sql(
                              """
                              with m as (
                                select row_number() over (order by code) - 1 as n, id, region_id
                                from territory.unit where level = 'MUNICIPALITY'),
                              g as (
                                select n,
                                  initcap((:syl::text[])[1 + n % 30] || (:syl::text[])[1 + (n / 30) % 30]
                                    || (:syl::text[])[1 + (n / 900) % 30]) as family,
                                  initcap((:given::text[])[1 + (n / 27000) % 40]) as given,
                                  date '1930-01-01' + ((n::bigint * 7919) % 33000)::int as born
                                from generate_series(:first, :last) n)
                              insert into people.person (id, region_id, municipality_id, family_name,
                                given_names, name_key, date_of_birth, sex, identifier, changed_by)
                              select gen_random_uuid(), m.region_id, m.id, g.family, g.given,
                                lower(g.family || ' ' || g.given), g.born,
                                case when g.n % 2 = 0 then 'FEMALE' else 'MALE' end,
                                'BENCH-' || g.n, 'bench'
                              from g join m on m.n = g.n % (select count(*) from m)""")
                          .param("syl", syllables)
                          .param("given", given)
                          .param("first", first)
                          .param("last", last)
                          .update()));
    }
    String url = ((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl();
    try (Connection owner = DriverManager.getConnection(url, "socius_owner", "socius_owner");
        Statement statement = owner.createStatement()) {
      statement.execute("vacuum analyze people.person");
    }
    System.out.printf(
        "Seeded %,d persons in %.1f s%n", PERSONS, (System.nanoTime() - started) / 1e9);
  }

  /** Registered persons to describe again, with one letter of the family name changed. */
  private static List<Person> sample(ConfigurableApplicationContext context, int size) {
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
    return CurrentScope.asSystem(
        () ->
            transaction.execute(
                status ->
                    jdbc.sql(
                            "select family_name, given_names, date_of_birth from people.person"
                                + " tablesample system (1) limit :n")
                        .param("n", size)
                        .query(
                            (rs, n) ->
                                new Person(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getObject(3, LocalDate.class)))
                        .list()));
  }

  private static String token(ConfigurableApplicationContext context) {
    AccountAdministration accounts = context.getBean(AccountAdministration.class);
    ApiTokens tokens = context.getBean(ApiTokens.class);
    UUID worker =
        CurrentScope.asSystem(() -> accounts.findByUsername("worker.harbour").orElseThrow().id());
    return CurrentScope.asSystem(() -> tokens.issue(worker, "benchmark", 1).token());
  }

  private static Result load(
      int port, String token, UUID municipality, List<Person> sample, int seed) throws Exception {
    int[] typed = new int[1];
    int[] found = new int[1];
    ClosedLoop.Latencies latencies =
        ClosedLoop.measure(
            CLIENTS,
            REQUESTS_PER_CLIENT,
            seed,
            (client, random) -> {
              KeepAliveHttp http = new KeepAliveHttp("localhost", port);
              return new ClosedLoop.Client() {
                @Override
                public ClosedLoop.Exchange prepare(int i) {
                  Person p = sample.get((client * REQUESTS_PER_CLIENT + i) % sample.size());
                  boolean existing = random.nextBoolean();
                  String family =
                      existing ? typo(p.family(), random) : "Nobody" + random.nextInt(1_000_000);
                  String json =
                      "{\"familyName\":\""
                          + family
                          + "\",\"givenNames\":\""
                          + p.given()
                          + "\",\"dateOfBirth\":\""
                          + p.born()
                          + "\",\"sex\":\"FEMALE\",\"municipalityId\":\""
                          + municipality
                          + "\"}";
                  return () -> {
                    KeepAliveHttp.Response response =
                        http.postJson("/api/v1/persons/duplicate-check", "Bearer " + token, json);
                    if (response.status() != 200) {
                      throw new IllegalStateException(
                          "HTTP " + response.status() + ": " + new String(response.body()));
                    }
                    if (existing) {
                      count(typed, found, response, p, family);
                    }
                  };
                }

                @Override
                public void close() throws Exception {
                  http.close();
                }
              };
            });
    return new Result(latencies, typed[0], found[0]);
  }

  /** Counts a typed person asked for, and whether the answer named a candidate. */
  private static void count(
      int[] typed, int[] found, KeepAliveHttp.Response response, Person p, String family) {
    synchronized (typed) {
      typed[0]++;
      if (new String(response.body()).contains("\"similarity\"")) {
        found[0]++;
      } else if (Boolean.getBoolean("showMisses") && typed[0] < 20) {
        System.out.println("missed " + p + " as " + family + ": " + new String(response.body()));
      }
    }
  }

  /** The name with one letter replaced, as a hurried hand types it. */
  private static String typo(String name, Random random) {
    int at = 1 + random.nextInt(name.length() - 1);
    char replacement = (char) ('a' + random.nextInt(26));
    return name.substring(0, at) + replacement + name.substring(at + 1);
  }
}
