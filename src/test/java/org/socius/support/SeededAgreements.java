package org.socius.support;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accepted agreements of home care written straight into the database, many at once, for the
 * benchmarks and the tests that need a provider with thousands of clients: each with its client, an
 * open case, an agreed plan of two hours a day and its agreement at the region's tariff, under the
 * reference {@code A-B-n}. Runs where the rows may be written: in the system's scope, or as the
 * database's superuser.
 */
public final class SeededAgreements {

  private SeededAgreements() {}

  /** Agreements 1 to {@code count} of the provider with clients of Harbour City. */
  public static void homeCare(JdbcClient jdbc, UUID provider, int count, LocalDate startsOn) {
    String providerName =
        jdbc.sql("select legal_name from providers.provider where id = :p")
            .param("p", provider)
            .query(String.class)
            .single();

    jdbc.sql(
            """
              create temporary table seeded_agreement on commit drop as
              select g.n, gen_random_uuid() as case_id, gen_random_uuid() as person_id,
                gen_random_uuid() as plan_id, gen_random_uuid() as line_id,
                gen_random_uuid() as agreement_id, m.id as municipality_id, m.region_id
              from generate_series(1, :count) g(n)
              cross join (select id, region_id from territory.unit where code = 'NV-N-01') m""")
        .param("count", count)
        .update();
    jdbc.sql(
            """
              insert into people.person (id, region_id, municipality_id, family_name,
                given_names, name_key, date_of_birth, sex, identifier, changed_by)
              select person_id, region_id, municipality_id, 'Benchclient' || n, 'Anna',
                lower('Benchclient' || n || ' anna'), date '1940-01-01' + n, 'FEMALE',
                'DLV-' || n, 'bench'
              from seeded_agreement""")
        .update();
    jdbc.sql(
            """
              insert into cases.client_case (id, reference, person_id, region_id,
                municipality_id, sector, source, request, status, opened_at, opened_by)
              select case_id, 'C-D-' || n, person_id, region_id, municipality_id,
                'SOCIAL_PROTECTION', 'COMMUNITY', 'Needs help at home.', 'OPEN',
                now() - interval '200 days', 'bench'
              from seeded_agreement""")
        .update();
    jdbc.sql(
            """
              insert into cases.service_plan (id, case_id, region_id, municipality_id,
                version_number, status, goals, language, created_at, created_by, agreed_at,
                agreed_by, agreed_as, agreement_recorded_by)
              select plan_id, case_id, region_id, municipality_id, 1, 'AGREED',
                'Live at home.', 'en', now(), 'bench', now(), 'The client', 'CLIENT', 'bench'
              from seeded_agreement""")
        .update();
    jdbc.sql(
            """
              insert into cases.plan_service (id, plan_id, case_id, region_id,
                municipality_id, position, service_type_id, service_name, standard_id, unit,
                units, period, norm_units, starts_on, ends_on, provider_id, provider_name)
              select b.line_id, b.plan_id, b.case_id, b.region_id, b.municipality_id, 1,
                st.id, st.name, sd.id, sd.unit, 2, 'DAY', sd.max_units, :starts,
                :starts + 365, :p, :name
              from seeded_agreement b
              cross join catalogue.service_type st
              join lateral (select * from catalogue.standard s where s.service_type_id = st.id
                            order by version_number desc limit 1) sd on true
              where st.code = 'HOME-CARE'""")
        .param("starts", startsOn)
        .param("p", provider)
        .param("name", providerName)
        .update();
    jdbc.sql(
            """
              insert into cases.agreement (id, reference, case_id, region_id,
                municipality_id, plan_id, provider_id, provider_name, client_name,
                client_address, language, starts_on, ends_on, currency, monthly_cost,
                monthly_copayment, contribution, status, drawn_at, drawn_by, answered_at,
                answered_by)
              select agreement_id, 'A-B-' || n, case_id, region_id, municipality_id, plan_id,
                :p, :name, 'Anna Benchclient' || n, 'Harbour City', 'en', :starts,
                :starts + 365, 'EUR', 600.00, 60.00,
                (select contribution from cases.agreement order by drawn_at limit 1),
                'ACCEPTED', now(), 'bench',
                now(), 'bench'
              from seeded_agreement""")
        .param("p", provider)
        .param("name", providerName)
        .param("starts", startsOn)
        .update();
    jdbc.sql(
            """
              insert into cases.agreement_service (agreement_id, plan_service_id, case_id,
                region_id, municipality_id, provider_id, position, service_type_id,
                service_name, unit, units, period, frequency, service_point_name, starts_on,
                ends_on, tariff_id, unit_price, monthly_cost, monthly_copayment)
              select b.agreement_id, b.line_id, b.case_id, b.region_id, b.municipality_id, :p,
                1, st.id, st.name, 'HOUR', 2, 'DAY', 'every morning', 'Harbour Care centre',
                :starts, :starts + 365, t.id, t.price, 600.00, 60.00
              from seeded_agreement b
              cross join catalogue.service_type st
              join catalogue.tariff t on t.service_type_id = st.id and t.region_id = b.region_id
              where st.code = 'HOME-CARE'""")
        .param("p", provider)
        .param("starts", startsOn)
        .update();
  }
}
