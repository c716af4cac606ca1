package org.socius.people;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.socius.people.PeopleKinds.Category;
import org.socius.people.PeopleKinds.DisabilityDegree;
import org.socius.people.PeopleKinds.Relation;
import org.socius.people.PeopleKinds.Sex;
import org.socius.people.internal.PeopleRecords;
import org.socius.platform.api.CsvReader;
import org.socius.platform.api.ImportReport;
import org.socius.platform.errors.Finding;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.socius.territory.TerritoryUnit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings an existing register of people into Socius from CSV, with their households: every line is
 * checked as a registration would be (details, identifier, possible duplicates in the register and
 * within the file) and households are checked whole; a file with any problem imports nothing, and
 * the report names every problem by line. Possible duplicates are for a worker to check and
 * register by hand.
 */
@Service
public class PeopleImport {

  public static final List<String> HEADER =
      List.of(
          "family_name",
          "given_names",
          "date_of_birth",
          "sex",
          "identifier",
          "municipality_code",
          "registered_address",
          "actual_address",
          "phone",
          "email",
          "disability_degree",
          "disability_assessed_on",
          "categories",
          "household",
          "relation");

  static final int MAX_ROWS = 20_000;

  private final People people;
  private final PeopleRecords records;
  private final Territories territories;
  private final Clock clock;

  PeopleImport(People people, PeopleRecords records, Territories territories, Clock clock) {
    this.people = people;
    this.records = records;
    this.territories = territories;
    this.clock = clock;
  }

  /** A line that passed, waiting for the whole file to pass. */
  private record Line(int number, PersonDetails details, String household, Relation relation) {}

  @Transactional
  public ImportReport importCsv(String csv) {
    List<CsvReader.Row> rows = CsvReader.parse(csv == null ? "" : csv);
    if (rows.isEmpty()) {
      return refused(0, 1, Finding.of(null, "PPL-0501"));
    }
    List<String> header =
        rows.getFirst().cells().stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
    if (!header.equals(HEADER)) {
      return refused(0, 1, Finding.of(null, "PPL-0502", String.join(",", HEADER)));
    }
    if (rows.size() - 1 > MAX_ROWS) {
      return refused(rows.size() - 1, 1, Finding.of(null, "PPL-0506", MAX_ROWS));
    }
    List<ImportReport.LineFinding> findings = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    Map<String, Integer> seenIdentifiers = new HashMap<>();
    Map<LocalDate, Map<String, Integer>> seenPersons = new HashMap<>();
    for (CsvReader.Row row : rows.subList(1, rows.size())) {
      List<Finding> problems = new ArrayList<>();
      PersonDetails d = details(row, problems);
      String household = row.cell(13).trim();
      Relation relation = relation(row.cell(14), household, problems);
      if (problems.isEmpty()) {
        // Locked before the check, so that the check still holds when the line is registered.
        people.lockBirthDate(d.dateOfBirth());
        people.problemsRegistering(d).stream().map(PeopleImport::inColumns).forEach(problems::add);
      }
      if (problems.isEmpty()) {
        String identifier = d.identifier() == null ? "" : d.identifier().trim();
        Integer twin =
            identifier.isEmpty() ? null : seenIdentifiers.putIfAbsent(identifier, row.line());
        Integer same = alike(seenPersons, d, row.line());
        if (twin != null) {
          problems.add(Finding.of("identifier", "PPL-0504", twin));
        } else if (same != null) {
          problems.add(Finding.of("family_name", "PPL-0504", same));
        }
      }
      if (problems.isEmpty()) {
        lines.add(new Line(row.line(), d, household, relation));
      }
      problems.forEach(f -> findings.add(new ImportReport.LineFinding(row.line(), f)));
    }
    findings.addAll(checkHouseholds(lines));
    int read = rows.size() - 1;
    if (!findings.isEmpty()) {
      findings.sort(Comparator.comparingInt(ImportReport.LineFinding::line));
      return new ImportReport(read, 0, findings);
    }
    Map<String, List<Household.NewMember>> households = new LinkedHashMap<>();
    Map<String, PersonDetails> heads = new HashMap<>();
    LocalDate today = LocalDate.now(clock);
    for (Line line : lines) {
      Person person = people.registerChecked(line.details());
      if (!line.household().isEmpty()) {
        households
            .computeIfAbsent(line.household(), k -> new ArrayList<>())
            .add(new Household.NewMember(person.id(), line.relation(), false, today));
        if (line.relation() == Relation.HEAD) {
          heads.put(line.household(), line.details());
        }
      }
    }
    households.forEach(
        (key, members) -> {
          PersonDetails head = heads.get(key);
          String address =
              head.actualAddress() == null || head.actualAddress().isBlank()
                  ? head.registeredAddress()
                  : head.actualAddress();
          people.createHousehold(head.municipalityId(), address, members);
        });
    return new ImportReport(read, lines.size(), List.of());
  }

  /**
   * An earlier line of the file born the same day with a name as alike as the register's check asks
   * (the register cannot see lines not yet imported); its line number, or null. Records this one.
   */
  private Integer alike(Map<LocalDate, Map<String, Integer>> seen, PersonDetails d, int line) {
    String key = NameKey.of(d.familyName(), d.givenNames());
    Map<String, Integer> sameDay =
        seen.computeIfAbsent(d.dateOfBirth(), k -> new LinkedHashMap<>());
    for (Map.Entry<String, Integer> other : sameDay.entrySet()) {
      if (records.similarity(key, other.getKey()) >= PeopleRecords.SIMILAR_NAMES) {
        return other.getValue();
      }
    }
    sameDay.putIfAbsent(key, line);
    return null;
  }

  /** Each household of the file has one head, an address, and members of one municipality. */
  private static List<ImportReport.LineFinding> checkHouseholds(List<Line> lines) {
    Map<String, List<Line>> byKey = new LinkedHashMap<>();
    for (Line line : lines) {
      if (!line.household().isEmpty()) {
        byKey.computeIfAbsent(line.household(), k -> new ArrayList<>()).add(line);
      }
    }
    List<ImportReport.LineFinding> findings = new ArrayList<>();
    byKey.forEach(
        (key, members) -> {
          int first = members.getFirst().number();
          List<Line> headLines =
              members.stream().filter(l -> l.relation() == Relation.HEAD).toList();
          if (headLines.size() != 1) {
            findings.add(
                new ImportReport.LineFinding(first, Finding.of("relation", "PPL-0507", key)));
            return;
          }
          PersonDetails head = headLines.getFirst().details();
          if (blank(head.registeredAddress()) && blank(head.actualAddress())) {
            findings.add(
                new ImportReport.LineFinding(
                    headLines.getFirst().number(), Finding.of("registered_address", "PPL-0301")));
          }
          for (Line l : members) {
            if (!l.details().municipalityId().equals(head.municipalityId())) {
              findings.add(
                  new ImportReport.LineFinding(
                      l.number(),
                      Finding.of("municipality_code", "PPL-0308", l.details().familyName())));
            }
          }
        });
    return findings;
  }

  private PersonDetails details(CsvReader.Row row, List<Finding> problems) {
    LocalDate born = date(row.cell(2), "date_of_birth", problems);
    Sex sex = value(Sex.class, row.cell(3), "sex", problems);
    String code = row.cell(5).trim();
    TerritoryUnit municipality =
        territories
            .findByCode(code)
            .filter(u -> u.level() == TerritoryLevel.MUNICIPALITY)
            .orElse(null);
    if (municipality == null) {
      problems.add(Finding.of("municipality_code", "PPL-0508", code));
    }
    DisabilityDegree degree =
        row.cell(10).isBlank()
            ? null
            : value(DisabilityDegree.class, row.cell(10), "disability_degree", problems);
    LocalDate assessed =
        row.cell(11).isBlank() ? null : date(row.cell(11), "disability_assessed_on", problems);
    Set<Category> categories = EnumSet.noneOf(Category.class);
    for (String c : row.cell(12).split("[;|]")) {
      if (!c.isBlank()) {
        Category category = value(Category.class, c, "categories", problems);
        if (category != null) {
          categories.add(category);
        }
      }
    }
    return new PersonDetails(
        row.cell(0).trim(),
        row.cell(1).trim(),
        born,
        sex,
        row.cell(4).trim(),
        municipality == null ? null : municipality.id(),
        row.cell(6).trim(),
        row.cell(7).trim(),
        row.cell(8).trim(),
        row.cell(9).trim(),
        degree,
        assessed,
        categories);
  }

  private static Relation relation(String text, String household, List<Finding> problems) {
    if (household.isEmpty()) {
      if (!text.isBlank()) {
        problems.add(Finding.of("relation", "PPL-0509"));
      }
      return null;
    }
    return value(Relation.class, text, "relation", problems);
  }

  private static LocalDate date(String text, String column, List<Finding> problems) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      problems.add(Finding.of(column, "PPL-0505", text.trim()));
      return null;
    }
  }

  private static <E extends Enum<E>> E value(
      Class<E> type, String text, String column, List<Finding> problems) {
    try {
      return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(Finding.of(column, "PPL-0505", text.trim()));
      return null;
    }
  }

  /** A registration's finding, named by the file's column rather than the form's field. */
  private static Finding inColumns(Finding f) {
    String column =
        switch (f.field() == null ? "" : f.field()) {
          case "familyName" -> "family_name";
          case "dateOfBirth" -> "date_of_birth";
          case "municipalityId" -> "municipality_code";
          case "disabilityAssessedOn" -> "disability_assessed_on";
          default -> f.field();
        };
    return new Finding(column, f.code(), f.args());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static ImportReport refused(int read, int line, Finding finding) {
    return new ImportReport(read, 0, List.of(new ImportReport.LineFinding(line, finding)));
  }
}
