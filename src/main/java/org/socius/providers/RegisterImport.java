package org.socius.providers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.catalogue.Catalogue;
import org.socius.catalogue.ServiceType;
import org.socius.platform.Ids;
import org.socius.platform.api.CsvReader;
import org.socius.platform.api.ImportReport;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.providers.ProviderKinds.FounderType;
import org.socius.providers.ProviderKinds.ProviderType;
import org.socius.providers.ProviderKinds.RegisteredStatus;
import org.socius.providers.internal.ProviderRecords;
import org.socius.providers.internal.RegisterRecords;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings an existing register into Socius from CSV, one line per service point: the provider (a
 * provider spanning several lines is matched by its registration number), one founder, the point,
 * and the services registered there (catalogue codes separated by ";"). Every line is checked
 * first; a file with any bad line imports nothing and the report lists every problem.
 */
@Service
public class RegisterImport {

  /** The columns, in order, of an import file. */
  public static final List<String> HEADER =
      List.of(
          "legal_name",
          "provider_type",
          "registration_number",
          "founder_name",
          "founder_type",
          "point_name",
          "municipality_code",
          "address",
          "latitude",
          "longitude",
          "capacity",
          "service_codes");

  private final ProviderRecords providers;
  private final RegisterRecords register;
  private final Territories territories;
  private final Catalogue catalogue;
  private final AuditLog audit;
  private final Clock clock;

  RegisterImport(
      ProviderRecords providers,
      RegisterRecords register,
      Territories territories,
      Catalogue catalogue,
      AuditLog audit,
      Clock clock) {
    this.providers = providers;
    this.register = register;
    this.territories = territories;
    this.catalogue = catalogue;
    this.audit = audit;
    this.clock = clock;
  }

  /** A provider gathered from the file, with its points and their services. */
  private record Planned(Provider provider, List<Planned.Point> points) {
    record Point(ServicePoint point, List<UUID> serviceTypes) {}
  }

  /** Imports into the given region, which must be within the actor's scope. */
  @Transactional
  public ImportReport importCsv(String csv, UUID regionId) {
    TerritoryUnit region = territories.region(regionId);
    if (!CurrentScope.get().allows(region.id(), null)) {
      throw new NotFoundException("region", regionId);
    }
    List<CsvReader.Row> rows = CsvReader.parse(csv == null ? "" : csv);
    if (rows.isEmpty()
        || !rows.getFirst().cells().stream()
            .map(c -> c.trim().toLowerCase(Locale.ROOT))
            .toList()
            .equals(HEADER)) {
      return new ImportReport(
          0,
          0,
          List.of(
              new ImportReport.LineFinding(
                  1, Finding.of(null, "PRV-1301", String.join(",", HEADER)))));
    }
    List<ImportReport.LineFinding> findings = new ArrayList<>();
    Map<String, Planned> planned = new LinkedHashMap<>();
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      List<Finding> problems = new ArrayList<>();
      String name = row.cell(0);
      if (name.isEmpty() || name.length() > 300) {
        problems.add(Finding.of("legal_name", "PRV-0101"));
      }
      ProviderType type = parse(ProviderType.class, row.cell(1), "provider_type", problems);
      String registration = row.cell(2);
      if (registration.isEmpty()) {
        problems.add(Finding.of("registration_number", "PRV-1302"));
      } else if (providers.registrationTaken(region.id(), registration)) {
        problems.add(Finding.of("registration_number", "PRV-1309", registration));
      }
      FounderType founderType = parse(FounderType.class, row.cell(4), "founder_type", problems);
      if (row.cell(3).isEmpty()) {
        problems.add(Finding.of("founder_name", "PRV-0201"));
      }
      if (row.cell(5).isEmpty()) {
        problems.add(Finding.of("point_name", "PRV-0501"));
      }
      Optional<TerritoryUnit> municipality =
          territories.findByCode(row.cell(6)).filter(u -> u.level() == TerritoryLevel.MUNICIPALITY);
      if (municipality.isEmpty()) {
        problems.add(Finding.of("municipality_code", "PRV-1303", row.cell(6)));
      } else if (!municipality.get().regionId().equals(region.id())) {
        problems.add(Finding.of("municipality_code", "PRV-0504", municipality.get().name()));
      }
      if (row.cell(7).isEmpty()) {
        problems.add(Finding.of("address", "PRV-0502"));
      }
      Double latitude = number(row.cell(8), -90, 90, "latitude", "PRV-0505", problems);
      Double longitude = number(row.cell(9), -180, 180, "longitude", "PRV-0506", problems);
      Double capacity = number(row.cell(10), 1, 100_000, "capacity", "PRV-0507", problems);
      if (capacity != null && capacity != Math.rint(capacity)) {
        problems.add(Finding.of("capacity", "PRV-0507"));
      }
      List<UUID> services = new ArrayList<>();
      for (String code : row.cell(11).split(";")) {
        if (code.isBlank()) {
          continue;
        }
        Optional<ServiceType> serviceType =
            catalogue.serviceTypeByCode(code.trim()).filter(ServiceType::active);
        if (serviceType.isEmpty()) {
          problems.add(Finding.of("service_codes", "PRV-1304", code.trim()));
        } else {
          services.add(serviceType.get().id());
        }
      }
      if (services.isEmpty()
          && problems.stream().noneMatch(p -> "service_codes".equals(p.field()))) {
        problems.add(Finding.of("service_codes", "PRV-1305"));
      }
      Planned existing = planned.get(registration.toLowerCase(Locale.ROOT));
      if (problems.isEmpty() && existing != null) {
        if (!existing.provider().legalName().equals(name)) {
          problems.add(
              Finding.of("legal_name", "PRV-1306", registration, existing.provider().legalName()));
        }
        if (existing.points().stream()
            .anyMatch(p -> p.point().name().equalsIgnoreCase(row.cell(5)))) {
          problems.add(Finding.of("point_name", "PRV-1307", row.cell(5)));
        }
      }
      if (!problems.isEmpty()) {
        problems.forEach(p -> findings.add(new ImportReport.LineFinding(row.line(), p)));
        continue;
      }
      Planned target =
          planned.computeIfAbsent(
              registration.toLowerCase(Locale.ROOT),
              key ->
                  new Planned(
                      new Provider(
                          Ids.newId(),
                          region.id(),
                          name,
                          type,
                          registration,
                          "",
                          "",
                          "",
                          "",
                          "",
                          "REGISTERED",
                          List.of(
                              new Provider.Founder(Ids.newId(), row.cell(3), founderType, null)),
                          0),
                      new ArrayList<>()));
      target
          .points()
          .add(
              new Planned.Point(
                  new ServicePoint(
                      Ids.newId(),
                      target.provider().id(),
                      region.id(),
                      municipality.get().id(),
                      row.cell(5),
                      row.cell(7),
                      latitude,
                      longitude,
                      capacity.intValue(),
                      "",
                      Set.of(),
                      ""),
                  services));
    }
    int read = rows.size() - 1;
    if (!findings.isEmpty()) {
      return new ImportReport(read, 0, findings);
    }
    LocalDate today = LocalDate.now(clock);
    for (Planned p : planned.values()) {
      providers.insert(p.provider());
      providers.replaceFounders(p.provider().id(), region.id(), p.provider().founders());
      for (Planned.Point point : p.points()) {
        providers.insertPoint(point.point());
        for (UUID type : point.serviceTypes()) {
          register.register(
              new RegisteredService(
                  Ids.newId(),
                  p.provider().id(),
                  region.id(),
                  point.point().municipalityId(),
                  type,
                  point.point().id(),
                  point.point().capacity(),
                  0,
                  RegisteredStatus.ACTIVE,
                  "",
                  today,
                  0),
              null);
        }
      }
      audit.recordChange(
          AuditedEntity.of("provider", p.provider().id(), region.id(), null),
          "import",
          null,
          p.provider());
    }
    return new ImportReport(read, read, List.of());
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, List<Finding> problems) {
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(Finding.of(field, "PRV-1308", value));
      return null;
    }
  }

  private static Double number(
      String value, double min, double max, String field, String code, List<Finding> problems) {
    try {
      double number = Double.parseDouble(value.trim());
      if (number < min || number > max || Double.isNaN(number)) {
        problems.add(Finding.of(field, code));
        return null;
      }
      return number;
    } catch (NumberFormatException e) {
      problems.add(Finding.of(field, code));
      return null;
    }
  }
}
