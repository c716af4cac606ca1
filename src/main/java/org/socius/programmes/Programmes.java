package org.socius.programmes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.Finding;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.programmes.internal.ProgrammeRecords;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes as the ministry's analysts define them: a programme, then versions of its rules that
 * are drafted, tried on sample households, and published. A version that does not compile, in the
 * nation or in any region with its own values, cannot be published; a published version never
 * changes, and a later one applies only from its own date.
 */
@Service
public class Programmes {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9-]{1,31}");

  private final ProgrammeRecords records;
  private final RuleCompiler compiler;
  private final AuditLog audit;
  private final Clock clock;
  private final Territories territories;
  private final Map<String, CompiledRules> compiled = new ConcurrentHashMap<>();
  private final Map<UUID, Programme.Version> published = new ConcurrentHashMap<>();

  Programmes(
      ProgrammeRecords records,
      RuleCompiler compiler,
      AuditLog audit,
      Clock clock,
      Territories territories) {
    this.territories = territories;
    this.records = records;
    this.compiler = compiler;
    this.audit = audit;
    this.clock = clock;
  }

  /** A new programme, before any rules. */
  public record NewProgramme(
      String code,
      String name,
      String description,
      Programme.Kind kind,
      Integer position,
      boolean lastResort) {}

  /** A version's rules as drafted. */
  public record Draft(
      LocalDate effectiveFrom,
      List<Rules.Criterion> criteria,
      String formula,
      Map<String, Long> parameters,
      Map<UUID, Map<String, Long>> regionalParameters) {}

  @Transactional
  public Programme create(NewProgramme p) {
    requireNational();
    List<Finding> findings = new ArrayList<>();
    String code = p.code() == null ? "" : p.code().trim().toUpperCase();
    if (!CODE.matcher(code).matches()) {
      findings.add(Finding.of("code", "PRG-0201"));
    } else if (records.codeTaken(code)) {
      findings.add(Finding.of("code", "PRG-0202", code));
    }
    if (p.name() == null || p.name().isBlank()) {
      findings.add(Finding.of("name", "PRG-0203"));
    }
    if (p.kind() == null) {
      findings.add(Finding.of("kind", "PRG-0204"));
    }
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Programme programme =
        new Programme(
            Ids.newId(),
            code,
            p.name().trim(),
            p.description() == null ? "" : p.description().trim(),
            p.kind(),
            p.position() == null ? 100 : p.position(),
            p.lastResort(),
            List.of());
    records.insertProgramme(programme);
    audit.recordChange(
        AuditedEntity.national("programme", programme.id()), "create", null, programme);
    return get(programme.id());
  }

  /** Saves a draft version; drafts may still be wrong, publishing checks them. */
  @Transactional
  public Programme.Version draft(UUID programmeId, Draft d) {
    requireNational();
    Programme programme = get(programmeId);
    records.lockProgramme(programme.id());
    List<Finding> findings = new ArrayList<>();
    if (d.effectiveFrom() == null) {
      findings.add(Finding.of("effectiveFrom", "PRG-0205"));
    }
    if (d.formula() == null || d.criteria() == null) {
      findings.add(Finding.of("formula", "PRG-0103"));
    } else {
      for (int i = 0; i < d.criteria().size(); i++) {
        Rules.Criterion c = d.criteria().get(i);
        if (c == null || c.name() == null || c.name().isBlank()) {
          findings.add(Finding.of("criteria[" + i + "].name", "PRG-0102"));
        } else if (c.expression() == null || c.expression().isBlank()) {
          findings.add(Finding.of("criteria[" + i + "].expression", "PRG-0103"));
        }
      }
    }
    Map<String, Long> parameters = d.parameters() == null ? Map.of() : d.parameters();
    parameters.forEach(
        (name, value) -> {
          if (value == null) {
            findings.add(Finding.of("parameters." + name, "PRG-0213", name));
          }
        });
    Map<UUID, Map<String, Long>> regional =
        d.regionalParameters() == null ? Map.of() : d.regionalParameters();
    regional.forEach(
        (region, values) -> {
          if (region == null
              || territories.find(region).filter(u -> u.level() == TerritoryLevel.REGION).isEmpty()
              || values == null) {
            findings.add(Finding.of("regionalParameters", "PRG-0214", String.valueOf(region)));
            return;
          }
          values.forEach(
              (name, value) -> {
                if (!parameters.containsKey(name)) {
                  findings.add(Finding.of("regionalParameters." + name, "PRG-0206", name));
                } else if (value == null) {
                  findings.add(Finding.of("regionalParameters." + name, "PRG-0213", name));
                }
              });
        });
    if (!findings.isEmpty()) {
      throw new InvalidInputException(findings);
    }
    Programme.Version version =
        new Programme.Version(
            Ids.newId(),
            records.nextVersionNumber(programme.id()),
            d.effectiveFrom(),
            Programme.Status.DRAFT,
            d.criteria(),
            d.formula(),
            Map.copyOf(parameters),
            Map.copyOf(regional),
            null,
            null);
    records.insertVersion(programme.id(), version);
    audit.recordChange(AuditedEntity.national("programme", programme.id()), "draft", null, version);
    return version(version.id());
  }

  /**
   * Evaluates a version (draft or published) on sample households, in a region's values or the
   * nation's; a version that does not compile answers its problems instead.
   */
  @Transactional(readOnly = true)
  public List<CompiledRules.Evaluation> test(
      UUID versionId, UUID regionId, List<Map<String, Object>> households) {
    CompiledRules rules = compiler.compile(version(versionId).rulesIn(regionId));
    List<CompiledRules.Evaluation> results = new ArrayList<>();
    for (int i = 0; i < households.size(); i++) {
      try {
        results.add(rules.evaluate(households.get(i)));
      } catch (CompiledRules.RuleFault e) {
        // A rule that compiles may still fail on some data (a division by zero): the analyst
        // learns which household and why, before anybody depends on the rule.
        throw InvalidInputException.of("households[" + i + "]", "PRG-0106", i + 1, e.getMessage());
      }
    }
    return results;
  }

  /** Publishes a draft: it must compile everywhere, and apply from a date after every earlier. */
  @Transactional
  public Programme.Version publish(UUID versionId) {
    requireNational();
    // One publication of a programme at a time: "only forward in time" compares with the others.
    records.lockProgramme(
        records
            .programmeOf(versionId)
            .orElseThrow(() -> new NotFoundException("programme version", versionId)));
    Programme.Version version = version(versionId);
    if (version.status() != Programme.Status.DRAFT) {
      throw new ConflictException("PRG-0207", version.number());
    }
    compiler.compile(version.rulesIn(null));
    for (UUID region : version.regionalParameters().keySet()) {
      compiler.compile(version.rulesIn(region));
    }
    if (version.effectiveFrom().isBefore(LocalDate.now(clock))) {
      throw InvalidInputException.of("effectiveFrom", "PRG-0208");
    }
    UUID programmeId = records.programmeOf(versionId).orElseThrow();
    Optional<Programme.Version> latest =
        get(programmeId).versions().stream()
            .filter(v -> v.status() == Programme.Status.PUBLISHED)
            .max(Comparator.comparing(Programme.Version::effectiveFrom));
    if (latest.isPresent() && !version.effectiveFrom().isAfter(latest.get().effectiveFrom())) {
      throw InvalidInputException.of(
          "effectiveFrom", "PRG-0209", latest.get().effectiveFrom().toString());
    }
    if (!records.publish(versionId, CurrentScope.actorName())) {
      throw new ConflictException("PRG-0207", version.number());
    }
    audit.recordChange(
        AuditedEntity.national("programme", programmeId),
        "publish",
        Map.of("status", Programme.Status.DRAFT),
        Map.of("version", version.number(), "effectiveFrom", version.effectiveFrom()));
    return version(versionId);
  }

  /**
   * The rules of a programme in force in a region on a date, compiled once per version and region;
   * empty if no published version applies yet.
   */
  @Transactional(readOnly = true)
  public Optional<CompiledRules> rulesOn(UUID programmeId, UUID regionId, LocalDate date) {
    return versionOn(programmeId, date).map(v -> rulesOf(v, regionId));
  }

  /** The published version of a programme in force on a date, if any. */
  @Transactional(readOnly = true)
  public Optional<Programme.Version> versionOn(UUID programmeId, LocalDate date) {
    return versionOn(get(programmeId), date);
  }

  /** The published version of a programme already read in force on a date, if any. */
  public static Optional<Programme.Version> versionOn(Programme programme, LocalDate date) {
    return programme.versions().stream()
        .filter(v -> v.status() == Programme.Status.PUBLISHED)
        .filter(v -> !v.effectiveFrom().isAfter(date))
        .max(Comparator.comparing(Programme.Version::effectiveFrom));
  }

  /**
   * A version's rules in a region (null: the nation), compiled. Published versions never change, so
   * their compilation is kept; a draft is compiled afresh each time, since it may have been
   * replaced.
   */
  public CompiledRules rulesOf(Programme.Version v, UUID regionId) {
    if (v.status() != Programme.Status.PUBLISHED) {
      return compiler.compile(v.rulesIn(regionId));
    }
    return compiled.computeIfAbsent(
        v.id() + "/" + regionId, key -> compiler.compile(v.rulesIn(regionId)));
  }

  /**
   * The programmes considered before this one: every other programme comes before a last resort;
   * otherwise those with an earlier position. Their benefits count as income to this one.
   */
  @Transactional(readOnly = true)
  public Set<UUID> consideredBefore(UUID programmeId) {
    Programme p = get(programmeId);
    Set<UUID> before = new HashSet<>();
    for (Programme other : records.programmes()) {
      if (other.id().equals(p.id())) {
        continue;
      }
      boolean earlier =
          p.lastResort()
              ? !other.lastResort() || other.position() < p.position()
              : !other.lastResort() && other.position() < p.position();
      if (earlier) {
        before.add(other.id());
      }
    }
    return before;
  }

  @Transactional(readOnly = true)
  public List<Programme> all() {
    return records.programmes();
  }

  @Transactional(readOnly = true)
  public Programme get(UUID id) {
    return records.programme(id).orElseThrow(() -> new NotFoundException("programme", id));
  }

  /**
   * A version of a programme's rules. Published versions never change and are kept once read: every
   * decision shown reads the version it was made under.
   */
  @Transactional(readOnly = true)
  public Programme.Version version(UUID versionId) {
    Programme.Version known = published.get(versionId);
    if (known != null) {
      return known;
    }
    UUID programmeId =
        records
            .programmeOf(versionId)
            .orElseThrow(() -> new NotFoundException("programme version", versionId));
    Programme.Version version =
        get(programmeId).versions().stream()
            .filter(v -> v.id().equals(versionId))
            .findFirst()
            .orElseThrow();
    if (version.status() == Programme.Status.PUBLISHED) {
      published.put(versionId, version);
    }
    return version;
  }

  /**
   * Programmes are national: their rules, and every region's values in them, are changed by the
   * ministry, not by a region's administrator.
   */
  private static void requireNational() {
    if (!CurrentScope.get().isNationalOrWider()) {
      throw new AccessDeniedException("Programmes are changed nationally");
    }
  }
}
