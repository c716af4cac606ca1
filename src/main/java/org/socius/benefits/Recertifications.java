package org.socius.benefits;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.benefits.internal.RecertificationPass;
import org.socius.benefits.internal.RunRecords;
import org.socius.platform.Ids;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.platform.security.ScopeLevel;
import org.socius.platform.security.TerritorialScope;
import org.socius.programmes.Programme;
import org.socius.programmes.Programmes;
import org.socius.territory.Territories;
import org.socius.territory.TerritoryLevel;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recertification of a programme's households, and what-if runs of a draft version, as jobs with
 * visible progress. A run is carried out in one repeatable-read transaction on the node that
 * accepted it: if it fails, or the node stops, nothing of it is applied, and the run says so (a run
 * whose node has not reported for two minutes is marked interrupted by any node).
 */
@Service
public class Recertifications {

  private static final Logger log = LoggerFactory.getLogger(Recertifications.class);

  static final int SILENT_SECONDS = 120;

  private final RunRecords runs;
  private final RecertificationPass pass;
  private final Programmes programmes;
  private final Territories territories;
  private final AuditLog audit;
  private final Clock clock;
  private final TransactionTemplate own;
  private final TransactionTemplate wholeRun;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> named(r, "recertification"));
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(r -> named(r, "recertification-heartbeat"));

  Recertifications(
      RunRecords runs,
      RecertificationPass pass,
      Programmes programmes,
      Territories territories,
      AuditLog audit,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.runs = runs;
    this.pass = pass;
    this.programmes = programmes;
    this.territories = territories;
    this.audit = audit;
    this.clock = clock;
    this.own = new TransactionTemplate(transactions);
    own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    // One snapshot for the whole run: the entitlements it reads twice are the same, and one that
    // changes meanwhile makes the run fail whole rather than apply over it.
    this.wholeRun = new TransactionTemplate(transactions);
    wholeRun.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    wholeRun.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
  }

  /**
   * Starts a run: a recertification under the rules in force from the first day of next month (no
   * draft given), or a what-if run of a version, possibly a draft, against the whole register. In a
   * region (its officer may) or the nation (national users only).
   */
  public RecertificationRun start(UUID programmeId, UUID regionId, UUID whatIfVersionId) {
    Roles.require(Role.MINISTRY_ANALYST, Role.REGIONAL_OFFICER, Role.ADMINISTRATOR);
    TerritorialScope scope = CurrentScope.get();
    // A region's run needs a scope that holds the whole region; the nation's, a national one.
    if (regionId == null ? !scope.isNationalOrWider() : !scope.allows(regionId, null)) {
      throw new AccessDeniedException("A run covers only the caller's territory");
    }
    if (regionId != null
        && territories.find(regionId).filter(u -> u.level() == TerritoryLevel.REGION).isEmpty()) {
      throw InvalidInputException.of("regionId", "BEN-0501");
    }
    Programme programme = programmes.get(programmeId);
    LocalDate effectiveOn = LocalDate.now(clock).withDayOfMonth(1).plusMonths(1);
    Programme.Version version;
    if (whatIfVersionId == null) {
      version =
          Programmes.versionOn(programme, effectiveOn)
              .orElseThrow(() -> new ConflictException("BEN-0301", effectiveOn));
    } else {
      version =
          programme.versions().stream()
              .filter(v -> v.id().equals(whatIfVersionId))
              .findFirst()
              .orElseThrow(() -> InvalidInputException.of("versionId", "BEN-0502"));
    }
    String actor = CurrentScope.actorName();
    RecertificationRun run =
        new RecertificationRun(
            Ids.newId(),
            programme.id(),
            whatIfVersionId != null,
            version.id(),
            regionId,
            effectiveOn,
            RecertificationRun.Status.RUNNING,
            0,
            0,
            List.of(),
            null,
            OffsetDateTime.now(clock),
            null,
            actor);
    boolean accepted =
        CurrentScope.asSystem(
            () ->
                own.execute(
                    s -> {
                      if (!run.whatIf()
                          && runs.recertifiedFrom(run.programmeId(), effectiveOn, regionId)) {
                        throw new ConflictException("BEN-0504", effectiveOn);
                      }
                      if (!runs.insert(run)) {
                        return false;
                      }
                      audit.recordChange(
                          AuditedEntity.national("recertification-run", run.id()),
                          run.whatIf() ? "start-what-if" : "start-recertification",
                          null,
                          Map.of(
                              "programme", programme.code(),
                              "version", version.number(),
                              "region", String.valueOf(regionId),
                              "effectiveOn", effectiveOn,
                              "by", actor));
                      return true;
                    }));
    if (!accepted) {
      throw new ConflictException("BEN-0503");
    }
    // The run reports from now on, queued or running, so that no node takes it for stopped.
    AtomicLong total = new AtomicLong();
    AtomicLong processed = new AtomicLong();
    ScheduledFuture<?> beat =
        heartbeat.scheduleWithFixedDelay(
            () -> report(run.id(), total.get(), processed.get()), 1, 2, TimeUnit.SECONDS);
    worker.submit(() -> carryOut(run, version, total, processed, beat));
    return run;
  }

  private void carryOut(
      RecertificationRun run,
      Programme.Version version,
      AtomicLong total,
      AtomicLong processed,
      ScheduledFuture<?> beat) {
    Map<UUID, org.socius.programmes.CompiledRules> compiled = new HashMap<>();
    RecertificationPass.Task task =
        new RecertificationPass.Task(
            run.id(),
            run.programmeId(),
            version.id(),
            run.regionId(),
            run.effectiveOn(),
            run.whatIf(),
            region -> compiled.computeIfAbsent(region, r -> programmes.rulesOf(version, r)),
            run.startedBy(),
            CurrentScope.asSystem(() -> programmes.consideredBefore(run.programmeId())));
    RecertificationPass.Result result;
    try {
      result =
          CurrentScope.asSystem(
              () ->
                  wholeRun.execute(
                      status -> {
                        total.set(pass.total(task));
                        RecertificationPass.Result r = pass.run(task, processed::set);
                        processed.set(r.processed());
                        runs.complete(run.id(), r.processed(), r.summary());
                        return r;
                      }));
    } catch (RuntimeException e) {
      log.warn("Recertification run {} failed; nothing of it was applied", run.id(), e);
      CurrentScope.asSystem(
          () ->
              own.executeWithoutResult(
                  s ->
                      runs.finish(
                          run.id(),
                          RecertificationRun.Status.FAILED,
                          total.get(),
                          processed.get(),
                          String.valueOf(e.getMessage()))));
      return;
    } finally {
      beat.cancel(false);
    }
    // The run is committed: what follows only records it, and failing here must not call it
    // failed (its result row already makes it read as completed).
    try {
      // The audit log is a chain every change extends: appending to it inside the run's
      // repeatable-read snapshot would fail the run whenever anyone else changed anything. The
      // run's start is audited when it is accepted, its outcome right after it commits.
      CurrentScope.asSystem(
          () ->
              own.executeWithoutResult(
                  s -> {
                    runs.finish(
                        run.id(),
                        RecertificationRun.Status.COMPLETED,
                        total.get(),
                        result.processed(),
                        null);
                    audit.recordChange(
                        AuditedEntity.national("recertification-run", run.id()),
                        "complete",
                        null,
                        Map.of(
                            "households", result.processed(),
                            "summary", result.summary().toString()));
                  }));
    } catch (RuntimeException e) {
      log.error(
          "Recertification run {} was applied, but its completion was not recorded", run.id(), e);
    }
  }

  private void report(UUID runId, long total, long processed) {
    try {
      CurrentScope.asSystem(
          () -> own.executeWithoutResult(s -> runs.progress(runId, total, processed)));
    } catch (RuntimeException e) {
      log.warn("Could not record the progress of run {}", runId, e);
    }
  }

  /** Runs whose node stopped reporting: nothing of them was applied. */
  @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
  void markInterrupted() {
    int marked =
        CurrentScope.asSystem(() -> own.execute(s -> runs.markInterrupted(SILENT_SECONDS)));
    if (marked > 0) {
      log.warn(
          "{} recertification run(s) stopped with their node; nothing of them was applied", marked);
    }
  }

  public RecertificationRun get(UUID id) {
    RecertificationRun run =
        CurrentScope.asSystem(() -> own.execute(s -> runs.find(id)))
            .orElseThrow(() -> new NotFoundException("recertification run", id));
    if (!visible(run)) {
      throw new NotFoundException("recertification run", id);
    }
    return run;
  }

  /**
   * A programme's latest runs the caller may see, as {@link #get} lets them open them: national
   * scopes see all, regional ones their region's, municipal ones none (a run covers a region).
   */
  public List<RecertificationRun> ofProgramme(UUID programmeId) {
    TerritorialScope scope = CurrentScope.get();
    if (!scope.isNationalOrWider() && scope.level() != ScopeLevel.REGION) {
      return List.of();
    }
    UUID region = scope.isNationalOrWider() ? null : scope.regionId();
    return CurrentScope.asSystem(() -> own.execute(s -> runs.ofProgramme(programmeId, region)));
  }

  private boolean visible(RecertificationRun run) {
    TerritorialScope scope = CurrentScope.get();
    return scope.isNationalOrWider()
        || (run.regionId() != null && scope.allows(run.regionId(), null));
  }

  @PreDestroy
  void stop() {
    heartbeat.shutdownNow();
    worker.shutdownNow();
  }

  private static Thread named(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
