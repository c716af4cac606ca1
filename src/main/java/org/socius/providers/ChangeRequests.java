package org.socius.providers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.socius.audit.AuditLog;
import org.socius.audit.AuditedEntity;
import org.socius.platform.Ids;
import org.socius.platform.db.TextArrays;
import org.socius.platform.errors.ConflictException;
import org.socius.platform.errors.InvalidInputException;
import org.socius.platform.errors.NotFoundException;
import org.socius.platform.security.CurrentScope;
import org.socius.platform.security.Role;
import org.socius.providers.ProviderKinds.Accessibility;
import org.socius.providers.ProviderKinds.ChangeKind;
import org.socius.providers.ProviderKinds.ChangeStatus;
import org.socius.providers.ProviderKinds.RegisteredStatus;
import org.socius.providers.internal.ProviderRecords;
import org.socius.providers.internal.RegisterRecords;
import org.socius.territory.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a registered provider asks for, reviewed like applications: the provider proposes a new
 * capacity for a registered service or a changed service point, the region's officer approves or
 * refuses it with a reason within the statutory deadline, and only an approved change reaches the
 * register (and its public history). New services come through a new application instead.
 */
@Service
public class ChangeRequests {

  private static final String SELECT =
      """
      select c.*, p.legal_name, r.service_type_id, sp.name as point_name
      from providers.change_request c
      join providers.provider p on p.id = c.provider_id
      left join providers.registered_service r on r.id = c.registered_service_id
      left join providers.service_point sp
        on sp.id = coalesce(c.service_point_id, r.service_point_id)
      """;

  private final JdbcClient jdbc;
  private final ProviderAccess access;
  private final ProviderRecords providers;
  private final RegisterRecords register;
  private final ServicePointRules pointRules;
  private final WorkingDays workingDays;
  private final AuditLog audit;
  private final Clock clock;
  private final int reviewWorkingDays;

  ChangeRequests(
      JdbcClient jdbc,
      ProviderAccess access,
      ProviderRecords providers,
      RegisterRecords register,
      ServicePointRules pointRules,
      WorkingDays workingDays,
      AuditLog audit,
      Clock clock,
      @Value("${socius.providers.review-working-days:30}") int reviewWorkingDays) {
    this.jdbc = jdbc;
    this.access = access;
    this.providers = providers;
    this.register = register;
    this.pointRules = pointRules;
    this.workingDays = workingDays;
    this.audit = audit;
    this.clock = clock;
    this.reviewWorkingDays = reviewWorkingDays;
  }

  /** Asks for a new capacity of one of the provider's registered services. */
  @Transactional
  public ChangeRequest requestCapacity(
      UUID registeredServiceId, Integer capacity, String explanation) {
    RegisteredService service =
        register
            .find(registeredServiceId)
            .orElseThrow(() -> new NotFoundException("registered service", registeredServiceId));
    Provider provider = requireMember(service.providerId(), registeredServiceId);
    if (capacity == null || capacity <= 0 || capacity > 100_000) {
      throw InvalidInputException.of("capacity", "PRV-1501");
    }
    if (service.status() == RegisteredStatus.EXCLUDED) {
      throw new ConflictException("PRV-1502", service.status());
    }
    UUID id = Ids.newId();
    insert(
        id,
        provider,
        ChangeKind.CAPACITY,
        Map.of("registered_service_id", registeredServiceId, "capacity", capacity),
        explanation);
    return find(id);
  }

  /**
   * Asks for a service point to change; the point as proposed must pass every rule a new one does.
   */
  @Transactional
  public ChangeRequest requestPointChange(
      UUID servicePointId, ServicePointDetails proposed, String explanation) {
    ServicePoint current =
        providers
            .point(servicePointId)
            .orElseThrow(() -> new NotFoundException("service point", servicePointId));
    Provider provider = requireMember(current.providerId(), servicePointId);
    ServicePoint point = pointRules.check(servicePointId, provider, proposed);
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("service_point_id", servicePointId);
    columns.put("capacity", point.capacity());
    columns.put("name", point.name());
    columns.put("municipality_id", point.municipalityId());
    columns.put("address", point.address());
    columns.put("latitude", point.latitude());
    columns.put("longitude", point.longitude());
    columns.put("opening_hours", point.openingHours());
    columns.put("phone", point.phone());
    columns.put("accessibility", TextArrays.ofNames(point.accessibility()));
    UUID id = Ids.newId();
    insert(id, provider, ChangeKind.SERVICE_POINT, columns, explanation);
    return find(id);
  }

  /** The provider's services in the register (active or suspended), for its members. */
  @Transactional(readOnly = true)
  public List<RegisteredService> changeableServices(UUID providerId) {
    requireMember(providerId, providerId);
    return register.ofProvider(providerId).stream()
        .filter(s -> s.status() != RegisteredStatus.EXCLUDED)
        .toList();
  }

  /** A provider's requests, newest first: for its members and the officers of its region. */
  @Transactional(readOnly = true)
  public List<ChangeRequest> ofProvider(UUID providerId) {
    Provider provider =
        providers.find(providerId).orElseThrow(() -> new NotFoundException("provider", providerId));
    if (!access.isMember(providerId) && !access.isOfficerOf(provider.regionId())) {
      throw new NotFoundException("provider", providerId);
    }
    return jdbc.sql(SELECT + " where c.provider_id = :p order by c.submitted_at desc")
        .param("p", providerId)
        .query(ChangeRequests::map)
        .list();
  }

  /** Requests awaiting a decision in the officer's territory, the earliest deadline first. */
  @Transactional(readOnly = true)
  public List<ChangeRequest> awaitingReview() {
    boolean officer =
        CurrentScope.actor()
            .map(a -> a.hasRole(Role.REGIONAL_OFFICER) || a.hasRole(Role.ADMINISTRATOR))
            .orElse(false);
    if (!officer) {
      return List.of();
    }
    // Row-level security keeps the list to the officer's territory.
    return jdbc.sql(SELECT + " where c.status = 'SUBMITTED' order by c.due_on, c.submitted_at")
        .query(ChangeRequests::map)
        .list();
  }

  /** One request, for the provider's members and the officers of its region; 404 for others. */
  @Transactional(readOnly = true)
  public ChangeRequest find(UUID id) {
    ChangeRequest request =
        jdbc.sql(SELECT + " where c.id = :id")
            .param("id", id)
            .query(ChangeRequests::map)
            .optional()
            .orElseThrow(() -> new NotFoundException("change request", id));
    if (!access.isMember(request.providerId()) && !access.isOfficerOf(request.regionId())) {
      throw new NotFoundException("change request", id);
    }
    return request;
  }

  /** Approves a request and applies it to the register, with an entry in its public history. */
  @Transactional
  public ChangeRequest approve(UUID id, String note) {
    ChangeRequest request = requireOpenForOfficer(id);
    if (request.kind() == ChangeKind.CAPACITY) {
      RegisteredService service = register.find(request.registeredServiceId()).orElseThrow();
      if (service.status() == RegisteredStatus.EXCLUDED) {
        throw new ConflictException("PRV-1502", service.status());
      }
      if (!register.changeCapacity(request.registeredServiceId(), request.capacity())) {
        throw new ConflictException("PRV-1505", request.capacity());
      }
      history(request, request.registeredServiceId(), "CAPACITY_CHANGED");
      audit.recordChange(
          AuditedEntity.of("registered-service", service.id(), service.regionId(), null),
          "capacity",
          Map.of("capacity", service.capacity()),
          Map.of("capacity", request.capacity()));
    } else {
      ServicePoint before = providers.point(request.servicePointId()).orElseThrow();
      Provider provider = providers.find(request.providerId()).orElseThrow();
      // Checked again: the municipality might have moved or the rules changed since submission.
      ServicePoint after = pointRules.check(request.servicePointId(), provider, request.point());
      providers.updatePoint(after);
      for (RegisteredService s : register.ofProvider(request.providerId())) {
        if (s.servicePointId().equals(request.servicePointId())) {
          history(request, s.id(), "POINT_CHANGED");
        }
      }
      audit.recordChange(
          AuditedEntity.of("service-point", after.id(), after.regionId(), null),
          "update",
          before,
          after);
    }
    decide(request, ChangeStatus.APPROVED, note);
    return find(id);
  }

  /** Refuses a request; the provider sees the reason. Nothing in the register changes. */
  @Transactional
  public ChangeRequest refuse(UUID id, String reason) {
    ChangeRequest request = requireOpenForOfficer(id);
    if (reason == null || reason.isBlank()) {
      throw InvalidInputException.of("reason", "PRV-1506");
    }
    decide(request, ChangeStatus.REFUSED, reason);
    return find(id);
  }

  private Provider requireMember(UUID providerId, UUID subject) {
    if (!access.isMember(providerId)) {
      throw new NotFoundException("registered service", subject);
    }
    return providers.find(providerId).orElseThrow();
  }

  private ChangeRequest requireOpenForOfficer(UUID id) {
    ChangeRequest request = find(id);
    access.requireOfficerOf(request.regionId(), id);
    if (request.status() != ChangeStatus.SUBMITTED) {
      throw new ConflictException("PRV-1504", request.status());
    }
    return request;
  }

  private void insert(
      UUID id,
      Provider provider,
      ChangeKind kind,
      Map<String, Object> columns,
      String explanation) {
    LocalDate today = LocalDate.now(clock);
    LocalDate due = workingDays.addWorkingDays(provider.regionId(), today, reviewWorkingDays);
    String names = String.join(", ", columns.keySet());
    String values =
        columns.keySet().stream()
            .map(c -> c.equals("accessibility") ? "cast(:accessibility as text[])" : ":" + c)
            .collect(Collectors.joining(", "));
    try {
      jdbc.sql(
              "insert into providers.change_request (id, provider_id, region_id, kind,"
                  + " explanation, submitted_by, due_on, "
                  + names
                  + ") values (:id, :provider, :region, :kind, :explanation, :by, :due, "
                  + values
                  + ")")
          .param("id", id)
          .param("provider", provider.id())
          .param("region", provider.regionId())
          .param("kind", kind.name())
          .param("explanation", explanation == null ? "" : explanation.trim())
          .param("by", access.actorName())
          .param("due", due)
          .params(columns)
          .update();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("PRV-1503", "open");
    }
    audit.recordChange(
        AuditedEntity.of("change-request", id, provider.regionId(), null),
        "submit",
        null,
        Map.of("kind", kind, "dueOn", due, "proposal", columns.toString()));
  }

  private void decide(ChangeRequest request, ChangeStatus status, String note) {
    int changed =
        jdbc.sql(
                """
                update providers.change_request set status = :status, decided_by = :by,
                  decided_at = now(), decision_note = :note, version = version + 1
                where id = :id and status = 'SUBMITTED'""")
            .param("status", status.name())
            .param("by", access.actorName())
            .param("note", note == null ? "" : note.trim())
            .param("id", request.id())
            .update();
    if (changed == 0) {
      throw new ConflictException("PRV-1504", "decided");
    }
    audit.recordChange(
        AuditedEntity.of("change-request", request.id(), request.regionId(), null),
        status.name().toLowerCase(),
        Map.of("status", ChangeStatus.SUBMITTED),
        Map.of("status", status, "note", note == null ? "" : note.trim()));
  }

  private void history(ChangeRequest request, UUID registeredServiceId, String kind) {
    jdbc.sql(
            """
            insert into providers.register_event (id, registered_service_id, provider_id, region_id,
              actor_name, kind, reason)
            values (:id, :service, :provider, :region, :actor, :kind, :reason)""")
        .param("id", Ids.newId())
        .param("service", registeredServiceId)
        .param("provider", request.providerId())
        .param("region", request.regionId())
        .param("actor", access.actorName())
        .param("kind", kind)
        .param("reason", request.explanation())
        .update();
  }

  private static ChangeRequest map(ResultSet rs, int row) throws SQLException {
    ChangeKind kind = ChangeKind.valueOf(rs.getString("kind"));
    ServicePointDetails point = null;
    if (kind == ChangeKind.SERVICE_POINT) {
      String[] access = (String[]) rs.getArray("accessibility").getArray();
      Set<Accessibility> accessibility = EnumSet.noneOf(Accessibility.class);
      Arrays.stream(access).map(Accessibility::valueOf).forEach(accessibility::add);
      point =
          new ServicePointDetails(
              rs.getString("name"),
              rs.getObject("municipality_id", UUID.class),
              rs.getString("address"),
              rs.getDouble("latitude"),
              rs.getDouble("longitude"),
              rs.getInt("capacity"),
              rs.getString("opening_hours"),
              accessibility,
              rs.getString("phone"));
    }
    return new ChangeRequest(
        rs.getObject("id", UUID.class),
        rs.getObject("provider_id", UUID.class),
        rs.getString("legal_name"),
        rs.getObject("region_id", UUID.class),
        kind,
        rs.getObject("registered_service_id", UUID.class),
        rs.getObject("service_type_id", UUID.class),
        rs.getObject("service_point_id", UUID.class),
        rs.getString("point_name"),
        rs.getInt("capacity"),
        point,
        rs.getString("explanation"),
        ChangeStatus.valueOf(rs.getString("status")),
        rs.getString("submitted_by"),
        rs.getObject("submitted_at", OffsetDateTime.class),
        rs.getObject("due_on", LocalDate.class),
        rs.getString("decided_by"),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("decision_note"));
  }
}
