package org.socius.territory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.platform.Ids;
import org.socius.platform.api.CsvReader;
import org.socius.platform.api.ImportReport;
import org.socius.platform.api.PageResponse;
import org.socius.platform.api.Paging;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.TerritorialScope;
import org.socius.territory.internal.Calendars;
import org.socius.territory.internal.TerritoryUnits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The territorial hierarchy and the regions' calendars: look-ups for every module, and the changes
 * administrators and regional officers make. The hierarchy is public reference data; a change is
 * allowed only inside the actor's scope, and a unit outside it answers as unknown.
 */
@Service
public class Territories {

  private static final String CODE_PATTERN = "[A-Za-z0-9._-]{1,32}";
  private static final int MAX_NAME = 200;

  private final TerritoryUnits units;
  private final Calendars calendars;
  private final AuditLog audit;

  Territories(TerritoryUnits units, Calendars calendars, AuditLog audit) {
    this.units = units;
    this.calendars = calendars;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Optional<TerritoryUnit> find(UUID id) {
    return id == null ? Optional.empty() : units.find(id);
  }

  @Transactional(readOnly = true)
  public Optional<TerritoryUnit> findByCode(String code) {
    return units.findByCode(code);
  }

  @Transactional(readOnly = true)
  public List<TerritoryUnit> children(UUID parentId) {
    return units.children(parentId);
  }

  @Transactional(readOnly = true)
  public List<TerritoryUnit> regions() {
    return units.byLevel(TerritoryLevel.REGION);
  }

  @Transactional(readOnly = true)
  public List<TerritoryUnit> municipalities() {
    return units.byLevel(TerritoryLevel.MUNICIPALITY);
  }

  @Transactional(readOnly = true)
  public Optional<TerritoryUnit> nation() {
    return units.nation();
  }

  @Transactional(readOnly = true)
  public PageResponse<TerritoryUnit> search(
      TerritoryLevel level, UUID parentId, String text, int page, int size) {
    Paging.check(page, size);
    return PageResponse.of(
        units.search(level, parentId, text, size, (long) page * size),
        page,
        size,
        units.count(level, parentId, text));
  }

  /** The chain from the country down to the unit, for breadcrumbs. */
  @Transactional(readOnly = true)
  public List<TerritoryUnit> path(UUID id) {
    List<TerritoryUnit> path = new ArrayList<>();
    Optional<TerritoryUnit> current = units.find(id);
    while (current.isPresent()) {
      path.addFirst(current.get());
      current =
          current.get().parentId() == null
              ? Optional.empty()
              : units.find(current.get().parentId());
    }
    return path;
  }

  /** Whether the actor may change this unit (the same rule PostgreSQL applies). */
  public boolean mayChange(TerritoryUnit unit) {
    return CurrentScope.get().allows(unit.regionId(), unit.municipalityId());
  }

  @Transactional
  public TerritoryUnit create(NewTerritoryUnit request) {
    List<Finding> findings = new ArrayList<>();
    TerritoryUnit unit =
        prepare(
            request, this::existingParent, code -> units.findByCode(code).isPresent(), findings);
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    insert(unit);
    return unit;
  }

  /** A place found by name, with the centre of its unit. */
  public record Place(UUID unitId, String name, double latitude, double longitude) {}

  /**
   * The place a typed address or place name refers to, down to the settlement: the unit with a
   * centre whose name occurs in the text, the most specific first. Street-level positions need a
   * geocoder, which this does not replace.
   */
  @Transactional(readOnly = true)
  public Optional<Place> locate(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return units
        .locate(text.trim())
        .map(l -> new Place(l.unitId(), l.name(), l.latitude(), l.longitude()));
  }

  /** Sets a unit's centre, or clears it with two nulls. */
  @Transactional
  public void setCentre(UUID id, Double latitude, Double longitude) {
    TerritoryUnit unit = changeable(id);
    List<Finding> findings = new ArrayList<>();
    checkCentre(latitude, longitude, findings);
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Optional<double[]> before = units.centre(id);
    units.setCentre(id, latitude, longitude);
    audit.recordChange(
        entity(unit),
        "update",
        Map.of("centre", before.map(c -> c[0] + "," + c[1]).orElse("")),
        Map.of("centre", latitude == null ? "" : latitude + "," + longitude));
  }

  private static void checkCentre(Double latitude, Double longitude, List<Finding> findings) {
    if ((latitude == null) != (longitude == null)) {
      findings.add(Finding.of(latitude == null ? "latitude" : "longitude", "TER-0112"));
    } else if (latitude != null
        && !(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
      findings.add(Finding.of("latitude", "TER-0112"));
    }
  }

  @Transactional
  public TerritoryUnit rename(UUID id, int expectedVersion, String code, String name) {
    TerritoryUnit before = changeable(id);
    if (before.version() != expectedVersion) {
      throw ConflictException.staleVersion(expectedVersion, before.version());
    }
    List<Finding> findings = new ArrayList<>();
    checkCodeAndName(code, name, findings);
    if (findings.isEmpty()
        && !before.code().equalsIgnoreCase(code.trim())
        && units.findByCode(code.trim()).isPresent()) {
      findings.add(Finding.of("code", "TER-0105", code.trim()));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    if (!units.update(id, expectedVersion, code.trim(), name.trim())) {
      throw ConflictException.staleVersion(expectedVersion, "newer");
    }
    TerritoryUnit after = units.find(id).orElseThrow();
    audit.recordChange(entity(after), "update", before, after);
    return after;
  }

  /**
   * Imports units from CSV with the header {@code code,level,parent_code,name}, optionally followed
   * by {@code latitude,longitude} (the unit's centre, both or neither). A parent may be an existing
   * unit or one defined earlier in the file. Every bad row is reported and nothing is imported
   * unless all rows are good.
   */
  @Transactional
  public ImportReport importCsv(String csv) {
    List<CsvReader.Row> rows = CsvReader.parse(csv == null ? "" : csv);
    List<ImportReport.LineFinding> findings = new ArrayList<>();
    if (rows.isEmpty()) {
      return new ImportReport(
          0, 0, List.of(new ImportReport.LineFinding(1, Finding.of(null, "TER-0201"))));
    }
    List<String> header =
        rows.getFirst().cells().stream().map(c -> c.trim().toLowerCase()).toList();
    List<String> basic = List.of("code", "level", "parent_code", "name");
    boolean withCentres =
        header.equals(List.of("code", "level", "parent_code", "name", "latitude", "longitude"));
    if (!header.equals(basic) && !withCentres) {
      return new ImportReport(
          0, 0, List.of(new ImportReport.LineFinding(1, Finding.of(null, "TER-0202"))));
    }
    Map<String, TerritoryUnit> fromFile = new HashMap<>();
    List<TerritoryUnit> toInsert = new ArrayList<>();
    Map<UUID, Double[]> centres = new HashMap<>();
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      List<Finding> rowFindings = new ArrayList<>();
      Double[] centre = withCentres ? parseCentre(row, rowFindings) : null;
      TerritoryLevel level = parseLevel(row.cell(1), rowFindings);
      String parentCode = row.cell(2);
      UUID parentId = null;
      if (!parentCode.isEmpty()) {
        TerritoryUnit parent = fromFile.get(parentCode.toLowerCase());
        if (parent == null) {
          parent = units.findByCode(parentCode).orElse(null);
        }
        if (parent == null) {
          rowFindings.add(Finding.of("parent_code", "TER-0203", parentCode));
        } else {
          parentId = parent.id();
        }
      }
      if (level == TerritoryLevel.NATIONAL
          && toInsert.stream().anyMatch(u -> u.level() == TerritoryLevel.NATIONAL)) {
        rowFindings.add(Finding.of("level", "TER-0108"));
      }
      if (rowFindings.isEmpty()) {
        UUID parent = parentId;
        TerritoryUnit unit =
            prepare(
                new NewTerritoryUnit(level, parent, row.cell(0), row.cell(3)),
                id ->
                    toInsert.stream()
                        .filter(u -> u.id().equals(id))
                        .findFirst()
                        .or(() -> units.find(id)),
                code ->
                    fromFile.containsKey(code.toLowerCase()) || units.findByCode(code).isPresent(),
                rowFindings);
        if (rowFindings.isEmpty()) {
          fromFile.put(unit.code().toLowerCase(), unit);
          toInsert.add(unit);
          if (centre != null && centre[0] != null) {
            centres.put(unit.id(), centre);
          }
        }
      }
      rowFindings.forEach(f -> findings.add(new ImportReport.LineFinding(row.line(), f)));
    }
    int read = rows.size() - 1;
    if (!findings.isEmpty()) {
      return new ImportReport(read, 0, findings);
    }
    toInsert.forEach(this::insert);
    centres.forEach((id, c) -> units.setCentre(id, c[0], c[1]));
    return new ImportReport(read, toInsert.size(), List.of());
  }

  /** The centre columns of an import line: both empty, or two numbers in range. */
  private static Double[] parseCentre(CsvReader.Row row, List<Finding> findings) {
    String lat = row.cell(4).trim();
    String lon = row.cell(5).trim();
    if (lat.isEmpty() && lon.isEmpty()) {
      return new Double[] {null, null};
    }
    try {
      Double[] centre = {Double.valueOf(lat), Double.valueOf(lon)};
      checkCentre(centre[0], centre[1], findings);
      return centre;
    } catch (NumberFormatException e) {
      findings.add(Finding.of("latitude", "TER-0112"));
      return new Double[] {null, null};
    }
  }

  @Transactional(readOnly = true)
  public Set<DayOfWeek> weekend(UUID regionId) {
    region(regionId);
    return calendars.weekend(regionId);
  }

  @Transactional(readOnly = true)
  public List<CalendarDay> calendarExceptions(UUID regionId, LocalDate from, LocalDate to) {
    region(regionId);
    return calendars.exceptions(regionId, from, to);
  }

  @Transactional
  public void setWeekend(UUID regionId, Set<DayOfWeek> days) {
    TerritoryUnit region = changeableRegion(regionId);
    if (days == null || days.size() > 6) {
      throw InvalidInputException.of("weekendDays", "TER-0304");
    }
    Set<DayOfWeek> before = calendars.weekend(regionId);
    calendars.saveWeekend(regionId, days);
    audit.recordChange(calendarEntity(region), "set-weekend", before, days);
  }

  @Transactional
  public void setCalendarDay(CalendarDay day) {
    TerritoryUnit region = changeableRegion(day.regionId());
    List<Finding> findings = new ArrayList<>();
    if (day.day() == null) {
      findings.add(Finding.of("day", "TER-0305"));
    }
    String description = day.description() == null ? "" : day.description().trim();
    if (description.length() > MAX_NAME) {
      findings.add(Finding.of("description", "TER-0104", MAX_NAME));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    CalendarDay clean = new CalendarDay(day.regionId(), day.day(), day.working(), description);
    Optional<CalendarDay> before = calendars.exception(day.regionId(), day.day());
    calendars.saveException(clean);
    audit.recordChange(calendarEntity(region), "set-day", before.orElse(null), clean);
  }

  @Transactional
  public void removeCalendarDay(UUID regionId, LocalDate day) {
    TerritoryUnit region = changeableRegion(regionId);
    CalendarDay before =
        calendars
            .exception(regionId, day)
            .orElseThrow(() -> new NotFoundException("calendar day", day));
    calendars.deleteException(regionId, day);
    audit.recordChange(calendarEntity(region), "remove-day", before, null);
  }

  /** The region with this id, or 404. */
  public TerritoryUnit region(UUID regionId) {
    return units
        .find(regionId)
        .filter(u -> u.level() == TerritoryLevel.REGION)
        .orElseThrow(() -> new NotFoundException("region", regionId));
  }

  private TerritoryUnit changeableRegion(UUID regionId) {
    TerritoryUnit region = region(regionId);
    if (!CurrentScope.get().allows(region.regionId(), null)) {
      throw new NotFoundException("region", regionId);
    }
    return region;
  }

  private TerritoryUnit changeable(UUID id) {
    TerritoryUnit unit = units.find(id).orElseThrow(() -> new NotFoundException("territory", id));
    if (!mayChange(unit)) {
      throw new NotFoundException("territory", id);
    }
    return unit;
  }

  private Optional<TerritoryUnit> existingParent(UUID id) {
    return units.find(id);
  }

  /** Checks a new unit and places it in the hierarchy; findings collect what is wrong. */
  private TerritoryUnit prepare(
      NewTerritoryUnit request,
      Function<UUID, Optional<TerritoryUnit>> parents,
      Predicate<String> codeTaken,
      List<Finding> findings) {
    checkCodeAndName(request.code(), request.name(), findings);
    if (request.level() == null) {
      findings.add(Finding.of("level", "TER-0106"));
      return null;
    }
    if (findings.isEmpty() && codeTaken.test(request.code().trim())) {
      findings.add(Finding.of("code", "TER-0105", request.code().trim()));
    }
    UUID id = Ids.newId();
    UUID regionId = null;
    UUID municipalityId = null;
    if (request.level() == TerritoryLevel.NATIONAL) {
      if (request.parentId() != null) {
        findings.add(Finding.of("parentId", "TER-0107"));
      }
      if (units.nation().isPresent()) {
        findings.add(Finding.of("level", "TER-0108"));
      }
    } else {
      TerritoryUnit parent =
          request.parentId() == null ? null : parents.apply(request.parentId()).orElse(null);
      if (parent == null) {
        findings.add(Finding.of("parentId", "TER-0109"));
      } else if (request.level().parentLevel().orElseThrow() != parent.level()) {
        findings.add(Finding.of("parentId", "TER-0110", parent.name()));
      } else {
        regionId = request.level() == TerritoryLevel.REGION ? id : parent.regionId();
        municipalityId =
            switch (request.level()) {
              case MUNICIPALITY -> id;
              case SETTLEMENT -> parent.municipalityId();
              default -> null;
            };
      }
    }
    if (!findings.isEmpty()) {
      return null;
    }
    TerritorialScope scope = CurrentScope.get();
    if (!scope.allows(regionId, municipalityId)) {
      findings.add(Finding.of("parentId", "TER-0111"));
      return null;
    }
    return new TerritoryUnit(
        id,
        request.level(),
        request.parentId(),
        request.code().trim(),
        request.name().trim(),
        regionId,
        municipalityId,
        0);
  }

  private static void checkCodeAndName(String code, String name, List<Finding> findings) {
    if (code == null || !code.trim().matches(CODE_PATTERN)) {
      findings.add(Finding.of("code", "TER-0101"));
    }
    if (name == null || name.isBlank()) {
      findings.add(Finding.of("name", "TER-0102"));
    } else if (name.trim().length() > MAX_NAME) {
      findings.add(Finding.of("name", "TER-0103", MAX_NAME));
    }
  }

  private static TerritoryLevel parseLevel(String text, List<Finding> findings) {
    try {
      return TerritoryLevel.valueOf(text.trim().toUpperCase());
    } catch (IllegalArgumentException e) {
      findings.add(Finding.of("level", "TER-0106"));
      return null;
    }
  }

  private void insert(TerritoryUnit unit) {
    units.insert(unit);
    audit.recordChange(entity(unit), "create", null, unit);
    if (unit.level() == TerritoryLevel.REGION) {
      calendars.saveWeekend(unit.id(), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }
  }

  private static AuditedEntity entity(TerritoryUnit unit) {
    return AuditedEntity.of("territory", unit.id(), unit.regionId(), unit.municipalityId());
  }

  private static AuditedEntity calendarEntity(TerritoryUnit region) {
    return AuditedEntity.of("calendar", region.id(), region.id(), null);
  }
}
