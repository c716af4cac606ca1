package org.socius.providers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.platform.api.CsvWriter;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register as Open Referral HSDS 3.0 open data: every active registered service as an HSDS
 * {@code service} with its organization and its location, in JSON or as the tabular CSV files in a
 * zip. Rows are read with a database cursor and written one at a time, so the export runs in
 * constant memory however large the register.
 */
@Service
public class HsdsExport {

  private static final int FETCH_SIZE = 1000;
  private static final String QUERY =
      """
      select r.id as service_id, r.service_type_id, r.capacity, r.occupied, r.registered_on,
        r.region_id, r.municipality_id, p.id as organization_id, p.legal_name, p.provider_type,
        p.email, p.website, p.registration_number, sp.id as location_id, sp.name as location_name,
        sp.address, sp.latitude, sp.longitude, sp.opening_hours, sp.accessibility
      from providers.registered_service r
      join providers.provider p on p.id = r.provider_id
      join providers.service_point sp on sp.id = r.service_point_id
      where r.status = 'ACTIVE'
      order by r.id""";

  private final JdbcClient jdbc;
  private final Catalogue catalogue;
  private final Territories territories;
  private final JsonMapper json;

  HsdsExport(JdbcClient jdbc, Catalogue catalogue, Territories territories, JsonMapper json) {
    this.jdbc = jdbc;
    this.catalogue = catalogue;
    this.territories = territories;
    this.json = json;
  }

  /** One registered service as the export reads it. */
  private record Row(
      UUID serviceId,
      UUID serviceTypeId,
      int capacity,
      int occupied,
      String registeredOn,
      UUID regionId,
      UUID municipalityId,
      UUID organizationId,
      String legalName,
      String providerType,
      String email,
      String website,
      String registrationNumber,
      UUID locationId,
      String locationName,
      String address,
      double latitude,
      double longitude,
      String openingHours,
      List<String> accessibility) {}

  /** Writes a JSON array of HSDS services. */
  @Transactional(readOnly = true)
  public void writeJson(OutputStream out) {
    Names names = names();
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try {
      writer.write('[');
      boolean[] first = {true};
      forEachRow(
          row -> {
            try {
              if (!first[0]) {
                writer.write(',');
              }
              first[0] = false;
              writer.write('\n');
              writer.write(json.writeValueAsString(service(row, names)));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      writer.write("\n]\n");
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the HSDS tabular form: organization, service, location, service_at_location and address
   * CSV files in a zip. One pass over the register per file keeps memory constant.
   */
  @Transactional(readOnly = true)
  public void writeCsvZip(OutputStream out) {
    Names names = names();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      entry(
          zip,
          writer,
          "organization.csv",
          csv -> {
            csv.row("id", "name", "description", "email", "website", "legal_status");
            forEachDistinct(
                row -> row.organizationId(),
                row ->
                    csv.row(
                        row.organizationId(),
                        row.legalName(),
                        description(row),
                        row.email(),
                        row.website(),
                        row.providerType()));
          });
      entry(
          zip,
          writer,
          "service.csv",
          csv -> {
            csv.row(
                "id",
                "organization_id",
                "name",
                "description",
                "status",
                "eligibility_description");
            forEachRow(
                row ->
                    csv.row(
                        row.serviceId(),
                        row.organizationId(),
                        names.type(row.serviceTypeId()),
                        names.description(row.serviceTypeId()),
                        "active",
                        names.eligibility(row.serviceTypeId())));
          });
      entry(
          zip,
          writer,
          "location.csv",
          csv -> {
            csv.row("id", "location_type", "organization_id", "name", "latitude", "longitude");
            forEachDistinct(
                row -> row.locationId(),
                row ->
                    csv.row(
                        row.locationId(),
                        "physical",
                        row.organizationId(),
                        row.locationName(),
                        row.latitude(),
                        row.longitude()));
          });
      entry(
          zip,
          writer,
          "service_at_location.csv",
          csv -> {
            csv.row("id", "service_id", "location_id", "description");
            forEachRow(
                row -> csv.row(row.serviceId(), row.serviceId(), row.locationId(), places(row)));
          });
      entry(
          zip,
          writer,
          "address.csv",
          csv -> {
            csv.row(
                "id",
                "location_id",
                "address_1",
                "city",
                "region",
                "state_province",
                "postal_code",
                "country",
                "address_type");
            forEachDistinct(
                row -> row.locationId(),
                row ->
                    csv.row(
                        row.locationId(),
                        row.locationId(),
                        row.address(),
                        names.place(row.municipalityId()),
                        names.place(row.regionId()),
                        names.place(row.regionId()),
                        "",
                        names.country(),
                        "physical"));
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void entry(
      ZipOutputStream zip, Writer writer, String name, Consumer<CsvWriter> body)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    body.accept(new CsvWriter(writer));
    writer.flush();
    zip.closeEntry();
  }

  private Map<String, Object> service(Row row, Names names) {
    Map<String, Object> organization = new LinkedHashMap<>();
    organization.put("id", row.organizationId());
    organization.put("name", row.legalName());
    organization.put("description", description(row));
    organization.put("email", blankToNull(row.email()));
    organization.put("website", blankToNull(row.website()));
    organization.put("legal_status", row.providerType());
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("id", row.locationId());
    address.put("location_id", row.locationId());
    address.put("address_1", row.address());
    address.put("city", names.place(row.municipalityId()));
    address.put("region", names.place(row.regionId()));
    address.put("state_province", names.place(row.regionId()));
    address.put("postal_code", "");
    address.put("country", names.country());
    address.put("address_type", "physical");
    Map<String, Object> location = new LinkedHashMap<>();
    location.put("id", row.locationId());
    location.put("location_type", "physical");
    location.put("organization_id", row.organizationId());
    location.put("name", row.locationName());
    location.put("latitude", row.latitude());
    location.put("longitude", row.longitude());
    location.put("addresses", List.of(address));
    location.put(
        "accessibility",
        row.accessibility().stream()
            .map(
                a ->
                    Map.of(
                        "id",
                        UUID.nameUUIDFromBytes(
                            (row.locationId() + a).getBytes(StandardCharsets.UTF_8)),
                        "location_id",
                        row.locationId(),
                        "description",
                        a))
            .toList());
    Map<String, Object> atLocation = new LinkedHashMap<>();
    atLocation.put("id", row.serviceId());
    atLocation.put("service_id", row.serviceId());
    atLocation.put("location_id", row.locationId());
    atLocation.put("description", places(row));
    atLocation.put("location", location);
    Map<String, Object> service = new LinkedHashMap<>();
    service.put("id", row.serviceId());
    service.put("organization_id", row.organizationId());
    service.put("name", names.type(row.serviceTypeId()));
    service.put("description", names.description(row.serviceTypeId()));
    service.put("status", "active");
    service.put("eligibility_description", names.eligibility(row.serviceTypeId()));
    service.put("assured_date", row.registeredOn());
    service.put("organization", organization);
    service.put("service_at_locations", List.of(atLocation));
    return service;
  }

  private static String description(Row row) {
    return "Registered provider of social services"
        + (row.registrationNumber().isBlank() ? "" : ", registration " + row.registrationNumber());
  }

  private static String places(Row row) {
    return "Places: "
        + row.capacity()
        + ", free: "
        + Math.max(0, row.capacity() - row.occupied())
        + (row.openingHours().isBlank() ? "" : "; opening hours: " + row.openingHours());
  }

  private void forEachRow(Consumer<Row> action) {
    try (var rows = jdbc.sql(QUERY).withFetchSize(FETCH_SIZE).query(HsdsExport::map).stream()) {
      rows.forEach(action);
    }
  }

  /** Each organization or location once; rows come ordered by service, so a set of ids is kept. */
  private void forEachDistinct(Function<Row, UUID> key, Consumer<Row> action) {
    // Ids only, 16 bytes each: memory grows with the number of organizations or locations, not
    // with the rows written.
    Set<UUID> seen = new HashSet<>();
    forEachRow(
        row -> {
          if (seen.add(key.apply(row))) {
            action.accept(row);
          }
        });
  }

  private static Row map(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getObject("service_id", UUID.class),
        rs.getObject("service_type_id", UUID.class),
        rs.getInt("capacity"),
        rs.getInt("occupied"),
        rs.getString("registered_on"),
        rs.getObject("region_id", UUID.class),
        rs.getObject("municipality_id", UUID.class),
        rs.getObject("organization_id", UUID.class),
        rs.getString("legal_name"),
        rs.getString("provider_type"),
        rs.getString("email"),
        rs.getString("website"),
        rs.getString("registration_number"),
        rs.getObject("location_id", UUID.class),
        rs.getString("location_name"),
        rs.getString("address"),
        rs.getDouble("latitude"),
        rs.getDouble("longitude"),
        rs.getString("opening_hours"),
        Arrays.asList((String[]) rs.getArray("accessibility").getArray()));
  }

  private Names names() {
    List<ServiceType> types = catalogue.search(null, null, null, null, null, false);
    Map<UUID, ServiceType> byId = types.stream().collect(Collectors.toMap(ServiceType::id, t -> t));
    Map<UUID, String> places = new HashMap<>();
    territories.regions().forEach(r -> places.put(r.id(), r.name()));
    territories.municipalities().forEach(m -> places.put(m.id(), m.name()));
    return new Names(byId, places, territories.nation().map(TerritoryUnit::name).orElse(""));
  }

  /** The names the export needs, read once per export. */
  private record Names(Map<UUID, ServiceType> types, Map<UUID, String> places, String country) {
    String type(UUID id) {
      ServiceType t = types.get(id);
      return t == null ? "" : t.name();
    }

    String description(UUID id) {
      ServiceType t = types.get(id);
      return t == null ? "" : t.description();
    }

    String eligibility(UUID id) {
      ServiceType t = types.get(id);
      return t == null
          ? ""
          : t.beneficiaryCategories().stream()
              .map(Enum::name)
              .sorted()
              .collect(Collectors.joining(", "));
    }

    String place(UUID id) {
      return id == null ? "" : places.getOrDefault(id, "");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
